// Copies the pinned third-party browser assets from node_modules into
// server/static/vendor/, so the pages never fetch a library from a CDN at run time.
// Run from a clean checkout: `cd frontend && npm ci --ignore-scripts && npm run build`.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "server", "static", "vendor");

// [package folder, file inside it, destination relative to vendor/]
const assets = [
  ["@zazuko/yasgui", "build/yasgui.min.js", "yasgui/yasgui.min.js"],
  ["@zazuko/yasgui", "build/yasgui.min.css", "yasgui/yasgui.min.css"],
  ["@zazuko/yasgui", "LICENSE", "yasgui/LICENSE"],
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape/cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape/LICENSE"],
  ["cytoscape-svg", "cytoscape-svg.js", "cytoscape-svg/cytoscape-svg.js"],
  ["cytoscape-svg", "LICENSE", "cytoscape-svg/LICENSE"],
  ["chart.js", "dist/chart.umd.min.js", "chartjs/chart.umd.min.js"],
  ["chart.js", "LICENSE.md", "chartjs/LICENSE.md"],
];

rmSync(vendor, { recursive: true, force: true });
const copied = [];
for (const [pkg, file, dest] of assets) {
  const source = join(modules, pkg, file);
  if (!existsSync(source)) {
    if (file.startsWith("LICENSE")) continue; // some packages ship no licence file
    throw new Error(`missing ${source}: run npm ci first`);
  }
  const target = join(vendor, dest);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target);
  copied.push(dest);
}
writeFileSync(join(vendor, "MANIFEST.txt"), copied.join("\n") + "\n");
console.log(`copied ${copied.length} files into ${vendor}`);
