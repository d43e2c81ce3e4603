"""The pieces of a document's whole text, the texts kept beside the store, and the split of a
reconciliation finding: pure functions, checked without a browser."""

from __future__ import annotations

from pathlib import Path

from unsckg.graph import texts
from unsckg.server.pages.document_text import Span
from unsckg.server.pages.full_text import paragraphs, pieces
from unsckg.server.pages.reconciliation import split

DOC = "https://w3id.org/unsc-kg/id/document/S-PV.8701/en"


def test_texts_round_trip_beside_the_store(tmp_path: Path) -> None:
    texts.save(tmp_path, DOC, "first")
    texts.save(tmp_path, DOC, "In favour: China")  # replaced whole
    assert texts.load(tmp_path, DOC) == "In favour: China"
    assert list(texts.load_all(tmp_path)) == [(DOC, "In favour: China")]
    assert [p.name for p in texts.folder(tmp_path).iterdir()] == [texts.path_of(tmp_path, DOC).name]
    assert texts.load(tmp_path, DOC + "x") is None


def test_paragraphs_cut_at_blank_lines_and_chinese_sentence_ends() -> None:
    text = "One.\n\nTwo。\n三。"
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two。", "三。"]


def test_pieces_mark_each_span_once_and_anchor_the_overlapping_one() -> None:
    text = "Votes: In favour: China, France.\n\nEnd."
    outer = Span(7, 32, text[7:32], 0)
    inner = Span(18, 23, "China", 0)
    found = pieces(text, [inner, outer])
    assert "".join(p.text for p in found) == text  # nothing lost, nothing doubled
    marked = [p for p in found if p.span is not None]
    assert [p.span for p in marked] == [outer]
    assert inner.anchor in marked[0].anchors  # the inner span's link lands on its mark
    assert any("text-34" in p.anchors for p in found)  # the second paragraph's anchor


def test_a_finding_splits_into_both_sides_and_its_reason() -> None:
    comment = (
        "adopted  893                    disagree        documents 1994-01-06 (en: Adopted at"
        " its 3326th meeting); voting data 1994-06-01 (source defect (line 2): swapped)"
        " [source defect flagged]"
    )
    found = split("n", "adopted 893: disagree", comment)
    assert (found.aspect, found.key, found.outcome) == ("adopted", "893", "disagree")
    assert found.documents == "1994-01-06 (en: Adopted at its 3326th meeting)"
    assert found.data == "1994-06-01 (source defect (line 2): swapped)"
    assert found.why == "source defect flagged"
