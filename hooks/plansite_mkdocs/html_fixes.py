"""Make Material's own markup valid HTML (W3C Nu validator), page by page, after MkDocs renders it.

Written against mkdocs-material 9.8.2 (the pin in requirements.txt). Each fix replaces one exact piece of
Material's template output; when Material changes it, the fix no longer matches and does nothing, and
tests/test_a11y.py (the Nu validator over every built page) says so.

Only Material's frame is touched: the part of the page before the content
(`<div class="md-content" data-md-component="content">`), which holds the header and both sidebars. Text
from plan data there (titles) is escaped, so it never forms one of the tags matched here; the content is
not looked at. A page without that marker is returned as it is.

1. base.html: `autocomplete="off"` on the two checkboxes that open the drawer and the search
   (`__drawer`, `__search`). `autocomplete` is not allowed on a checkbox; Material adds it so Firefox does
   not restore a box left ticked when the reader comes back to the page. Without it the drawer may, in
   Firefox only, come back open after "back"; the reader closes it as usual.
2. partials/toc.html: `<label class="md-nav__title" for="__toc">` on a page that has no `__toc` checkbox
   (partials/nav-item.html writes it only for a page in the nav: the task, agency and document pages
   are not). The label points at nothing; without `for` it is the same title, pointing at nothing.
"""

from __future__ import annotations

CONTENT_START = '<div class="md-content" data-md-component="content">'

_CHECKBOXES = tuple(
    (
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">',
        f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}">',
    )
    for name in ("drawer", "search")
)
_TOC_CHECKBOX = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
_TOC_LABEL = ('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')


def fix_frame(frame: str) -> str:
    """The fixes above, on Material's frame (the page before its content)."""
    for old, new in _CHECKBOXES:
        frame = frame.replace(old, new, 1)
    if _TOC_CHECKBOX not in frame:
        frame = frame.replace(*_TOC_LABEL)
    return frame


def fix_page(html: str) -> str:
    """A rendered page with Material's frame made valid; the content, from its marker on, is unchanged."""
    at = html.find(CONTENT_START)
    if at < 0:
        return html
    return fix_frame(html[:at]) + html[at:]
