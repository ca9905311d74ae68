"""Turning data text into safe Markdown: escaping, and links for every mention.

Nothing from YAML reaches a page as live HTML: every character Markdown or HTML
would interpret is escaped, and the only links are the ones this module makes
to the site's own pages (or validated http(s) addresses).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .text import name_words

# Characters that mean something to Markdown anywhere in a line ('|' to tables). The others
# ('#', '-', '+', '1.' …) only at the start of a line, handled by _BLOCK_START. Escaping every
# '.' and '-' made Python-Markdown's inline pass the largest cost of a large build.
_MD_ESCAPABLE = set("\\`*_[]|")
_BLOCK_START = re.compile(r"^([#+-])|^(\d+)([.)])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_WORD = re.compile(r"\w+")
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


@dataclass(frozen=True)
class Target:
    """A page that mentions link to."""

    uri: str
    title: str


class Linker:
    """Finds mentions of agencies and documents (any alias, any spelling) and links them.

    Matching is on words compared with case and tone-mark placement folded, so
    "Uỷ ban nhân dân xã" and "Ủy ban nhân dân xã" both match, and punctuation
    between words is ignored, so "218 QĐ/TW" matches "218-QĐ/TW". The longest
    match at the leftmost position wins.
    """

    def __init__(self, names: list[tuple[str, Target]]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], Target]]] = {}
        self._cache: dict[str, list[tuple[int, int, Target]]] = {}  # texts are linked on several pages
        seen: dict[tuple[str, ...], Target | None] = {}
        for name, target in names:
            words = tuple(name_words(name))
            if not words:
                continue
            # A name shared by two targets is ambiguous: link neither rather than guess.
            seen[words] = None if words in seen and seen[words] != target else target
        for words, target in seen.items():
            if target is not None:
                self._by_first.setdefault(words[0], []).append((words, target))
        for options in self._by_first.values():
            options.sort(key=lambda o: (-len(o[0]), o[1].uri))

    def mentions(self, text: str) -> list[tuple[int, int, Target]]:
        """(start, end, target) of each mention in `text`, left to right, not overlapping."""
        if text not in self._cache:
            self._cache[text] = self._find(text)
        return self._cache[text]

    def _find(self, text: str) -> list[tuple[int, int, Target]]:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        words = name_words(text)
        found, i = [], 0
        while i < len(words):
            for option, target in self._by_first.get(words[i], ()):
                if tuple(words[i:i + len(option)]) == option:
                    found.append((spans[i][0], spans[i + len(option) - 1][1], target))
                    i += len(option)
                    break
            else:
                i += 1
        return found

    def targets(self, text: str) -> list[Target]:
        """The distinct targets mentioned in `text`, in order of first mention."""
        out: list[Target] = []
        for _, _, target in self.mentions(text):
            if target not in out:
                out.append(target)
        return out

    def linkify(self, text: str, from_uri: str, skip: str | None = None) -> str:
        """Escaped Markdown of `text` with each mention linked (except mentions of page `skip`)."""
        text = _SPACE.sub(" ", text).strip()
        out, pos = [], 0
        for start, end, target in self.mentions(text):
            if target.uri == skip:
                continue
            out.append(escape(text[pos:start]))
            out.append(f"[{escape(text[start:end])}]({relative(from_uri, target.uri)})")
            pos = end
        out.append(escape(text[pos:]))
        return "".join(out)
