"""The plain text the index keeps of each page, for the snippets under search results.

Each page's excerpt is its prose after the heading (the breadcrumbs and the title are shown by the
result itself), on one line, cut at a word before EXCERPT_CHARS characters. Prose is what a reader reads
as sentences: paragraphs and list items, without tables of attributes, headings, the labels our
renderers write before a value ("Loại:", "Tình trạng:", "Nguồn thông tin:"), status tags, and blocks
that only say nothing is there ("Không có.", "Chưa rõ") or only lead elsewhere ("Trang chủ"). A page
whose blocks are all in tables keeps their cells, the tables' heads, labels and placeholders still left
out. The browser fetches only the excerpts of the results it shows (search/x/<group>.json: one page a
file on a small site, ~0.4 KB gzipped; pages in a row grouped on a large one, `index.snippet_group`) and
starts a snippet where the query's syllables stand together (plan-search.js `fromPhrase`).

A hand-written page opts out of search with an element carrying `data-ps-noindex` (docs/tim-kiem.md,
the results page, has nothing to find); everything from an element carrying `data-ps-print-only` to the end
is left out (a task's notice, site/render/render_notice.py: its head and its QR code, for paper only; the facts it
shows are the page's own sections, indexed where they stand). Only raw HTML of docs/ can carry it: text from
the plan data reaches a page with '<' escaped, so it never forms a tag.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html import unescape

EXCERPT_CHARS = 600  # enough for a snippet around words in a page's opening; see the module docstring
ELLIPSIS = "…"

# Page content comes from our own Markdown renderer, so a regex is a safe and ~10× faster
# way than an HTML parser to get its visible text.
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)
_HEADING_END = re.compile(r"</h1\s*>", re.I)
_NOINDEX = re.compile(r"<[A-Za-z][^<>]*\sdata-ps-noindex[\s=/>]")
_PRINT_ONLY = re.compile(r"<[A-Za-z][^<>]*\sdata-ps-print-only[\s=/>]")
_HEADINGS = re.compile(r"<h([2-6])\b[^>]*>(.*?)</h\1\s*>", re.S | re.I)
# Never prose: headings, the label of a box, a status tag, small print, a bold label ("<strong>Nơi nhận:</strong>").
_NOT_PROSE = re.compile(
    r"<(h[1-6]|nav|thead|small)\b.*?</\1\s*>|<p class=\"admonition-title\">.*?</p>"
    r"|<strong class=\"ps-tag[^\"]*\">.*?</strong>|<strong>[^<]{1,40}:</strong>",
    re.S | re.I,
)
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
_BLOCK_END = re.compile(r"</(?:p|li|td|th|dd|dt|div|blockquote)\s*>", re.I)
# Blocks that are a label and a value, or say that nothing is there (site/render/render_agency.py, render_document.py,
# report_parts.py write them).
_LABELLED = re.compile(r"(?:Loại|Trực thuộc|Thuộc nhóm|Tên gọi khác trong văn bản|Tình trạng|Nguồn thông tin):")
PLACEHOLDERS = frozenset({"Không có.", "Không có", "Chưa rõ", "Chưa rõ.", "Chưa có báo cáo nào về nhiệm vụ này."})
# Blocks that only lead elsewhere (render_indexes.py, parts.py): a link home, "see all n items".
_NAVIGATION = re.compile(r"Trang chủ(?: › .*)?|Xem tất cả \d+ mục")


def html_text(html: str) -> str:
    """Visible text of rendered page content."""
    return " ".join(unescape(_TAGS.sub(" ", html)).split())


def not_indexed(html: str) -> bool:
    """Whether rendered page content asks to be left out of search (`data-ps-noindex` on an element)."""
    return "data-ps-noindex" in html and _NOINDEX.search(html) is not None  # the regex only where it may match


def screen_part(html: str) -> str:
    """`html` up to its first element carrying `data-ps-print-only` (a block for paper ends the page)."""
    end = _PRINT_ONLY.search(html) if "data-ps-print-only" in html else None
    return html[: end.start()] if end else html


def cut(text: str, limit: int = EXCERPT_CHARS) -> str:
    """`text` (NFC, one line) in at most `limit` characters, cut after a whole word and ending in '…' when
    cut; a text already cut is returned as it is."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS)]
    space = head.rfind(" ")
    if space > limit * 3 // 4:
        head = head[:space]
    return head.rstrip(" ,;:") + ELLIPSIS


def page_texts(html: str) -> tuple[str, str]:
    """(the visible text of rendered page content, as `html_text` gives it; its excerpt: the prose after
    the first <h1>, or of all of it, cut). Split after a tag, the two halves' texts joined are the whole's."""
    end = _HEADING_END.search(html)
    at = end.end() if end else 0
    before, after = html_text(html[:at]), html_text(html[at:])
    return " ".join(part for part in (before, after) if part), excerpt(html[at:])


def _blocks(html: str) -> Iterator[str]:
    for block in _BLOCK_END.split(_NOT_PROSE.sub(" ", html)):
        text = html_text(block)
        if text and text not in PLACEHOLDERS and not _LABELLED.match(text) and not _NAVIGATION.fullmatch(text):
            yield text


def _opening(blocks: Iterator[str], limit: int) -> list[str]:
    """The first of `blocks`, as many as `cut` reads: until, joined and in NFC, they pass `limit` characters
    (NFC keeps a space between two blocks, so a later block never changes what comes before it)."""
    out, length = [], 0
    for block in blocks:
        out.append(block)
        length += len(block) + 1
        if length > limit and len(unicodedata.normalize("NFC", " ".join(out))) > limit:
            break
    return out


def excerpt(html: str, limit: int = EXCERPT_CHARS) -> str:
    """The excerpt of rendered page content: its prose (see the module docstring) on one line, `cut`; only
    the blocks the cut keeps are read."""
    return cut(" ".join(_opening(_blocks(_TABLE.sub(" ", html)), limit) or _opening(_blocks(html), limit)), limit)


def headings_text(html: str) -> str:
    """The text of the headings below the title (h2 to h6), one line: a field of its own in the index."""
    return " ".join(html_text(m.group(2)) for m in _HEADINGS.finditer(html))
