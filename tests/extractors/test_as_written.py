"""A traditional-script document's names and titles come out as the document writes them."""

from __future__ import annotations

from unsckg.extractors.as_written import in_original_script, script_map
from unsckg.extractors.facts import Briefer, Meeting, Person
from unsckg.extractors.found import Found
from unsckg.extractors.normalise import normalise

# From S/PRST/2012/20 (traditional script), the sentence naming the briefer; see
# tests/data/real-zh/README.md for the real pages of this kind.
TRADITIONAL = "安全理事會聽取了阿拉伯國家聯盟秘書長納比勒·阿拉比關於中東局勢的通報。"


def _found() -> Found:
    briefer = Briefer("纳比勒·阿拉比", "阿拉伯国家联盟秘书长")
    meeting = Meeting("2012-09-26", agenda_item="中东局势", briefers=(briefer,))
    return Found(meetings=(meeting,), representatives=(Person("纳比勒·阿拉比", None, None),))


def test_values_of_a_traditional_text_are_written_back() -> None:
    norm = normalise(TRADITIONAL)
    assert norm.script == "Hant" and "联盟" in norm.text
    back = in_original_script(_found(), norm)
    assert back.meetings[0].briefers[0].name == "納比勒·阿拉比"
    assert back.meetings[0].briefers[0].title == "阿拉伯國家聯盟秘書長"
    assert back.meetings[0].agenda_item == "中東局勢"
    assert back.representatives[0].name == "納比勒·阿拉比"


def test_a_simplified_text_is_left_as_it_is() -> None:
    norm = normalise("安全理事会听取了秘书长的通报。")
    assert script_map(norm) == {}
    assert in_original_script(_found(), norm) == _found()
