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

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

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


def resolve_links(html: str, src_uri: str, directory_urls: bool) -> str:
    """`html` of the page at `src_uri` with every source-relative href made an address (see the module)."""
    up = directory_urls and src_uri != "index.md" and not src_uri.endswith("/index.md")
    return _RELATIVE_HREF.sub(lambda m: f'href="{_address(m.group(1), directory_urls, up)}{m.group(2) or ""}"', html)


class GeneratedPage(Page):
    """A page whose HTML our renderers wrote (its source: front matter, then the HTML)."""

    def render(self, config, files) -> None:
        self.content = resolve_links(self.markdown, self.file.src_uri, config.use_directory_urls)
        self.toc = get_toc(nested(contents(self.content)))
        self.markdown = ""  # the source is spent: one copy of each page's HTML is enough to hold until it is written


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
