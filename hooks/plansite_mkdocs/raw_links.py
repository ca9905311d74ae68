"""Links in our generated HTML, resolved the way MkDocs resolves Markdown links.

Our renderers write HTML (plansite/site/markup.py), which MkDocs never rewrites. They write each link
to the target's source file, relative to the page's source ('../nhiem-vu/x.md', '../feed.xml'), exactly
as in Markdown; here each becomes the target's address for the build's URL style (directory URLs for the
site, '.html' files for the offline edition), relative to the page's own address. Only links to files of
the build are touched; anything else is left as written (the link checker test reports it). Data text is
escaped before it reaches a page, so no `href` in it comes from the data.

A province's build resolves millions of links: paths are joined and related with cached string
operations rather than posixpath, whose normalisation dominated the cost.
"""

from __future__ import annotations

import functools
import posixpath
import re

# A relative href: no scheme ('https:', 'mailto:'), not '#…' or '/…' or '?…'; its fragment or query apart.
_RELATIVE_HREF = re.compile(r'href="((?![a-z][a-z0-9+.-]*:)[^"#?/][^"#?]*)([#?][^"]*)?"')


@functools.lru_cache(maxsize=1 << 16)
def _source_path(folder: str, href: str) -> str:
    """The source path `href` names from a page in `folder` ('ke-hoach/p', '../../co-quan/x.md')."""
    return posixpath.normpath(posixpath.join(folder, href))


def relative_url(from_url: str, to_url: str) -> str:
    """Address of `to_url` seen from the page at `from_url` (both site-relative, as MkDocs' File.url)."""
    here, there = from_url.split("/")[:-1], to_url.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "./"


def resolve_md_links(html: str, page, files) -> str:
    """`html` with every relative href to a file of the build replaced by that file's URL relative to `page`."""
    folder, from_url = posixpath.dirname(page.file.src_uri), page.file.url

    def replace(match: re.Match) -> str:
        file = files.get_file_from_path(_source_path(folder, match.group(1)))
        if file is None:  # left as written: the link checker test reports it
            return match.group(0)
        return f'href="{relative_url(from_url, file.url)}{match.group(2) or ""}"'

    return _RELATIVE_HREF.sub(replace, html)
