"""English facts reach the store with the IRIs the Chinese facts of the same real thing get.

Two levels: hand-made facts (the mapping alone, whatever the English extractors find today: an
English record's vote table names neither draft nor resolution, its Chinese version names the
draft) and one real resolution in both languages (``tests/data/real-en-graph/pair``, sources in
its ``SOURCES.md``), extracted and mapped, compared IRI by IRI on the facts both texts state.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from unsckg.extractors.facts import (
    Briefer,
    DocumentFacts,
    Evidence,
    ExplanationOfVote,
    Meeting,
    Resolution,
    Vote,
    VoteTally,
)
from unsckg.extractors.pipeline import extract_file
from unsckg.graph.build import build
from unsckg.graph.mapping import map_documents
from unsckg.graph.store import Store
from unsckg.ontology.iris import DEFAULT

PAIR = Path(__file__).resolve().parents[1] / "data" / "real-en-graph" / "pair"
UNSC = "https://w3id.org/unsc-kg/ontology#"
ID = "https://w3id.org/unsc-kg/id/"
MEMBERS_2020 = (
    "BEL CHN DOM EST FRA DEU IDN NER RUS VCT ZAF TUN GBR USA VNM".split()  # noqa: SIM905
)
# what depends on the document's language or its text, not on the real thing
LANGUAGE_SPECIFIC = {
    "http://www.w3.org/ns/prov#wasDerivedFrom",
    UNSC + "evidence",
    UNSC + "language",
}

Triple = tuple[str, str, str]


def _triples(quads: list[ox.Quad]) -> set[Triple]:
    """The quads' triples as text, without language-tagged labels, provenance and evidence."""
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in quads
        if q.predicate.value not in LANGUAGE_SPECIFIC
        and not (isinstance(q.object, ox.Literal) and q.object.language)
        and "/evidence/" not in q.subject.value
    }


def _about(triples: set[Triple], kind: str) -> set[Triple]:
    return {t for t in triples if t[0].startswith(f"<{ID}{kind}/")}


def _record(language: str, votes_name_the_draft: bool) -> DocumentFacts:
    """One meeting's vote on S/2020/27, adopted as resolution 2505 (2020), as an English record
    (a vote table naming neither) or its Chinese version (each vote keyed to the draft)."""
    quote = Evidence(10, 20, "In favour:" if language == "en" else "赞成:")
    draft = "S/2020/27" if votes_name_the_draft else None
    return DocumentFacts(
        source=f"S-PV-8701.{language}.txt",
        language=language,
        symbol="S/PV.8701",
        date="2020-01-13",
        meetings=(Meeting("2020-01-13", number="8701", agenda_item="The situation"),),
        resolutions=(Resolution(2505, 2020, "2020-01-13", "S/2020/27", "meeting"),),
        votes=tuple(
            Vote(state, "yes", draft=draft, date="2020-01-13", evidence=quote)
            for state in MEMBERS_2020
        ),
        vote_tallies=(VoteTally(None, draft, 15, 0, 0, quote),),
        explanations_of_vote=(ExplanationOfVote("USA", None),),
    )


def test_an_english_vote_table_gives_the_chinese_votes() -> None:
    english = _triples(map_documents([_record("en", False)], DEFAULT))
    chinese = _triples(map_documents([_record("zh", True)], DEFAULT))
    for kind in ("vote", "tally", "explanation", "resolution", "meeting", "document/S-2020-27"):
        assert _about(english, kind) == _about(chinese, kind), kind
    votes = {t[0] for t in _about(english, "vote")}
    assert votes == {f"<{ID}vote/S-2020-27/{state}>" for state in MEMBERS_2020}
    assert (f"<{ID}vote/S-2020-27/BEL>", f"<{UNSC}resolution>", f"<{ID}resolution/2505>") in english
    assert (f"<{ID}tally/S-2020-27>", f"<{UNSC}draft>", f"<{ID}document/S-2020-27>") in english


def test_a_vote_on_a_draft_is_linked_through_the_outcome_to_its_resolution() -> None:
    facts = _record("zh", True)
    triples = _triples(map_documents([facts], DEFAULT))
    assert (f"<{ID}vote/S-2020-27/CHN>", f"<{UNSC}resolution>", f"<{ID}resolution/2505>") in triples


def test_a_vote_naming_only_the_resolution_is_keyed_by_its_draft() -> None:
    facts = DocumentFacts(
        source="r.en.txt",
        language="en",
        resolutions=(Resolution(2505, 2020, draft="S/2020/27"),),
        votes=(Vote("BEL", "yes", resolution="2505 (2020)"),),
    )
    triples = _triples(map_documents([facts], DEFAULT))
    assert (f"<{ID}vote/S-2020-27/BEL>", f"<{UNSC}draft>", f"<{ID}document/S-2020-27>") in triples


def test_a_vote_naming_nothing_in_a_document_of_no_decision_is_kept() -> None:
    facts = DocumentFacts(
        source="r.en.txt", language="en", symbol="S/PV.9999", votes=(Vote("BEL", "no"),)
    )
    subjects = {t[0] for t in _about(_triples(map_documents([facts], DEFAULT)), "vote")}
    assert subjects == {f"<{ID}vote/doc-S-PV.9999/BEL>"}


def test_english_text_is_tagged_english() -> None:
    """What the text says is ``@en``; only the labels made from keys come in both languages
    (``rdfs:label``, a draft's ``skos:altLabel`` "Draft resolution …" / "决议草案 …", and a
    cited resolution's "Resolution 2505" / "第2505号决议")."""
    quads = map_documents([_record("en", False)], DEFAULT)
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    alt = "http://www.w3.org/2004/02/skos/core#altLabel"
    tagged = {
        q.object.language
        for q in quads
        if isinstance(q.object, ox.Literal)
        and q.predicate.value != label
        and not (
            q.predicate.value == alt
            and ("/document/" in q.subject.value or "/resolution/" in q.subject.value)
        )
    } - {None}
    assert tagged == {"en"}


def test_a_resolution_and_its_chinese_text_give_the_same_facts() -> None:
    """S/RES/1985 (2011): resolution, number, year, adoption date, meeting (and tally and
    votes, where both texts state them), IRI by IRI."""
    english = extract_file(PAIR / "S-RES-1985-2011.en.txt")
    chinese = extract_file(PAIR / "S-RES-1985-2011.zh.txt")
    assert (english.language, chinese.language) == ("en", "zh")
    en = _triples(map_documents([english], DEFAULT))
    zh = _triples(map_documents([chinese], DEFAULT))
    resolution = f"<{ID}resolution/1985>"
    for predicate, value in (
        ("number", '"1985"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ("year", '"2011"^^<http://www.w3.org/2001/XMLSchema#gYear>'),
        ("adopted", '"2011-06-10"^^<http://www.w3.org/2001/XMLSchema#date>'),
    ):
        assert (resolution, f"<{UNSC}{predicate}>", value) in en & zh, predicate
    assert _about(en, "resolution") == _about(zh, "resolution")
    meetings = {t for t in _about(en, "meeting") if t[1] != f"<{UNSC}outcome>"}
    assert meetings and meetings == {t for t in _about(zh, "meeting") if t[1] != f"<{UNSC}outcome>"}
    assert (f"<{ID}meeting/2011-06-10>", f"<{UNSC}meetingNumber>", _integer(6553)) in meetings
    for kind in ("tally", "vote"):  # where both state them; the English pack may not yet
        both = {t[0] for t in _about(en, kind)} & {t[0] for t in _about(zh, kind)}
        assert {t for t in _about(en, kind) if t[0] in both} == {
            t for t in _about(zh, kind) if t[0] in both
        }


def _integer(value: int) -> str:
    return f'"{value}"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_an_official_named_in_english_is_the_official_named_in_chinese() -> None:
    def briefed_by(name: str, language: str) -> DocumentFacts:
        briefer = Briefer(name, "Secretary-General" if language == "en" else "秘书长")
        meeting = Meeting("2021-04-08", briefers=(briefer,))
        return DocumentFacts(source=f"m.{language}.txt", language=language, meetings=(meeting,))

    english = _triples(map_documents([briefed_by("António Guterres", "en")], DEFAULT))
    chinese = _triples(map_documents([briefed_by("安东尼奥·古特雷斯", "zh")], DEFAULT))
    briefer = f"<{UNSC}briefer>"
    assert {t[2] for t in english if t[1] == briefer} == {t[2] for t in chinese if t[1] == briefer}


def test_both_language_versions_of_a_document_stay_in_the_store(tmp_path: Path) -> None:
    """The Chinese text's graph is the document's IRI, the English one's ``{IRI}/en``."""
    with Store(tmp_path / "store") as store:
        report = build(store, [PAIR])
        languages = store.select_values(
            "PREFIX unsc: <https://w3id.org/unsc-kg/ontology#> "
            "SELECT ?language WHERE { GRAPH ?g { ?g unsc:language ?language } }"
        )
    assert not report.replaced
    assert sorted(row["language"] for row in languages) == ["en", "zh"]


def test_two_vote_tables_naming_nothing_stay_two_votes_per_state() -> None:
    """A record that voted twice (one draft vetoed) and names neither draft in its tables:
    each state's two votes stay two nodes, and neither is given the one adopted resolution."""
    first = tuple(Vote(s, "yes") for s in ("BEL", "CHN"))
    second = (Vote("BEL", "no"), Vote("CHN", "abstain"))
    facts = DocumentFacts(
        source="r.en.txt",
        language="en",
        symbol="S/PV.9999",
        resolutions=(Resolution(2600, 2021, draft="S/2021/1"),),
        votes=first + second,
        vote_tallies=(VoteTally(None, None, 13, 1, 1), VoteTally(None, None, 15, 0, 0)),
    )
    triples = _triples(map_documents([facts], DEFAULT))
    votes = {t[0] for t in _about(triples, "vote")}
    assert votes == {f"<{ID}vote/doc-S-PV.9999-{n}/{s}>" for n in (1, 2) for s in ("BEL", "CHN")}
    tallies = {t[0] for t in _about(triples, "tally")}
    assert tallies == {f"<{ID}tally/doc-S-PV.9999-{n}>" for n in (1, 2)}
    assert not any(t[1] == f"<{UNSC}resolution>" for t in _about(triples, "vote"))
