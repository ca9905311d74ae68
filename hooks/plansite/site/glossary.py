"""Abbreviations explained where they are read: the first use of each abbreviation on a page becomes
`<abbr title="full form">UBND</abbr>`, which browsers show as a tooltip on hover.

Marking happens once per page, on the finished Markdown (`mark_pages`), because "first use on the page"
is a property of the page, not of one text (`markup.escape` and `Linker.linkify` see one text at a time,
and escape is cached). It only touches running text, which the renderers produce through
`markup.escape`: that guarantees data text never holds a live '<', '[', ']', '`' or '\\'. So everything
the renderers add as syntax is recognised and left alone:

- the front matter, heading lines (toc entries and anchors stay plain), admonition title lines
  (`!!! note "…"`, a quoted string Material prints as text), fenced and inline code;
- HTML tags with their attributes (so no <abbr> ever lands in an attribute value), and the content of
  <a>, <abbr>, <code>, <pre>, <script>, <style>, <svg> (charts and QR codes), <textarea> and <title>;
- Markdown links and images, label and destination: a linked mention ("UBND xã" linking to the agency,
  "33/CT-TTg" to the document) stays as it is; the page it links to names the body or document in full,
  and the link's text stays what screen readers and tests read. The first unlinked use is marked.

An abbreviation is found as written (case-sensitive) and as a whole word: `search.expand.abbreviation_pattern`,
the same rule the search index uses. Pages without an abbreviation come back unchanged, byte for byte.

Touch and keyboard users do not get hover tooltips, and `tabindex` on <abbr> does not validate everywhere;
every page links the list 'Từ viết tắt' from the navigation instead (render_glossary.py).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..data.model import Abbreviation
from ..search.expand import abbreviation_pattern

# What the renderers write as syntax, each alternative one region to leave alone. Every alternative starts
# with one fixed character (line-anchored ones with the '\n' before the line), none a letter or digit as
# abbreviations do: the scan tells the two apart by the first character, and the regex engine skips ahead
# to a possible first character instead of trying every position (measured: 1 → 20 MB/s of Markdown).
_SKIP = (
    r"\\."  # a backslash escape
    r"|&#?\w+;"  # an entity
    r"|\n(?:\#{1,6}[ \t]|[ \t]*(?:!!!|\?\?\?\+?)[ \t])[^\n]*"  # a heading or an admonition's title line
    r"|\n(?P<fence>```|~~~)[^\n]*\n.*?\n(?P=fence)[^\n]*"  # a fenced code block
    r"|``?[^`\n]*``?"  # a code span
    r"|<(?P<raw>a|abbr|code|pre|script|style|svg|textarea|title)\b[^>]*>.*?</(?P=raw)\s*>"  # element with content
    r"|<[^>]*>"  # any other tag
    r"|\[(?:\\.|[^\]\\])*\](?:\([^)\n]*\))?"  # a link: label and destination
    r"|!\[(?:\\.|[^\]\\])*\](?:\([^)\n]*\))?"  # an image
)
_FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.S)
_UNSAFE_IN_TITLE = re.compile(r"[^\w .,;:/()\-–]|_")  # HTML, Markdown and table syntax: as numeric references


def abbr_tag(text: str, full: str) -> str:
    """`<abbr title="full">text</abbr>` as Markdown-safe inline HTML: `text` is already escaped Markdown
    (an abbreviation holds only letters, digits, '.', '/', '-' and spaces); in `full` every character
    that HTML, Markdown or a table would read ('"', '<', '&', '[', '*', '`', '|', '\\' …) is a numeric
    character reference, so the title stays one inert attribute wherever the tag sits."""
    title = _UNSAFE_IN_TITLE.sub(lambda m: f"&#{ord(m.group())};", " ".join(full.split()))
    return f'<abbr title="{title}">{text}</abbr>'


class Marker:
    """Marks the first use of each abbreviation of a glossary on a page (see the module's docstring)."""

    def __init__(self, glossary: Iterable[Abbreviation]):
        self._full = {entry.abbr: entry.full for entry in glossary}
        pattern = abbreviation_pattern(self._full)
        self._scan = re.compile(f"{_SKIP}|{pattern}", re.S) if pattern else None

    def mark(self, markdown: str) -> str:
        """The page's Markdown with the first use of each abbreviation marked; unchanged without one."""
        if self._scan is None:
            return markdown
        head = _FRONT_MATTER.match(markdown)
        text = "\n" + markdown[head.end() if head else 0:]  # so that the first line, too, follows a '\n'
        out, pos, seen = [], 1, set()
        for m in self._scan.finditer(text):
            found = m.group()
            if not found[0].isalnum() or found in seen:  # syntax to leave alone, or a later use
                continue
            seen.add(found)
            out += [text[pos:m.start()], abbr_tag(found, self._full[found])]
            pos = m.end()
            if len(seen) == len(self._full):
                break
        if not out:
            return markdown
        return (head.group() if head else "") + "".join(out) + text[pos:]


def mark_pages(pages: dict[str, str], glossary: Iterable[Abbreviation], skip: Iterable[str] = ()) -> dict[str, str]:
    """Every page with its abbreviations marked, except the pages in `skip` (the glossary's own page)."""
    marker, skip = Marker(glossary), set(skip)
    return {uri: markdown if uri in skip else marker.mark(markdown) for uri, markdown in pages.items()}
