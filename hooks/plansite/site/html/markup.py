"""Turning data text into safe HTML: escaping, the few elements pages are made of, and links between pages.

Generated pages are HTML written here, not Markdown: Python-Markdown re-parsing what our own code had just
written was most of a large build's time (issue 14). Nothing from YAML reaches a page as live HTML: every
text goes through `escape`, attribute values through `attr`, and the only links are the ones this module
makes to the site's own pages or to validated http(s) addresses.

Links between generated pages and the ids of headings are written as the page is written: `link` and
`heading` take the page's writer (site/html/page_writer.py), which knows the build's URL style (directory URLs
for the site, '.html' files for the offline edition) and the ids its page has given.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from typing import Protocol


class PageBeingWritten(Protocol):
    """What these helpers ask of the page being written (site/html/page_writer.py, which escapes its running
    text with `escape` from here: named by shape, not imported, so the two modules do not import each other)."""

    def href(self, to_uri: str) -> str: ...

    def heading_id(self, content: str) -> str: ...


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
    """Empty the cache of escaped text (a new build starts: its data may differ)."""
    escape.cache_clear()


def attr(value: str) -> str:
    """An attribute value (without its quotes)."""
    return html.escape(value, quote=True)


def link(label: str, page: PageBeingWritten, to_uri: str) -> str:
    """<a> from the page being written to another page or file (its source path), with an escaped label."""
    return f'<a href="{attr(page.href(to_uri))}">{escape(label)}</a>'


def link_html(content: str, page: PageBeingWritten, to_uri: str) -> str:
    """<a> around HTML that is already safe (escaped text, tags made here)."""
    return f'<a href="{attr(page.href(to_uri))}">{content}</a>'


def external_link(label: str, url: str, cls: str = "") -> str:
    """A link to a validated http(s), tel:, mailto: or site-relative address."""
    cls_attr = f' class="{cls}"' if cls else ""
    return f'<a{cls_attr} href="{attr(url.replace(" ", "%20"))}">{escape(label)}</a>'


# --- blocks: each ends with a newline, so pages read line by line in their source -----------------


def p(content: str, cls: str = "") -> str:
    """A paragraph of safe HTML."""
    return f'<p class="{cls}">{content}</p>\n' if cls else f"<p>{content}</p>\n"


def heading(page: PageBeingWritten, level: int, content: str) -> str:
    """<h1>–<h6> of safe HTML with its id on the page being written (unique there; site/html/page_writer.py)."""
    return f'<h{level} id="{page.heading_id(content)}">{content}</h{level}>\n'


DASHES = "ps-dashes"  # a list of the source's '-' items, shown with dashes (docs/assets/plan-site.css)


def ul(items: Iterable[str], cls: str = "") -> str:
    """A list of safe HTML items; nothing for no items."""
    lis = "".join(f"<li>{item}</li>\n" for item in items)
    if not lis:
        return ""
    return f'<ul class="{cls}">\n{lis}</ul>\n' if cls else f"<ul>\n{lis}</ul>\n"


def admonition(kind: str, title: str, content: str) -> str:
    """A Material admonition box ('note', 'abstract', 'tip'): escaped title, safe HTML content."""
    return (
        f'<div class="admonition {kind}">\n<p class="admonition-title">{escape(title)}</p>\n<p>{content}</p>\n</div>\n'
    )


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table: escaped header texts, cells of safe HTML."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n"
