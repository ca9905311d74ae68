"""What one generated page knows while it is written: its address, the build's URL style, its headings' ids.

The renderers write a page's links and heading ids as they write the page, not by a pass over its finished
HTML: `markup.link` asks the page's writer for the address of the target, `markup.heading` for the
heading's id.

- **Links.** A link names the target's source ('co-quan/x.md'); its address depends on the URL style of
  the build (addresses.py: directory URLs for the web, '.html' files for the offline copy) and on where the
  page is served. With directory URLs a page 'a/b.md' is served at 'a/b/', one folder deeper than its
  source, so its links gain one '../', and 'x.md' becomes 'x/' ('x/index.md' becomes 'x/'); without them
  'x.md' becomes 'x.html'. Whether each link reaches a page is checked on the built site (tests/test_site.py).
- **Heading ids.** An id must be unique on its page, which one renderer's piece cannot know: the writer
  gives each heading the slug of its text (the one slug function), made unique on the page with -2, -3 …
  in the order the headings are written, which is their order on the page.
- **Abbreviations.** The first use on a page of each abbreviation of the glossary is written as
  `<abbr title="full form">` (site/html/glossary.py): `text` escapes a piece of running text and marks the
  abbreviations the page has not yet marked, so the pieces must be written in their order on the page.
  Headings, link labels and attributes stay plain (`markup.escape`); the glossary's own page is written
  without a glossary.

A writer belongs to one page and one render of it: `PageWriters.page` makes a new one each time a page is
rendered, so a page rendered twice gets the same ids twice.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from ...addresses import HOME, INDEX, page_url
from ...text import slugify
from .glossary import Glossary
from .markup import escape

_TAG = re.compile(r"<[^>]*>")
_INDEX_PAGE = f"/{INDEX}.md"


def relative(folder: str, to_uri: str) -> str:
    """The path from a generated .md page's source in `folder` ('' at the root) to another page's or file's
    source (relative), which `address` makes an address.

    Both are clean site paths ('co-quan/x.md'), so this is posixpath.relpath without its
    filesystem normalisation, which dominated the build time of large corpora.
    """
    here, there = (folder.split("/") if folder else []), to_uri.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


# Pages of one folder link to the same pages: a plan's fifty task pages to its agencies, documents and plan pages
# (six links in ten at 7k). Bounded: the pages of a folder are written one after another.
@functools.lru_cache(maxsize=1 << 15)
def _href(folder: str, to_uri: str, directory_urls: bool, up: bool) -> str:
    return address(relative(folder, to_uri), directory_urls, up)


def forget_folders() -> None:
    """Empty the cache of the links from each folder (a new build starts; see plansite_mkdocs/caches.py)."""
    _href.cache_clear()


def address(source_href: str, directory_urls: bool, up: bool) -> str:
    """The address of a source-relative link ('../co-quan/x.md#y') from a page served one folder deeper
    than its source (`up`) or not, in the URL style `directory_urls` (see the module)."""
    cut = min((i for i in (source_href.find("#"), source_href.find("?")) if i >= 0), default=len(source_href))
    href = page_url(source_href[:cut], directory_urls)  # the address book's URL rules apply to a relative path too
    return (("../" + href if up else href) or "./") + source_href[cut:]


@dataclass(frozen=True)
class PageWriters:
    """The writers of one build's pages: the URL style they link in (directory URLs, else '.html' files)
    and the glossary whose abbreviations they mark (none: nothing marked)."""

    directory_urls: bool = True
    glossary: Glossary | None = None

    def page(self, uri: str) -> PageWriter:
        """A new writer for the page whose source path is `uri`."""
        return PageWriter(uri, self)


class PageWriter:
    """One page being written: the links from it and the ids of its headings (see the module)."""

    def __init__(self, uri: str, writers: PageWriters):
        self.uri = uri  # the page's source path ('co-quan/x.md')
        self._folder = uri.rpartition("/")[0]
        self.writers = writers  # the pages beside it: a renderer that writes several pages makes theirs here
        # With directory URLs every page but an index is served one folder below its source.
        self._up = writers.directory_urls and uri != HOME and not uri.endswith(_INDEX_PAGE)
        self._ids: set[str] = set()
        self._marked: set[str] = set()  # the abbreviations marked on this page so far

    def href(self, to_uri: str) -> str:
        """The address of the page or file `to_uri` (a source path, '#…' allowed) from this page."""
        return _href(self._folder, to_uri, self.writers.directory_urls, self._up)

    def heading_id(self, content: str) -> str:
        """The id of a heading of safe HTML `content`: the slug of its text, unique on this page."""
        base = slugify(html.unescape(_TAG.sub("", content))) or "muc"
        slug, n = base, 1
        while slug in self._ids:
            n += 1
            slug = f"{base}-{n}"
        self._ids.add(slug)
        return slug

    def text(self, text: str) -> str:
        """Running text `text` as HTML: escaped, with the first use on this page of each abbreviation marked."""
        return self.marked(escape(text))

    def marked(self, safe: str) -> str:
        """Running text already escaped (a piece with inline tags such as a status label, but no link or
        heading) with the first use on this page of each abbreviation marked."""
        glossary = self.writers.glossary
        return safe if glossary is None else glossary.mark_first_uses(safe, self._marked)
