// Two result views YASR does not ship without a CDN: a chart (Chart.js) for results with
// numbers, and a graph (Cytoscape.js) for CONSTRUCT results or rows that link IRIs.
(function () {
  "use strict";
  const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;
  const BASE = "https://w3id.org/unsc-kg/id/";

  function isNumber(term) {
    return !!term && term.type !== "uri" &&
      (NUMERIC.test(term.datatype || "") || (term.value !== "" && !isNaN(Number(term.value))));
  }
  function shortName(term, prefixes) {
    const value = term.value;
    if (term.type !== "uri") return value;
    if (value.indexOf(BASE) === 0) return value.slice(BASE.length);
    for (const p in prefixes) {
      if (value.indexOf(prefixes[p]) === 0) return p + ":" + value.slice(prefixes[p].length);
    }
    return value.replace(/^.*[#/]/, "");
  }
  function icon(text) {
    const span = document.createElement("span");
    span.textContent = text;
    span.setAttribute("aria-hidden", "true");
    return span;
  }

  class ChartPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 5; this.label = "Chart"; }
    numericVars() {
      const vars = this.yasr.results.getVariables() || [];
      const rows = this.yasr.results.getBindings() || [];
      return vars.filter(function (v) {
        return rows.length > 0 && rows.every(function (r) { return isNumber(r[v]); });
      });
    }
    canHandleResults() {
      const results = this.yasr.results;
      return !!results && !!results.getBindings && !!results.getBindings() &&
        results.getBindings().length > 0 && this.numericVars().length > 0;
    }
    draw() {
      const prefixes = this.yasr.getPrefixes ? this.yasr.getPrefixes() : {};
      const vars = this.yasr.results.getVariables();
      const rows = this.yasr.results.getBindings().slice(0, 200);
      const numbers = this.numericVars();
      const labelVars = vars.filter(function (v) { return numbers.indexOf(v) < 0; });
      const labels = rows.map(function (r) {
        return labelVars.map(function (v) { return r[v] ? shortName(r[v], prefixes) : ""; })
          .join(" · ");
      });
      const box = document.createElement("div");
      box.className = "yasr-chart";
      const canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", "Chart of " + numbers.join(", "));
      box.appendChild(canvas);
      this.yasr.resultsEl.appendChild(box);
      const palette = ["#1f5f99", "#c0392b", "#2e8b57", "#8e44ad", "#d35400"];
      this.chart = new Chart(canvas, {
        type: "bar",
        data: {
          labels: labels,
          datasets: numbers.map(function (v, i) {
            return { label: v, backgroundColor: palette[i % palette.length],
              data: rows.map(function (r) { return Number(r[v].value); }) };
          }),
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          indexAxis: labels.length > 12 ? "y" : "x" },
      });
    }
    destroy() { if (this.chart) this.chart.destroy(); }
    getIcon() { return icon("▮"); }
  }

  function graphElements(results, prefixes) {
    const nodes = {};
    const edges = [];
    function node(term) {
      if (!nodes[term.value]) {
        nodes[term.value] = { data: { id: term.value, label: shortName(term, prefixes) } };
      }
      return term.value;
    }
    const statements = results.getType && results.getType() === "ttl" ? results.getBindings() : null;
    const rows = statements || results.getBindings() || [];
    const vars = statements ? ["subject", "predicate", "object"] : results.getVariables();
    rows.slice(0, 1000).forEach(function (r, i) {
      if (statements) {
        if (r.object && r.object.type === "uri") {
          edges.push({ data: { id: "e" + i, source: node(r.subject), target: node(r.object),
            label: shortName(r.predicate, prefixes) } });
        }
        return;
      }
      const iris = vars.filter(function (v) { return r[v] && r[v].type === "uri"; });
      iris.slice(1).forEach(function (v) {
        edges.push({ data: { id: "e" + i + v, source: node(r[iris[0]]), target: node(r[v]),
          label: v } });
      });
    });
    return Object.values(nodes).concat(edges);
  }

  class GraphPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 4; this.label = "Graph"; }
    canHandleResults() {
      const results = this.yasr.results;
      if (!results || !results.getBindings || !results.getBindings()) return false;
      return graphElements(results, {}).some(function (el) { return el.data.source; });
    }
    draw() {
      const prefixes = this.yasr.getPrefixes ? this.yasr.getPrefixes() : {};
      const box = document.createElement("div");
      box.className = "yasr-graph";
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", "Graph of the results");
      this.yasr.resultsEl.appendChild(box);
      this.cy = cytoscape({
        container: box,
        elements: graphElements(this.yasr.results, prefixes),
        layout: { name: "cose", animate: false },
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10,
            "background-color": "#1f5f99", width: 14, height: 14, color: "#222" } },
          { selector: "edge", style: { "font-size": 9, width: 1,
            "curve-style": "bezier", "target-arrow-shape": "triangle", color: "#555",
            "line-color": "#999", "target-arrow-color": "#999" } },
          { selector: "edge.hover", style: { label: "data(label)", "line-color": "#555" } },
        ],
      });
      box.dataset.nodes = String(this.cy.nodes().length);
      const cy = this.cy;
      cy.on("mouseover", "node", function (event) { event.target.connectedEdges().addClass("hover"); });
      cy.on("mouseout", "node", function (event) { event.target.connectedEdges().removeClass("hover"); });
      cy.on("tap", "node", function (event) {
        const id = event.target.id();
        if (id.indexOf(BASE) === 0) window.location.href = "/id/" + id.slice(BASE.length);
      });
    }
    destroy() { if (this.cy) this.cy.destroy(); }
    getIcon() { return icon("⬡"); }
  }

  Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
  Yasgui.Yasr.registerPlugin("graph", GraphPlugin);
})();
