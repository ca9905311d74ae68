"""Abbreviations explained where they are read: the first use of each abbreviation on a page becomes
`<abbr title="full form">UBND</abbr>`, which browsers show as a tooltip on hover.

"First use on the page" is a property of the page, not of one text, so it is decided while the page is
written: each page's writer (site/html/page_writer.py) holds the build's `Glossary` and the abbreviations
it has marked, and `PageWriter.text` escapes a piece of running text and marks what is new on the page.
Only running text is written that way; the renderers write with `markup.escape`, unmarked:

- the front matter, attribute values, headings (table of contents entries and anchors stay plain),
  admonition titles, link labels (a linked mention, "UBND xã" linking to the agency, stays as it is: the
  page it links to names the body in full, and the link's text stays what screen readers and tests read),
  the text of charts (svg), QR codes and <title>; and the glossary's own page, written without a glossary.

An abbreviation is found as written (case-sensitive) and as a whole word: `search.expand.abbreviation_pattern`,
the same rule the search index uses; a piece without an abbreviation comes back as escaped, byte for byte.

Touch and keyboard users get no hover tooltip: docs/assets/plan-frame.js makes each <abbr> a tab stop
whose tap, Enter or Space writes the full form after it; every page also links the list 'Từ viết tắt' from
the navigation (render_glossary.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...data.model import Abbreviation
from ...search.expand import abbreviation_pattern

_UNSAFE_IN_TITLE = re.compile(r"[^\w .,;:/()\-–]|_")  # as numeric character references


def abbr_tag(text: str, full: str) -> str:
    """`<abbr title="full">text</abbr>`: `text` is already escaped HTML (an abbreviation holds only letters,
    digits, '.', '/', '-' and spaces); in `full` every character beyond letters, digits and plain
    punctuation is a numeric character reference, so the title stays one inert attribute."""
    title = _UNSAFE_IN_TITLE.sub(lambda m: f"&#{ord(m.group())};", " ".join(full.split()))
    return f'<abbr title="{title}">{text}</abbr>'


class Glossary:
    """The abbreviations of a glossary and the rule that finds them in escaped text: as written, as whole
    words, never inside an entity ('&amp;') or a tag ('<strong class="…">'). One per build; each page's
    writer keeps what its page has marked (site/html/page_writer.py)."""

    def __init__(self, glossary: Iterable[Abbreviation]):
        self._full = {entry.abbr: entry.full for entry in glossary}
        pattern = abbreviation_pattern(self._full)
        self._scan = re.compile(f"<[^>]*>|&#?\\w+;|{pattern}") if pattern else None

    def mark_first_uses(self, text: str, seen: set[str]) -> str:
        """Escaped HTML `text` (text and inline tags, no link or heading) with each abbreviation not in
        `seen` marked at its first use; `seen` gains the abbreviations marked. `text` is returned as it is
        when there is nothing to mark."""
        if self._scan is None or len(seen) == len(self._full):
            return text
        out, pos = [], 0
        for m in self._scan.finditer(text):
            found = m.group()
            if found[0] in "<&" or found in seen:  # a tag or an entity, or a later use
                continue
            seen.add(found)
            out += [text[pos : m.start()], abbr_tag(found, self._full[found])]
            pos = m.end()
            if len(seen) == len(self._full):
                break
        return "".join(out) + text[pos:] if out else text
