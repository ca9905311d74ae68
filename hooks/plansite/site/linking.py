"""Mentions of agencies and documents in data text: every name and alias, found and linked.

Which names exist is decided by `mention_names`; `Linker` finds them in a text and
turns each into a link to its page, escaping everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.model import Project
from ..data.schema import DOCUMENT_TYPES
from ..text import name_words
from .addresses import agency_uri, document_uri
from .labels import document_label
from .markup import escape, relative

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


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


def mention_names(project: Project) -> list[tuple[str, Target]]:
    """Every name under which an agency or a document may be mentioned, with its page."""
    names: list[tuple[str, Target]] = []
    for agency in project.agencies:
        target = Target(agency_uri(agency.id), agency.name)
        names += [(agency.name, target)] + [(alias, target) for alias in agency.aliases]
    for doc in project.documents:
        target = Target(document_uri(doc.id), document_label(doc))
        # A law is cited by its name; other titles ("Về tiếp tục …") are descriptions, not names.
        written = [*doc.aliases] + ([doc.title] if doc.type == "luat" or not doc.number else [])
        kind = DOCUMENT_TYPES[doc.type]
        # Numbers (and number-like aliases) are also cited as "Chỉ thị 33/…" and "Chỉ thị số 33/…".
        for number in [doc.number or ""] + [a for a in doc.aliases if "/" in a]:
            if number:
                written += [number, f"{kind} {number}", f"{kind} số {number}"]
        names += [(text, target) for text in written]
    return names
