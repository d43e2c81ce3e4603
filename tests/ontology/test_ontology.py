"""The ontology file itself: it parses, documents every term, and the generated code matches it.

Why these checks: ``unsc.ttl`` is what users read at ``GET /ontology`` and what SPARQL users
join against, so an undocumented term or one without a domain and range is a bug in the
product, not a style issue; and ``vocab.py`` is only trustworthy while it is exactly what the
generator makes from the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from unsckg.ontology import concepts, ontology_path, shapes_path, states_path
from unsckg.ontology.vocab import NAMESPACE, UNSC

REPO = Path(__file__).resolve().parents[2]
DCTERMS_MODIFIED = URIRef("http://purl.org/dc/terms/modified")
DCTERMS_CREATED = URIRef("http://purl.org/dc/terms/created")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _ours(graph: Graph, rdf_type: URIRef) -> list[URIRef]:
    return sorted(
        s
        for s in graph.subjects(RDF.type, rdf_type)
        if isinstance(s, URIRef) and str(s).startswith(NAMESPACE)
    )


def _classes_and_properties(graph: Graph) -> list[URIRef]:
    return [
        *_ours(graph, OWL.Class),
        *_ours(graph, OWL.ObjectProperty),
        *_ours(graph, OWL.DatatypeProperty),
    ]


def test_package_files_exist() -> None:
    for path in (ontology_path(), shapes_path(), states_path()):
        assert path.is_file(), path


def test_header_has_version_and_no_timestamp(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/unsc-kg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    dated = {DCTERMS_MODIFIED, DCTERMS_CREATED}
    assert not [p for p in ontology.predicates(header) if p in dated]


CORE = [
    "Document",
    "Presidency",
    "Meeting",
    "Briefing",
    "Person",
    "Organization",
    "Resolution",
    "DraftResolution",
    "Vote",
    "ExplanationOfVote",
    "MemberState",
    "VoteValue",
    "VoteTally",
    "Evidence",
    "symbol",
    "date",
    "issued",
    "language",
    "author",
    "authorState",
    "mentions",
    "cites",
    "announces",
    "iso3",
    "iso2",
    "m49",
    "heldBy",
    "month",
    "startTime",
    "format",
    "virtual",
    "theme",
    "agendaItem",
    "presidency",
    "chair",
    "briefing",
    "briefer",
    "title",
    "organization",
    "tentative",
    "represents",
    "role",
    "number",
    "year",
    "adopted",
    "draft",
    "procedure",
    "sponsor",
    "voter",
    "value",
    "castBy",
    "speaker",
    "meetingNumber",
    "outcome",
    "contentHash",
    "sourceFile",
    "documentKind",
    "quote",
    "startOffset",
    "endOffset",
    "evidence",
    "votesInFavour",
    "votesAgainst",
    "abstentions",
    "InFavour",
    "Against",
    "Abstention",
    "Absent",
]


@pytest.mark.parametrize("name", CORE)
def test_core_term_declared(ontology: Graph, name: str) -> None:
    """DESIGN.md's vocabulary core, all of it (and ``UNSC`` knows it)."""
    term = URIRef(NAMESPACE + name)
    assert (term, RDF.type, None) in ontology
    assert UNSC[name] == term


def test_every_term_is_documented(ontology: Graph) -> None:
    missing: list[str] = []
    for term in _classes_and_properties(ontology):
        langs = {
            lit.language for lit in ontology.objects(term, RDFS.label) if isinstance(lit, Literal)
        }
        comments = {
            lit.language for lit in ontology.objects(term, RDFS.comment) if isinstance(lit, Literal)
        }
        if not {"en", "zh"} <= langs:
            missing.append(f"{term}: labels {langs}")
        if "en" not in comments:
            missing.append(f"{term}: no English comment")
    assert not missing, "\n".join(missing)


def test_every_property_has_domain_and_range(ontology: Graph) -> None:
    properties = [*_ours(ontology, OWL.ObjectProperty), *_ours(ontology, OWL.DatatypeProperty)]
    assert len(properties) > 50
    missing = [
        str(p)
        for p in properties
        if ontology.value(p, RDFS.domain) is None or ontology.value(p, RDFS.range) is None
    ]
    assert not missing


@pytest.mark.parametrize(
    ("term", "relation", "target"),
    [
        ("Meeting", RDFS.subClassOf, "https://schema.org/Event"),
        ("Person", RDFS.subClassOf, "http://xmlns.com/foaf/0.1/Person"),
        ("Organization", RDFS.subClassOf, "http://xmlns.com/foaf/0.1/Organization"),
        ("date", RDFS.subPropertyOf, "http://purl.org/dc/terms/date"),
        ("issued", RDFS.subPropertyOf, "http://purl.org/dc/terms/issued"),
        ("author", RDFS.subPropertyOf, "http://purl.org/dc/terms/creator"),
        ("Document", RDFS.subClassOf, "http://www.w3.org/ns/prov#Entity"),
        ("MemberState", RDFS.subClassOf, NAMESPACE + "State"),
        ("PermanentMember", RDFS.subClassOf, NAMESPACE + "MemberState"),
        ("DraftResolution", RDFS.subClassOf, NAMESPACE + "Document"),
    ],
)
def test_alignment(ontology: Graph, term: str, relation: URIRef, target: str) -> None:
    assert (UNSC[term], relation, URIRef(target)) in ontology


def test_every_term_is_defined_by_the_ontology(ontology: Graph) -> None:
    """``rdfs:isDefinedBy`` lets a Linked Data client get from any term to its ontology."""
    header = URIRef("https://w3id.org/unsc-kg/ontology")
    terms = {s for s in ontology.subjects() if str(s).startswith(NAMESPACE)}
    assert len(terms) > 80
    assert {t for t in terms if (t, RDFS.isDefinedBy, header) not in ontology} == set()


def test_vote_values_are_individuals(ontology: Graph) -> None:
    values = set(ontology.subjects(RDF.type, UNSC.VoteValue))
    assert values == {UNSC.InFavour, UNSC.Against, UNSC.Abstention, UNSC.Absent}


def test_meeting_formats_are_a_concept_scheme(ontology: Graph) -> None:
    formats = set(ontology.subjects(SKOS.inScheme, UNSC.MeetingFormatScheme))
    assert (UNSC.MeetingFormatScheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert len(formats) == 7
    classes = set(_ours(ontology, OWL.Class))
    assert not formats & classes
    assert all((f, RDF.type, SKOS.Concept) in ontology for f in formats)


@pytest.mark.parametrize(
    ("table", "scheme"),
    [
        (concepts.VOTE_VALUES, UNSC.VoteValueScheme),
        (concepts.MEETING_FORMATS, UNSC.MeetingFormatScheme),
    ],
)
def test_concept_tables_match_notations(
    ontology: Graph, table: dict[str, URIRef], scheme: URIRef
) -> None:
    """The facts format's strings are the concepts' ``skos:notation``s, all of them."""
    in_file = {
        str(ontology.value(c, SKOS.notation)): c for c in ontology.subjects(SKOS.inScheme, scheme)
    }
    assert table == in_file


def test_facts_values_all_have_concepts() -> None:
    from unsckg.extractors.facts import MEETING_FORMATS, VOTE_VALUES

    assert set(VOTE_VALUES) == set(concepts.VOTE_VALUES)
    assert set(MEETING_FORMATS) == set(concepts.MEETING_FORMATS)


def test_vocab_is_generated_from_ontology(load_script: Callable[[str], ModuleType]) -> None:
    """Drift test: regenerate ``vocab.py`` in memory and compare with the committed file."""
    generator = load_script("gen_vocab")
    committed = (REPO / "ontology" / "vocab.py").read_text(encoding="utf-8")
    assert generator.generate(ontology_path()) == committed, (
        "vocab.py is stale: run python ontology/reference/gen_vocab.py"
    )


def test_vocab_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = UNSC.Meting
    with pytest.raises(AttributeError):
        _ = UNSC["heldby"]


def test_every_declared_term_is_in_vocab(ontology: Graph) -> None:
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(NAMESPACE)}
    for iri in declared:
        assert UNSC[iri[len(NAMESPACE) :]] == URIRef(iri)


@pytest.mark.parametrize(
    "path", [ontology_path(), shapes_path(), states_path()], ids=lambda p: p.name
)
def test_the_store_parses_the_shipped_turtle(path: Path) -> None:
    """Oxigraph's parser (the one the build loads them with) accepts every shipped file."""
    triples = list(ox.parse(path.read_bytes(), ox.RdfFormat.TURTLE))
    assert len(triples) > 100
