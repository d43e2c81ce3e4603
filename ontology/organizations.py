"""Organisations that Council documents name: one table for segmentation, filtering and linking.

Why a table and not a list inside the extractors: the jieba dictionary, the filter that stops
``中非`` inside ``中非国家经济共同体`` from counting as a state, and the graph's links
(``owl:sameAs`` Wikidata) must agree on the same names, so they all read
``reference/organizations.csv`` (source in ``reference/SOURCE.md``) through this module.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

KINDS = frozenset({"un-organ", "department", "mission", "agency", "regional", "ngo", "armed-group"})


@dataclass(frozen=True, slots=True)
class Organization:
    """An organisation with the Chinese names documents use for it."""

    key: str
    name_zh: str
    aliases_zh: tuple[str, ...]
    name_en: str
    acronym_en: str
    kind: str  # one of KINDS
    wikidata: str  # a Q-id, "" where not certain
    aliases_en: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()  # the posts of its head (``难民事务高级专员``), in any language

    @property
    def names_zh(self) -> tuple[str, ...]:
        return (self.name_zh, *self.aliases_zh)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split("|") if v)


@cache
def load_organizations() -> tuple[Organization, ...]:
    """Every organisation of ``reference/organizations.csv``, in the table's order."""
    path = resources.files(__package__).joinpath("reference", "organizations.csv")
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines())
    return tuple(
        Organization(
            key=row["key"],
            name_zh=row["name_zh"],
            aliases_zh=tuple(a for a in row["aliases_zh"].split("|") if a),
            name_en=row["name_en"],
            acronym_en=row["acronym_en"],
            kind=row["kind"],
            wikidata=row["wikidata"],
            aliases_en=_split(row.get("aliases_en")),
            heads=_split(row.get("heads")),
        )
        for row in rows
    )


@cache
def organizations_by_key() -> dict[str, Organization]:
    return {org.key: org for org in load_organizations()}


@cache
def organizations_by_name() -> dict[str, Organization]:
    """Every Chinese name and alias -> its organisation."""
    return {name: org for org in load_organizations() for name in org.names_zh}
