"""The search index built in a helper process, fed each page's HTML as MkDocs renders it (issue 24).

Indexing a page (SearchIndex.add_html: its text, terms, excerpt) is a fifth of the build's own CPU on a large
site, and needs nothing but the page's HTML and front matter. `SearchFeed` sends the pages, in batches and
in the order MkDocs renders them, to one helper process (helpers.py) that holds the `SearchIndex` and writes
it at the end: one worker runs its tasks in the order given, so the index is the one the build's own process
would have built, byte for byte, and the build's own process neither indexes nor holds the postings.

A small site (fewer than WORKER_FROM pages: the seed site, a one-plan preview) is indexed in the build's own
process, where starting a process would cost more than it saves.
"""

from __future__ import annotations

from pathlib import Path

from plansite.i18n import N_
from plansite.search.index import SearchIndex
from plansite.site.outreach.og_batch import run_behind

from .helpers import Helpers

WORKER_FROM = 500  # pages; fewer are indexed in the build's own process
BATCH = 64  # pages sent to the worker at a time
QUEUED = 16  # batches at most waiting for the worker (about 10 MB of HTML); past that, the build waits for it


class _Worker:
    index: SearchIndex | None = None  # the index of the build under way, in the worker process


def _add(pages: list[tuple]) -> int:
    """Index `pages` (add_html's arguments) in the worker's index, started by the first batch; how many."""
    if _Worker.index is None:
        run_behind(0)  # Ctrl+C left to the build; not behind it: the build waits for the index at its end
        _Worker.index = SearchIndex()
    for page in pages:
        _Worker.index.add_html(*page)
    return len(pages)


def _write(site_dir: str) -> int:
    """Write the worker's index under `site_dir`, and forget it; how many pages it indexed."""
    index, _Worker.index = _Worker.index or SearchIndex(), None
    index.write(Path(site_dir))
    return len(index.docs)


class SearchFeed:
    """Collects the pages during the build (`add_html`, as SearchIndex's), writes the index at the end."""

    def __init__(self, pages: int):
        """`pages`: about how many pages the build has (WORKER_FROM and more: indexed in a helper process)."""
        self.local = SearchIndex() if pages < WORKER_FROM else None
        self.helpers = Helpers(1, N_("indexing the pages for search"))
        self.batch: list[tuple] = []

    def add_html(self, *page) -> None:
        """One page's add_html arguments: indexed here, or queued for the worker."""
        if self.local is not None:
            self.local.add_html(*page)
            return
        self.batch.append(page)
        if len(self.batch) >= BATCH:
            self._send()

    def _send(self) -> None:
        batch, self.batch = self.batch, []
        if batch:
            self.helpers.keep_up(QUEUED)  # a worker that failed stops the build now, not at its end
            self.helpers.submit(_add, batch)

    def write(self, site_dir: Path) -> None:
        """Start writing the index under `site_dir` (the built site's folder): here, or by the worker while the
        build's own process does the rest of its end (`finish` waits for it)."""
        if self.local is not None:
            self.local.write(site_dir)
            return
        self._send()
        self.helpers.submit(_write, str(site_dir))

    def finish(self) -> None:
        """Wait until the index is written (`write`), and end the worker."""
        if self.helpers.started:
            self.helpers.wait()
            self.helpers.close()

    def stop(self) -> None:
        """End the worker now (the build failed or was interrupted)."""
        self.helpers.stop()
