"""What the index counts on a page: its syllables and its syllable pairs, per field, and how a count
becomes a posting's weight (BM25F).

Vietnamese words are runs of syllables ("dân vận", "nhân dân", "văn bản"): a page holding "dân" and
"vận" apart is not about "dân vận". So besides every syllable, the index keeps every two syllables
written next to each other (nothing but spaces between them, or a hyphen with a space on each side as in
"Văn hóa - Xã hội": a comma, a full stop, a dash "–" or an unspaced hyphen breaks the pair) as one term, keyed by the
two forms joined by "_": "dan_van" (folded) and "dân_vân" + U+0323
(exact, `tokenize.word_forms` of each). A pair lives in the shard of its first two code points, like a
word (no word holds "_", so no word is ever taken for a pair). The browser looks the query's
adjacent syllables up as pairs (docs/assets/plan-search.js).

Weights: per page and term, the counts in three fields (title: the title and the page's keywords, which
a navigation page uses for its subject; headings; body: all visible text) become one `level`
(1…LEVELS): a BM25 saturation of the body's and headings' counts, tempered by the body's length against
the average, and above it, for a term of the title, a step that grows as the title is shorter. The browser multiplies
a level by the term's idf (from its posting list's length) and adds them up. The page's kind is only a
tie-breaker: the weight written is `level * TIES + tie`, and the browser compares ties last.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .tokenize import word_forms

Term = tuple[str, str]  # (folded, exact): a syllable, or a pair of them joined by JOIN
JOIN = "_"  # never in a syllable (tokenize: "_" separates words), so never in a word; safe in a file name

# What breaks a pair: a run of punctuation or symbols (an unspaced hyphen: "2025-2030", "33/CT-TTg"; a spaced
# dash "–", which separates clauses and titles) or of "_". Spaces do not, and neither does a hyphen with a space
# on each side (_SPACED_HYPHEN: it joins the two halves of a name, "Phòng Văn hóa - Xã hội", "chính trị - xã
# hội"). A syllable is a run of letters and digits, as tokenize.words.
_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")
_BREAK = re.compile(r"(?:[^\w\s]|_)+")
# Put in place of each break, between spaces: then the text split at spaces is its syllables and these marks,
# counted in C (Counter) rather than one regex match at a time. Never a syllable: "\0" is itself a break.
_BREAK_MARK = "\0"

LEVELS = 56  # a posting's relevance in whole steps: few distinct weights, so one character each
TIES = 8  # weight = level * TIES + tie (the kind's tie-breaker, 0…TIES-1)
BODY_LEVELS = 16  # the body's and headings' part of a level: 1…16
TITLE_FLOOR, TITLE_LEVELS = 16, 8  # a term in the title adds 16 + 1…8: above anything a body alone reaches
# A page's declared subject (front matter `subjects`: a plan's place) is what the page is about, whatever
# its title's length or how often other pages repeat the word: above the strongest title and body together.
SUBJECT_LEVEL = TITLE_FLOOR + TITLE_LEVELS + BODY_LEVELS
K1 = 1.2
HEADING_WEIGHT = 2.0  # a heading's count against the body's
B_TITLE, B_BODY = 0.5, 0.75  # how much a field's length tempers its counts
# Counts are kept packed in one integer while pages are added: body in the low bits, then headings, title,
# and one bit for a subject.
_BODY_BITS, _HEAD_BITS, _TITLE_BITS = 8, 5, 5
_MAX = ((1 << _BODY_BITS) - 1, (1 << _HEAD_BITS) - 1, (1 << _TITLE_BITS) - 1)
_SUBJECT_BIT = 1 << (_BODY_BITS + _HEAD_BITS + _TITLE_BITS)
PACKED_BITS = _BODY_BITS + _HEAD_BITS + _TITLE_BITS + 1  # a packed count is below 1 << PACKED_BITS


def counts(text: str) -> tuple[Counter, int]:
    """(term → count, number of syllables) of a text: every syllable and every pair of syllables
    separated by spaces only (or a spaced hyphen, see _SPACED_HYPHEN)."""
    text = nfkc(text)
    if "-" in text:
        text = _SPACED_HYPHEN.sub(" ", text)
    pieces = _BREAK.sub(" \0 ", text).split()
    # Each piece as its term, and each two side by side as a pair's, looked up and counted in C: a page's
    # hundreds of distinct terms are never visited one by one in Python here.
    forms = list(map(_WORDS.__getitem__, pieces))
    out = Counter(forms)
    out.update(map(_PAIRS.__getitem__, zip(forms, forms[1:])))
    breaks = out.pop(_NO_TERM, 0)  # the break marks, and every pair with one
    return out, len(pieces) - (pieces.count(_BREAK_MARK) if breaks else 0)


def nfkc(text: str) -> str:
    """`text` in NFKC. "…" is replaced first by what NFKC makes of it ("...", its decomposition: the same NFKC
    either way): it is on most pages, and without it most pages are already in NFKC, which is checked in C
    at a fraction of the cost of normalizing."""
    text = text.replace("\u2026", "...")
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


_NO_TERM: Term = ("", "")  # what a break mark, or a pair holding one, counts as (then dropped)
_KEPT = 200_000  # terms a cache keeps, then forgets to learn them again: memory stays bounded at any size


class _Words(dict):
    """syllable as written → its term (`tokenize.word_forms`); a break mark → _NO_TERM."""

    def __missing__(self, piece: str) -> Term:
        if len(self) >= _KEPT:
            self.clear()
        term = self[piece] = _NO_TERM if piece == _BREAK_MARK else word_forms(piece)
        return term


class _Pairs(dict):
    """(term, term) of two syllables side by side → the pair's term (`pair_forms`); _NO_TERM beside a break."""

    def __missing__(self, pair: tuple[Term, Term]) -> Term:
        if len(self) >= _KEPT:
            self.clear()
        (f1, e1), (f2, e2) = pair
        term = self[pair] = _NO_TERM if _NO_TERM in pair else (f1 + JOIN + f2, e1 + JOIN + e2)
        return term


_WORDS, _PAIRS = _Words(), _Pairs()


def pair_forms(first: str, second: str) -> Term:
    """The term of two syllables written side by side: both forms joined by JOIN."""
    (f1, e1), (f2, e2) = word_forms(first), word_forms(second)
    return f1 + JOIN + f2, e1 + JOIN + e2


def pack(body: int, headings: int = 0, title: int = 0, subject: bool = False) -> int:
    """Three field counts in one integer (each capped), and whether the term is one of the page's subjects."""
    body, headings, title = min(body, _MAX[0]), min(headings, _MAX[1]), min(title, _MAX[2])
    return body | headings << _BODY_BITS | title << (_BODY_BITS + _HEAD_BITS) | (_SUBJECT_BIT if subject else 0)


def packed_counts(body: Counter, headings: dict[Term, int], title: dict[Term, int], subjects) -> Counter:
    """term → `pack` of its counts in the three fields, and whether it is among `subjects`: one page's
    postings. `body` (of `counts`) becomes the result: most terms are only in the body, and their packed
    counts are their counts, left as they are."""
    out = body
    if out and max(out.values()) > _MAX[0]:
        for term, n in out.items():
            if n > _MAX[0]:
                out[term] = _MAX[0]
    get = out.get
    for term, n in headings.items():
        out[term] = get(term, 0) | min(n, _MAX[1]) << _BODY_BITS
    for term, n in title.items():
        out[term] = get(term, 0) | min(n, _MAX[2]) << (_BODY_BITS + _HEAD_BITS)
    for term in subjects:
        if term in out:  # a subject is in the title too (SearchIndex.add): never a term of no field
            out[term] |= _SUBJECT_BIT
    return out


def unpack(packed: int) -> tuple[int, int, int]:
    """(body, headings, title) counts of `pack`."""
    return (packed & _MAX[0], packed >> _BODY_BITS & _MAX[1], packed >> (_BODY_BITS + _HEAD_BITS) & _MAX[2])


def merged(a: int, b: int) -> int:
    """Two packed counts added field by field (a subject of either is a subject)."""
    x, y = unpack(a), unpack(b)
    return pack(x[0] + y[0], x[1] + y[1], x[2] + y[2], bool((a | b) & _SUBJECT_BIT))


def level(packed: int, title_ratio: float, body_ratio: float) -> int:
    """A page's relevance for one term, in steps 1…LEVELS, from its counts; the ratios are the page's
    title and body lengths over the averages. The body's part is a BM25 saturation of the body's count
    (tempered by the body's length) and the headings' (BODY_LEVELS steps); a term of the title adds
    TITLE_FLOOR and more for a shorter title: a page whose title (or keywords) holds the term comes
    before every page that only mentions it."""
    body, headings, title = unpack(packed)
    tf = HEADING_WEIGHT * headings + body / (1 - B_BODY + B_BODY * body_ratio)
    out = round(BODY_LEVELS * tf / (K1 + tf))
    if packed & _SUBJECT_BIT:
        out += SUBJECT_LEVEL
    elif title:
        out += TITLE_FLOOR + max(1, min(TITLE_LEVELS, round(TITLE_LEVELS / (1 - B_TITLE + B_TITLE * title_ratio))))
    return max(1, out)
