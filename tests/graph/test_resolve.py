"""Entity resolution: name variants, posts by date, one meeting per real meeting."""

from __future__ import annotations

import pytest
from unsckg.graph.resolve import Resolver, fold
from unsckg.ontology.iris import DEFAULT


@pytest.fixture
def resolver() -> Resolver:
    return Resolver(DEFAULT)


def test_fold_joins_dot_and_initial_variants() -> None:
    assert fold("瓦西里·A·涅边贾") == fold("瓦西里 • 涅边贾") == "瓦西里·涅边贾"


def test_one_character_variants_of_one_state_and_role_are_one_person(resolver: Resolver) -> None:
    first = resolver.person("邓庭贵", "VNM", "Permanent Representative")
    second = resolver.person("邓廷贵", "VNM", "Permanent Representative")
    assert second.iri == first.iri and second.is_variant and second.label == "邓庭贵"


def test_variants_of_different_states_stay_apart(resolver: Resolver) -> None:
    first = resolver.person("邓庭贵", "VNM", "Permanent Representative")
    other = resolver.person("邓廷贵", "LAO", "Permanent Representative")
    assert other.iri != first.iri


def test_a_speaker_without_role_finds_the_representative(resolver: Resolver) -> None:
    rep = resolver.person("瓦西里·涅边贾", "RUS", "Permanent Representative")
    speaker = resolver.person("瓦西里·A·涅边贾", "RUS", None)
    assert speaker.iri == rep.iri and speaker.is_variant


@pytest.mark.parametrize(
    ("date", "name"),
    [("2021-04-08", "安东尼奥·古特雷斯"), ("2010-06-01", "潘基文"), ("2001-01-01", "科菲·安南")],
)
def test_the_secretary_general_is_resolved_by_date(
    resolver: Resolver, date: str, name: str
) -> None:
    ref = resolver.post_holder("秘书长", date)
    assert ref is not None and ref.iri == DEFAULT.person(name)


def test_a_named_official_gets_the_reference_iri(resolver: Resolver) -> None:
    assert resolver.person("古特雷斯", None, None).iri == DEFAULT.person("安东尼奥·古特雷斯")


def test_two_announcements_of_one_meeting_are_one_meeting(resolver: Resolver) -> None:
    letter = resolver.meeting("2021-04-08", None, "open debate")
    note = resolver.meeting("2021-04-08", None, "ministerial open debate")
    record = resolver.meeting("2021-04-08", "8749", None)
    assert letter == note == record == DEFAULT.meeting("2021-04-08")


def test_two_meetings_on_one_day_get_two_iris(resolver: Resolver) -> None:
    first = resolver.meeting("2020-01-13", "8701", None)
    second = resolver.meeting("2020-01-13", "8702", None)
    assert first != second and str(second).endswith("2020-01-13-8702")


def test_a_surname_of_a_known_official_is_the_official(resolver: Resolver) -> None:
    ref = resolver.person("拉克鲁瓦", None, None)
    assert ref.iri == DEFAULT.person("让-皮埃尔·拉克鲁瓦") and ref.is_variant


def test_an_under_secretary_general_by_title_and_date(resolver: Resolver) -> None:
    ref = resolver.post_holder("主管和平行动副秘书长", "2021-05-24")
    assert ref is not None and ref.label == "让-皮埃尔·拉克鲁瓦"
    assert resolver.post_holder("主管和平行动副秘书长", "2015-01-01") is None


def test_organisations_resolve_to_the_reference_table(resolver: Resolver) -> None:
    iri, known = resolver.organization("非洲联盟")
    assert known and iri == DEFAULT.organization("AU")
    assert resolver.organization("某个未知组织") == (DEFAULT.organization("某个未知组织"), False)
