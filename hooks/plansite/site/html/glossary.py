"""Abbreviations explained where they are read: the first use of each abbreviation on a page becomes
`<abbr title="full form">UBND</abbr>`, which browsers show as a tooltip on hover.

Marking happens once per page, on the finished HTML (`Marker.mark`, called by `lazy.Pages`), because "first use on the
page"
is a property of the page, not of one text (`markup.escape` and `Linker.linkify` see one text at a time,
and escape is cached). It only touches running text, which the renderers produce through
`markup.escape`: data text never holds a live '<' or '&'. So everything the renderers add as markup is
recognised and left alone:

- the front matter; HTML tags with their attributes (so no <abbr> ever lands in an attribute value);
- the content of headings (table of contents entries and anchors stay plain), of admonition titles, and of
  <a>, <abbr>, <code>, <pre>, <script>, <style>, <svg> (charts and QR codes), <textarea> and <title>: a
  linked mention ("UBND xã" linking to the agency, "33/CT-TTg" to the document) stays as it is; the page
  it links to names the body or document in full, and the link's text stays what screen readers and tests
  read. The first unlinked use is marked.

An abbreviation is found as written (case-sensitive) and as a whole word: `search.expand.abbreviation_pattern`,
the same rule the search index uses. Pages without an abbreviation come back unchanged, byte for byte.

Touch and keyboard users get no hover tooltip: docs/assets/plan-frame.js makes each <abbr> a tab stop
whose tap, Enter or Space writes the full form after it; every page also links the list 'Từ viết tắt' from
the navigation (render_glossary.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...data.model import Abbreviation
from ...search.expand import abbreviation_pattern

# What the renderers write as markup, each alternative one region to leave alone. Every alternative starts
# with one fixed character, none a letter or digit as abbreviations do: the scan tells the two apart by the
# first character, and the regex engine skips ahead to a possible first character instead of trying every
# position.
_SKIP = (
    r"&#?\w+;"  # an entity
    r"|<(?P<raw>a|abbr|code|pre|script|style|svg|textarea|title|h[1-6])\b[^>]*>.*?</(?P=raw)\s*>"  # with content
    r'|<p class="admonition-title">.*?</p>'  # an admonition's title
    r"|<[^>]*>"  # any other tag
)
_FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.S)
_UNSAFE_IN_TITLE = re.compile(r"[^\w .,;:/()\-–]|_")  # as numeric character references


def abbr_tag(text: str, full: str) -> str:
    """`<abbr title="full">text</abbr>`: `text` is already escaped HTML (an abbreviation holds only letters,
    digits, '.', '/', '-' and spaces); in `full` every character beyond letters, digits and plain
    punctuation is a numeric character reference, so the title stays one inert attribute."""
    title = _UNSAFE_IN_TITLE.sub(lambda m: f"&#{ord(m.group())};", " ".join(full.split()))
    return f'<abbr title="{title}">{text}</abbr>'


class Marker:
    """Marks the first use of each abbreviation of a glossary on a page (see the module's docstring)."""

    def __init__(self, glossary: Iterable[Abbreviation]):
        self._full = {entry.abbr: entry.full for entry in glossary}
        pattern = abbreviation_pattern(self._full)
        self._scan = re.compile(f"{_SKIP}|{pattern}", re.S) if pattern else None

    def mark(self, page: str) -> str:
        """The page's HTML with the first use of each abbreviation marked; unchanged without one."""
        if self._scan is None:
            return page
        head = _FRONT_MATTER.match(page)
        text = page[head.end() if head else 0 :]
        out, pos, seen = [], 0, set()
        for m in self._scan.finditer(text):
            found = m.group()
            if not found[0].isalnum() or found in seen:  # syntax to leave alone, or a later use
                continue
            seen.add(found)
            out += [text[pos : m.start()], abbr_tag(found, self._full[found])]
            pos = m.end()
            if len(seen) == len(self._full):
                break
        if not out:
            return page
        return (head.group() if head else "") + "".join(out) + text[pos:]
