"""HTML for a legal document's page: its record, its relations, every plan and task citing it."""

from __future__ import annotations

from ...addresses import DOCUMENTS_INDEX, PLANS, TASKS, agency_uri, document_folder, document_uri, plan_uri
from ...data.model import LegalDocument
from ...data.schema import DOCUMENT_STATUSES, DOCUMENT_TYPES, RELATION_INVERSE, RELATION_TYPES
from ...kinds import PageKind
from ...reports.status import Progress
from ...text import date_numeric
from ..html.labels import document_label, plan_title
from ..html.markup import admonition, escape, external_link, heading, link, p, table, ul
from ..html.page_writer import PageWriter, PageWriters
from ..index.relations import Citations, Names
from ..parts.parts import Entry, Filters, crumbs, front_matter, preview, task_entries, task_filters
from ..parts.previews import document_preview, list_picture


def render_document(
    doc: LegalDocument, names: Names, cites: Citations, progress: Progress, writers: PageWriters
) -> dict[str, str]:
    """A legal document's page (record, relations, every task and plan citing it) and its long lists' pages."""
    uri, extra, folder, label = document_uri(doc.id), {}, document_folder(doc.id), document_label(doc)
    page = writers.page(uri)

    def listed(items: list[Entry], key: str, title: str, noun: str, filters: Filters | None = None) -> str:
        out, pages = preview(
            items,
            page,
            label,
            f"{folder}/{key}",
            title,
            noun,
            filters,
            list_picture(document_preview(doc), PageKind.DOCUMENT),
        )
        extra.update(pages)
        return out

    own_plan = cites.plan_of_document.get(doc.id)
    # The number of a plan published here finds the plan's page first, not its record.
    numbers = () if own_plan else tuple(n for n in [doc.number or ""] + [a for a in doc.aliases if "/" in a] if n)
    signer = (doc.signer,) if doc.signer else ()  # the signer's name finds the documents they signed
    out = front_matter(label, PageKind.DOCUMENT, signer, numbers, preview=document_preview(doc))
    out += crumbs(page, ("Văn bản", DOCUMENTS_INDEX), here=label)
    out += heading(page, 1, escape(label)) + p(page.text(doc.title))
    if doc.url:  # the official text first: what staff open the page for
        out += p(f"<strong>Văn bản chính thức:</strong> {external_link('Mở văn bản chính thức', doc.url)}")
    for replaced in cites.replaced_plans.get(doc.id, ()):  # the other way of a plan's `life.replaced_by`
        out += p(f"Văn bản này thay thế {link(plan_title(replaced), page, plan_uri(replaced))}.")
    if own_plan:
        out += p(f"Toàn văn và các nhiệm vụ của văn bản này: {link(plan_title(own_plan), page, plan_uri(own_plan))}.")
    issuers = ", ".join(link(names.agency_name(a), page, agency_uri(a)) for a in doc.issuers)
    facts = [
        ("Số ký hiệu", page.text(doc.number) if doc.number else ""),
        ("Loại văn bản", page.text(DOCUMENT_TYPES[doc.type])),
        ("Cơ quan ban hành", issuers),
        ("Ngày ban hành", date_numeric(doc.issued_on) if doc.issued_on else ""),
        ("Người ký", page.text(doc.signer) if doc.signer else ""),
        ("Trích yếu", page.text(doc.title)),
        ("Tình trạng hiệu lực", _validity(doc, page)),
    ]
    rows = [(name, value) for name, value in facts if value]
    # What is not known is said once, plainly, instead of a "Chưa rõ" in every row.
    unknown = [name.lower() for name, value in facts if not value]
    unknown += [] if doc.url else ["đường dẫn văn bản chính thức"]
    out += table(("Thuộc tính", "Nội dung"), rows)
    if unknown:
        out += p(
            f"Chưa có thông tin về {', '.join(unknown)}: biên tập viên chỉ ghi những gì tra được từ nguồn chính thức."
        )
    relations = [(RELATION_TYPES[r.type], r.target) for r in doc.relations]
    relations += [(RELATION_INVERSE[t], src.id) for t, src in cites.incoming.get(doc.id, ())]
    if relations:
        out += heading(page, 2, "Quan hệ với văn bản khác")
        out += ul(
            f"{page.text(label)}: {link(document_label(names.documents[target]), page, document_uri(target))}"
            for label, target in relations
        )
    basis = {pl.id for pl in cites.basis_of.get(doc.id, ())}
    plans = [
        (plan_title(pl), plan_uri(pl), " (căn cứ ban hành)" if pl.id in basis else "")
        for pl in cites.cited_by_plans.get(doc.id, ())
    ]
    out += heading(page, 2, "Kế hoạch dẫn văn bản này") + listed(
        plans, PLANS, f"Kế hoạch thực hiện {label}", "kế hoạch"
    )
    citing = cites.cited_by_tasks.get(doc.id, ())
    out += heading(page, 2, "Nhiệm vụ dẫn văn bản này") + listed(
        task_entries(citing, progress),
        TASKS,
        f"Nhiệm vụ dẫn {label}",
        "nhiệm vụ",
        task_filters(citing, names, cites, progress),
    )
    if doc.aliases:
        out += p(f"Cách ghi khác trong văn bản: {'; '.join(page.text(a) for a in doc.aliases)}")
    if doc.note:
        out += admonition("note", "Ghi chú của biên tập viên", page.text(doc.note))
    if doc.source:
        out += p(f"<small>Nguồn thông tin: {page.text(doc.source)}</small>")
    return {uri: out, **extra}


def _validity(doc: LegalDocument, page: PageWriter) -> str:
    """The status with where and when it was looked up, when the data says; '' when unknown."""
    if not doc.status:
        return ""
    where = [f"theo {page.text(doc.status_source)}"] if doc.status_source else []
    where += [f"tra ngày {date_numeric(doc.status_checked_on)}"] if doc.status_checked_on else []
    return page.text(DOCUMENT_STATUSES[doc.status]) + (f" ({', '.join(where)})" if where else "")
