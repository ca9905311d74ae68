"""The plain text the index keeps of each page, for the snippets under search results.

Each page's excerpt is its visible text after the heading (the breadcrumbs and the title are shown by the
result itself), on one line, cut at a word before EXCERPT_CHARS characters. The browser fetches only the
excerpts of the results it shows (search/x/<doc>.json, one small file per page: ~0.4 KB gzipped), which
are also the candidates it re-orders for words written next to each other (plan-search.js `RERANK`):
the first search stays a few KB at any corpus size.

A hand-written page opts out of search with an element carrying `data-ps-noindex` (docs/tim-kiem.md,
the results page, has nothing to find). Only raw HTML of docs/ can carry it: text from the plan data
reaches a page with '<' escaped, so it never forms a tag.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

EXCERPT_CHARS = 600  # enough for a snippet around words in a page's opening; see the module docstring
ELLIPSIS = "…"

# Page content comes from our own Markdown renderer, so a regex is a safe and ~10× faster
# way than an HTML parser to get its visible text.
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_HEADING_END = re.compile(r"</h1\s*>", re.I)
_NOINDEX = re.compile(r"<[A-Za-z][^<>]*\sdata-ps-noindex[\s=/>]")


def html_text(html: str) -> str:
    """Visible text of rendered page content."""
    return " ".join(unescape(_TAGS.sub(" ", html)).split())


def not_indexed(html: str) -> bool:
    """Whether rendered page content asks to be left out of search (`data-ps-noindex` on an element)."""
    return _NOINDEX.search(html) is not None


def cut(text: str, limit: int = EXCERPT_CHARS) -> str:
    """`text` (NFC, one line) in at most `limit` characters, cut after a whole word and ending in '…' when
    cut; a text already cut is returned as it is."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if len(text) <= limit:
        return text
    head = text[:limit - len(ELLIPSIS)]
    space = head.rfind(" ")
    if space > limit * 3 // 4:
        head = head[:space]
    return head.rstrip(" ,;:") + ELLIPSIS


def page_texts(html: str) -> tuple[str, str]:
    """(the visible text of rendered page content, as `html_text` gives it; its excerpt: the text after the
    first <h1>, or all of it, cut), reading the HTML once. Split after a tag, the two halves' texts
    joined are the whole's."""
    end = _HEADING_END.search(html)
    at = end.end() if end else 0
    before, after = html_text(html[:at]), html_text(html[at:])
    return " ".join(part for part in (before, after) if part), cut(after)


def excerpt_of(html: str) -> str:
    """The excerpt of rendered page content (see `page_texts`)."""
    return page_texts(html)[1]
