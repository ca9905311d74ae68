"""A sharded search index that forgives missing diacritics and reads document numbers in any form.

Layout under site/search/ (all JSON, all deterministic, no file past a few hundred KB at 90,000 pages):
  meta.json          {"docs": count, "weights": [weight, ...], "shards": [name, ...]}: read first
  t/<prefix>.json    words whose folded form starts with prefix: {folded: {exact: postings}, ...}; postings
                     are compact strings (`postings`: pages as gaps, weights as places in "weights"), and a
                     shard past postings.SHARD_BYTES is split by a longer prefix ("shards" lists the files)
  x/<doc>.json       one page: [url, title, kind, excerpt]; the excerpt (`excerpt`) is what its snippet is
                     cut from and what the check for words written next to each other reads
  facets.json        {"kinds": [label, ...], "plans": ["", plan id, ...], "runs": [n, kind, plan, ...]}:
                     the kind and plan of every page, as runs of pages (pages are in URL order, so a plan's
                     pages are one run), for the filters and counts of the results page (docs/tim-kiem.md)
  plans.json         {plan id: title}: the plan filter's names

A browser loads meta.json, the shard files of the query's words, and the page files of the results it
shows (the best ten, which are also the ones re-ordered for words side by side): the first answer costs
the postings of its words and ten small files, whatever the number of pages. For pages opened from
file:// (the offline edition), `scripts` wraps each file in a script the browser can load without
fetch(). Words are cut and folded by `tokenize`, which the browser's script mirrors. Abbreviations are
expanded both ways when the shards are written (`expand`), so the browser needs no table of them.
"""

from __future__ import annotations

import json
import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..kinds import PageKind
from .excerpt import cut, html_text, not_indexed, page_texts
from .expand import abbreviations_in_html, expander, expansions
from .postings import SHARD_BYTES, decode, encode, shards, weight_table
from .tokenize import shard_of, tokens, word_forms, words

NUMBER_WEIGHT = 1000  # a query that is the page's own number ("128/KH-UBND" in any form): that page first
NUMBER_MARK = "~"  # number keys live apart from words ("~128khubnd"), so no word or prefix ever matches them
TITLE_WEIGHT = 10
MAX_BODY_WEIGHT = 5  # repetition in a long page should not outrank a title match


def number_key(number: str) -> str:
    """One key for a document number written any way: its folded words, sorted, joined, marked.
    '128/KH-UBND', 'KH-UBND 128' and '128 kh ubnd' all give '~128khubnd' (the browser builds the same
    key from a query of two or more words)."""
    return NUMBER_MARK + "".join(sorted(folded for folded, _ in tokens(number)))


_PLAN_URL = re.compile(r"ke-hoach/([^/]+)/(?:index\.html)?")  # a plan's page, with or without directory URLs
_IN_PLAN = re.compile(r"ke-hoach/([^/]+)/")  # a page of a plan: its own, its tasks', its appendix…
__all__ = ["SearchIndex", "decoded", "facets", "html_text", "number_key"]


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def facets(docs: list[tuple[str, str, str]]) -> dict:
    """The kind and plan of every page ((url, title, kind label), in index order) as runs: {"kinds": labels,
    "plans": ["", plan ids…], "runs": [pages, kind, plan, …]}, places in "kinds" and "plans" (plan 0: none).
    The plan is the URL's folder under ke-hoach/, as the results page's filter names it."""
    kinds = sorted({kind for _, _, kind in docs})
    plans = [""] + sorted({unquote(m.group(1)) for url, _, _ in docs if (m := _IN_PLAN.match(url))})
    kind_at, plan_at = {k: i for i, k in enumerate(kinds)}, {p: i for i, p in enumerate(plans)}
    runs: list[int] = []
    for url, _, kind in docs:
        m = _IN_PLAN.match(url)
        key = [kind_at[kind], plan_at[unquote(m.group(1)) if m else ""]]
        if runs and runs[-2:] == key:
            runs[-3] += 1
        else:
            runs += [1, *key]
    return {"kinds": kinds, "plans": plans, "runs": runs}


def decoded(files: dict[str, str]) -> dict[str, dict[str, dict[str, int]]]:
    """folded → exact → page URL → weight, read back from written index files (`SearchIndex.files`):
    what the browser reads, for tests."""
    meta = json.loads(files["search/meta.json"])
    urls = [json.loads(files[f"search/x/{doc}.json"])[0] for doc in range(meta["docs"])]
    out: dict[str, dict[str, dict[str, int]]] = {}
    for name in meta["shards"]:
        for folded, variants in json.loads(files[f"search/t/{name}.json"]).items():
            out[folded] = {exact: {urls[doc]: weight for doc, weight in decode(text, len(urls), meta["weights"]).items()}
                           for exact, text in variants.items()}
    return out


@dataclass
class SearchIndex:
    """Collects pages during the build, then writes the index files (see the module docstring)."""

    docs: list[tuple[str, str, str]] = field(default_factory=list)
    # (folded, exact) → (docs, weights), docs ascending: arrays of machine integers, about 8 bytes a posting
    # where a dict of ints took over 100 (a province's index held hundreds of MB of them).
    postings: dict[tuple[str, str], tuple[array, array]] = field(default_factory=dict)
    abbreviations: set[tuple[str, str]] = field(default_factory=set)  # (abbr, full form) from the pages' <abbr>
    # Per doc: its boost, title and keywords, and body text (compressed), kept for the abbreviations: which
    # ones a site has is only known once every page was added (the glossary page is not the first).
    texts: list[tuple[int, str, bytes]] = field(default_factory=list)
    excerpts: list[str] = field(default_factory=list)  # per doc, see excerpt.py
    plans: dict[str, str] = field(default_factory=dict)  # plan id (from its page's URL) → title
    shard_bytes: int = SHARD_BYTES  # a shard past this is split by a longer prefix (see `postings`)

    def add(self, url: str, title: str, kind: PageKind, text: str, keywords: tuple[str, ...] = (),
            numbers: tuple[str, ...] = (), excerpt: str | None = None) -> None:
        """Index one page: its words; its title's and keywords' words (weighted as a title); and the
        numbers that name it, each as one key of its words in any order (see `number_key`).
        `excerpt` is the text its snippets are cut from (default: the start of `text`)."""
        doc = len(self.docs)
        self.docs.append((url, title, kind.label))
        self.excerpts.append(cut(text if excerpt is None else excerpt))
        plan = _PLAN_URL.fullmatch(url)
        if kind is PageKind.PLAN and plan:
            self.plans[plan.group(1)] = title
        boost = kind.search_boost
        weights: dict[tuple[str, str], int] = {}
        # Count raw words first (in C), then fold each distinct word once.
        for word, n in Counter(words(text)).items():
            pair = word_forms(word)
            weights[pair] = min(weights.get(pair, 0) + n, MAX_BODY_WEIGHT)
        for pair in set(tokens(" ".join((title, *keywords)))):
            weights[pair] = weights.get(pair, 0) + TITLE_WEIGHT
        for number in numbers:
            key = number_key(number)
            weights[(key, key)] = NUMBER_WEIGHT
        for pair, weight in weights.items():
            entry = self.postings.get(pair)
            if entry is None:
                entry = self.postings[pair] = (array("i"), array("i"))
            entry[0].append(doc)
            entry[1].append(weight * boost)
        self.texts.append((boost, " ".join((title, *keywords)), zlib.compress(text.encode("utf-8"), 1)))

    def add_html(self, url: str, title: str, kind: PageKind, html: str, keywords: tuple[str, ...] = (),
                 numbers: tuple[str, ...] = ()) -> None:
        """Index rendered page content; its `<abbr title>` tags teach the index the site's abbreviations."""
        if not kind.searchable or not_indexed(html):
            return
        self.abbreviations |= abbreviations_in_html(html)
        text, excerpt = page_texts(html)
        self.add(url, title, kind, text, keywords, numbers, excerpt)

    def _weight(self, pair: tuple[str, str], doc: int) -> int:
        """The weight of `pair` on `doc` (0 when the page lacks it)."""
        docs, weights = self.postings.get(pair, ((), ()))
        at = bisect_left(docs, doc)
        return weights[at] if at < len(docs) and docs[at] == doc else 0

    def expanded(self) -> dict[tuple[str, str], dict[int, int]]:
        """Extra postings for the abbreviations (see `expand`): a word a page gains through an abbreviation
        or a full form weighs like its own words would (each use in the body counts as one occurrence, up
        to MAX_BODY_WEIGHT; a use in the title or keywords adds TITLE_WEIGHT), and never lowers a weight.
        Computed afresh by each `files()`, so writing twice gives the same bytes."""
        if not self.abbreviations:
            return {}
        exp = expander(self.abbreviations)
        extra: dict[tuple[str, str], dict[int, int]] = {}
        for doc, (boost, title, body) in enumerate(self.texts):
            text = zlib.decompress(body).decode("utf-8")
            gained = {pair: min(n, MAX_BODY_WEIGHT) for pair, n in expansions(exp, text).items()}
            for pair in expansions(exp, title):
                gained[pair] = gained.get(pair, 0) + TITLE_WEIGHT
            for pair, weight in gained.items():
                if weight * boost > self._weight(pair, doc):
                    extra.setdefault(pair, {})[doc] = weight * boost
        return extra

    def files(self) -> dict[str, str]:
        """Relative path → JSON text; sorted, compact, byte-identical for identical input."""
        order = sorted(range(len(self.docs)), key=lambda i: self.docs[i][0])
        renumber = array("i", bytes(4 * len(order)))
        for new, old in enumerate(order):
            renumber[old] = new
        extra = self.expanded()
        table = weight_table(chain((w for _, weights in self.postings.values() for w in weights),
                                   (w for docs in extra.values() for w in docs.values())))
        rank = {w: place for place, w in enumerate(table)}
        entries: dict[str, dict[str, str]] = {}
        # One page list at a time, so there is never a second copy of them all (shards() sorts the words).
        for pair in chain(self.postings, (pair for pair in extra if pair not in self.postings)):
            docs, weights = self.postings.get(pair, ((), ()))
            merged = dict(zip((renumber[d] for d in docs), weights))
            merged.update((renumber[d], w) for d, w in extra.get(pair, {}).items())
            entries.setdefault(pair[0], {})[pair[1]] = encode(merged, len(order), rank)
        texts = shards(entries, shard_of, self.shard_bytes)  # name → JSON, sorted by name: the manifest's order
        out = {f"search/t/{name}.json": text for name, text in texts.items()}
        for new, old in enumerate(order):
            out[f"search/x/{new}.json"] = _dump([*self.docs[old], self.excerpts[old]])
        out["search/facets.json"] = _dump(facets([self.docs[i] for i in order]))
        out["search/plans.json"] = _dump(dict(sorted(self.plans.items())))
        out["search/meta.json"] = _dump({"docs": len(order), "weights": table, "shards": list(texts)})
        return dict(sorted(out.items()))

    def write(self, site_dir: Path) -> None:
        """Write `files` under `site_dir` (the built site's folder)."""
        for relative, text in self.files().items():
            path = Path(site_dir) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
