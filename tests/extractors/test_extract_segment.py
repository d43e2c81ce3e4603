"""Segment: one tokenizer with the domain dictionary, built lazily, once per process."""

from __future__ import annotations

import subprocess
import sys

from unsckg.extractors import segment


def test_importing_the_package_does_not_load_jieba() -> None:
    code = (
        "import sys, unsckg.extractors, unsckg.extractors.pipeline, unsckg.extractors.facts;"
        "print('jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_tokenizer_is_built_once() -> None:
    first = segment.tokenizer()
    assert segment.tokenizer() is first and segment.is_loaded()


def test_domain_names_are_single_tokens() -> None:
    words = [
        t.word
        for t in segment.cut("中非国家经济共同体和中非共和国支持联合国马里多层面综合稳定特派团")
    ]
    assert words == [
        "中非国家经济共同体",
        "和",
        "中非共和国",
        "支持",
        "联合国马里多层面综合稳定特派团",
    ]


def test_titles_cut_names_off() -> None:
    words = [t.word for t in segment.cut("中国常驻联合国代表张军大使主持")]
    assert "常驻联合国代表" in words and "大使" in words


def test_token_offsets_cover_the_text() -> None:
    text = "越南常驻联合国代表给秘书长的信"
    tokens = segment.cut(text)
    assert "".join(t.word for t in tokens) == text
    assert all(text[t.start : t.end] == t.word for t in tokens)
