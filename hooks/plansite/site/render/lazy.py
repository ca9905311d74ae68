"""The generated pages as a mapping that renders each page when it is read.

A province's site has about 90,000 pages; held as text all at once they took more memory than the build
may use (issue 14: 2 GB for 40,000 tasks). `Pages` holds, for each source path, the call that renders
it; reading `pages[uri]` renders that page (its links, heading ids and abbreviations written as it is
written: site/html/page_writer.py) and keeps nothing. Rendering is a pure function of the
model, so the same page reads the same every time.

Some renderers make several pages at once (an agency's page and its long lists' pages): their paths are
learnt by rendering the group once up front, and a read renders the group again, cached for the next few
reads, since MkDocs reads a group's pages one after another (they sort together). That cache holds a few
groups of the build under way; `forget_renders` empties it when a new build starts (`mkdocs serve`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping

Render = Callable[[], str]
RenderGroup = Callable[[], dict[str, str]]


@functools.lru_cache(maxsize=16)
def _group(render: RenderGroup) -> dict[str, str]:
    return render()


def forget_renders() -> None:
    """Drop the cached groups: they belong to an earlier build's model."""
    _group.cache_clear()


def _page_of(render: RenderGroup, uri: str) -> str:
    return _group(render)[uri]


def pages_of_group(render: RenderGroup) -> dict[str, Render]:
    """{path: its render} for each page a group renderer makes (rendered once here to learn the paths)."""
    return {uri: functools.partial(_page_of, render, uri) for uri in render()}


class Pages(Mapping[str, str]):
    """{source path: front matter + HTML}, sorted by path, each page rendered when read (see the module)."""

    def __init__(self, renders: dict[str, Render]):
        """`renders`: each page's render."""
        self._renders = dict(sorted(renders.items()))

    def __getitem__(self, uri: str) -> str:
        return self._renders[uri]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._renders)

    def __len__(self) -> int:
        return len(self._renders)

    def __contains__(self, uri: object) -> bool:
        return uri in self._renders
