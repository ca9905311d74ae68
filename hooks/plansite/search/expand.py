"""Abbreviations in search, both ways: a page that writes "UBMTTQ" is also found by "mặt trận tổ quốc",
and a page that writes "Mặt trận Tổ quốc" is also found by "MTTQ".

The index does this when it is written, so the browser downloads nothing more: for each page, every use
of an abbreviation adds the words of its full form, and every run of a full form's words adds the
abbreviation's words (see `SearchIndex.files`). The pairs come from the pages themselves: each
`<abbr title="full form">ABBR</abbr>` the site emits (site/html/glossary.py; the page 'Từ viết tắt' carries
every entry), so the index needs no access to the data.

What counts as a use is one rule, `abbreviation_pattern`, shared with the pages' marking: the
abbreviation as written (case-sensitive), not inside a longer run of letters and digits, the word
characters of `tokenize` ('TT' is not in 'TTg', 'MTTQ' is not in 'UBMTTQ'), the longest first ('CT-TTg'
before 'CT').
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .terms import JOIN
from .tokenize import word_forms, words

Pair = tuple[str, str]  # (folded, exact) of a word, as the index keys it
_MARKS = "\u0300-\u036f"  # combining marks: part of the word before them
_ABBR_TAG = re.compile(r'<abbr title="([^"<>]*)">([^<>]*)</abbr>')


def abbreviation_pattern(abbrs: Iterable[str]) -> str:
    """Regex source that finds any of `abbrs` as written, as a whole word; the longest at a position wins."""
    alternatives = []
    for abbr in sorted(set(a for a in abbrs if a), key=lambda a: (-len(a), a)):
        literal = re.escape(abbr)
        # The character before is checked by a lookbehind after the literal, so that every alternative
        # starts with its literal and the regex engine can skip ahead to a possible first letter (~100×).
        start = rf"(?<![^\W_]{literal})(?<![{_MARKS}]{literal})" if abbr[0].isalnum() else ""
        end = rf"(?![^\W_]|[{_MARKS}])" if abbr[-1].isalnum() else ""
        alternatives.append(literal + start + end)
    return "|".join(alternatives)


def abbreviations_in_html(page_html: str) -> set[tuple[str, str]]:
    """(abbreviation, full form) of every `<abbr title="…">…</abbr>` in rendered page content."""
    return {
        (html.unescape(text).strip(), html.unescape(title).strip())
        for title, text in _ABBR_TAG.findall(page_html)
        if text.strip() and title.strip()
    }


def _pairs(text: str) -> tuple[Pair, ...]:
    return tuple(word_forms(w) for w in words(text))


def _with_adjacent(form: tuple[Pair, ...]) -> tuple[Pair, ...]:
    """A full form's syllables and its syllable pairs (as `terms` keys them): 'Mặt trận' typed as a phrase
    finds a page that writes 'MTTQ'."""
    return form + tuple((a[0] + JOIN + b[0], a[1] + JOIN + b[1]) for a, b in zip(form, form[1:]))


@dataclass(frozen=True)
class Expander:
    """The abbreviations a site uses, compiled for finding uses and full forms in page texts."""

    pattern: re.Pattern | None  # any abbreviation, as a whole word
    full_forms: dict[str, tuple[tuple[Pair, ...], ...]]  # abbreviation → the words of each of its full forms
    phrases: dict[str, tuple[tuple[tuple[str, ...], tuple[Pair, ...]], ...]]  # first folded word → (folded
    # words of a full form, words of its abbreviation), longest first


def expander(pairs: Iterable[tuple[str, str]]) -> Expander:
    """An Expander for (abbreviation, full form) pairs; an abbreviation with two full forms expands to both."""
    pairs = sorted(set(pairs))
    full: dict[str, list[tuple[Pair, ...]]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[Pair, ...]]]] = {}
    for abbr, form in pairs:
        form_words, abbr_words = _pairs(form), _pairs(abbr)
        if not form_words or not abbr_words:
            continue
        full.setdefault(abbr, []).append(_with_adjacent(form_words))
        folded = tuple(f for f, _ in form_words)
        phrases.setdefault(folded[0], []).append((folded, abbr_words))
    for options in phrases.values():
        options.sort(key=lambda o: (-len(o[0]), o))
    pattern = re.compile(abbreviation_pattern(full)) if full else None
    return Expander(pattern, {a: tuple(f) for a, f in full.items()}, {w: tuple(o) for w, o in phrases.items()})


def _phrase_hits(exp: Expander, folded: list[str], out: Counter, times: int = 1) -> None:
    """Add the abbreviation's words for every run of a full form's words in `folded` (runs may overlap:
    'Ủy ban Mặt trận Tổ quốc' holds both UBMTTQ's and MTTQ's full forms)."""
    for i, word in enumerate(folded):
        for phrase, abbr_words in exp.phrases.get(word, ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                for pair in abbr_words:
                    out[pair] += times


def expansions(exp: Expander, text: str) -> Counter:
    """How many times each extra term (folded, exact) counts for a page's `text`: the full forms' syllables
    and syllable pairs once per use of an abbreviation, the abbreviations' words once per run of a full form (including
    the
    full forms just added, so a page writing 'UBMTTQ' is found by 'MTTQ' too)."""
    out: Counter = Counter()
    if exp.pattern is None:
        return out
    used = Counter(m.group() for m in exp.pattern.finditer(text))
    _phrase_hits(exp, [word_forms(w)[0] for w in words(text)], out)
    for abbr, n in sorted(used.items()):
        for form in exp.full_forms[abbr]:
            for pair in form:
                out[pair] += n
            _phrase_hits(exp, [f for f, _ in form if JOIN not in f], out, n)
    return out
