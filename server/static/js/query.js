// The query page: YASGUI on this server's /sparql, with the ontology's terms for
// autocompletion (no call to Linked Open Vocabularies or prefix.cc: everything stays local)
// and the example gallery. Links to our own resources in results open our own pages.
(function () {
  "use strict";
  const cfg = JSON.parse(document.getElementById("editor-config").textContent);
  const examples = JSON.parse(document.getElementById("examples").textContent);
  const Yasqe = Yasgui.Yasqe;
  const Yasr = Yasgui.Yasr;
  const BASE = "https://w3id.org/unsc-kg/id/";

  function localCompleter(name, base, terms) {
    Yasqe.forkAutocompleter(base, {
      name: name,
      bulk: false,
      persistenceId: null,
      get: function (_yasqe, token) {
        const typed = (token && (token.autocompletionString || token.string)) || "";
        return terms.filter(function (iri) { return iri.indexOf(typed) === 0; });
      },
    }, false);
  }
  localCompleter("unscClass", "class", cfg.classes);
  localCompleter("unscProperty", "property", cfg.properties);
  const prefixLines = Object.keys(cfg.prefixes).map(function (p) {
    return p + ": <" + cfg.prefixes[p] + ">";
  });
  Yasqe.forkAutocompleter("prefixes", {
    name: "unscPrefixes", persistenceId: null, get: function () { return prefixLines; },
  }, false);
  Yasqe.defaults.autocompleters = ["unscPrefixes", "variables", "unscClass", "unscProperty"];

  const header = Object.keys(cfg.prefixes).filter(function (p) {
    return ["unsc", "rdfs"].indexOf(p) >= 0;
  }).map(function (p) { return "PREFIX " + p + ": <" + cfg.prefixes[p] + ">"; }).join("\n");
  Yasqe.defaults.value = header + "\n\nSELECT ?class (COUNT(?s) AS ?n) WHERE {\n" +
    "  ?s a ?class .\n} GROUP BY ?class ORDER BY DESC(?n)";

  const endpoint = window.location.origin + cfg.endpoint;
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST",
      acceptHeaderGraph: "application/n-triples,*/*;q=0.9" },
    copyEndpointOnNewTab: true,
    tabName: cfg.strings["query.title"],
    persistenceId: "unsckg-query",  // tabs and queries survive a reload (localStorage)
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    yasqe: { autofocus: false },
    autofocus: false,
    yasr: {
      prefixes: Object.assign({ id: BASE }, cfg.prefixes),
      pluginOrder: ["table", "chart", "graph", "response"],
      defaultPlugin: "table",
      persistenceId: null,
    },
  });

  // YASGUI leaves its editor and endpoint field without accessible names: give them ours.
  function label(tab) {
    tab.getYasqe().getInputField().setAttribute("aria-label", cfg.strings["query.title"]);
    document.querySelectorAll(".yasgui input.autocomplete").forEach(function (input) {
      input.setAttribute("aria-label", cfg.strings["query.endpoint"]);
    });
  }
  label(yasgui.getTab());

  // Results link our resources to this server's pages rather than to w3id.org.
  function localiseLinks(root) {
    root.querySelectorAll("a[href^='" + BASE + "']").forEach(function (a) {
      a.setAttribute("href", "/id/" + a.getAttribute("href").slice(BASE.length));
      a.removeAttribute("target");
    });
  }
  const watched = new WeakSet();
  function watch(tab) {
    if (watched.has(tab)) return;
    watched.add(tab);
    tab.getYasr().on("drawn", function (yasr) {
      localiseLinks(yasr.resultsEl);
      window.unsckgLabelResults(yasr);
    });
  }
  watch(yasgui.getTab());
  yasgui.on("tabSelect", function (_y, id) {
    setTimeout(function () { const tab = yasgui.getTab(id); if (tab) { watch(tab); label(tab); } }, 0);
  });

  document.querySelectorAll(".run-example").forEach(function (button) {
    button.addEventListener("click", function () {
      const tab = yasgui.getTab();
      tab.setQuery(examples[Number(button.dataset.index)]);
      tab.getYasqe().query();
      document.getElementById("yasgui").scrollIntoView({ block: "start" });
    });
  });
  window.unsckgYasgui = yasgui;
})();
