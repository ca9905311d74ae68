"""Pieces every page is made of: front matter, breadcrumbs, entry lists, previews and paged lists.

They sit below the renderers: renderers call them, never each other. Entries arrive
sorted (see `relations`); this module only slices and pages them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from ...addresses import HOME, paged_uris, task_uri
from ...kinds import PageKind
from ...reports.status import Progress
from ..html.labels import task_title
from ..html.markup import escape, heading, link, p, ul, visible
from ..html.page_writer import PageWriter, PageWriters
from ..html.statuses import status_tag
from ..index.relations import Citations, Names
from .facets import FACETS as TASK_FACETS
from .facets import Facet, list_filters, task_ids
from .previews import Preview

PER_PAGE = 100  # entries per list page
# A list of up to WHOLE entries is shown whole where it belongs; a longer one, its first PREVIEW entries and
# "Xem tất cả …" to its own pages. Pages of their own for a list of 21 to 40 entries (most long lists: 455
# of 555 at the 7k benchmark) were each a frame and the whole list again, for the 1 to 20 entries not shown.
PREVIEW = 20
WHOLE = 40

Entry = tuple[str, str, str]  # (label, target .md, HTML after the link)


@dataclass(frozen=True)
class Filters:
    """How a list's entries can be narrowed (see `facets`): the facets, each entry's ids in the entries'
    order, and the noun the counts name ("nhiệm vụ", "cơ quan", "văn bản")."""

    facets: tuple[Facet, ...]
    rows: list[dict[str, tuple[str, ...]]]
    names: Names  # the facets' labels
    noun: str

    def part(self, start: int, end: int) -> Filters:
        return replace(self, rows=self.rows[start:end])


def front_matter(
    title: str,
    kind: PageKind,
    keywords: tuple[str, ...] = (),
    numbers: tuple[str, ...] = (),
    preview: Preview | None = None,
    template: str = "",
    share: str = "",
    subjects: tuple[str, ...] = (),
) -> str:
    """YAML front matter: the page title, its kind, for search the words and numbers that name it and what
    it is about (`subjects`: ranked above any title, search/terms.py), and
    what a shared link shows (description, the picture's plan and place); `template`: a theme template
    other than main.html (overrides/); `share`: the message "Gửi qua Zalo" copies (site/parts/chat_message.py), lines
    kept. Material prints `page.meta.title` unescaped, so
    overrides/main.html and overrides/partials/header.html escape it."""
    out = f"---\ntitle: {_json(title)}\nkind: {kind.value}\n" + (f"template: {template}\n" if template else "")
    for key, values in (("keywords", keywords), ("numbers", numbers), ("subjects", subjects)):
        if values:
            out += f"{key}: {json.dumps([visible(v) for v in values], ensure_ascii=False)}\n"
    if preview:
        fields = (
            ("description", preview.description),
            ("preview_plan", preview.plan),
            ("preview_place", preview.place),
            ("preview_label", preview.label),
            ("preview_of", preview.of.value if preview.of else ""),
        )
        out += "".join(f"{key}: {_json(value)}\n" for key, value in fields if value)
    if share:
        out += f"share: {json.dumps(chr(10).join(visible(line) for line in share.splitlines()), ensure_ascii=False)}\n"
    return out + "---\n\n"


def _json(text: str) -> str:
    """A one-line YAML string (JSON is YAML), bidi controls made visible."""
    return json.dumps(visible(text), ensure_ascii=False)


def crumbs(page: PageWriter, *trail: tuple[str, str], here: str) -> str:
    """Breadcrumbs: Trang chủ › each (label, page) of the trail › here (escaped, not linked)."""
    parts = [link("Trang chủ", page, HOME)] + [link(label, page, target) for label, target in trail]
    return p(" › ".join(parts + [page.text(here)]), "ps-crumbs")


def entries(
    items: list[Entry], page: PageWriter, filters: Filters | None = None, key: str = "", prefix: str = ""
) -> str:
    """A list of links, one per entry; with `filters`, where they could narrow it, the list's filters
    (`key` names the list on its page, `prefix` its words in the address) and each item's ids."""
    links = [f"{link(label, page, target)}{page.marked(after)}" for label, target, after in items]
    box, attributes = (
        list_filters(f"ps-list-{key}", filters.facets, filters.rows, filters.names, filters.noun, prefix)
        if filters
        else ("", [])
    )
    if not box:
        return ul(links)
    lis = "".join(f"<li{attrs}>{a}</li>\n" for attrs, a in zip(attributes, links))
    return f'{box}<ul class="ps-list" id="ps-list-{key}">\n{lis}</ul>\n'


def shown(items: list[Entry], filters: Filters | None) -> tuple[list[Entry], Filters | None]:
    """What a page shows of a list, and its filters: all of it up to WHOLE entries; else its first PREVIEW,
    without filters (they would count and narrow a part of the list as if it were all: its own pages, which
    hold every entry, have them)."""
    if len(items) <= WHOLE:
        return items, filters
    return items[:PREVIEW], None


def list_pages(
    writers: PageWriters,
    folder: str,
    title: str,
    parent: tuple[str, str],
    items: list[Entry],
    filters: Filters | None = None,
    picture: Preview | None = None,
) -> dict[str, str]:
    """`folder`/index.md, `folder`/trang-2.md …: the entries, PER_PAGE per page, with page links, each page
    written by its own writer of `writers`; `picture`: the link preview they share with the page they
    belong to."""
    chunks = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
    uris = paged_uris(folder, len(chunks))
    pages = {}
    for n, (uri, chunk) in enumerate(zip(uris, chunks), 1):
        start = (n - 1) * PER_PAGE
        title_n = title if len(chunks) == 1 else f"{title} (trang {n}/{len(chunks)})"
        page = writers.page(uri)
        out = front_matter(title_n, PageKind.LIST, preview=picture)
        trail = [link("Trang chủ", page, HOME)] + ([link(parent[0], page, parent[1])] if parent[1] != HOME else [])
        out += heading(page, 1, escape(title_n)) + p(" › ".join(trail), "ps-crumbs")
        out += entries(chunk, page, filters and filters.part(start, start + PER_PAGE), "danh-sach")
        if len(chunks) > 1:
            out += p(
                " · ".join(
                    link(f"Trang {i}", page, u) if u != uri else f'<strong aria-current="page">Trang {i}</strong>'
                    for i, u in enumerate(uris, 1)
                )
            )
        pages[uri] = out
    return pages


def preview(
    items: list[Entry],
    page: PageWriter,
    here: str,
    folder: str,
    title: str,
    noun: str = "nhiệm vụ",
    filters: Filters | None = None,
    picture: Preview | None = None,
) -> tuple[str, dict[str, str]]:
    """The list as HTML, whole or cut (`shown`), and, for a cut one, its own paged pages under `folder`.

    `here` names the page the list belongs to; the paged lists link back to it.
    """
    if not items:
        return p("Không có."), {}
    key = folder.rsplit("/", 1)[-1]
    first, narrowed = shown(items, filters)
    out = entries(first, page, narrowed, key, f"{key}.")
    pages: dict[str, str] = {}
    if len(first) < len(items):
        pages = list_pages(page.writers, folder, title, (here, page.uri), items, filters, picture)
        out += p(link(f"Xem tất cả {len(items)} {noun}", page, next(iter(pages))))
    return out, pages


def task_filters(items, names: Names, cites: Citations, progress: Progress) -> Filters:
    """The filters of a list of (plan, task): the Phụ lục's facets."""
    return Filters(TASK_FACETS, [task_ids(plan, task, cites, progress) for plan, task in items], names, "nhiệm vụ")


def task_entries(items, progress: Progress | None = None) -> list[Entry]:
    """Preview entries for a list of (plan, task), each with its status when `progress` is given."""
    return [
        (
            task_title(plan, task),
            task_uri(plan, task),
            f" {status_tag(progress.status(plan, task.id))}" if progress else "",
        )
        for plan, task in items
    ]
