// Copies the pinned third-party browser assets from node_modules into
// server/static/vendor/, so the pages never fetch a library from a CDN at run time.
// Run from a clean checkout: `cd frontend && npm ci --ignore-scripts && npm run build`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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
  ["topojson-client", "dist/topojson-client.min.js", "topojson/topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson/LICENSE"],
  ["world-atlas", "countries-110m.json", "world-atlas/countries-110m.json"],
  ["world-atlas", "LICENSE", "world-atlas/LICENSE"],
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
// States too small for the 1:110m map (Saint Vincent and the Grenadines, Malta, ...): a point
// each, from the 1:50m data, so that a vote map can still show every member as a dot.
function smallStates() {
  const require = createRequire(import.meta.url);
  const topojson = require("topojson-client");
  const read = (name) => JSON.parse(readFileSync(join(modules, "world-atlas", name), "utf8"));
  const coarse = new Set(read("countries-110m.json").objects.countries.geometries.map((g) => g.id));
  const fine = read("countries-50m.json");
  const points = {};
  for (const f of topojson.feature(fine, fine.objects.countries).features) {
    if (coarse.has(f.id) || !f.geometry) continue;
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const ring = polygons.map((p) => p[0]).sort((a, b) => b.length - a.length)[0];
    const lon = ring.reduce((s, c) => s + c[0], 0) / ring.length;
    const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length;
    points[f.id] = [Number(lon.toFixed(2)), Number(lat.toFixed(2)), f.properties.name];
  }
  return points;
}
writeFileSync(join(vendor, "world-atlas", "small-states.json"), JSON.stringify(smallStates()));
copied.push("world-atlas/small-states.json");
writeFileSync(join(vendor, "MANIFEST.txt"), copied.join("\n") + "\n");
console.log(`copied ${copied.length} files into ${vendor}`);
