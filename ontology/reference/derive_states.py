"""Derive the project's table of UN member and observer states from the reference data.

Why a script and not a hand-written table: the UNTERM names, codes and Wikidata ids come from a
published data package (see SOURCE.md); deriving them keeps our one table reproducible, and the
known gaps of that copy are patched here, visibly, instead of being edited into the data.

Output: ``ontology/data/states.csv`` with one row per state:
``iso3, iso2, m49, status (member|observer), name_zh, formal_zh, name_en, formal_en,
aliases_zh, aliases_en (``|``-separated), wikidata (Q-id)``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "country-codes.csv"
ALIASES = HERE / "aliases.csv"
OUTPUT = HERE.parent / "data" / "states.csv"

OBSERVERS = {"VAT", "PSE"}
# Rows whose UNTERM names are empty in this copy of the data package (see SOURCE.md).
PATCHES: dict[str, dict[str, str]] = {
    "CIV": {
        "name_zh": "科特迪瓦",
        "formal_zh": "科特迪瓦共和国",
        "name_en": "Côte d'Ivoire",
        "formal_en": "the Republic of Côte d'Ivoire",
    },
    "TUR": {
        "name_zh": "土耳其",
        "formal_zh": "土耳其共和国",
        "name_en": "Türkiye",
        "formal_en": "the Republic of Türkiye",
    },
}
WIKIDATA_PATCHES = {"NAM": "Q1030"}
COLUMNS = [
    "iso3",
    "iso2",
    "m49",
    "status",
    "name_zh",
    "formal_zh",
    "name_en",
    "formal_en",
    "aliases_zh",
    "aliases_en",
    "wikidata",
]


def clean_zh(name: str) -> str:
    """UNTERM marks observers with ' *' and non-members with ' **'; drop the marks."""
    return name.replace("*", "").strip()


def clean_en(name: str) -> str:
    """'Niger (the)' -> 'Niger'; the article is kept in the formal name only."""
    name = name.replace("*", "").strip()
    return re.sub(r"\s*\(the\)$", "", name).strip()


def is_state(row: dict[str, str]) -> bool:
    iso3 = row["ISO3166-1-Alpha-3"]
    name = row["UNTERM Chinese Short"]
    if iso3 in PATCHES or iso3 in OBSERVERS:
        return True
    return bool(name) and not name.endswith("*")


def load_aliases() -> dict[tuple[str, str], list[str]]:
    aliases: dict[tuple[str, str], list[str]] = {}
    with ALIASES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases.setdefault((row["iso3"], row["lang"]), []).append(row["alias"].strip())
    return aliases


def derive() -> list[dict[str, str]]:
    aliases = load_aliases()
    out: list[dict[str, str]] = []
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not is_state(row):
                continue
            iso3 = row["ISO3166-1-Alpha-3"]
            record = {
                "iso3": iso3,
                "iso2": row["ISO3166-1-Alpha-2"],
                "m49": row["M49"].zfill(3),
                "status": "observer" if iso3 in OBSERVERS else "member",
                "name_zh": clean_zh(row["UNTERM Chinese Short"]),
                "formal_zh": clean_zh(row["UNTERM Chinese Formal"]),
                "name_en": clean_en(row["UNTERM English Short"]),
                "formal_en": row["UNTERM English Formal"].replace("*", "").strip(),
            }
            record.update(PATCHES.get(iso3, {}))
            zh = {record["name_zh"], record["formal_zh"], clean_zh(row["official_name_cn"])}
            zh |= set(aliases.get((iso3, "zh"), []))
            # '刚果（布）' also appears with half-width brackets.
            zh |= {n.replace("（", "(").replace("）", ")") for n in zh}
            zh.discard(record["name_zh"])
            zh.discard("")
            en = {row["official_name_en"].strip(), row["CLDR display name"].strip()}
            en |= set(aliases.get((iso3, "en"), []))
            en.discard(record["name_en"])
            en.discard("")
            record["aliases_zh"] = "|".join(sorted(zh))
            record["aliases_en"] = "|".join(sorted(en))
            wikidata = row["wikidata_id"].rsplit("/", 1)[-1] if row["wikidata_id"] else ""
            record["wikidata"] = wikidata or WIKIDATA_PATCHES.get(iso3, "")
            out.append(record)
    out.sort(key=lambda r: r["iso3"])
    return out


def main() -> None:
    rows = derive()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    members = sum(r["status"] == "member" for r in rows)
    print(f"wrote {OUTPUT.name}: {members} members, {len(rows) - members} observers")


if __name__ == "__main__":
    main()
