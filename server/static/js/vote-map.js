// The vote map: Natural Earth's countries (world-atlas, TopoJSON, ids = ISO numeric = M49),
// projected equirectangularly into an SVG, the members of the vote filled by their value.
(function () {
  "use strict";
  const members = JSON.parse(document.getElementById("map-data").textContent);
  const byCode = {};
  members.forEach(function (m) { byCode[m.m49] = m; });
  const svg = document.getElementById("world-map");
  const NS = "http://www.w3.org/2000/svg";
  const W = 960, H = 480;

  function point(lonLat) {
    return [((lonLat[0] + 180) / 360 * W).toFixed(1), ((90 - lonLat[1]) / 180 * H).toFixed(1)];
  }
  function ringPath(ring) {
    // keep a ring that crosses the antimeridian continuous (Chukotka, Fiji): its far part
    // falls outside the view box and is clipped, instead of a stripe across the map
    let d = "", shift = 0, last = null;
    ring.forEach(function (c) {
      if (last !== null && Math.abs(c[0] - last[0]) > 180) shift += c[0] < last[0] ? 360 : -360;
      const p = point([c[0] + shift, c[1]]);
      d += (d === "" ? "M" : "L") + p[0] + "," + p[1];
      last = c;
    });
    return d + "Z";
  }
  function geometryPath(g) {
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polygons.map(function (poly) { return poly.map(ringPath).join(""); }).join("");
  }

  function dot(member, lonLat) {
    const p = point(lonLat);
    const circle = document.createElementNS(NS, "circle");
    circle.setAttribute("cx", p[0]);
    circle.setAttribute("cy", p[1]);
    circle.setAttribute("r", "5");
    circle.setAttribute("class", "country small map-" + member.value);
    circle.dataset.m49 = member.m49;
    const title = document.createElementNS(NS, "title");
    title.textContent = member.label + ": " + member.valueLabel;
    circle.appendChild(title);
    svg.appendChild(circle);
  }

  Promise.all([
    fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }),
    fetch("/static/vendor/world-atlas/small-states.json").then(function (r) { return r.json(); }),
  ]).then(function (loaded) {
      const world = loaded[0], small = loaded[1];
      const countries = topojson.feature(world, world.objects.countries).features;
      let coloured = 0;
      countries.forEach(function (f) {
        if (!f.geometry) return;
        const path = document.createElementNS(NS, "path");
        path.setAttribute("d", geometryPath(f.geometry));
        const member = byCode[String(f.id)];
        path.setAttribute("class", member ? "country map-" + member.value : "country");
        const title = document.createElementNS(NS, "title");
        title.textContent = member ? member.label + ": " + member.valueLabel : (f.properties.name || "");
        path.appendChild(title);
        if (member) { path.dataset.m49 = member.m49; coloured += 1; }
        svg.appendChild(path);
      });
      members.forEach(function (m) {  // too small for the 1:110m map: a dot where it is
        if (small[m.m49]) { dot(m, small[m.m49]); coloured += 1; }
      });
      svg.dataset.coloured = String(coloured);
    });
})();
