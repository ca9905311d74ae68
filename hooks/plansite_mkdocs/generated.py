"""Our generated pages inside MkDocs: HTML that needs no Markdown.

MkDocs renders every page with a fresh Python-Markdown instance. Our renderers already wrote the HTML
(plansite/site/html/markup.py), so `GeneratedPage.render` skips Python-Markdown altogether: building an
instance with the configured extensions cost more than a millisecond per page, a minute at a province's
scale. It keeps what `Page.render` provides to the theme: the content and the table of contents.

The renderers already wrote each link as an address for the build's URL style (SiteOptions.directory_urls,
from mkdocs.yml's `use_directory_urls`: plansite_mkdocs/site_build.py) and each heading with its id
(plansite/site/html/page_writer.py), so the HTML goes to the theme as it is.
"""

from __future__ import annotations

import zlib
from typing import ClassVar

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc

from plansite.site.html.headings import contents, nested
from plansite.spill import Spill

# What another page's frame reads of a written page's front matter: its title (MkDocs' `Page.title` reads
# it, for the navigation and the previous and next links) and the navigation entry's icon, subtitle and
# status (Material's partials/nav-item.html).
READ_LATER = ("title", "icon", "subtitle", "status")


class GeneratedPage(Page):
    """A page whose HTML our renderers wrote (its source: front matter, then the HTML).

    MkDocs renders every page before it writes the first one, so it holds every page's HTML at once: a
    province's 90,000 pages took gigabytes. Here only the page being worked on holds its HTML as text;
    the moment another page opens, the previous one's HTML is zlib-compressed (about a fifth of the size:
    compressed once, unpacked once more when its template is rendered) and put in the build's spill file
    (plansite/spill.py: 150 MB less in memory at the province, where every page waits for its template).
    Its table of contents is made from its headings when the theme asks for it, and is dropped with the
    text.
    """

    _open: ClassVar[GeneratedPage | None] = None  # the one page whose HTML is held as text
    _spill: ClassVar[Spill] = Spill()  # the packed HTML of the build's pages, emptied when a build starts
    _text: str | None = None
    _packed: tuple[Spill, int] | None = None  # where the packed HTML is: the spill of its build, its item
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
        """Release the page held as text, and forget it, and start a new spill file (a new build starts: they
        belong to the last one). The last build's pages keep their own spill (each holds it), whose file goes
        when they do."""
        if cls._open is not None:
            cls._open._release()
        cls._open = None
        cls._spill = Spill()

    def render(self, config, files) -> None:
        self.content = self.markdown  # links already in the build's URL style
        self.markdown = ""  # the source is spent

    @property
    def content(self) -> str | None:
        if self._text is None and self._packed is not None:
            spill, item = self._packed
            self._text = zlib.decompress(spill[item]).decode("utf-8")
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

    def written(self) -> None:
        """The page is written (on_post_page): its HTML, packed or not, and its table of contents are let go,
        since nothing reads them again (MkDocs' anchor check reads what the render found, not the text), and
        a province's 57,000 pages do not keep their packed HTML to the end of the build (its peak fell by
        16 MB, 1,674 → 1,658 MB: the peak is not there). Of its front matter (and link-preview values), only
        what the later pages' frames read of it is kept (READ_LATER): 2 KB a page, 40 MB at 28k pages."""
        if GeneratedPage._open is self:
            GeneratedPage._open = None
        self._text, self._packed, self._toc = None, None, None
        self.meta = {key: self.meta[key] for key in READ_LATER if key in self.meta}

    def _hold(self) -> None:
        previous, GeneratedPage._open = GeneratedPage._open, self
        if previous is not None and previous is not self:
            previous._release()

    def _release(self) -> None:
        if self._text is not None and self._packed is None:
            spill = GeneratedPage._spill
            self._packed = (spill, spill.append(zlib.compress(self._text.encode("utf-8"), 1)))
        self._text, self._toc = None, None


class PublishedFile(File):
    """A file published beside the pages from bytes the build made (open data, calendars, bulletins' .txt):
    once MkDocs has written it into the site (before the first page renders), its bytes are let go and the
    written file stands in for them (a later read reads it back). A province's 130 MB of such files then does
    not stay in memory through the pages' build-up to the build's peak (issue 24)."""

    def copy_file(self, dirty: bool = False) -> None:
        super().copy_file(dirty)
        if self._content is not None:
            self._content, self.abs_src_path = None, self.abs_dest_path


def nav_titles(nav) -> dict[str, str]:
    """{source path: title} of the pages mkdocs.yml's `nav` names, at any depth, so that a generated page
    created before the navigation keeps the title the nav gives it (as MkDocs' own pages would)."""
    titles: dict[str, str] = {}
    for item in nav or []:
        for title, value in item.items() if isinstance(item, dict) else [(None, item)]:
            if isinstance(value, list):
                titles.update(nav_titles(value))
            elif isinstance(value, str) and title is not None:
                titles[value] = title
    return titles
