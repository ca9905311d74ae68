"""Compact postings and size-bounded shards: how the index stays phone-sized at any corpus size.

A posting list (the pages holding one exact form of a word, each with a weight) is one ASCII string:

    <pages> " " <weights>

- <pages>: the page numbers, ascending, as the gaps between them (`gap = page - previous - 1`, the first
  counted from -1), each a number in the digits below. A word on most pages is written as "!" and the gaps
  between the pages *without* it instead (whichever is shorter): a word on every page costs one character.
- <weights>: one digit-number per page (in page order): its weight's place in the index's weight table
  (meta.json "weights", the most frequent first, so the common weights are one character). When every page
  has the same weight, that one number alone.
- digits: printable ASCII from '#' on, without '\\' (so JSON writes them as they are, and '!' and ' ' stay
  free). A number is written in base 45, most significant first; every digit but the last is shifted by 45
  ("continues"), so numbers need no separator. Gaps on a frequent word are 0 ('#'): gzip packs them.

docs/assets/plan-search.js `decode` reads the same format; `decode` below is its Python twin (for tests).

Shards: the words whose folded form starts with the same two code points (`tokenize.shard_of`) share a
file, t/<prefix>.json. A file that would grow past SHARD_BYTES is split by one code point more: the words
equal to the prefix stay in t/<prefix>.json, the others go to t/<longer prefix>.json, split again as
needed (one word alone is never split: about a byte per page per written form holding it, 131 KB for the
largest at 48,000 pages). The list of files (meta.json "shards") is the manifest: a prefix is
split when a longer name starts with it, so the browser walks down to the one file of a word, or to the
files under the prefix being typed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import sub

DIGITS = "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) != "\\")  # '#' … '~' without '\'
BASE = 45  # digits 0-44 end a number; 45-89 carry a digit (minus 45) and say another follows
COMPLEMENT = "!"  # the gaps that follow are those of the pages *without* the word
SEPARATOR = " "
# A shard past this is split (see the module docstring). Measured on 48,000 pages: 708 files, a manifest of
# 1.4 KB gzip, and a query's files hold little besides its own words; 16 KB made 1,154 files for about
# the same bytes per query, 128 KB up to a fifth more bytes per query.
SHARD_BYTES = 48 * 1024

_VALUE = {c: i for i, c in enumerate(DIGITS)}


def number(n: int) -> str:
    """`n` ≥ 0 in the index's digits (most significant first, every digit but the last shifted by BASE)."""
    out = [DIGITS[n % BASE]]
    n //= BASE
    while n:
        out.append(DIGITS[BASE + n % BASE])
        n //= BASE
    return "".join(reversed(out))


def numbers(text: str) -> list[int]:
    """The numbers written one after the other in `text` (the inverse of joining `number`s)."""
    out, value = [], 0
    for c in text:
        digit = _VALUE[c]
        if digit >= BASE:
            value = value * BASE + digit - BASE
        else:
            out.append(value * BASE + digit)
            value = 0
    return out


def _ungap(values: list[int]) -> list[int]:
    page, out = -1, []
    for gap in values:
        page += gap + 1
        out.append(page)
    return out


def weight_table(weights: Iterable[int]) -> list[int]:
    """The weights of every posting, most frequent first (ties: the smaller first): meta.json "weights"."""
    counts = Counter(weights)
    return sorted(counts, key=lambda w: (-counts[w], w))


# A posting while the index is written: page << WEIGHT_BITS | weight, one integer, so that sorting a term's
# postings sorts its pages and keeps each weight beside its page (a weight is below 1 << WEIGHT_BITS).
WEIGHT_BITS = 10
WEIGHT_MASK = (1 << WEIGHT_BITS) - 1  # a posting's weight: key & WEIGHT_MASK


@dataclass(frozen=True)
class Writer:
    """Writes the posting lists of an index of `total` pages (see `writer`)."""

    total: int
    digits: list[str]  # n → number(n), for every gap (n < total) and place in the weight table
    after: list[str]  # n → number(n - 1): a page's gap + 1 is its distance from the page before (`_gaps`)

    def pages(self, keys: list[int]) -> str:
        """The <pages> part of a posting list, from its postings (page << WEIGHT_BITS | weight), ascending."""
        pages = [key >> WEIGHT_BITS for key in keys]
        present = self._gaps(pages)
        if len(pages) * 2 > self.total:  # on most pages: the pages without it may be fewer
            absent = COMPLEMENT + self._gaps(sorted(set(range(self.total)).difference(pages)))
            if len(absent) < len(present):
                present = absent
        return present

    def weights(self, weights: Sequence[int], places: list[int]) -> str:
        """The <weights> part of a posting list, its pages' weights in page order; `places`: weight → its
        place in the weight table (`places_of`)."""
        digits = self.digits
        if weights.count(weights[0]) == len(weights):
            return digits[places[weights[0]]]
        return "".join(map(digits.__getitem__, map(places.__getitem__, weights)))

    def _gaps(self, pages: list[int]) -> str:
        # page - previous (the first counted from -1) is the gap + 1: no loop in Python
        return "".join(map(self.after.__getitem__, map(sub, pages, [-1, *pages])))


def writer(total: int, places: int) -> Writer:
    """The Writer of an index of `total` pages and at most `places` distinct weights."""
    digits = [number(n) for n in range(max(total, places) + 1)]
    return Writer(total, digits, ["", *digits])


def places_of(rank: dict[int, int]) -> list[int]:
    """weight → its place in the weight table, as a list (`rank`: the same as a dict)."""
    places = [0] * (max(rank, default=0) + 1)
    for weight, place in rank.items():
        places[weight] = place
    return places


def encode(postings: dict[int, int], total: int, rank: dict[int, int]) -> str:
    """One posting list (page → weight; pages < `total`) as its string; `rank` maps a weight to its place
    in the weight table."""
    keys = sorted(page << WEIGHT_BITS | weight for page, weight in postings.items())
    write = writer(total, max(rank.values(), default=0) + 1)
    return write.pages(keys) + SEPARATOR + write.weights([key & WEIGHT_MASK for key in keys], places_of(rank))


def decode(text: str, total: int, table: list[int]) -> dict[int, int]:
    """page → weight of one posting list string (see `encode`)."""
    present, weights = text.split(SEPARATOR)
    if present.startswith(COMPLEMENT):
        absent = set(_ungap(numbers(present[1:])))
        pages = [p for p in range(total) if p not in absent]
    else:
        pages = _ungap(numbers(present))
    places = numbers(weights)
    if len(places) == 1:
        places *= len(pages)
    return {page: table[place] for page, place in zip(pages, places)}


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _split(prefix: str, words: list[tuple[str, str, int]], budget: int, out: dict[str, list]) -> None:
    """File the (folded, its JSON member, bytes) of `words`, all starting with `prefix`, under `prefix` or,
    past `budget`, under longer prefixes (see the module docstring)."""
    if len(words) == 1 or sum(size for _, _, size in words) <= budget:
        out[prefix] = words
        return
    own = [w for w in words if w[0] == prefix]
    if own:
        out[prefix] = own
    longer: dict[str, list] = {}
    for word in words:
        if word[0] != prefix:
            longer.setdefault(word[0][: len(prefix) + 1], []).append(word)
    for child, members in longer.items():
        _split(child, members, budget, out)


def shards(entries: dict[str, dict[str, str]], root_of, budget: int = SHARD_BYTES) -> Iterator[tuple[str, str]]:
    """(shard name, its JSON text ({folded: {exact: postings}})), sorted by name, for `entries` (folded →
    exact → posting string), which it empties as it goes: each word's postings are held once, as the
    strings or as their JSON, and each shard's text only until the next is asked for (a province's index
    is written by a helper process beside the build's own: issue 24, memory). `root_of(folded)` names a
    word's first shard (two code points). Deterministic."""
    roots: dict[str, list[tuple[str, str, int]]] = {}
    for folded in sorted(entries):
        member = _dump(folded) + ":" + _dump(dict(sorted(entries.pop(folded).items())))
        roots.setdefault(root_of(folded), []).append((folded, member, len(member.encode("utf-8")) + 1))
    out: dict[str, list] = {}
    for root in list(roots):
        _split(root, roots.pop(root), budget, out)
    for name in sorted(out):
        yield name, "{" + ",".join(member for _, member, _ in out.pop(name)) + "}"
