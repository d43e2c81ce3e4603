"""Linking report: states, resolutions and known people are linked to Wikidata and undocs.org."""

from __future__ import annotations

from unsckg.graph.link import link_report, report_text
from unsckg.graph.store import Store


def test_link_report_per_class(built_store: Store) -> None:
    counts = {c.cls: c for c in link_report(built_store)}
    assert counts["MemberState"].total == 193 and counts["MemberState"].unlinked == 0
    assert counts["Resolution"].total > 0 and counts["Resolution"].unlinked == 0
    assert counts["Person"].linked >= 1  # the Secretary-General, from officials.csv
    assert counts["Organization"].linked >= 1
    text = report_text(list(counts.values()))
    assert text.splitlines()[0].split()[:3] == ["class", "to", "total"]
