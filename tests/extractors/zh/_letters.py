"""Letters written for the tests of several kinds (invented wording around real layouts)."""

from __future__ import annotations

from unsckg.extractors.facts import DocumentFacts
from unsckg.extractors.pipeline import extract_text


def extract(text: str) -> DocumentFacts:
    return extract_text(text, "t.zh.txt")


def argentine_letter(body: str) -> str:
    """A President's letter of October 2013 around ``body``."""
    return (
        "2013年10月4日阿根廷常驻联合国代表给秘书长的信\n\n"
        f"{body}\n\n请将本信作为安全理事会文件分发为荷。\n\n"
        "阿根廷常驻联合国代表\n玛丽亚·克里斯蒂娜·佩尔塞瓦尔(签名)\n"
    )
