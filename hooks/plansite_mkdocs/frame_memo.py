"""Parts of Material's frame rendered once per distinct input, and reused on every page with that input.

Material renders its whole frame for every page: the navigation (ten entries, each through three macros),
the table of contents, the scripts and their configuration, the footer. Most of it is the same on
thousands of pages: a task page's navigation differs from another's only by the depth of its folder
(the links are relative), and most task pages have the same headings. At the 7k corpus the templates
took 13 s of CPU, a third of it the navigation.

`Memo` is called from the templates (overrides/main.html, overrides/partials/language.html) as a
`{% call %}` block: `{% call plan_memo("nav", base_url, plan_nav_key(page, nav)) %}…{% endcall %}`. The
block is rendered the first time a key is seen; later pages with the same key get the same text. A key
names everything the block reads that varies between pages; the template beside each call says why
that is all of it. Same input, same output: the pages are byte for byte what the templates would write
(tests/test_frame.py builds the seed site with and without the memo and compares every page).

One `Memo` per build: MkDocs makes a new Jinja environment for each build and calls on_env once, so an
earlier build's navigation is never served again. It holds at most `LIMIT` texts (a few KB each), the
least recently used going first, so a province's thousands of distinct tables of contents stay bounded.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from jinja2 import Environment
from mkdocs.utils import get_relative_url

from plansite.addresses import ASSETS

LIMIT = 512  # texts kept: the navigation at each depth, the common tables of contents, scripts per depth


class Memo:
    """Rendered blocks by key, the least recently used dropped past `limit`."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.texts: OrderedDict[Hashable, str] = OrderedDict()
        self.hits = self.misses = 0

    def __call__(self, *key: Hashable, caller: Callable[[], str]) -> str:
        text = self.texts.get(key)
        if text is None:
            self.misses += 1
            text = self.texts[key] = caller()
            if len(self.texts) > self.limit:
                self.texts.popitem(last=False)
        else:
            self.hits += 1
            self.texts.move_to_end(key)
        return text


def nav_key(page, nav, config) -> tuple:
    """What of the page Material's navigation reads: which entry is the page (marked active, with the page's
    own table of contents under it), none for a page outside the navigation (task, agency and document
    pages); and each link as the `url` filter writes it from this page (relative: "../co-quan/" from a
    document page, "../../../../co-quan/" from a task page), so pages in the same folder depth and section
    share it. MkDocs' own function makes those links, so the key cannot disagree with the page."""
    if page is None or nav is None:
        return ("", "")
    targets = [item.url for item in nav.pages]
    targets += [config.extra.get("homepage") or "", config.theme.get("logo") or ""]
    return (page.url if page in nav.pages else "", tuple(get_relative_url(url, page.url) for url in targets))


def asset_key(page, base_url: str) -> tuple:
    """What of the page a block reads that links only to the site's root and its assets/ folder (scripts,
    stylesheets, the bundle's configuration): `base_url`, the way back to the root. A link to assets/…
    from any page outside assets/ is base_url and the asset's path; a page inside assets/ (none is, but
    MkDocs would allow one) gets a key of its own."""
    url = page.url if page is not None else ""
    return (base_url, url if url.startswith(f"{ASSETS}/") else "")


def toc_key(page) -> tuple:
    """The table of contents as Material's toc partial reads it: each entry's title, address, level and
    entries under it; of a page whose first entry is its title (<h1>), only the entries under that one, as
    the partial shows (so task pages with the same sections share one table of contents)."""
    if page is None:
        return ()
    toc = list(page.toc)
    if toc and toc[0].level == 1:
        toc = toc[0].children
    return _entries(toc)


def _entries(items) -> tuple:
    typeset = [repr(getattr(item, "typeset", None)) for item in items]  # a plugin's title markup, if any
    return tuple((item.title, t, item.url, item.level, _entries(item.children)) for item, t in zip(items, typeset))


def install(env: Environment) -> Environment:
    """The memo and its key functions as the templates' globals, new for this build's environment."""
    env.globals["plan_memo"] = Memo()
    env.globals["plan_nav_key"] = nav_key
    env.globals["plan_toc_key"] = toc_key
    env.globals["plan_asset_key"] = asset_key
    return env
