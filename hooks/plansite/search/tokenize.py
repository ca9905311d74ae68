"""The search tokenizer. docs/assets/plan-search.js implements the same rule; tests/tokenizer_cases.yaml
holds the rule as a table of cases (input → words), and tests/test_tokenizer.py runs every case against
this module and against the script in headless Chromium, so the two cannot drift apart.

The rule, step by step (each step is one call in both languages):
  1. The whole text is put in NFKC ('ﬁ' → 'fi', '𝐀' → 'A', 'Ｕ' → 'U', '㎏' → 'kg', '½' → '1⁄2').
  2. A word is a maximal run of letters and digits (Unicode categories L* and N*; in Python `[^\\W_]`
     is exactly that set). Everything else separates words: spaces, punctuation, '_', symbols, emoji.
  3. Each word is lower-cased (str.lower / toLowerCase), then 'ß' → 'ss' and 'ς' → 'σ', so case
     and the final-sigma form do not matter.
  4. folded (to match): 'đ' → 'd', NFD, every combining mark (category M*) dropped: 'Đảng' → 'dang'.
  5. exact (to rank words typed with their diacritics first): NFD, the tone marks (U+0300 huyền,
     U+0309 hỏi, U+0303 ngã, U+0301 sắc, U+0323 nặng) taken out and appended at the end in their
     order, the rest NFC: 'Uỷ' and 'Ủy' both give 'uy' + U+0309.
  6. shard (the index file of the word): the first two code points of folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata

TONE_MARKS = frozenset("\u0300\u0309\u0303\u0301\u0323")  # huyền, hỏi, ngã, sắc, nặng
_RUN = re.compile(r"[^\W_]+")  # letters and digits (L*, N*); '_' is a separator


def words(text: str) -> list[str]:
    """The words of a text (steps 1 and 2). NFKC comes first: it can join ('5㎏' → '5kg') or split
    ('½') words. The index writer counts these, then calls `word_forms` once per distinct word."""
    return _RUN.findall(unicodedata.normalize("NFKC", text))


def tokens(text: str) -> list[tuple[str, str]]:
    """(folded, exact) per word: 'Đảng' → ('dang', 'đang' + U+0309); tone placement canonical in exact."""
    return list(map(word_forms, words(text)))


@functools.lru_cache(maxsize=200_000)  # indexing a province repeats a small vocabulary millions of times
def word_forms(word: str) -> tuple[str, str]:
    """(folded, exact) of one word as found by `words` (steps 3 to 5)."""
    if word.isascii():
        lowered = word.lower()
        return lowered, lowered
    lowered = word.lower().replace("ß", "ss").replace("ς", "σ")
    decomposed = unicodedata.normalize("NFD", lowered.replace("đ", "d"))
    folded = "".join(c for c in decomposed if unicodedata.category(c)[0] != "M")
    decomposed = unicodedata.normalize("NFD", lowered)
    tones = "".join(c for c in decomposed if c in TONE_MARKS)
    rest = "".join(c for c in decomposed if c not in TONE_MARKS)
    return folded, unicodedata.normalize("NFC", rest) + tones


def shard_of(folded: str) -> str:
    """Shard name of a folded token: its first two characters (code points, step 6)."""
    return folded[:2]
