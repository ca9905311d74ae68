"""The search tokenizer, mirrored exactly by docs/assets/plan-search.js (tests/tokenizer_cases.yaml
holds the rule as cases, and a test runs them against both).

A word is a run of letters and digits. Each word has a folded form, used to match (no marks,
đ→d, lower case: 'Đảng' → 'dang'), and an exact form, used to rank words typed with their
diacritics first (lower case, tone mark moved to the end: 'Uỷ' and 'Ủy' are one word).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..text import ascii_fold, name_key

TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[tuple[str, str]]:
    """(folded, exact) per word: 'Đảng' → ('dang', 'đảng'); tone placement canonical in exact."""
    return list(map(word_forms, TOKEN.findall(unicodedata.normalize("NFC", text))))


@functools.lru_cache(maxsize=200_000)  # indexing a province repeats a small vocabulary millions of times
def word_forms(word: str) -> tuple[str, str]:
    """(folded, exact) of one word as found by TOKEN."""
    return ascii_fold(word), name_key(word)


def shard_of(folded: str) -> str:
    """Shard name of a folded token: its first two characters."""
    return folded[:2]
