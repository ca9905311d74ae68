"""Vietnamese text helpers: normalisation, folding, slugs, collation, dates.

Every comparison of names in the project goes through `name_key`, every URL
segment through `slugify`, every sort of Vietnamese names through `vi_sort_key`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata

# Tone marks (dấu thanh) as combining characters. Vowel modifiers (breve,
# circumflex, horn) are letters of the alphabet, not tones, and stay in place.
TONE_MARKS = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # ă, â/ê/ô, ơ/ư

# Vietnamese alphabet order; letters absent from it sort after, by code point.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}

_WORD = re.compile(r"\w+")
_SLUG_OK = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form every string is kept in."""
    return unicodedata.normalize("NFC", text)


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FoldTable(dict):
    """Each character, as _without_marks folds it on its own, worked out on first sight and kept: a page's
    headings are folded thousands of times over, and a lookup costs a tenth of decomposing. Folding a text
    letter by letter is folding it whole: decomposing never joins letters, and the only characters it
    reorders are the marks, which are dropped."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _without_marks(chr(code))
        return folded


_FOLD = _FoldTable()


def ascii_fold(text: str) -> str:
    """Lower-case ASCII rendering: marks dropped, đ→d ('Đảng ủy' → 'dang uy')."""
    return (text if text.isascii() else text.translate(_FOLD)).lower()


@functools.lru_cache(maxsize=65536)  # a plan's vocabulary is small; corpora repeat words millions of times
def _tone_canonical_word(word: str) -> str:
    """One word, case-folded, with its tone mark moved to the end.

    'uỷ' and 'ủy' differ only in where the tone mark sits; both become 'uy' + hook.
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = [c for c in decomposed if c in TONE_MARKS]
    rest = [c for c in decomposed if c not in TONE_MARKS]
    return unicodedata.normalize("NFC", "".join(rest)) + "".join(tones)


def name_words(text: str) -> list[str]:
    """Words of `text` for comparing names: case, tone placement and punctuation ignored."""
    return [_tone_canonical_word(w) for w in _WORD.findall(nfc(text))]


def name_key(text: str) -> str:
    """Comparison key for names: 'Uỷ ban  nhân dân' and 'ủy ban nhân dân' are equal."""
    return " ".join(name_words(text))


# The same headings ("Cơ quan thực hiện") recur on every task page and stay in the cache; a task's own title passes.
@functools.lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """The one slug function: ASCII, lower case, words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", ascii_fold(nfc(text))))


def is_slug(value: str) -> bool:
    """True when `value` is already a valid slug (safe as a URL segment)."""
    return bool(_SLUG_OK.match(value))


def vi_sort_key(text: str) -> tuple:
    """Sort key following the Vietnamese alphabet (đ after d, ơ after ô), then tones.

    Primary: letters by their place in the alphabet; secondary: tones in the
    dictionary order ngang, huyền, hỏi, ngã, sắc, nặng; last: the text itself,
    so that the order is total and the output deterministic.
    """
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", nfc(text).casefold()):
        if ch in TONE_MARKS and tones:
            tones[-1] = TONE_MARKS[ch]
            continue
        if ch in _MODIFIERS and letters and 0 <= letters[-1] < len(_ALPHABET):
            combined = unicodedata.normalize("NFC", _ALPHABET[letters[-1]] + ch)
            if combined in _RANK:
                letters[-1] = _RANK[combined]
                continue
        if ch in _RANK:
            letters.append(_RANK[ch])
        elif ch.isalnum():
            letters.append(len(_ALPHABET) + ord(ch))
        else:
            letters.append(-1)  # spaces and punctuation sort before any letter
        tones.append(0)
    return (tuple(letters), tuple(tones), text)


def date_numeric(value: _dt.date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates in tables."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def date_prose(value: _dt.date) -> str:
    """'ngày 11 tháng 11 năm 2025', as dates are written in prose."""
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


# C0 and C1 control characters and DEL, except tab and the line breaks LF and CR: never text. They reach
# no page, feed or export (a terminal escape, a NUL cutting a string, a bell), in any file kind.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL"}


def control_name(ch: str) -> str:
    """'U+001B (ESC)': how a control character is named in a message."""
    name = _CONTROL_NAMES.get(ord(ch))
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")
