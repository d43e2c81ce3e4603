"""People identified beyond the name: state, time, posts, reference rows, short forms and the
same record in two languages (``unsckg.graph.people``). Names are those of the real corpus."""

from __future__ import annotations

import pytest
from unsckg.graph.mapping.deferred import _label_triples
from unsckg.graph.resolve import Resolver
from unsckg.ontology.iris import DEFAULT

PR = "Permanent Representative"


@pytest.fixture
def resolver() -> Resolver:
    return Resolver(DEFAULT)


def test_one_name_for_two_states_is_two_people(resolver: Resolver) -> None:
    china = resolver.person("张军", "CHN", PR, "2020-03-31")
    other = resolver.person("张军", "KOR", None, "2020-05-01")
    assert china.iri == DEFAULT.person("张军") and other.iri == DEFAULT.person("张军(KOR)")


def test_one_name_of_one_state_decades_apart_is_two_people(resolver: Resolver) -> None:
    recent = resolver.person("王宁", "CHN", None, "2021-06-01")
    again = resolver.person("王宁", "CHN", None, "2021-09-20")
    earlier = resolver.person("王宁", "CHN", None, "1975-02-01")
    assert again.iri == recent.iri
    assert earlier.iri == DEFAULT.person("王宁(CHN-1975)")


def test_a_name_without_state_joins_its_namesake(resolver: Resolver) -> None:
    rep = resolver.person("乔纳森·艾伦", "GBR", PR, "2020-03-31")
    assert resolver.person("乔纳森·艾伦", None, None, "2020-04-08").iri == rep.iri


@pytest.mark.parametrize(("full", "short"), [("默里·麦卡利", "麦卡利"), ("麦卡利", "默里·麦卡利")])
def test_a_surname_alone_is_the_one_person_of_that_state(
    resolver: Resolver, full: str, short: str
) -> None:
    # S-2015-522 (2015-07-10) names 默里·麦卡利, the record S/PV.7499 (2015-07-30) 麦卡利
    first = resolver.person(full, "NZL", "Minister for Foreign Affairs", "2015-07-10")
    later = resolver.person(short, "NZL", None, "2015-07-30")
    assert later.iri == first.iri


def test_a_surname_shared_by_two_people_of_the_state_joins_neither(resolver: Resolver) -> None:
    one = resolver.person("阿卜杜拉·穆罕默德", "SOM", None, "2020-01-01")
    two = resolver.person("哈桑·穆罕默德", "SOM", None, "2020-01-01")
    alone = resolver.person("穆罕默德", "SOM", None, "2020-02-01")
    assert len({one.iri, two.iri, alone.iri}) == 3


def test_a_surname_of_another_state_stays_apart(resolver: Resolver) -> None:
    first = resolver.person("默里·麦卡利", "NZL", None, "2015-07-10")
    assert resolver.person("麦卡利", "AUS", None, "2015-07-30").iri != first.iri


def test_a_reference_row_joins_the_latin_and_the_chinese_name(resolver: Resolver) -> None:
    # the English record S/PV.8701 (2020-01-13): "Mr. Heusgen (Germany)"; a Chinese letter of
    # 2019-07-26: 霍伊斯根
    english = resolver.person("Mr. Heusgen", "DEU", None, "2020-01-13")
    chinese = resolver.person("霍伊斯根", "DEU", PR, "2019-07-26")
    assert english.iri == chinese.iri == DEFAULT.person("克里斯托夫·霍伊斯根")
    assert set(chinese.labels) == {"克里斯托夫·霍伊斯根", "Christoph Heusgen"}


def test_a_reference_row_is_for_its_state_and_years_only(resolver: Resolver) -> None:
    assert resolver.person("张军", "CHN", None, "1960-01-01").iri != DEFAULT.person("张军")
    assert resolver.person("Mr. Zhang Jun", "KOR", None, "2020-01-01").iri != (
        DEFAULT.person("张军")
    )


def test_the_same_record_in_two_languages_names_one_representative(resolver: Resolver) -> None:
    record = str(DEFAULT.document("S/PV.9999"))
    english = resolver.person("Mr. Kickert", "AUT", None, "2020-01-13", record)
    chinese = resolver.person("基克特", "AUT", None, "2020-01-13", record)
    elsewhere = resolver.person("基克特", "AUT", None, "2020-01-13", "other")
    assert chinese.iri == english.iri == elsewhere.iri
    assert set(chinese.labels) == {"Kickert", "基克特"}


def test_two_people_of_a_state_in_one_record_are_not_guessed(resolver: Resolver) -> None:
    record = str(DEFAULT.document("S/PV.9998"))
    resolver.person("Mr. Wang Nian", "CHN", None, "2020-01-10", record)
    resolver.person("Mr. Wu Haitao", "CHN", None, "2020-01-10", record)
    chinese = resolver.person("耿爽", "CHN", None, "2020-01-10", record)
    assert chinese.iri == DEFAULT.person("耿爽")


@pytest.mark.parametrize(
    "name", ["António Guterres", "Mr. Guterres", "安东尼奥·古特雷斯", "古特雷斯"]
)
def test_every_name_of_the_secretary_general_is_one_node(resolver: Resolver, name: str) -> None:
    assert resolver.person(name, None, None, "2021-04-08").iri == DEFAULT.person(
        "安东尼奥·古特雷斯"
    )


def test_the_english_post_names_the_holder_of_the_day(resolver: Resolver) -> None:
    holder = resolver.post_holder("Secretary-General", "2010-06-01")
    assert holder is not None and holder.iri == DEFAULT.person("潘基文")


def test_honorifics_are_not_part_of_the_key(resolver: Resolver) -> None:
    assert resolver.person("Mr. Baati", "TUN", None, "2020-01-09").iri == DEFAULT.person("Baati")


def test_latin_labels_are_never_tagged_zh(resolver: Resolver) -> None:
    ref = resolver.person("Mr. Zhang Jun", "CHN", None, "2020-01-09")
    triples = _label_triples(ref, "zh")
    assert any('"Zhang Jun"@en' in t for t in triples)
    assert any('"张军"@zh' in t for t in triples)
    assert not any("Zhang" in t and "@zh" in t for t in triples)
