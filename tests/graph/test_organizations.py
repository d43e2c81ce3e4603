"""Briefers' organisations: resolved by name variants in both languages, and by the title
where the letter files the briefer under "the United Nations" (the FAO Director-General)."""

from __future__ import annotations

import pytest
from unsckg.graph.resolve import Resolver
from unsckg.ontology.iris import DEFAULT
from unsckg.ontology.organizations import organizations_by_key


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(DEFAULT)


@pytest.mark.parametrize(
    ("name", "title", "key"),
    [
        # titles as the letters of tests/data/heldout* write them
        ("联合国", "联合国粮食及农业组织总干事", "FAO"),  # USA-2023-07-28-letter
        ("联合国", "联合国环境规划署执行主任", "UNEP"),  # IRL-2021-06-02-letter
        ("联合国", "联合国妇女署执行主任", "UNWOMEN"),
        ("联合国", "联合国难民事务高级专员", "UNHCR"),  # the head's post names the office
        ("联合国", "联合国秘书长", "UN"),  # the Secretary-General is the UN's
        ("联合国", None, "UN"),
        ("United Nations", "Executive Director, United Nations Environment Programme", "UNEP"),
        ("United Nations Office for the Coordination of Humanitarian Affairs", None, "OCHA"),
        ("粮农组织", None, "FAO"),
        ("Food and Agriculture Organization", None, "FAO"),
        ("阿拉伯国家联盟", None, "LAS"),
        ("Arab League", None, "LAS"),
        ("伊斯兰合作组织", "伊斯兰合作组织秘书长", "OIC"),
        ("非洲联盟", "非洲联盟委员会主席", "AU"),  # a known name is kept, not refined
    ],
)
def test_a_briefers_organisation(
    resolver: Resolver, name: str, title: str | None, key: str
) -> None:
    assert resolver.organization(name, title) == (DEFAULT.organization(key), True)


def test_an_unknown_organisation_keeps_its_own_name(resolver: Resolver) -> None:
    iri, known = resolver.organization("某个未知组织", "某个未知组织主任")
    assert (iri, known) == (DEFAULT.organization("某个未知组织"), False)


def test_short_latin_names_are_not_found_inside_words(resolver: Resolver) -> None:
    # "AU", "EU" and "UN" occur inside many English words of a title
    assert resolver.organization("United Nations", "Deputy Director, Bureau of Audit")[0] == (
        DEFAULT.organization("UN")
    )


@pytest.mark.parametrize("key", ["FAO", "UNEP", "UNDP", "UNICEF", "WFP", "UNHCR", "OCHA", "WHO"])
def test_the_agencies_the_corpus_names_are_in_the_table(key: str) -> None:
    assert organizations_by_key()[key].kind == "agency" or key == "OCHA"


@pytest.mark.parametrize("key", ["IAEA", "AU", "EU", "LAS", "OIC"])
def test_the_regional_organisations_are_in_the_table(key: str) -> None:
    assert key in organizations_by_key()
