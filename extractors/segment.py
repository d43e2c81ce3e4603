"""Segment: jieba with the domain dictionary, owned by this module, built once per process.

Why one private ``jieba.Tokenizer`` and not ``jieba.cut``: the global tokenizer is shared with
any other user of jieba in the process, and its dictionary does not know ``安全理事会``,
``中非国家经济共同体`` or ``常驻联合国代表``; nested names must resolve to the longest real entity.
The dictionary is generated from the states table, the organisations table and the titles,
places and former state names lists in ``data/``; jieba is imported and its dictionary loaded
only on the first call (importing ``unsckg.extractors`` does not load it).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from unsckg.ontology.organizations import load_organizations
from unsckg.ontology.states import load_states

# Frequencies high enough that a domain name beats the split into common words, low enough that
# jieba's own longer words (发展中国家) still beat a state name inside them.
ENTITY_FREQ = 200_000
TITLE_FREQ = 50_000

_LOCK = threading.Lock()
_TOKENIZER: Any = None
# jieba's own frequency of each domain word, before the domain dictionary raised it.
_BASE_FREQ: dict[str, int] = {}


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    start: int
    end: int


def _data_lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def titles() -> tuple[str, ...]:
    """Titles and posts (``常驻代表``, ``副秘书长``), longest first."""
    return tuple(sorted(_data_lines("titles.txt"), key=len, reverse=True))


@cache
def transliteration() -> frozenset[str]:
    """The characters of Chinese transliterations of foreign names: a small, known set
    (``data/transliteration.txt``) that tells a name broken across lines from running text."""
    return frozenset("".join(_data_lines("transliteration.txt")))


@cache
def places() -> tuple[str, ...]:
    """Places whose names contain a state's name but are not states (``朝鲜半岛``)."""
    return tuple(_data_lines("places.txt"))


@cache
def state_organs() -> tuple[str, ...]:
    """Words for a state's organs (``政府``, ``国会``) that jieba's general dictionary joins to
    the state's name (``西班牙政府``), longest first."""
    return tuple(sorted(_data_lines("state_organs.txt"), key=len, reverse=True))


@cache
def former_names() -> dict[str, str]:
    """Former names of member states (``阿拉伯利比亚民众国``) -> ISO alpha-3 of the state today:
    records of their time list the members under them (``data/former_names.txt``)."""
    out: dict[str, str] = {}
    for line in _data_lines("former_names.txt"):
        name, iso3 = line.split()
        out[name] = iso3
    return out


def domain_words() -> list[tuple[str, int, str]]:
    """(word, frequency, part of speech) for every domain name: states, organisations, titles."""
    words: dict[str, tuple[int, str]] = {}
    for state in load_states():
        for name in (*state.names_zh, state.formal_zh):
            words[name] = (ENTITY_FREQ, "ns")
    for name in former_names():
        words[name] = (ENTITY_FREQ, "ns")
    for org in load_organizations():
        for name in org.names_zh:
            words[name] = (ENTITY_FREQ * 2, "nt")
    for place in places():
        words[place] = (ENTITY_FREQ * 2, "ns")
    for title in titles():
        words.setdefault(title, (TITLE_FREQ, "nn"))
    return [(word, freq, tag) for word, (freq, tag) in words.items() if word]


def tokenizer() -> Any:
    """The module's jieba tokenizer with the domain words, built on first use (thread-safe)."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                built = jieba.Tokenizer()
                built.initialize()
                for word, freq, tag in domain_words():
                    _BASE_FREQ[word] = built.FREQ.get(word) or 0
                    built.add_word(word, freq, tag)
                _TOKENIZER = built
    return _TOKENIZER


def base_freq(word: str) -> int:
    """How common ``word`` is in jieba's general dictionary, whatever the domain dictionary
    says: tells a short state name (``中非``) from a common word across it (``非法``)."""
    tokens = tokenizer()
    if word in _BASE_FREQ:
        return _BASE_FREQ[word]
    return int(tokens.FREQ.get(word) or 0)


@lru_cache(maxsize=4096)
def base_boundaries(text: str) -> frozenset[int]:
    """Where jieba would cut ``text`` with its general dictionary alone (no domain words, no
    HMM): the same dynamic programme over the same prefix dictionary, with the frequencies the
    domain dictionary did not raise. A second tokenizer would cost a second dictionary load."""
    tokens = tokenizer()
    freq, n = tokens.FREQ, len(text)
    log_total = math.log(tokens.total)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = [(math.log(1) - log_total + best[i + 1][0], i + 1)]
        j = i + 2
        while j <= n and text[i:j] in freq:
            word_freq = base_freq(text[i:j])
            if word_freq:
                options.append((math.log(word_freq) - log_total + best[j][0], j))
            j += 1
        best[i] = max(options)
    edges, i = {0}, 0
    while i < n:
        i = best[i][1]
        edges.add(i)
    return frozenset(edges)


def is_loaded() -> bool:
    """Whether this process has built the tokenizer (the dictionary is loaded at most once)."""
    return _TOKENIZER is not None


def cut(text: str, hmm: bool = False) -> list[Token]:
    """``text`` cut into tokens with their offsets; HMM off by default (names come from rules)."""
    tokens = []
    position = 0
    for word in tokenizer().cut(text, HMM=hmm):
        tokens.append(Token(word, position, position + len(word)))
        position += len(word)
    return tokens


@lru_cache(maxsize=8192)
def boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where jieba puts a word boundary (cached: the windows around state
    names repeat from document to document, ``...常驻联合国代表给秘书长的信``)."""
    edges = {0}
    for token in cut(text):
        edges.add(token.end)
    return frozenset(edges)
