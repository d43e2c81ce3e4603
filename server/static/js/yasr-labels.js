// Result tables a reader can read: labels beside IRIs (the IRI on hover), literals without
// datatype suffixes, row numbers with room, and a server error shown as its message.
// YASR's table plugin is adjusted through its prototype, so every tab and page gets it.
(function () {
  "use strict";
  const Yasr = Yasgui.Yasr;
  const Table = Yasr.plugins.table;
  const BASE = "https://w3id.org/unsc-kg/id/";
  const labels = new Map();  // IRI -> label, filled from POST /labels
  const strings = JSON.parse(document.getElementById("editor-config").textContent).strings;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function shortName(iri, prefixes) {
    for (const p in prefixes || {}) {
      if (iri.indexOf(prefixes[p]) === 0) return p + ":" + iri.slice(prefixes[p].length);
    }
    return iri;
  }

  Table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
    const iri = binding.value;
    const short = shortName(iri, prefixes);
    const label = labels.get(iri);
    const local = iri.indexOf(BASE) === 0 ? "/id/" + iri.slice(BASE.length) : iri;
    const safe = /^https?:|^\/id\//i.test(local) ? local : "#";
    const text = label
      ? "<span class='label'>" + escapeHtml(label) + "</span> <span class='short'>" +
        escapeHtml(short) + "</span>"
      : escapeHtml(short);
    return "<a class='iri' href='" + escapeHtml(safe) + "' title='" + escapeHtml(iri) +
      "' data-iri='" + escapeHtml(iri) + "'>" + text + "</a>";
  };
  Table.prototype.formatLiteral = function (binding) {
    const text = escapeHtml(binding.value);
    const tag = binding["xml:lang"];
    const title = tag ? "@" + tag : (binding.datatype || "").replace(/^.*[#/]/, "xsd:");
    return tag || binding.datatype
      ? "<span title='" + escapeHtml(title) + "'" + (tag ? " lang='" + escapeHtml(tag) + "'" : "") +
        ">" + text + "</span>"
      : text;
  };
  Table.prototype.getSizeFirstColumn = function () {
    const rows = (this.yasr.results && this.yasr.results.getBindings()) || [];
    return String(rows.length).length * 10 + 16;
  };

  // After a table is drawn: ask for the labels of every IRI in the results once, then redraw.
  window.unsckgLabelResults = function (yasr) {
    const results = yasr.results;
    if (!results || !results.getBindings || !results.getBindings()) return;
    const wanted = new Set();
    results.getBindings().forEach(function (row) {
      Object.keys(row).forEach(function (v) {
        if (row[v].type === "uri" && !labels.has(row[v].value)) wanted.add(row[v].value);
      });
    });
    if (wanted.size === 0) return;
    const iris = Array.from(wanted).slice(0, 2000);
    iris.forEach(function (iri) { labels.set(iri, ""); });  // asked once, even if unnamed
    fetch("/labels", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ iris: iris }) })
      .then(function (r) { return r.ok ? r.json() : { labels: {} }; })
      .then(function (data) {
        const got = Object.keys(data.labels || {});
        got.forEach(function (iri) { labels.set(iri, data.labels[iri]); });
        if (got.length && yasr.getSelectedPluginName() === "table") yasr.draw();
      });
  };

  // A server error is one JSON object: show its message, and where in the query it points.
  Yasr.defaults.errorRenderers = [async function (error) {
    let body;
    try { body = JSON.parse(error.text || "").error; } catch (_e) { return undefined; }
    if (!body || !body.message) return undefined;
    const box = document.createElement("div");
    box.className = "query-error";
    box.setAttribute("role", "alert");
    const head = document.createElement("p");
    head.className = "query-error-title";
    head.textContent = (body.code === "malformed_query" ? strings["query.syntax"]
      : strings["common.error"]) + " (" + body.status + ")";
    const message = document.createElement("pre");
    message.textContent = body.message;
    box.appendChild(head);
    box.appendChild(message);
    const at = /at (\d+):(\d+)/.exec(body.message);
    if (at) {
      const where = document.createElement("p");
      where.textContent = strings["query.at"].replace("{line}", at[1]).replace("{column}", at[2]);
      box.appendChild(where);
    }
    return box;
  }];
})();
