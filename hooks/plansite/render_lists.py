"""Index pages (plans, agencies, documents) whose size stays bounded as the corpus grows.

An index shows each group's first entries and links to the group's full list, which is
split into pages of PER_PAGE entries. Entries arrive sorted; this module only slices.
"""

from __future__ import annotations

from .markup import escape, link
from .model import Project
from .relations import (AGENCIES_INDEX, DOCUMENTS_INDEX, HOME, Relations, agency_uri, document_label,
                        document_uri, plan_uri)
from .render_plan import front_matter, plan_title
from .schema import AGENCY_KINDS, DOCUMENT_TYPES
from .text import date_numeric, vi_sort_key

PER_PAGE = 100  # entries per list page
PREVIEW = 20  # entries per group on an index page

Entry = tuple[str, str, str]  # (label, target .md, Markdown after the link)


def _entries(items: list[Entry], here: str) -> str:
    return "".join(f"- {link(label, here, target)}{after}\n" for label, target, after in items) + "\n"


def list_pages(folder: str, title: str, parent: tuple[str, str], entries: list[Entry]) -> dict[str, str]:
    """`folder`/index.md, `folder`/trang-2.md …: the entries, PER_PAGE per page, with page links."""
    chunks = [entries[i:i + PER_PAGE] for i in range(0, len(entries), PER_PAGE)] or [[]]
    uris = [f"{folder}/index.md"] + [f"{folder}/trang-{n}.md" for n in range(2, len(chunks) + 1)]
    pages = {}
    for n, (uri, chunk) in enumerate(zip(uris, chunks), 1):
        heading = title if len(chunks) == 1 else f"{title} (trang {n}/{len(chunks)})"
        out = front_matter(heading, "Danh mục")
        out += f"# {escape(heading)}\n\n{link('Trang chủ', uri, HOME)} › {link(parent[0], uri, parent[1])}\n\n"
        out += _entries(chunk, uri)
        if len(chunks) > 1:
            out += " · ".join(link(f"Trang {i}", uri, u) if u != uri else f"**Trang {i}**"
                              for i, u in enumerate(uris, 1)) + "\n"
        pages[uri] = out
    return pages


def _grouped_index(index_uri: str, title: str, folder: str, groups: list[tuple[str, str, list[Entry]]]) -> dict[str, str]:
    """An index page with a preview of each group, plus each long group's own paged list."""
    out = front_matter(title, "Danh mục") + f"# {escape(title)}\n\n{link('Trang chủ', index_uri, HOME)}\n\n"
    pages = {}
    for key, label, entries in groups:
        if not entries:
            continue
        out += f"## {escape(label)} ({len(entries)})\n\n" + _entries(entries[:PREVIEW], index_uri)
        if len(entries) > PREVIEW:
            group_pages = list_pages(f"{folder}/{key}", label, (title, index_uri), entries)
            out += f"{link(f'Xem tất cả {len(entries)} mục', index_uri, next(iter(group_pages)))}\n\n"
            pages.update(group_pages)
    pages[index_uri] = out
    return pages


def agencies_index(project: Project, rel: Relations) -> dict[str, str]:
    """Agencies grouped by kind, in Vietnamese alphabetical order."""
    groups = []
    for kind, label in AGENCY_KINDS.items():
        agencies = sorted((a for a in project.agencies if a.kind == kind), key=lambda a: vi_sort_key(a.name))
        entries = []
        for agency in agencies:
            count = len(rel.leads.get(agency.id, [])) + len(rel.coordinates.get(agency.id, []))
            entries.append((agency.name, agency_uri(agency.id), f" ({count} nhiệm vụ)" if count else ""))
        groups.append((kind, label, entries))
    return _grouped_index(AGENCIES_INDEX, "Cơ quan, đơn vị", "co-quan/danh-sach", groups)


def documents_index(project: Project, rel: Relations) -> dict[str, str]:
    """Documents grouped by type; within a type by issuer, then date, then number."""
    groups = []
    for doc_type, label in DOCUMENT_TYPES.items():
        docs = sorted((d for d in project.documents if d.type == doc_type),
                      key=lambda d: (vi_sort_key(rel.agency_name(d.issuers[0]) if d.issuers else "~"),
                                     d.issued_on.isoformat() if d.issued_on else "", vi_sort_key(d.number or d.title)))
        entries = []
        for doc in docs:
            issuer = ", ".join(rel.agency_name(a) for a in doc.issuers)
            after = f" ngày {date_numeric(doc.issued_on)}" if doc.issued_on else ""
            after += f" ({escape(issuer)})" if issuer else ""
            after += f": {escape(doc.title)}" if doc.number else ""
            entries.append((document_label(doc), document_uri(doc.id), after))
        groups.append((doc_type, label, entries))
    return _grouped_index(DOCUMENTS_INDEX, "Văn bản pháp lý được dẫn", "van-ban/danh-sach", groups)


def plans_index(project: Project, rel: Relations) -> dict[str, str]:
    """All plans, by issuer then title, paged."""
    plans = sorted(project.plans, key=lambda p: (vi_sort_key(rel.agency_name(p.issuer)), vi_sort_key(p.title), p.id))
    entries = [(plan_title(p), plan_uri(p), f": {escape(rel.agency_name(p.issuer))}, {len(p.tasks)} nhiệm vụ")
               for p in plans]
    return list_pages("ke-hoach", "Kế hoạch", ("Trang chủ", HOME), entries)  # first page: ke-hoach/index.md
