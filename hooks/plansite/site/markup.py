"""Turning data text into safe HTML: escaping, the few elements pages are made of, and links between pages.

Generated pages are HTML written here, not Markdown: Python-Markdown re-parsing what our own code had just
written was most of a large build's time (issue 14). Nothing from YAML reaches a page as live HTML: every
text goes through `escape`, attribute values through `attr`, and the only links are the ones this module
makes to the site's own pages or to validated http(s) addresses.

Links between generated pages are written to the target's source file ('../co-quan/x.md'), as Markdown links
were; the adapter resolves them for the build's URL style (plansite_mkdocs/generated.py), so the same page
serves the site (directory URLs) and the offline edition ('.html' files).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Iterable

_SPACE = re.compile(r"\s+")
_BIDI_CHARS = "\u061c\u200e\u200f" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
_VISIBLE = {ord(c): f"[U+{ord(c):04X}]" for c in _BIDI_CHARS}


def visible(text: str) -> str:
    """`text` on one line with bidi controls shown as [U+202E] instead of reordering what follows."""
    return _SPACE.sub(" ", text).translate(_VISIBLE)


@functools.lru_cache(maxsize=1 << 17)  # names and titles are escaped again on every page that lists them
def escape(text: str) -> str:
    """HTML text that displays `text` literally, on one line (quotes escaped too: safe in attributes)."""
    return html.escape(visible(text), quote=True)


def forget_text() -> None:
    """Empty the caches of escaped text and page folders (a new build starts: its data may differ)."""
    escape.cache_clear()
    _dir_parts.cache_clear()


def attr(value: str) -> str:
    """An attribute value (without its quotes)."""
    return html.escape(value, quote=True)


@functools.lru_cache(maxsize=1 << 17)  # one entry per page linking; bounded for a province's 90,000 pages
def _dir_parts(uri: str) -> tuple[str, ...]:
    return tuple(uri.split("/")[:-1])


def relative(from_uri: str, to_uri: str) -> str:
    """Link from one generated .md page to another page or file, written to its source (relative).

    Both are clean site paths ('co-quan/x.md'), so this is posixpath.relpath without its
    filesystem normalisation, which dominated the build time of large corpora.
    """
    here, there = _dir_parts(from_uri), to_uri.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(label: str, from_uri: str, to_uri: str) -> str:
    """<a> from one generated page to another, with an escaped label."""
    return f'<a href="{attr(relative(from_uri, to_uri))}">{escape(label)}</a>'


def link_html(content: str, from_uri: str, to_uri: str) -> str:
    """<a> around HTML that is already safe (escaped text, tags made here)."""
    return f'<a href="{attr(relative(from_uri, to_uri))}">{content}</a>'


def external_link(label: str, url: str) -> str:
    """A link to a validated http(s), tel:, mailto: or site-relative address."""
    return f'<a href="{attr(url.replace(" ", "%20"))}">{escape(label)}</a>'


# --- blocks: each ends with a newline, so pages read line by line in their source -----------------


def p(content: str, cls: str = "") -> str:
    """A paragraph of safe HTML."""
    return f'<p class="{cls}">{content}</p>\n' if cls else f"<p>{content}</p>\n"


def heading(level: int, content: str) -> str:
    """<h1>–<h6> of safe HTML; `headings.anchor` gives it its id and the page its table of contents."""
    return f"<h{level}>{content}</h{level}>\n"


DASHES = "ps-dashes"  # a list of the source's '-' items, shown with dashes (docs/assets/plan-site.css)


def ul(items: Iterable[str], cls: str = "") -> str:
    """A list of safe HTML items; nothing for no items."""
    lis = "".join(f"<li>{item}</li>\n" for item in items)
    if not lis:
        return ""
    return f'<ul class="{cls}">\n{lis}</ul>\n' if cls else f"<ul>\n{lis}</ul>\n"


def admonition(kind: str, title: str, content: str) -> str:
    """A Material admonition box ('note', 'abstract', 'tip'): escaped title, safe HTML content."""
    return (f'<div class="admonition {kind}">\n<p class="admonition-title">{escape(title)}</p>\n'
            f"<p>{content}</p>\n</div>\n")


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table: escaped header texts, cells of safe HTML."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n"
