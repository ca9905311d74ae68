"""Index pages (plans, agencies, documents) whose size stays bounded as the corpus grows.

An index shows each group's first entries and links to the group's full list, which is
split into pages (see `parts.list_pages`). Groups arrive sorted from `relations`.
"""

from __future__ import annotations

from ..data.schema import AGENCY_KINDS, DOCUMENT_TYPES
from ..kinds import PageKind
from ..text import date_numeric
from .addresses import AGENCIES_INDEX, DOCUMENTS_INDEX, HOME, agency_uri, document_uri, plan_uri
from .labels import document_label, plan_title
from .markup import escape, heading, link, p
from .facets import AGENCY_FACETS, DOCUMENT_FACETS, agency_ids, document_ids
from .parts import PREVIEW, Entry, Filters, entries, front_matter, list_pages
from .relations import Relations
from .subjects import subject_words


Group = tuple[str, str, list[Entry], Filters]  # (key, label, entries, how they can be narrowed)


def _grouped_index(index_uri: str, title: str, folder: str, groups: list[Group]) -> dict[str, str]:
    """An index page with a preview of each group, plus each long group's own paged list."""
    out = front_matter(title, PageKind.LIST, subject_words(index_uri)) + heading(1, escape(title)) + p(link("Trang chủ", index_uri, HOME))
    pages = {}
    for key, label, items, filters in groups:
        if not items:
            continue
        out += heading(2, f"{escape(label)} ({len(items)})")
        out += entries(items[:PREVIEW], index_uri, filters.part(0, PREVIEW), key, f"{key}.")
        if len(items) > PREVIEW:
            group_pages = list_pages(f"{folder}/{key}", label, (title, index_uri), items, filters)
            out += p(link(f"Xem tất cả {len(items)} mục", index_uri, next(iter(group_pages))))
            pages.update(group_pages)
    pages[index_uri] = out
    return pages


def agencies_index(rel: Relations) -> dict[str, str]:
    """Agencies grouped by kind, in Vietnamese alphabetical order."""
    groups = []
    for kind, label in AGENCY_KINDS.items():
        items = []
        for agency in rel.agencies_by_kind[kind]:
            count = len(rel.leads.get(agency.id, [])) + len(rel.coordinates.get(agency.id, []))
            items.append((agency.name, agency_uri(agency.id), f" ({count} nhiệm vụ)" if count else ""))
        rows = [agency_ids(agency) for agency in rel.agencies_by_kind[kind]]
        groups.append((kind, label, items, Filters(AGENCY_FACETS, rows, rel, "cơ quan")))
    return _grouped_index(AGENCIES_INDEX, "Cơ quan, đơn vị", "co-quan/danh-sach", groups)


def documents_index(rel: Relations) -> dict[str, str]:
    """Documents grouped by type; within a type by issuer, then date, then number."""
    groups = []
    for doc_type, label in DOCUMENT_TYPES.items():
        items = []
        for doc in rel.documents_by_type[doc_type]:
            issuer = ", ".join(rel.agency_name(a) for a in doc.issuers)
            after = f" ngày {date_numeric(doc.issued_on)}" if doc.issued_on else ""
            after += f" ({escape(issuer)})" if issuer else ""
            after += f": {escape(doc.title)}" if doc.number else ""
            items.append((document_label(doc), document_uri(doc.id), after))
        rows = [document_ids(doc) for doc in rel.documents_by_type[doc_type]]
        groups.append((doc_type, label, items, Filters(DOCUMENT_FACETS, rows, rel, "văn bản")))
    return _grouped_index(DOCUMENTS_INDEX, "Văn bản pháp lý được dẫn", "van-ban/danh-sach", groups)


def plans_index(rel: Relations) -> dict[str, str]:
    """All plans, by issuer then title, paged."""
    items = [(plan_title(p), plan_uri(p), f": {escape(rel.agency_name(p.issuer))}, {len(p.tasks)} nhiệm vụ")
             for p in rel.plans_sorted]
    return list_pages("ke-hoach", "Kế hoạch", ("Trang chủ", HOME), items)  # first page: ke-hoach/index.md
