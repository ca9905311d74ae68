"""A sharded search index that forgives missing diacritics and reads document numbers in any form.

Layout under site/search/ (all JSON, all deterministic):
  meta.json          {"chunk": N, "docs": count, "shards": [...]}
  t/<xx>.json        tokens whose folded form starts with xx:
                     {folded: {exact: [[doc, weight], ...], ...}, ...}
  d/<n>.json         documents n*N … n*N+N-1: [[url, title, kind], ...]
  x/<doc>.json       one document's excerpt, a JSON string (`excerpt`): the snippets and the check
                     for words written next to each other read it
  plans.json         {plan id: title}: the plan filter of the results page (docs/tim-kiem.md)

A browser loads meta.json, one shard per query word, one document chunk per page
of results and the excerpts of the best few, so the first answer costs a few KB at
any corpus size. For pages opened from file:// (the offline edition), `scripts`
wraps each file in a script the browser can load without fetch().
Words are cut and folded by `tokenize`, which the browser's script mirrors.
Abbreviations are expanded both ways when the shards are written (`expand`), so the
browser needs no table of them.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..kinds import PageKind
from .excerpt import cut, html_text, not_indexed, page_texts
from .expand import abbreviations_in_html, expander, expansions
from .tokenize import shard_of, tokens, word_forms, words

NUMBER_WEIGHT = 1000  # a query that is the page's own number ("128/KH-UBND" in any form): that page first
NUMBER_MARK = "~"  # number keys live apart from words ("~128khubnd"), so no word or prefix ever matches them
TITLE_WEIGHT = 10
MAX_BODY_WEIGHT = 5  # repetition in a long page should not outrank a title match
CHUNK = 200


def number_key(number: str) -> str:
    """One key for a document number written any way: its folded words, sorted, joined, marked.
    '128/KH-UBND', 'KH-UBND 128' and '128 kh ubnd' all give '~128khubnd' (the browser builds the same
    key from a query of two or more words)."""
    return NUMBER_MARK + "".join(sorted(folded for folded, _ in tokens(number)))


_PLAN_URL = re.compile(r"ke-hoach/([^/]+)/(?:index\.html)?")  # a plan's page, with or without directory URLs
__all__ = ["CHUNK", "SearchIndex", "html_text", "number_key"]


@dataclass
class SearchIndex:
    """Collects pages during the build, then writes the shards."""

    docs: list[tuple[str, str, str]] = field(default_factory=list)
    postings: dict[tuple[str, str], dict[int, int]] = field(default_factory=dict)  # (folded, exact) → doc → weight
    abbreviations: set[tuple[str, str]] = field(default_factory=set)  # (abbr, full form) from the pages' <abbr>
    # Per doc: its boost, title and keywords, and body text (compressed), kept for the abbreviations: which
    # ones a site has is only known once every page was added (the glossary page is not the first).
    texts: list[tuple[int, str, bytes]] = field(default_factory=list)
    excerpts: list[str] = field(default_factory=list)  # per doc, see excerpt.py
    plans: dict[str, str] = field(default_factory=dict)  # plan id (from its page's URL) → title

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
            self.postings.setdefault(pair, {})[doc] = weight * boost
        self.texts.append((boost, " ".join((title, *keywords)), zlib.compress(text.encode("utf-8"), 1)))

    def add_html(self, url: str, title: str, kind: PageKind, html: str, keywords: tuple[str, ...] = (),
                 numbers: tuple[str, ...] = ()) -> None:
        """Index rendered page content; its `<abbr title>` tags teach the index the site's abbreviations."""
        if not kind.searchable or not_indexed(html):
            return
        self.abbreviations |= abbreviations_in_html(html)
        text, excerpt = page_texts(html)
        self.add(url, title, kind, text, keywords, numbers, excerpt)

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
                if weight * boost > self.postings.get(pair, {}).get(doc, 0):
                    extra.setdefault(pair, {})[doc] = weight * boost
        return extra

    def files(self) -> dict[str, str]:
        """Relative path → JSON text; sorted, compact, byte-identical for identical input."""
        order = sorted(range(len(self.docs)), key=lambda i: self.docs[i][0])
        renumber = {old: new for new, old in enumerate(order)}
        shards: dict[str, dict] = {}
        extra = self.expanded()
        for folded, exact in sorted(self.postings.keys() | extra.keys()):  # sorted: the JSON needs no sort_keys
            docs = {**self.postings.get((folded, exact), {}), **extra.get((folded, exact), {})}
            entry = shards.setdefault(shard_of(folded), {}).setdefault(folded, {})
            entry[exact] = sorted([renumber[d], w] for d, w in docs.items())
        dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        out = {f"search/t/{name}.json": dump(body) for name, body in shards.items()}
        docs = [list(self.docs[i]) for i in order]
        for n in range(0, len(docs), CHUNK):
            out[f"search/d/{n // CHUNK}.json"] = dump(docs[n:n + CHUNK])
        for new, old in enumerate(order):
            out[f"search/x/{new}.json"] = dump(self.excerpts[old])
        out["search/plans.json"] = dump(dict(sorted(self.plans.items())))
        out["search/meta.json"] = dump({"chunk": CHUNK, "docs": len(docs), "shards": sorted(shards)})
        return dict(sorted(out.items()))

    def write(self, site_dir: Path) -> None:
        for relative, text in self.files().items():
            path = Path(site_dir) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
