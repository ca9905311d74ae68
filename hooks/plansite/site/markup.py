"""Turning data text into safe Markdown: escaping, and links between generated pages.

Nothing from YAML reaches a page as live HTML: every character Markdown or HTML
would interpret is escaped, and the only links are the ones this module makes
to the site's own pages (made here or by `linking`) or validated http(s) addresses.
"""

from __future__ import annotations

import functools
import re

# Characters that mean something to Markdown anywhere in a line ('|' to tables). The others
# ('#', '-', '+', '1.' …) only at the start of a line, handled by _BLOCK_START. Escaping every
# '.' and '-' made Python-Markdown's inline pass the largest cost of a large build.
_MD_ESCAPABLE = set("\\`*_[]|")
_BLOCK_START = re.compile(r"^([#+-])|^(\d+)([.)])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_SPACE = re.compile(r"\s+")
_BIDI_CHARS = "\u061c\u200e\u200f" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(map(chr, range(0x2066, 0x206A)))
_VISIBLE = {ord(c): f"[U+{ord(c):04X}]" for c in _BIDI_CHARS}
_ESCAPE = {**{ord(c): "\\" + c for c in _MD_ESCAPABLE}, **{ord(c): e for c, e in _HTML.items()},
           **{ord(c): f"\\[U\\+{ord(c):04X}\\]" for c in _BIDI_CHARS}}


def visible(text: str) -> str:
    """`text` on one line with bidi controls shown as [U+202E] instead of reordering what follows."""
    return _SPACE.sub(" ", text).translate(_VISIBLE)


@functools.lru_cache(maxsize=1 << 17)  # names and titles are escaped again on every page that lists them
def escape(text: str) -> str:
    """Markdown source that displays `text` literally, on one line."""
    out = _SPACE.sub(" ", text).translate(_ESCAPE)
    return _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", out)


@functools.lru_cache(maxsize=None)
def _dir_parts(uri: str) -> tuple[str, ...]:
    return tuple(uri.split("/")[:-1])


def relative(from_uri: str, to_uri: str) -> str:
    """Link from one generated .md page to another, as MkDocs expects (relative, to the .md).

    Both are clean site paths ('co-quan/x.md'), so this is posixpath.relpath without its
    filesystem normalisation, which dominated the build time of large corpora.
    """
    here, there = _dir_parts(from_uri), to_uri.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(label: str, from_uri: str, to_uri: str) -> str:
    """A Markdown link with an escaped label."""
    return f"[{escape(label)}]({relative(from_uri, to_uri)})"


def external_link(label: str, url: str) -> str:
    """A link to a validated http(s) or site-relative address."""
    safe_url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape(label)}]({safe_url})"
