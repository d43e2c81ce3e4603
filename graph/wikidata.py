"""``unsckg link wikidata``: Wikidata items for resolutions, people and organisations.

Opt-in network: the only command that leaves the machine, and only when asked. It asks
Wikidata's SPARQL service, through :class:`Client` (a timeout, a User-Agent naming the tool as
the service's policy requires, at most one request per ``min_interval`` seconds, and a bounded
wait on ``429 Too Many Requests``/``Retry-After``), for:

- resolutions by their document symbol (P3069), written with or without the space before the
  year, matched on the normalised symbol;
- people by their exact label in the label's language, holding (P39) a position whose label is
  the post the graph gives them, on a date the graph gives them (a meeting or document date);
- organisations by their exact label in the label's language.

Where more than one item fits, the match is *ambiguous*: reported, never chosen. What is found
is saved as a mapping file in the store's folder (``wikidata-links.json``: format version, date
of retrieval, endpoint, matches, ambiguous cases), and :func:`apply_saved` writes it as
``owl:sameAs`` links into a graph of its own: ``link wikidata`` does so at once, and every later
build does so from the file, without the network.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import OWL
from unsckg.graph.errors import GraphError
from unsckg.graph.mapping.terms import RDFS
from unsckg.graph.store import GraphReplacement, Store
from unsckg.ontology.iris import IriScheme, normalize_symbol, wikidata
from unsckg.ontology.vocab import NAMESPACE

ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "unsc-kg/0.1 (https://w3id.org/unsc-kg; linking UN Security Council documents)"
MAPPING_FILE = "wikidata-links.json"
FORMAT = 1
U = NAMESPACE  # the ontology namespace, as the closed vocabulary has it
BATCH = 100


class WikidataError(GraphError):
    """The service could not be asked or answered nonsense (status, timeout, bad JSON)."""


@dataclass(slots=True)
class Client:
    """A polite SPARQL client: timeout, User-Agent, minimum interval, bounded 429 retries."""

    endpoint: str = ENDPOINT
    user_agent: str = USER_AGENT
    timeout: float = 30.0
    min_interval: float = 1.0
    retries: int = 3
    max_wait: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    _last: float = field(default=-1e9, repr=False)

    def __post_init__(self) -> None:
        if urllib.parse.urlsplit(self.endpoint).scheme not in ("http", "https"):
            raise WikidataError(f"not an HTTP endpoint: {self.endpoint!r}")

    def select(self, query: str) -> list[dict[str, dict[str, str]]]:
        """The bindings of a SELECT query (SPARQL 1.1 JSON results)."""
        for attempt in range(self.retries + 1):
            self._pace()
            try:
                return _bindings(self._post(query))
            except urllib.error.HTTPError as error:
                if error.code != 429 or attempt == self.retries:
                    raise WikidataError(
                        f"{self.endpoint}: HTTP {error.code} {error.reason}"
                    ) from error
                self.sleep(min(self.max_wait, _retry_after(error.headers.get("Retry-After"))))
            except (urllib.error.URLError, TimeoutError, OSError) as error:
                reason = getattr(error, "reason", error)
                raise WikidataError(f"{self.endpoint}: {reason}") from error
        raise WikidataError(f"{self.endpoint}: too many requests")  # pragma: no cover

    def _pace(self) -> None:
        wait = self._last + self.min_interval - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        self._last = time.monotonic()

    def _post(self, query: str) -> bytes:
        request = urllib.request.Request(
            self.endpoint,
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={
                "User-Agent": self.user_agent,
                "Accept": "application/sparql-results+json",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            body: bytes = response.read()
            return body


def _retry_after(value: str | None) -> float:
    try:
        return max(0.0, float(value or 5))
    except ValueError:
        return 5.0


def _bindings(body: bytes) -> list[dict[str, dict[str, str]]]:
    try:
        rows: list[dict[str, dict[str, str]]] = json.loads(body)["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as error:
        raise WikidataError(f"not SPARQL JSON results: {error}") from error
    return rows


def _qid(binding: dict[str, str]) -> str:
    return binding["value"].rsplit("/", 1)[-1]


def _literal(text: str, lang: str | None = None) -> str:
    return str(ox.Literal(text, language=lang) if lang else ox.Literal(text))


def _batches(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


@dataclass(slots=True)
class Links:
    """The mapping file's content: our IRI -> Q-id per class, and the ambiguous cases."""

    retrieved: str = ""
    endpoint: str = ""
    resolutions: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        data = {"format": FORMAT, **{k: getattr(self, k) for k in self.__slots__}}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str) -> Links:
        try:
            data = json.loads(text)
        except ValueError as error:
            raise WikidataError(f"{source}: not JSON: {error}") from error
        if data.get("format") != FORMAT:
            raise WikidataError(f"{source}: unknown mapping format {data.get('format')!r}")
        return cls(**{k: data.get(k, getattr(cls(), k)) for k in cls.__slots__})


# -- what the graph names -------------------------------------------------------------------


def resolution_symbols(store: Store) -> dict[str, str]:
    rows = store.select_values(
        f"SELECT DISTINCT ?r ?s WHERE {{ ?r a <{U}Resolution> ; <{U}symbol> ?s }}"
    )
    return {normalize_symbol(r["s"]): r["r"] for r in rows}


def people(store: Store) -> list[dict[str, str]]:
    """Each person's labels (with language), posts and the dates of the documents naming them."""
    return store.select_values(
        f"""SELECT DISTINCT ?p ?label ?lang ?role ?date WHERE {{
              GRAPH ?g {{ ?p a <{U}Person> ; <{U}role> ?role }}
              ?p <{RDFS.label.value}> ?l BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?lang)
              OPTIONAL {{ ?g <{U}date> ?date }} }}"""
    )


def organizations(store: Store) -> list[dict[str, str]]:
    return store.select_values(
        f"""SELECT DISTINCT ?o ?label ?lang WHERE {{ ?o a <{U}Organization> ;
              <{RDFS.label.value}> ?l BIND(STR(?l) AS ?label) BIND(LANG(?l) AS ?lang) }}"""
    )


# -- asking and matching --------------------------------------------------------------------


def match_resolutions(client: Client, symbols: dict[str, str], links: Links) -> None:
    """P3069 with and without the space before the year; one item per symbol, or ambiguous."""
    written = {}
    for symbol in symbols:
        written[symbol] = symbol
        written[symbol.replace("(", " (", 1)] = symbol
    found: dict[str, set[str]] = {}
    for batch in _batches(sorted(written)):
        values = " ".join(_literal(s) for s in batch)
        query = f"""SELECT ?item ?symbol WHERE {{
                      VALUES ?symbol {{ {values} }} ?item wdt:P3069 ?symbol }}"""
        for row in client.select(query):
            ours = written.get(row["symbol"]["value"])
            if ours:
                found.setdefault(ours, set()).add(_qid(row["item"]))
    _settle(found, {s: symbols[s] for s in symbols}, links.resolutions, links, "resolution")


def match_organizations(client: Client, rows: list[dict[str, str]], links: Links) -> None:
    """An exact label in its language; more than one item: ambiguous."""
    iri_of = {(r["label"], r["lang"]): r["o"] for r in rows if r.get("lang")}
    found: dict[tuple[str, str], set[str]] = {}
    for batch in _batches(sorted(f"{label}\x00{lang}" for label, lang in iri_of)):
        pairs = [tuple(b.split("\x00")) for b in batch]
        values = " ".join(_literal(label, lang) for label, lang in pairs)
        query = (
            f"SELECT ?item ?label WHERE {{ VALUES ?label {{ {values} }} ?item rdfs:label ?label }}"
        )
        for row in client.select(query):
            key = (row["label"]["value"], row["label"].get("xml:lang", ""))
            found.setdefault(key, set()).add(_qid(row["item"]))
    by_iri: dict[str, set[str]] = {}
    for key, iri in iri_of.items():
        if key in found:
            by_iri.setdefault(iri, set()).update(found[key])
    _settle(
        by_iri,
        {iri: iri for iri in set(iri_of.values())},
        links.organizations,
        links,
        "organization",
    )


def match_people(client: Client, rows: list[dict[str, str]], links: Links) -> None:
    """An exact label in its language, holding the post (its English label, see
    :func:`_same_post`) on a date a document gives; a position without a start never fits."""
    labels = sorted({(r["label"], r["lang"]) for r in rows if r.get("lang")})
    positions: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for batch in _batches([f"{a}\x00{b}" for a, b in labels]):
        pairs = [tuple(b.split("\x00")) for b in batch]
        values = " ".join(_literal(label, lang) for label, lang in pairs)
        for row in client.select(_people_query(values)):
            key = (row["label"]["value"], row["label"].get("xml:lang", ""))
            held = (
                _qid(row["item"]),
                row["post"]["value"].casefold(),
                row.get("start", {}).get("value", "")[:10],
                row.get("end", {}).get("value", "")[:10],
            )
            positions.setdefault(key, []).append(held)
    found: dict[str, set[str]] = {}
    for r in rows:
        for qid, post, start, end in positions.get((r["label"], r.get("lang", "")), []):
            day = r.get("date", "")
            if _same_post(post, r["role"]) and day and start and start <= day:
                if end and end < day:
                    continue
                found.setdefault(r["p"], set()).add(qid)
    _settle(found, {r["p"]: r["p"] for r in rows}, links.people, links, "person")


def _same_post(position: str, role: str) -> bool:
    """The position's English label is the role, or the role of a state or body
    (``Permanent Representative of China to the United Nations`` for ``Permanent
    Representative``); the documents name posts without the state they serve."""
    role = role.casefold()
    return position == role or position.startswith(role + " of ")


def _people_query(values: str) -> str:
    return f"""SELECT ?item ?label ?post ?start ?end WHERE {{
      VALUES ?label {{ {values} }}
      ?item rdfs:label ?label ; wdt:P31 wd:Q5 ; p:P39 ?held .
      ?held ps:P39 ?position .
      ?position rdfs:label ?post FILTER(LANG(?post) = "en")
      OPTIONAL {{ ?held pq:P580 ?start }} OPTIONAL {{ ?held pq:P582 ?end }} }}"""


def _settle(
    found: dict[str, set[str]], ours: dict[str, str], into: dict[str, str], links: Links, kind: str
) -> None:
    """One item: a link; several: ambiguous (listed with every candidate); none: unmatched."""
    for key, iri in sorted(ours.items()):
        items = found.get(key, set())
        if len(items) == 1:
            into[iri] = next(iter(items))
        elif items:
            links.ambiguous.append(f"{kind} {key}: {', '.join(sorted(items))}")
        else:
            links.unmatched.append(f"{kind} {key}")


def fetch(store: Store, client: Client, today: date | None = None) -> Links:
    """Ask the service about everything the graph names; nothing is written here."""
    links = Links(retrieved=(today or date.today()).isoformat(), endpoint=client.endpoint)
    match_resolutions(client, resolution_symbols(store), links)
    match_people(client, people(store), links)
    match_organizations(client, organizations(store), links)
    return links


# -- the mapping file and the links graph ---------------------------------------------------


def mapping_path(store: Store) -> Path:
    return store.path / MAPPING_FILE


def save(store: Store, links: Links) -> Path:
    """Write the mapping file whole (a temporary file renamed over the old one)."""
    path = mapping_path(store)
    partial = path.with_suffix(".tmp")
    partial.write_text(links.to_json(), encoding="utf-8")
    partial.replace(path)
    return path


def links_graph(iris: IriScheme) -> ox.NamedNode:
    """Beside the reference graphs (``{graph_base}links/wikidata``): links, not a document."""
    return ox.NamedNode(iris.graph_base + "links/wikidata")


def apply(store: Store, iris: IriScheme, links: Links) -> int:
    """The links as ``owl:sameAs`` in their own graph (replaced whole); the number of links."""
    graph = links_graph(iris)
    same_as = ox.NamedNode(str(OWL.sameAs))
    quads = [
        ox.Quad(
            graph,
            RDFS.label,
            ox.Literal(
                f"Wikidata links retrieved {links.retrieved} from {links.endpoint}", language="en"
            ),
            graph,
        ),
    ]
    for table in (links.resolutions, links.people, links.organizations):
        for iri, qid in sorted(table.items()):
            quads.append(
                ox.Quad(ox.NamedNode(iri), same_as, ox.NamedNode(str(wikidata(qid))), graph)
            )
    store.replace(GraphReplacement(graph, quads), ox.NamedNode(str(iris.graph("build"))))
    return len(quads) - 1


def apply_saved(store: Store, iris: IriScheme) -> int | None:
    """Apply the store's mapping file if there is one (the build calls this: no network)."""
    path = mapping_path(store)
    if not path.is_file():
        return None
    return apply(store, iris, Links.from_json(path.read_text(encoding="utf-8"), path.name))
