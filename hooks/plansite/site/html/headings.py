"""The table of contents of a generated page, read from the page's own HTML.

Renderers write each heading with its id (`markup.heading`: the page's writer makes it unique on the
page, site/html/page_writer.py); `contents` lists those headings for the right-hand table of contents, which
the adapter hands to MkDocs (`page.toc`) in place of the one Python-Markdown would have built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ANCHORED_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)</h\1>')
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Heading:
    """One entry of a page's table of contents."""

    level: int
    id: str
    title: str  # HTML text (escaped, tags removed), as the table of contents prints it


def contents(page_html: str) -> list[Heading]:
    """The anchored headings of `page_html`, in order (the h1 included: MkDocs' table of contents has it)."""
    return [
        Heading(int(m.group(1)), m.group(2), _TAG.sub("", m.group(3)).strip())
        for m in _ANCHORED_HEADING.finditer(page_html)
    ]


def nested(headings: list[Heading]) -> list[dict]:
    """The headings as the nested tokens Python-Markdown's toc extension makes (level, id, name, children),
    each under the nearest heading before it of a higher level, so MkDocs' `get_toc` reads them."""
    root: list[dict] = []
    open_tokens: list[dict] = []
    for h in headings:
        token = {"level": h.level, "id": h.id, "name": h.title, "children": []}
        while open_tokens and open_tokens[-1]["level"] >= h.level:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else root).append(token)
        open_tokens.append(token)
    return root
