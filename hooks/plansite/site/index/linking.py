"""Mentions of agencies and documents in data text: every name and alias, found and linked.

Which names exist, and where, is decided by `Mentions` (per place: its bodies', then its parents',
then every document's); `Linker` finds them in a text and turns each into a link to its page,
escaping everything else.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...addresses import agency_uri, document_uri
from ...data.model import Agency, LegalDocument, Project
from ...data.schema import DOCUMENT_TYPES
from ...text import name_words
from ..html.labels import document_label
from ..html.markup import escape, link
from ..html.page_writer import PageWriter

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
MENTIONS_CACHED = 1 << 14  # texts whose mentions a linker keeps


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

    def __init__(self, tiers: list[list[tuple[str, Target]]]):
        """`tiers`: names in order of precedence; a name in an earlier tier hides the same name later
        (the plan's own place before its parent places). Within a tier, a name shared by two
        targets is ambiguous: neither is linked rather than guessing."""
        # first word → [(length, {words: target})], longest first: a mention is looked up once per length, not by
        # trying every name that starts with the word (a province has hundreds of "Phòng …", "Ủy ban nhân dân …").
        self._by_first: dict[str, list[tuple[int, dict[tuple[str, ...], Target]]]] = {}
        # Texts are linked on several pages (a task's on its page, its plan's, its agencies'): their mentions
        # are kept, but for the most recent texts only: unbounded, a province's texts all stayed in memory.
        self._mentions = functools.lru_cache(maxsize=MENTIONS_CACHED)(self._find)
        seen: dict[tuple[str, ...], Target | None] = {}
        for tier in tiers:
            mine: dict[tuple[str, ...], Target | None] = {}
            for name, target in tier:
                words = tuple(name_words(name))
                if words and words not in seen:
                    mine[words] = None if words in mine and mine[words] != target else target
            seen.update(mine)
        by_length: dict[str, dict[int, dict[tuple[str, ...], Target]]] = {}
        for words, target in seen.items():
            if target is not None:
                by_length.setdefault(words[0], {}).setdefault(len(words), {})[words] = target
        self._by_first = {first: sorted(lengths.items(), reverse=True) for first, lengths in by_length.items()}

    def mentions(self, text: str) -> list[tuple[int, int, Target]]:
        """(start, end, target) of each mention in `text`, left to right, not overlapping."""
        return self._mentions(text)

    def _find(self, text: str) -> list[tuple[int, int, Target]]:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        words = name_words(text)
        found, i = [], 0
        while i < len(words):
            for length, names in self._by_first.get(words[i], ()):
                target = names.get(tuple(words[i : i + length]))
                if target:
                    found.append((spans[i][0], spans[i + length - 1][1], target))
                    i += length
                    break
            else:
                i += 1
        return found

    def targets(self, text: str) -> list[Target]:
        """The distinct targets mentioned in `text`, in order of first mention."""
        return list(dict.fromkeys(target for _, _, target in self.mentions(text)))

    def linkify(
        self,
        text: str,
        page: PageWriter,
        skip: str | None = None,
        only: frozenset[str] | None = None,
        plain: bool = False,
    ) -> str:
        """Escaped HTML of `text` with each mention linked from `page`, except mentions of page `skip` and,
        when `only` is given, mentions of pages not in it (wording that the data's ids do not confirm). The
        text between links is running text (`page.text`: abbreviations marked at their first use on the
        page), unless `plain` (a heading's text)."""
        write = escape if plain else page.text
        text = _SPACE.sub(" ", text).strip()
        out, pos = [], 0
        for start, end, target in self.mentions(text):
            if target.uri == skip or (only is not None and target.uri not in only):
                continue
            out.append(write(text[pos:start]))
            out.append(link(text[start:end], page, target.uri))
            pos = end
        out.append(write(text[pos:]))
        return "".join(out)


def _agency_names(agency: Agency) -> list[tuple[str, Target]]:
    target = Target(agency_uri(agency.id), agency.name)
    return [(agency.name, target)] + [(alias, target) for alias in agency.aliases]


def _document_names(doc: LegalDocument) -> list[tuple[str, Target]]:
    target = Target(document_uri(doc.id), document_label(doc))
    # A law is cited by its name; other titles ("Về tiếp tục …") are descriptions, not names.
    written = [*doc.aliases] + ([doc.title] if doc.type == "luat" or not doc.number else [])
    kind = DOCUMENT_TYPES[doc.type]
    # Numbers (and number-like aliases) are also cited as "Chỉ thị 33/…" and "Chỉ thị số 33/…".
    for number in [doc.number or ""] + [a for a in doc.aliases if "/" in a]:
        if number:
            written += [number, f"{kind} {number}", f"{kind} số {number}"]
    return [(text, target) for text in written]


class Mentions:
    """The linker for each place: names resolve among the bodies of the place itself first, then of
    its parent places up to the nation; documents are cited by number and name everywhere."""

    def __init__(self, project: Project):
        self._parent = {p.id: p.parent for p in project.places}
        self._agencies: dict[str, list[tuple[str, Target]]] = {}
        for agency in project.agencies:
            self._agencies.setdefault(agency.place, []).extend(_agency_names(agency))
        self._documents = [name for doc in project.documents for name in _document_names(doc)]
        self._linkers: dict[str, Linker] = {}

    def chain(self, place: str) -> list[str]:
        """The place, then each parent up to the nation."""
        out = []
        while place and place not in out:
            out.append(place)
            place = self._parent.get(place)
        return out

    def linker(self, place: str) -> Linker:
        """The linker of texts written in `place` (cached: plans of one place share it)."""
        if place not in self._linkers:
            tiers = [self._agencies.get(p, []) for p in self.chain(place)] + [self._documents]
            self._linkers[place] = Linker(tiers)
        return self._linkers[place]
