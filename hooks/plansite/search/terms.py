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
from itertools import chain, islice

from .tokenize import word_forms

Term = tuple[str, str]  # (folded, exact): a syllable, or a pair of them joined by JOIN
JOIN = "_"  # never in a syllable (tokenize: "_" separates words), so never in a word; safe in a file name

# What breaks a pair: a run of punctuation or symbols (an unspaced hyphen: "2025-2030", "33/CT-TTg"; a spaced
# dash "–", which separates clauses and titles) or of "_". Spaces do not, and neither does a hyphen with a space
# on each side (_SPACED_HYPHEN: it joins the two halves of a name, "Phòng Văn hóa - Xã hội", "chính trị - xã
# hội"). A syllable is a run of letters and digits, as tokenize.words.
# (The hyphen is matched before the space before it is checked, so the regex engine can skip ahead to a "-".)
_SPACED_HYPHEN = re.compile(r"-(?<=\s-)(?=\s)")
_BREAK = re.compile(r"(?:[^\w\s]|_)+")

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
    # The text between two breaks (a "run": its syllables and their pairs) is looked up whole, and the terms
    # counted in C: a site writes the same labels and sentences on many pages.
    runs = list(map(_RUNS.__getitem__, _BREAK.split(text)))
    out = Counter(chain.from_iterable(runs))
    written = len(runs) - runs.count(())  # runs of at least one syllable: each has one pair less than syllables
    return out, (sum(map(len, runs)) + written) // 2


def nfkc(text: str) -> str:
    """`text` in NFKC. "…" is replaced first by what NFKC makes of it ("...", its decomposition: the same NFKC
    either way): it is on most pages, and without it most pages are already in NFKC, which is checked in C
    at a fraction of the cost of normalizing."""
    text = text.replace("\u2026", "...")
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


# Runs or terms a cache keeps; past that, it forgets the older half. A run takes ~1 KB (7k corpus: 34,000 runs,
# 32 MB kept whole; kept to 20,000, 13 MB and no slower): at most ~20 MB at any size.
_KEPT = 20_000


class _Runs(dict):
    """The text between two breaks → its terms: its syllables' (`tokenize.word_forms`), then its pairs'."""

    def __missing__(self, run: str) -> tuple[Term, ...]:
        if len(self) >= _KEPT:
            _forget_older_half(self)
        forms = list(map(_WORDS.__getitem__, run.split()))
        terms = self[run] = (*forms, *map(_PAIRS.__getitem__, zip(forms, forms[1:])))
        return terms


def _forget_older_half(cache: dict) -> None:
    """Drop the half of a full cache filled first (a dict keeps the order of insertion): a site's pages in a
    row share more text than pages far apart, so the newer half is the one to keep."""
    for key in list(islice(cache, len(cache) // 2)):
        del cache[key]


class _Words(dict):
    """syllable as written → its term (`tokenize.word_forms`)."""

    def __missing__(self, syllable: str) -> Term:
        if len(self) >= _KEPT:
            _forget_older_half(self)
        term = self[syllable] = word_forms(syllable)
        return term


class _Pairs(dict):
    """(term, term) of two syllables side by side → the pair's term (`pair_forms`)."""

    def __missing__(self, pair: tuple[Term, Term]) -> Term:
        if len(self) >= _KEPT:
            _forget_older_half(self)
        (f1, e1), (f2, e2) = pair
        term = self[pair] = (f1 + JOIN + f2, e1 + JOIN + e2)
        return term


_RUNS, _WORDS, _PAIRS = _Runs(), _Words(), _Pairs()


def forget() -> None:
    """Empty the caches of `counts` (tens of MB on a large site); they fill again as texts are counted."""
    for cache in (_RUNS, _WORDS, _PAIRS):
        cache.clear()


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
