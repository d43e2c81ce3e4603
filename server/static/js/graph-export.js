// Writes the explorer's visible subgraph as GraphML or GEXF, the two formats Gephi and
// yEd read, with each node's label and class and each edge's label as attributes.
(function () {
  "use strict";
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }
  function graphml(cy) {
    const out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="node" attr.name="label" attr.type="string"/>',
      '<key id="cls" for="node" attr.name="class" attr.type="string"/>',
      '<key id="elabel" for="edge" attr.name="label" attr.type="string"/>',
      '<graph id="unsckg" edgedefault="directed">'];
    cy.nodes(":visible").forEach(function (n) {
      out.push('<node id="' + esc(n.id()) + '"><data key="label">' + esc(n.data("label")) +
        '</data><data key="cls">' + esc(n.data("cls")) + "</data></node>");
    });
    cy.edges(":visible").forEach(function (e) {
      out.push('<edge source="' + esc(e.data("source")) + '" target="' + esc(e.data("target")) +
        '"><data key="elabel">' + esc(e.data("label")) + "</data></edge>");
    });
    out.push("</graph>", "</graphml>");
    return out.join("\n");
  }
  function gexf(cy) {
    const out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
      '<graph defaultedgetype="directed">',
      '<attributes class="node"><attribute id="cls" title="class" type="string"/></attributes>',
      "<nodes>"];
    cy.nodes(":visible").forEach(function (n) {
      out.push('<node id="' + esc(n.id()) + '" label="' + esc(n.data("label")) +
        '"><attvalues><attvalue for="cls" value="' + esc(n.data("cls")) +
        '"/></attvalues></node>');
    });
    out.push("</nodes>", "<edges>");
    cy.edges(":visible").forEach(function (e, i) {
      out.push('<edge id="e' + i + '" source="' + esc(e.data("source")) + '" target="' +
        esc(e.data("target")) + '" label="' + esc(e.data("label")) + '"/>');
    });
    out.push("</edges>", "</graph>", "</gexf>");
    return out.join("\n");
  }
  function download(name, type, data) {
    const blob = data instanceof Blob ? data : new Blob([data], { type: type });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
  window.unsckgExport = {
    graphml: graphml,
    gexf: gexf,
    run: function (cy, kind) {
      if (kind === "png") download("unsckg.png", "image/png", cy.png({ output: "blob", full: true, bg: "#ffffff" }));
      if (kind === "svg") download("unsckg.svg", "image/svg+xml", cy.svg({ full: true, bg: "#ffffff" }));
      if (kind === "graphml") download("unsckg.graphml", "application/xml", graphml(cy));
      if (kind === "gexf") download("unsckg.gexf", "application/xml", gexf(cy));
    },
  };
})();
