"""Index pages (plans, agencies, documents) whose size stays bounded as the corpus grows.

An index shows each group's first entries and links to the group's full list, which is
split into pages (see `parts.list_pages`). Groups arrive sorted from `relations`.
"""

from __future__ import annotations

from ...addresses import (
    AGENCIES,
    AGENCIES_INDEX,
    DOCUMENTS,
    DOCUMENTS_INDEX,
    HOME,
    LIST,
    PLANS,
    PLANS_INDEX,
    agency_uri,
    document_uri,
    plan_uri,
)
from ...data.model import Agency, Place, Plan
from ...data.schema import AGENCY_KINDS, DOCUMENT_TYPES
from ...kinds import PageKind
from ...text import date_numeric, name_key, vi_sort_key
from ..html.labels import document_label, plan_title
from ..html.markup import escape, heading, link, p
from ..html.page_writer import PageWriters
from ..html.subjects import subject_words
from ..index.relations import Assignments, Names, Orders
from ..parts.facets import AGENCY_FACETS, DOCUMENT_FACETS, agency_ids, document_ids
from ..parts.life_notice import status_words
from ..parts.parts import Entry, Filters, entries, front_matter, list_pages, shown

Group = tuple[str, str, list[Entry], Filters | None]  # (key, label, entries, how they can be narrowed)


def by_place(names: Names, orders: Orders) -> bool:
    """The site holds plans of more than one place: its indexes group by place."""
    return len({names.plan_place(plan).id for plan in orders.plans_sorted}) > 1


def _places_in_order(names: Names, ids: set[str]) -> list[Place]:
    """The places of `ids` in the tree's order: each place, then the places under it (by name)."""
    children: dict[str | None, list[Place]] = {}
    for place in names.places.values():
        children.setdefault(place.parent if place.parent in names.places else None, []).append(place)
    out: list[Place] = []
    visited: set[str] = set()

    def visit(parent: str | None) -> None:
        for place in sorted(children.get(parent, []), key=lambda pl: (vi_sort_key(pl.name), pl.id)):
            if place.id not in visited:
                visited.add(place.id)
                out.append(place)
                visit(place.id)

    visit(None)
    return [place for place in out if place.id in ids]


def _grouped(items, key) -> dict:
    """key → the items that have it, in the items' order (one pass, not one per group)."""
    out: dict = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


def _place_label(place: Place) -> str:
    return place.name[:1].upper() + place.name[1:]


def _shared_names(names: Names) -> set[str]:
    """Name keys that bodies of more than one place carry ('Sở Nội vụ' of two provinces)."""
    places: dict[str, set[str]] = {}
    for agency in names.agencies.values():
        places.setdefault(name_key(agency.name), set()).add(agency.place)
    return {key for key, where in places.items() if len(where) > 1}


def _grouped_index(
    writers: PageWriters, index_uri: str, title: str, folder: str, groups: list[Group]
) -> dict[str, str]:
    """An index page with a preview of each group, plus each long group's own paged list."""
    page = writers.page(index_uri)
    out = (
        front_matter(title, PageKind.LIST, subject_words(index_uri))
        + heading(page, 1, escape(title))
        + p(link("Trang chủ", page, HOME))
    )
    pages = {}
    for key, label, items, filters in groups:
        if not items:
            continue
        out += heading(page, 2, f"{escape(label)} ({len(items)})")
        first, narrowed = shown(items, filters)
        out += entries(first, page, narrowed, key, f"{key}.")
        if len(first) < len(items):
            group_pages = list_pages(writers, f"{folder}/{key}", label, (title, index_uri), items, filters)
            out += p(link(f"Xem tất cả {len(items)} mục", page, next(iter(group_pages))))
            pages.update(group_pages)
    pages[index_uri] = out
    return pages


def agencies_index(names: Names, who: Assignments, orders: Orders, writers: PageWriters) -> dict[str, str]:
    """Agencies grouped by kind (by place, when the site holds plans of several places), in Vietnamese
    alphabetical order; a name that bodies of several places share is shown with its place."""
    shared = _shared_names(names)

    def entry(agency: Agency) -> Entry:
        count = len(who.leads.get(agency.id, ())) + len(who.coordinates.get(agency.id, ()))
        name = agency.name + (f" ({names.places[agency.place].name})" if name_key(agency.name) in shared else "")
        return name, agency_uri(agency.id), f" ({count} nhiệm vụ)" if count else ""

    ordered = [a for kind in AGENCY_KINDS for a in orders.agencies_by_kind[kind]]
    if by_place(names, orders):
        in_place = _grouped(ordered, lambda a: a.place)
        sections = [(pl.id, _place_label(pl), in_place[pl.id]) for pl in _places_in_order(names, set(in_place))]
    else:
        sections = [(kind, label, orders.agencies_by_kind[kind]) for kind, label in AGENCY_KINDS.items()]
    groups = [
        (
            key,
            label,
            [entry(a) for a in agencies],
            Filters(AGENCY_FACETS, [agency_ids(a) for a in agencies], names, "cơ quan"),
        )
        for key, label, agencies in sections
    ]
    return _grouped_index(writers, AGENCIES_INDEX, "Cơ quan, đơn vị", f"{AGENCIES}/{LIST}", groups)


def documents_index(names: Names, orders: Orders, writers: PageWriters) -> dict[str, str]:
    """Documents grouped by type (by the place of their first issuer, when the site holds plans of several
    places); within a group by type, issuer, then date, then number."""
    ordered = [d for doc_type in DOCUMENT_TYPES for d in orders.documents_by_type[doc_type]]
    if by_place(names, orders):
        in_place = _grouped(ordered, lambda d: names.agencies[d.issuers[0]].place if d.issuers else None)
        sections = [
            (pl.id, _place_label(pl), in_place[pl.id]) for pl in _places_in_order(names, {p for p in in_place if p})
        ]
        sections.append(("chua-ro-noi-ban-hanh", "Chưa rõ cơ quan ban hành", in_place.get(None, [])))
    else:
        sections = [(doc_type, label, orders.documents_by_type[doc_type]) for doc_type, label in DOCUMENT_TYPES.items()]
    groups = []
    for key, label, documents in sections:
        items = []
        for doc in documents:
            issuer = ", ".join(names.agency_name(a) for a in doc.issuers)
            after = f" ngày {date_numeric(doc.issued_on)}" if doc.issued_on else ""
            after += f" ({escape(issuer)})" if issuer else ""
            after += f": {escape(doc.title)}" if doc.number else ""
            items.append((document_label(doc), document_uri(doc.id), after))
        rows = [document_ids(d) for d in documents]
        groups.append((key, label, items, Filters(DOCUMENT_FACETS, rows, names, "văn bản")))
    return _grouped_index(writers, DOCUMENTS_INDEX, "Văn bản pháp lý được dẫn", f"{DOCUMENTS}/{LIST}", groups)


def plans_index(names: Names, orders: Orders, writers: PageWriters) -> dict[str, str]:
    """All plans, by issuer then title, paged; grouped by the issuer's place when there are several."""

    def entry(plan: Plan) -> Entry:
        return (
            plan_title(plan),
            plan_uri(plan),
            f"{escape(status_words(plan))}: {escape(names.agency_name(plan.issuer))}, {len(plan.tasks)} nhiệm vụ",
        )

    if by_place(names, orders):
        in_place = _grouped(orders.plans_sorted, lambda plan: names.plan_place(plan).id)
        groups = [
            (pl.id, _place_label(pl), [entry(p) for p in in_place[pl.id]], None)
            for pl in _places_in_order(names, set(in_place))
        ]
        return _grouped_index(writers, PLANS_INDEX, "Kế hoạch", f"{PLANS}/{LIST}", groups)
    items = [entry(p) for p in orders.plans_sorted]
    return list_pages(writers, PLANS, "Kế hoạch", ("Trang chủ", HOME), items)  # first page: PLANS_INDEX
