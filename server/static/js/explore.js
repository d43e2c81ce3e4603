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
  const VOTE_COLOURS = { InFavour: "#2e7d32", Against: "#c62828", Abstention: "#f9a825",
    Absent: "#757575" };
  COLOURS.Group = "#ffffff";
  const groups = new Map();  // group node id -> the group's members and edges
  const expanded = new Set();
  const classLabels = { Group: t["explore.groups"] };
  const hidden = new Set();

  const cy = cytoscape({
    container: document.getElementById("cy"),
    style: [
      { selector: "node", style: {
        "background-color": function (n) {
          return VOTE_COLOURS[n.data("value")] || COLOURS[n.data("cls")] || COLOURS.Thing;
        },
        label: "data(short)", "font-size": 11, color: "#1a1a1a", "text-valign": "bottom",
        "text-margin-y": 3, width: 22, height: 22, "text-wrap": "ellipsis",
        "text-max-width": 120 } },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#111" } },
      { selector: "node.group", style: { shape: "round-rectangle", width: 34, height: 22,
        "border-width": 2, "border-style": "dashed", "border-color": "#555", "font-weight": "bold" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f1c40f" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#aab", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#aab", label: "data(label)",
        "font-size": 8, color: "#444", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.85,
        "text-background-padding": 1 } },
      { selector: "edge.hover", style: { label: "data(label)", "line-color": "#555" } },
    ],
  });
  window.unsckgCy = cy;

  function short(label) { return label.length > 24 ? label.slice(0, 23) + "…" : label; }
  function colourOf(n) { return VOTE_COLOURS[n.value] || COLOURS[n.cls] || COLOURS.Thing; }

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
    data.edges.forEach(addEdge);
    (data.groups || []).forEach(function (g) {
      if (cy.getElementById(g.id).nonempty()) return;
      groups.set(g.id, g);
      cy.add({ group: "nodes", classes: "group", data: { id: g.id, label: g.label, short: g.label,
        cls: "Group", clsLabel: t["explore.group"] } });
      addEdge({ id: g.id + " edge", source: iri, target: g.id, label: g.edgeLabel });
    });
    expanded.add(iri);
    permalink();
    centre.addClass("expanded");
    document.getElementById("cy-hint").hidden = true;
    refreshFilter();
    runLayout();
    cy.$(":selected").unselect();
    centre.select();
    showPanel(data);
    document.getElementById("cy").dataset.expanded = String(expanded.size);
  }

  function addEdge(e) {
    if (cy.getElementById(e.id).empty() && cy.getElementById(e.source).nonempty() &&
        cy.getElementById(e.target).nonempty()) cy.add({ group: "edges", data: e });
  }

  // A group node ("voter (50)") is replaced by its members when opened.
  function openGroup(id) {
    const g = groups.get(id);
    if (!g) return;
    g.members.forEach(addNode);
    cy.getElementById(id).remove();
    groups.delete(id);
    g.edges.forEach(addEdge);
    refreshFilter();
    runLayout();
    document.getElementById("cy").dataset.groupsOpened =
      String(Number(document.getElementById("cy").dataset.groupsOpened || 0) + 1);
  }

  // The address of the current view: the entities expanded, in order.
  function permalink() {
    const url = new URL(window.location.href);
    url.searchParams.delete("iri");
    url.searchParams.delete("also");
    const list = Array.from(expanded);
    if (list.length) url.searchParams.set("iri", list[0]);
    list.slice(1).forEach(function (i) { url.searchParams.append("also", i); });
    ["from", "to"].forEach(function (key) {
      const input = document.getElementById("year-" + key);
      if (input.value) url.searchParams.set(key, input.value); else url.searchParams.delete(key);
    });
    window.history.replaceState(null, "", url.pathname + "?" + url.searchParams.toString());
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function dot(colour) {
    const span = el("span", { class: "dot", "aria-hidden": "true" });
    span.style.background = colour;  // CSSOM, not a style attribute: allowed by the CSP
    return span;
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
    const badge = el("span", { class: "badge" }, data.node.clsLabel);
    badge.style.background = colourOf(data.node);
    title.appendChild(badge);
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
      if (n.from) { li.dataset.from = n.from; li.dataset.to = n.to; }
      li.append(dot(colourOf(n)), b, el("small", { class: "note" }, " " + n.clsLabel));
      neighbours.appendChild(li);
    });
    (data.groups || []).forEach(function (g) {
      const b = el("button", { type: "button", class: "linkish open-group" }, g.label);
      b.addEventListener("click", function () { openGroup(g.id); b.disabled = true; });
      const li = el("li");
      li.append(dot("#fff"), b, el("small", { class: "note" }, " " + t["explore.group"]));
      neighbours.appendChild(li);
    });
    body.appendChild(neighbours);
    applyFilter();
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
      label.append(input, dot(COLOURS[cls] || COLOURS.Thing), document.createTextNode(" " + (classLabels[cls] || cls) + " (" +
        cy.nodes().filter(function (n) { return n.data("cls") === cls; }).length + ")"));
      box.appendChild(label);
    });
    applyFilter();
  }
  // The time filter: a dated node (a vote, meeting, document, representation: the server
  // sends its years as from/to) is shown when its years meet [from, to]; undated ones always.
  const yearFrom = document.getElementById("year-from");
  const yearTo = document.getElementById("year-to");
  function yearOf(input) { const y = parseInt(input.value, 10); return isNaN(y) ? null : y; }
  function inTime(data) {
    const lo = yearOf(yearFrom), hi = yearOf(yearTo);
    if (!data.from) return true;
    return (lo === null || Number(data.to) >= lo) && (hi === null || Number(data.from) <= hi);
  }
  function applyFilter() {
    let shown = 0;
    cy.nodes().forEach(function (n) {
      const visible = !hidden.has(n.data("cls")) && (n.hasClass("group") || inTime(n.data()));
      n.style("display", visible ? "element" : "none");
      if (visible) shown += 1;
    });
    groups.forEach(function (g, id) {  // a group says how many of its members the years keep
      const kept = g.members.filter(inTime).length;
      const label = kept === g.members.length ? g.label :
        g.label.replace(/\((\d+)\)$/, "(" + kept + "/$1)");
      cy.getElementById(id).data("short", label);
    });
    document.querySelectorAll("#panel .neighbours li[data-from]").forEach(function (li) {
      li.hidden = !inTime(li.dataset);  // the panel's list follows the years too
    });
    document.getElementById("cy").dataset.shown = String(shown);
  }
  function onTimeChange() { applyFilter(); permalink(); }
  yearFrom.addEventListener("input", onTimeChange);
  yearTo.addEventListener("input", onTimeChange);
  document.getElementById("year-reset").addEventListener("click", function () {
    yearFrom.value = ""; yearTo.value = ""; onTimeChange();
  });

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
  cy.on("tap", "node", function (event) {
    const id = event.target.id();
    if (groups.has(id)) openGroup(id); else expand(id).catch(showError);
  });

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
        li.append(dot(colourOf(r)), b, el("small", { class: "note" }, " " + r.clsLabel));
        list.appendChild(li);
      });
    } catch (error) { showError(error); }
  });
  document.getElementById("layout-select").addEventListener("change", runLayout);
  document.getElementById("fit-button").addEventListener("click", function () { cy.fit(undefined, 30); });
  document.getElementById("clear-button").addEventListener("click", function () {
    cy.elements().remove(); expanded.clear(); groups.clear(); refreshFilter(); permalink();
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
  // Open on the chosen entity (and the others of a permalink), one after the other, with the
  // permalink's years.
  const params = new URL(window.location.href).searchParams;
  const also = params.getAll("also");
  ["from", "to"].forEach(function (key) {
    const year = parseInt(params.get(key) || "", 10);
    if (!isNaN(year)) document.getElementById("year-" + key).value = String(year);
  });
  if (cfg.start) {
    also.reduce(function (done, iri) { return done.then(function () { return expand(iri); }); },
      expand(cfg.start)).catch(showError);
  }
})();
