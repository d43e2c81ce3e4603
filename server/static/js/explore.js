// The graph explorer: search an entity, draw it, click a node to expand its neighbours and
// read its facts and quoted evidence in the side panel. Data comes from /explore/search and
// /explore/node on this server; nothing is fetched from anywhere else.
(function () {
  "use strict";
  const cfg = JSON.parse(document.getElementById("explore-config").textContent);
  const t = cfg.strings;
  const COLOURS = {
    MemberState: "#1f5f99", State: "#4a7fb5", ObserverState: "#6d9bc9", Person: "#c0392b",
    Meeting: "#2e8b57", Presidency: "#b8860b", Resolution: "#8e44ad",
    DraftResolution: "#a569bd", Document: "#7f8c8d", Vote: "#d35400", Briefing: "#16a085",
    Organization: "#5d4037", ExplanationOfVote: "#e67e22", VoteTally: "#c2185b", Thing: "#95a5a6",
  };
  const expanded = new Set();
  const classLabels = {};
  const hidden = new Set();

  const cy = cytoscape({
    container: document.getElementById("cy"),
    style: [
      { selector: "node", style: {
        "background-color": function (n) { return COLOURS[n.data("cls")] || COLOURS.Thing; },
        label: "data(short)", "font-size": 11, color: "#1a1a1a", "text-valign": "bottom",
        "text-margin-y": 3, width: 22, height: 22, "text-wrap": "ellipsis",
        "text-max-width": 120 } },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#111" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f1c40f" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#aab", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#aab", label: "",
        "font-size": 9, color: "#444" } },
      { selector: "edge.hover", style: { label: "data(label)", "line-color": "#555" } },
    ],
  });
  window.unsckgCy = cy;

  function short(label) { return label.length > 18 ? label.slice(0, 17) + "…" : label; }

  function addNode(n) {
    classLabels[n.cls] = n.clsLabel;
    if (cy.getElementById(n.id).nonempty()) return cy.getElementById(n.id);
    return cy.add({ group: "nodes", data: Object.assign({ short: short(n.label) }, n) });
  }

  function runLayout() {
    const name = document.getElementById("layout-select").value;
    const options = { name: name, animate: false, fit: true, padding: 40,
      nodeDimensionsIncludeLabels: true };
    if (name === "breadthfirst") options.roots = cy.nodes(".expanded");  // tree from the expanded
    if (name === "concentric") options.concentric = function (n) { return n.degree(); };
    cy.layout(options).run();
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(); }
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(response.status + " " + response.statusText);
    return response.json();
  }

  async function expand(iri) {
    const data = await getJSON("/explore/node?lang=" + cfg.lang + "&iri=" + encodeURIComponent(iri));
    const centre = addNode(data.node);
    data.neighbours.forEach(addNode);
    data.edges.forEach(function (e) {
      if (cy.getElementById(e.id).empty()) cy.add({ group: "edges", data: e });
    });
    expanded.add(iri);
    centre.addClass("expanded");
    document.getElementById("cy-hint").hidden = true;
    refreshFilter();
    runLayout();
    cy.$(":selected").unselect();
    centre.select();
    showPanel(data);
    document.getElementById("cy").dataset.expanded = String(expanded.size);
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(term) {
    return term.href ? el("a", { href: term.href }, term.text) : el("span", {}, term.text);
  }

  function showPanel(data) {
    const body = document.getElementById("panel-body");
    const panel = document.getElementById("panel");
    const hadFocus = panel.contains(document.activeElement);
    body.replaceChildren();
    const view = data.view;
    const title = el("h3", { tabindex: "-1" }, data.node.label);
    title.appendChild(el("span", { class: "badge", style: "background:" +
      (COLOURS[data.node.cls] || COLOURS.Thing) }, data.node.clsLabel));
    body.appendChild(title);
    body.appendChild(el("p", {}, "")).appendChild(el("a", { href: data.node.href }, data.node.href));
    if (view) {
      const table = el("table", { class: "facts compact" });
      view.facts.forEach(function (pair) {
        const row = el("tr");
        const th = el("th", { scope: "row" });
        th.appendChild(link(pair[0]));
        const td = el("td");
        pair[1].forEach(function (v, i) { if (i) td.appendChild(document.createTextNode(", ")); td.appendChild(link(v)); });
        row.append(th, td);
        table.appendChild(row);
      });
      body.appendChild(el("h4", {}, t["entity.facts"]));
      body.appendChild(table);
      body.appendChild(el("h4", {}, t["entity.evidence"]));
      const list = el("ol", { class: "evidence" });
      view.evidence.slice(0, 10).forEach(function (ev) {
        const item = el("li");
        item.appendChild(el("blockquote", { lang: "zh-Hans" }, ev.quote));
        const source = el("p", { class: "source" }, t["entity.source"] + ": ");
        source.appendChild(el("a", { href: ev.document }, ev.document_label));
        item.appendChild(source);
        list.appendChild(item);
      });
      if (!view.evidence.length) list.appendChild(el("li", { class: "muted" }, "—"));
      body.appendChild(list);
    }
    body.appendChild(el("h4", {}, t["explore.neighbours"] + " · " + data.neighbours.length));
    const neighbours = el("ul", { class: "neighbours" });
    data.neighbours.forEach(function (n) {
      const b = el("button", { type: "button", class: "linkish" }, n.label);
      b.addEventListener("click", function () { expand(n.id).catch(showError); });
      const li = el("li");
      li.append(el("span", { class: "dot", style: "background:" + (COLOURS[n.cls] || COLOURS.Thing),
        "aria-hidden": "true" }), b, el("small", { class: "note" }, " " + n.clsLabel));
      neighbours.appendChild(li);
    });
    body.appendChild(neighbours);
    panel.scrollTop = 0;
    if (hadFocus) title.focus({ preventScroll: true }); // keep keyboard users in the panel
  }

  function showError(error) {
    const body = document.getElementById("panel-body");
    body.replaceChildren(el("p", { class: "notice", role: "alert" }, t["common.error"] + ": " + error.message));
  }

  function refreshFilter() {
    const box = document.getElementById("class-filter");
    const classes = Array.from(new Set(cy.nodes().map(function (n) { return n.data("cls"); }))).sort();
    box.querySelectorAll("label").forEach(function (l) { l.remove(); });
    classes.forEach(function (cls) {
      const label = el("label", { class: "chip" });
      const input = el("input", { type: "checkbox", value: cls });
      input.checked = !hidden.has(cls);
      input.addEventListener("change", function () {
        if (input.checked) hidden.delete(cls); else hidden.add(cls);
        applyFilter();
      });
      label.append(input, el("span", { class: "dot", style: "background:" + (COLOURS[cls] || COLOURS.Thing),
        "aria-hidden": "true" }), document.createTextNode(" " + (classLabels[cls] || cls) + " (" +
        cy.nodes().filter(function (n) { return n.data("cls") === cls; }).length + ")"));
      box.appendChild(label);
    });
    applyFilter();
  }
  function applyFilter() {
    cy.nodes().forEach(function (n) { n.style("display", hidden.has(n.data("cls")) ? "none" : "element"); });
  }

  const tooltip = document.getElementById("tooltip");
  cy.on("mouseover", "node", function (event) {
    const n = event.target;
    tooltip.textContent = n.data("label") + " · " + n.data("clsLabel");
    const p = n.renderedPosition();
    tooltip.style.left = (p.x + 14) + "px";
    tooltip.style.top = (p.y - 10) + "px";
    tooltip.hidden = false;
    n.connectedEdges().addClass("hover");
  });
  cy.on("mouseout", "node", function (event) {
    tooltip.hidden = true;
    event.target.connectedEdges().removeClass("hover");
  });
  cy.on("tap", "node", function (event) { expand(event.target.id()).catch(showError); });

  document.getElementById("search-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    const list = document.getElementById("search-results");
    list.replaceChildren();
    if (!q) return;
    try {
      const data = await getJSON("/explore/search?lang=" + cfg.lang + "&q=" + encodeURIComponent(q));
      if (!data.results.length) list.appendChild(el("li", { class: "muted" }, t["explore.noresults"]));
      data.results.forEach(function (r) {
        const b = el("button", { type: "button", class: "linkish" }, r.label);
        b.addEventListener("click", function () { expand(r.id).catch(showError); });
        const li = el("li");
        li.append(el("span", { class: "dot", style: "background:" + (COLOURS[r.cls] || COLOURS.Thing),
          "aria-hidden": "true" }), b, el("small", { class: "note" }, " " + r.clsLabel));
        list.appendChild(li);
      });
    } catch (error) { showError(error); }
  });
  document.getElementById("layout-select").addEventListener("change", runLayout);
  document.getElementById("fit-button").addEventListener("click", function () { cy.fit(undefined, 30); });
  document.getElementById("clear-button").addEventListener("click", function () {
    cy.elements().remove(); expanded.clear(); refreshFilter();
    document.getElementById("cy-hint").hidden = false;
  });
  document.querySelectorAll("[data-export]").forEach(function (b) {
    b.addEventListener("click", function () { window.unsckgExport.run(cy, b.dataset.export); });
  });
  document.querySelectorAll("button.start").forEach(function (b) {
    b.addEventListener("click", function () { expand(b.dataset.iri).catch(showError); });
  });
  document.querySelectorAll(".suggestions .dot").forEach(function (dot) {
    const cls = dot.className.replace(/^.*dot-/, "");
    dot.style.background = COLOURS[cls] || COLOURS.Thing;
  });
  if (cfg.start) expand(cfg.start).catch(showError);
})();
