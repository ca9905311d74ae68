"""Our generated pages inside MkDocs: HTML that needs no Markdown, with links for the build's URL style.

MkDocs renders every page with a fresh Python-Markdown instance. Our renderers already wrote the HTML
(plansite/site/markup.py), so `GeneratedPage.render` skips Python-Markdown altogether: building an
instance with the configured extensions cost more than a millisecond per page, a minute at a province's
scale. It keeps what `Page.render` provides to the theme: the content and the table of contents.

Links between generated pages are written to the target's source, relative to the page's source
('../co-quan/x.md', '../feed.xml'), exactly as in Markdown. `resolve_links` turns each into an address
for the build's URL style by string rules alone (cached): with directory URLs a page 'a/b.md' is served
at 'a/b/', one folder deeper than its source, so its links gain one '../', and 'x.md' becomes 'x/'
('x/index.md' becomes 'x/'); without them ('.html' files, the offline edition) 'x.md' becomes 'x.html'.
Whether each link reaches a page is checked on the built site (tests/test_site.py). Data text is escaped
before it reaches a page, so no `href` in it comes from the data.
"""

from __future__ import annotations

import functools
import re
import zlib
from typing import ClassVar

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc

from plansite.site.headings import contents, nested

# A relative href: no scheme ('https:', 'mailto:'), not '#…', '/…' or '?…'; its fragment or query apart.
_RELATIVE_HREF = re.compile(r'href="((?![a-z][a-z0-9+.-]*:)[^"#?/][^"#?]*)([#?][^"]*)?"')


@functools.lru_cache(maxsize=1 << 16)
def _address(href: str, directory_urls: bool, up: bool) -> str:
    """The address a source-relative `href` has from a page one folder deeper (`up`) or not."""
    if href.endswith(".md"):
        stem = href[:-3]
        if not directory_urls:
            href = stem + ".html"
        elif stem == "index" or stem.endswith("/index"):
            href = stem[:-5]
        else:
            href = stem + "/"
    return ("../" + href if up else href) or "./"


def forget_addresses() -> None:
    """Empty the cache of addresses (a new build starts; see plansite_mkdocs/caches.py)."""
    _address.cache_clear()


def resolve_links(html: str, src_uri: str, directory_urls: bool) -> str:
    """`html` of the page at `src_uri` with every source-relative href made an address (see the module)."""
    up = directory_urls and src_uri != "index.md" and not src_uri.endswith("/index.md")
    return _RELATIVE_HREF.sub(lambda m: f'href="{_address(m.group(1), directory_urls, up)}{m.group(2) or ""}"', html)


class GeneratedPage(Page):
    """A page whose HTML our renderers wrote (its source: front matter, then the HTML).

    MkDocs renders every page before it writes the first one, so it holds every page's HTML at once: a
    province's 90,000 pages took gigabytes. Here only the page being worked on holds its HTML as text;
    the moment another page opens, the previous one keeps its HTML zlib-compressed (about a fifth of
    the size: compressed once, unpacked once more when its template is rendered). Its table of contents
    is made from its headings when the theme asks for it, and is dropped with the text.
    """

    _open: ClassVar[GeneratedPage | None] = None  # the one page whose HTML is held as text
    _text: str | None = None
    _packed: bytes | None = None
    _toc: TableOfContents | None = None

    @classmethod
    def register(cls, title: str | None, file: File, config) -> GeneratedPage:
        """The page of `file`, set as `file.page`: MkDocs' navigation and build take a file's page from
        there (Page.__init__ sets it too; tests/test_mkdocs_contract.py pins both), so the page needs
        no other reference."""
        file.page = page = cls(title, file, config)
        return page

    @classmethod
    def close_open(cls) -> None:
        """Release the page held as text, and forget it (a new build starts: it belongs to the last one)."""
        if cls._open is not None:
            cls._open._release()
        cls._open = None

    def render(self, config, files) -> None:
        self.content = resolve_links(self.markdown, self.file.src_uri, config.use_directory_urls)
        self.markdown = ""  # the source is spent

    @property
    def content(self) -> str | None:
        if self._text is None and self._packed is not None:
            self._text = zlib.decompress(self._packed).decode("utf-8")
            self._hold()
        return self._text

    @content.setter
    def content(self, html: str | None) -> None:
        self._text, self._packed, self._toc = html, None, None
        if html is not None:
            self._hold()

    @property
    def toc(self) -> TableOfContents:
        if self._toc is None:
            self._toc = get_toc(nested(contents(self.content or "")))
        return self._toc

    @toc.setter
    def toc(self, value) -> None:
        """Ignored (Page.__init__ sets an empty one): the table of contents comes from the headings."""

    def _hold(self) -> None:
        previous, GeneratedPage._open = GeneratedPage._open, self
        if previous is not None and previous is not self:
            previous._release()

    def _release(self) -> None:
        if self._text is not None and self._packed is None:
            self._packed = zlib.compress(self._text.encode("utf-8"), 1)
        self._text, self._toc = None, None


def nav_titles(nav) -> dict[str, str]:
    """{source path: title} of the pages mkdocs.yml's `nav` names, at any depth, so that a generated page
    created before the navigation keeps the title the nav gives it (as MkDocs' own pages would)."""
    titles: dict[str, str] = {}
    for item in nav or []:
        for title, value in (item.items() if isinstance(item, dict) else [(None, item)]):
            if isinstance(value, list):
                titles.update(nav_titles(value))
            elif isinstance(value, str) and title is not None:
                titles[value] = title
    return titles
