"""Links in our own raw HTML blocks, resolved the way MkDocs resolves Markdown links.

Python-Markdown hands raw HTML blocks through untouched, so MkDocs never rewrites the links in
them. Our renderers write those links to the target's source file ('../nhiem-vu/x.md', exactly
as in Markdown links); here each becomes the target page's address for the build's URL style
(directory URLs for the site, '.html' files for the offline edition). Data text is escaped
before it reaches a page, so no `href` in it comes from the data.
"""

from __future__ import annotations

import posixpath
import re

_MD_HREF = re.compile(r'href="((?![a-z][a-z0-9+.-]*:)[^"#?]+\.md)(#[^"]*)?"')


def resolve_md_links(html: str, page, files) -> str:
    """`html` with every href to a .md source replaced by that page's URL relative to `page`."""
    if '.md"' not in html and ".md#" not in html:
        return html

    def replace(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match.group(1)))
        file = files.get_file_from_path(target)
        if file is None:  # left as written: the link checker test reports it
            return match.group(0)
        return f'href="{file.url_relative_to(page.file)}{match.group(2) or ""}"'

    return _MD_HREF.sub(replace, html)
