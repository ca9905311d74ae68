"""A sharded search index that forgives missing diacritics and reads document numbers in any form.

Layout under site/search/ (all JSON, all deterministic, no file past a few hundred KB at 90,000 pages; t/ and x/
are stored gzipped, as <name>.json.gz: `stored`):
  meta.json          {"docs": count, "weights": [weight, ...], "ties": TIES, "levels": LEVELS,
                     "shards": [name, ...], "group": G}: read first
  t/<prefix>.json    terms whose folded form starts with prefix: {folded: {exact: postings}, ...}; a term is
                     a syllable, two syllables written side by side ("dan_van", `terms`) or a number key
                     ("~33ct", `doc_numbers`); postings are compact strings (`postings`: pages as gaps,
                     weights as places in "weights"; a weight is a BM25F level × TIES + the kind's
                     tie-breaker, `terms`), and a shard past postings.SHARD_BYTES is split by a longer prefix
                     ("shards" lists the files)
  x/<group>.json     the pages group × G to group × G + G - 1 (G: meta.json "group", `snippet_group`):
                     [[url, title, kind, excerpt], ...]; the excerpt (`excerpt`: the page's prose) is what
                     a page's snippet is cut from. Pages are grouped so that a province's search/ holds a
                     few thousand files, not one per page (issue 24); a small site keeps one page a file
  facets.json        {"kinds": [label, ...], "plans": ["", plan id, ...], "runs": [n, kind, plan, ...]}:
                     the kind and plan of every page, as runs of pages (pages are in URL order, so a plan's
                     pages are one run), for the filters and counts of the results page (docs/tim-kiem.md)
  plans.json         {plan id: title}: the plan filter's names

A browser loads meta.json, the shard files of the query's pairs (its syllables written side by side) and
number keys, then, when fewer than ten pages hold the whole phrase or the query is one syllable, those of
its syllables (docs/assets/plan-search.js `search`), and the snippet groups of the results it shows (the
best ten): the first answer costs the postings of its terms and at most ten groups, whatever the number of
pages. For pages opened from
file:// (the offline edition), `scripts` wraps each file in a script the browser can load without
fetch(). Words are cut and folded by `tokenize`, which the browser's script mirrors. Abbreviations are
expanded both ways when the shards are written (`expand`), so the browser needs no table of them.
"""

from __future__ import annotations

import json
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from urllib.parse import unquote

from ..addresses import IN_PLAN_URL, PLAN_PAGE_URL
from ..kinds import PageKind
from ..spill import Spill
from .doc_numbers import NUMBER_MARK, number_key, number_keys
from .excerpt import cut, headings_text, html_text, not_indexed, page_texts, screen_part
from .expand import abbreviations_in_html, expander, expansions
from .postings import SEPARATOR, SHARD_BYTES, WEIGHT_BITS, WEIGHT_MASK, places_of, shards, weight_table, writer
from .stored import stored
from .terms import LEVELS, PACKED_BITS, TIES, Term, counts, forget, level, merged, pack, packed_counts
from .tokenize import shard_of

# The most snippet files a site has (x/<group>.json). Measured on the province corpus (56,681 pages indexed):
# groups of 29 pages, 4.5 KB gzip each (a result's snippet costs its group: up to ten of them, ~45 KB, where
# one file a page cost ~4 KB), 1,955 files beside 3,416 term shards (60,466 files before).
SNIPPET_FILES = 2000
_PACKED = (1 << PACKED_BITS) - 1
# A posting while pages are added: doc << _DOC_SHIFT | class of the page << PACKED_BITS | packed counts, one
# machine integer (array "q": 63 bits), in doc order; the low bits are what its weight depends on (`_Weights`).
_CLASS_BITS = 22
_DOC_SHIFT = PACKED_BITS + _CLASS_BITS
_CLASSED = (1 << _DOC_SHIFT) - 1
# So at most 4 million pages (and classes: no more than pages); past that, array("q") refuses the number.
assert LEVELS * TIES <= WEIGHT_MASK  # every weight fits below WEIGHT_BITS (postings.Writer)
__all__ = ["NUMBER_MARK", "SearchIndex", "facets", "html_text", "number_key"]


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def facets(docs: list[tuple[str, str, str]]) -> dict:
    """The kind and plan of every page ((url, title, kind label), in index order) as runs: {"kinds": labels,
    "plans": ["", plan ids…], "runs": [pages, kind, plan, …]}, places in "kinds" and "plans" (plan 0: none).
    The plan is the URL's folder under ke-hoach/, as the results page's filter names it."""
    kinds = sorted({kind for _, _, kind in docs})
    plans = [""] + sorted({unquote(m.group(1)) for url, _, _ in docs if (m := IN_PLAN_URL.match(url))})
    kind_at, plan_at = {k: i for i, k in enumerate(kinds)}, {p: i for i, p in enumerate(plans)}
    runs: list[int] = []
    for url, _, kind in docs:
        m = IN_PLAN_URL.match(url)
        key = [kind_at[kind], plan_at[unquote(m.group(1)) if m else ""]]
        if runs and runs[-2:] == key:
            runs[-3] += 1
        else:
            runs += [1, *key]
    return {"kinds": kinds, "plans": plans, "runs": runs}


class _Weights(dict):
    """(class of pages << PACKED_BITS | packed counts) → the weight written (level × TIES + tie), computed on
    first use; a class is (title ratio, body ratio, tie) of pages alike (`SearchIndex.files`)."""

    def __init__(self, classes: list[tuple[float, float, int]]):
        super().__init__()
        self.classes = classes

    def __missing__(self, key: int) -> int:
        title_ratio, body_ratio, tie = self.classes[key >> PACKED_BITS]
        self[key] = weight = level(key & _PACKED, title_ratio, body_ratio) * TIES + tie
        return weight


def snippet_group(pages: int, files: int = SNIPPET_FILES) -> int:
    """Pages per snippet file (x/<group>.json): one while a site has at most `files` pages, so a commune's
    first answer fetches ten small files as before; above, as few as keep `files` files."""
    return max(1, -(-pages // files))


def tie_of(kind: PageKind) -> int:
    """The kind's tie-breaker (0…TIES-1): a task, agency or document page before a long page (the whole
    plan, an index) that holds the same words as strongly."""
    return min(kind.search_boost - 1, TIES - 1)


@dataclass
class SearchIndex:
    """Collects pages during the build, then writes the index files (see the module docstring)."""

    docs: list[tuple[str, str, str]] = field(default_factory=list)
    # term → its pages, ascending, each as doc << _DOC_SHIFT | class << PACKED_BITS | its packed field counts
    # (terms.pack): one machine integer, 8 bytes a posting where a dict of ints took over 100 (a province's
    # index held hundreds of MB of them), appended once a posting.
    postings: dict[Term, array] = field(default_factory=lambda: defaultdict(lambda: array("q")))
    numbers: dict[str, dict[int, int]] = field(default_factory=dict)  # number key → doc → FULL or PART
    lengths: array = field(default_factory=lambda: array("i"))  # per doc: syllables of title, then of body
    ties: array = field(default_factory=lambda: array("b"))  # per doc: its kind's tie-breaker
    # (title length, body length, tie) → its number: pages alike weigh the same counts alike (`_Weights`)
    classes: dict[tuple[int, int, int], int] = field(default_factory=dict)
    doc_classes: array = field(default_factory=lambda: array("i"))  # per doc: its class's number
    abbreviations: set[tuple[str, str]] = field(default_factory=set)  # (abbr, full form) from the pages' <abbr>
    # Per doc: its title and keywords, and body text (compressed), kept for the abbreviations: which
    # ones a site has is only known once every page was added (the glossary page is not the first).
    named: list[str] = field(default_factory=list)
    # The body texts (compressed) and the excerpts (see excerpt.py, in UTF-8) wait in temporary files until
    # the index is written (plansite/spill.py: a province's are 100 MB that no page added later reads).
    bodies: Spill = field(default_factory=Spill)
    excerpts: Spill = field(default_factory=Spill)
    plans: dict[str, str] = field(default_factory=dict)  # plan id (from its page's URL) → title
    shard_bytes: int = SHARD_BYTES  # a shard past this is split by a longer prefix (see `postings`)
    snippet_files: int = SNIPPET_FILES  # at most this many x/<group>.json files (see `snippet_group`)

    def add(
        self,
        url: str,
        title: str,
        kind: PageKind,
        text: str,
        keywords: tuple[str, ...] = (),
        numbers: tuple[str, ...] = (),
        excerpt: str | None = None,
        headings: str = "",
        subjects: tuple[str, ...] = (),
    ) -> None:
        """Index one page: the syllables and syllable pairs of its title with its keywords, its headings
        and its text (`terms`), and the numbers that name it (`doc_numbers`). `excerpt` is the text its
        snippets are cut from (default: the start of `text`)."""
        doc = len(self.docs)
        self.docs.append((url, title, kind.label))
        self.excerpts.append(cut(text if excerpt is None else excerpt).encode("utf-8"))
        plan = PLAN_PAGE_URL.fullmatch(url)
        if kind is PageKind.PLAN and plan:
            self.plans[plan.group(1)] = title
        named = " ".join((title, *keywords, *subjects))
        body, body_length = counts(text)
        titled, title_length = counts(named)
        about = set().union(*(counts(subject)[0] for subject in subjects))  # each on its own: no pair across two
        packed = packed_counts(body, counts(headings)[0], titled, about)
        tie = tie_of(kind)
        cls = self.classes.setdefault((title_length, body_length, tie), len(self.classes))
        self.doc_classes.append(cls)
        # postings[term].append(at | packed) for each term, the loop run in C (map, deque)
        at = doc << _DOC_SHIFT | cls << PACKED_BITS
        deque(map(array.append, map(self.postings.__getitem__, packed), map(at.__or__, packed.values())), 0)
        for number in numbers:
            for key, strength in number_keys(number, title).items():
                pages = self.numbers.setdefault(key, {})
                pages[doc] = max(pages.get(doc, 0), strength)
        self.lengths.extend((title_length, body_length))
        self.ties.append(tie)
        self.named.append(named)
        self.bodies.append(zlib.compress(text.encode("utf-8"), 1))

    def add_html(
        self,
        url: str,
        title: str,
        kind: PageKind,
        html: str,
        keywords: tuple[str, ...] = (),
        numbers: tuple[str, ...] = (),
        subjects: tuple[str, ...] = (),
    ) -> None:
        """Index rendered page content; its `<abbr title>` tags teach the index the site's abbreviations."""
        if not kind.searchable or not_indexed(html):
            return
        html = screen_part(html)  # a task's notice repeats its page, for paper: not its words twice
        self.abbreviations |= abbreviations_in_html(html)
        text, excerpt = page_texts(html)
        self.add(url, title, kind, text, keywords, numbers, excerpt, headings_text(html), subjects)

    def _counts(self, term: Term, doc: int) -> int:
        """The packed counts of `term` on `doc` (0 when the page lacks it)."""
        entries = self.postings.get(term, ())
        at = bisect_left(entries, doc << _DOC_SHIFT)
        return entries[at] & _PACKED if at < len(entries) and entries[at] >> _DOC_SHIFT == doc else 0

    def expanded(self) -> dict[Term, dict[int, int]]:
        """Packed counts for the abbreviations (see `expand`): each use of an abbreviation counts its full
        form's syllables and pairs once more, each run of a full form its abbreviation's, in the field
        where it is written (title with keywords, or body), added to the page's own counts. Computed
        afresh by each `files()`, so writing twice gives the same bytes."""
        if not self.abbreviations:
            return {}
        exp = expander(self.abbreviations)
        extra: dict[Term, dict[int, int]] = {}
        for doc, (named, body) in enumerate(zip(self.named, self.bodies)):
            gained = {term: pack(n) for term, n in expansions(exp, zlib.decompress(body).decode("utf-8")).items()}
            for term, n in expansions(exp, named).items():
                gained[term] = merged(gained.get(term, 0), pack(0, 0, n))
            for term, packed in gained.items():
                extra.setdefault(term, {})[doc] = merged(self._counts(term, doc), packed)
        return extra

    def files(self) -> dict[str, str]:
        """Relative path → JSON text; sorted, compact, byte-identical for identical input."""
        return dict(sorted(self._files()))

    def _files(self) -> Iterator[tuple[str, str]]:
        """(relative path, JSON text) of every file, each made when asked for (`write` holds one at a time)."""
        forget()  # every page was added: the term caches are not needed for writing
        order = sorted(range(len(self.docs)), key=lambda i: self.docs[i][0])
        group = snippet_group(len(order), self.snippet_files)
        for first in range(0, len(order), group):
            yield (
                f"search/x/{first // group}.json",
                _dump([[*self.docs[old], self.excerpts[old].decode("utf-8")] for old in order[first : first + group]]),
            )
        renumber = [0] * len(order)
        for new, old in enumerate(order):
            renumber[old] = new
        page_keys = [new << WEIGHT_BITS for new in renumber]
        pages = max(1, len(self.docs))
        averages = [max(1.0, sum(self.lengths[field::2]) / pages) for field in (0, 1)]
        # A posting's weight is computed once per class of pages and packed counts (`_Weights`), not once a
        # posting.
        weight = _Weights([(title / averages[0], body / averages[1], tie) for title, body, tie in self.classes])
        doc_classes = self.doc_classes
        postings, ties, extra = self.postings, self.ties, self.expanded()

        def keys(term: Term) -> list[int]:  # the term's postings as page << WEIGHT_BITS | weight, unsorted
            entries, more = postings.get(term, ()), extra.get(term)
            if more is None:
                return [page_keys[e >> _DOC_SHIFT] | weight[e & _CLASSED] for e in entries]
            counted = {e >> _DOC_SHIFT: e & _PACKED for e in entries}
            counted.update(more)
            return [page_keys[d] | weight[doc_classes[d] << PACKED_BITS | c] for d, c in counted.items()]

        def weighted():  # (term, its postings), one list at a time
            for term in chain(postings, (term for term in extra if term not in postings)):
                yield term, keys(term)
            for key, strengths in self.numbers.items():
                yield (key, key), [page_keys[d] | s * TIES + ties[d] for d, s in strengths.items()]

        # The weight table needs how often each weight is written. A posting's weight depends only on its low
        # bits (class and packed counts): those are counted in C and each distinct one weighed once; only the
        # abbreviations' and numbers' postings are weighed one by one.
        low_bits = Counter(chain.from_iterable(map(_CLASSED.__and__, postings[t]) for t in postings if t not in extra))
        frequency: Counter = Counter()
        for key, n in low_bits.items():
            frequency[weight[key]] += n
        for term in extra:
            frequency.update([key & WEIGHT_MASK for key in keys(term)])
        for strengths in self.numbers.values():
            frequency.update([s * TIES + ties[d] for d, s in strengths.items()])
        table = weight_table(frequency)
        places = places_of({w: place for place, w in enumerate(table)})
        write = writer(len(order), len(table))
        entries: dict[str, dict[str, str]] = {}
        for (folded, exact), got in weighted():
            got.sort()
            weights = write.weights([key & WEIGHT_MASK for key in got], places)
            entries.setdefault(folded, {})[exact] = write.pages(got) + SEPARATOR + weights
        extra.clear()  # weighed into `entries`: each shard below holds its own words only
        names = []  # the shards, sorted by name: the manifest's order
        for name, text in shards(entries, shard_of, self.shard_bytes):  # empties `entries` as it goes
            names.append(name)
            yield f"search/t/{name}.json", text
        yield "search/facets.json", _dump(facets([self.docs[i] for i in order]))
        yield "search/plans.json", _dump(dict(sorted(self.plans.items())))
        meta = {"docs": len(order), "weights": table, "ties": TIES, "levels": LEVELS, "shards": names, "group": group}
        yield "search/meta.json", _dump(meta)

    def write(self, site_dir: Path) -> None:
        """Write `files` under `site_dir` (the built site's folder) as `stored` stores them, each as soon as it is
        made."""
        for relative, text in self._files():
            name, data = stored(relative, text)
            path = Path(site_dir) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
