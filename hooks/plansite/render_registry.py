"""Markdown for an agency's page, a legal document's page, and the home page."""

from __future__ import annotations

from .markup import escape, external_link, link
from .model import Agency, LegalDocument, Project
from .relations import (AGENCIES_INDEX, DOCUMENTS_INDEX, HOME, PLANS_INDEX, Relations, agency_uri, appendix_uri,
                        document_label, document_uri, plan_uri, task_uri)
from .render_lists import PREVIEW, list_pages
from .render_plan import front_matter, plan_title, task_title
from .schema import (AGENCY_KINDS, DOCUMENT_STATUSES, DOCUMENT_TYPES, FREQUENCIES, RELATION_INVERSE, RELATION_TYPES)
from .text import date_numeric

GUIDE = "huong-dan-bien-tap.md"


def _crumbs(uri: str, index_uri: str, index_label: str, here: str) -> str:
    return f"{link('Trang chủ', uri, HOME)} › {link(index_label, uri, index_uri)} › {escape(here)}\n\n"


def _preview(entries, uri: str, here: str, folder: str, title: str, extra: dict[str, str],
             noun: str = "nhiệm vụ") -> str:
    """The first PREVIEW entries; a longer list gets its own paged pages under `folder` (added to `extra`).

    `here` names the page the list belongs to; the paged lists link back to it.
    """
    if not entries:
        return "Không có.\n\n"
    out = "".join(f"- {link(label, uri, target)}{after}\n" for label, target, after in entries[:PREVIEW]) + "\n"
    if len(entries) > PREVIEW:
        pages = list_pages(folder, title, (here, uri), entries)
        extra.update(pages)
        out += f"{link(f'Xem tất cả {len(entries)} {noun}', uri, next(iter(pages)))}\n\n"
    return out


def _task_list(items, uri: str, here: str, folder: str, title: str, extra: dict[str, str]) -> str:
    return _preview([(task_title(plan, task), task_uri(plan, task), "") for plan, task in items],
                    uri, here, folder, title, extra)


def render_agency(agency: Agency, rel: Relations) -> dict[str, str]:
    """An agency's page (what it is, leads, coordinates, must do and report) and its long lists' pages."""
    uri, extra, folder = agency_uri(agency.id), {}, agency_uri(agency.id).removesuffix(".md")
    out = front_matter(agency.name, "Cơ quan")
    out += _crumbs(uri, AGENCIES_INDEX, "Cơ quan, đơn vị", agency.name)
    out += f"# {escape(agency.name)}\n\n"
    out += f"- Loại: {escape(AGENCY_KINDS[agency.kind])}\n"
    if agency.parent:
        out += f"- Trực thuộc: {link(rel.agency_name(agency.parent), uri, agency_uri(agency.parent))}\n"
    if agency.aliases:
        out += f"- Tên gọi khác trong văn bản: {'; '.join(escape(a) for a in agency.aliases)}\n"
    for group in rel.groups_of.get(agency.id, []):
        out += f"- Thuộc nhóm: {link(group.name, uri, agency_uri(group.id))}\n"
    out += "\n"
    if agency.members:
        out += "## Gồm các cơ quan, đơn vị\n\n"
        out += "".join(f"- {link(rel.agency_name(m), uri, agency_uri(m))}\n" for m in agency.members) + "\n"

    def tasks(items, key: str, label: str) -> str:
        return _task_list(items, uri, agency.name, f"{folder}/{key}", f"{label}: {agency.name}", extra)

    leads, coordinates = rel.leads.get(agency.id, []), rel.coordinates.get(agency.id, [])
    out += "## Nhiệm vụ chủ trì, thực hiện\n\n" + tasks(leads, "chu-tri", "Nhiệm vụ chủ trì")
    out += "## Nhiệm vụ phối hợp\n\n" + tasks(coordinates, "phoi-hop", "Nhiệm vụ phối hợp")
    assigned = {(p.id, t.id) for p, t in leads + coordinates}
    others = [(p, t) for p, t in rel.mentioned_in.get(agency.id, []) if (p.id, t.id) not in assigned]
    if others:
        out += "## Được nhắc đến trong nhiệm vụ\n\n" + tasks(others, "nhac-den", "Nhiệm vụ nhắc đến")
    out += "## Kế hoạch nhắc đến cơ quan này\n\n" + _preview(
        [(plan_title(p), plan_uri(p), "") for p in rel.plans_naming.get(agency.id, [])], uri, agency.name,
        f"{folder}/ke-hoach", f"Kế hoạch nhắc đến {agency.name}", extra, "kế hoạch")
    duties = rel.duties.get(agency.id, [])
    if duties:
        out += "## Trách nhiệm tổ chức thực hiện\n\n"
        for plan, item in duties:
            out += f"Theo mục III.{escape(item.number)} của {link(plan_title(plan), uri, plan_uri(plan))}:\n\n"
            texts = [item.text] if item.text else []
            out += "".join(f"- {rel.linker.linkify(t, uri, skip=uri)}\n" for t in texts + [d.text for d in item.duties])
            out += "\n"
        reports = [(plan, d) for plan, item in duties for d in item.duties if d.reports_to]
        if reports:
            out += "## Chế độ báo cáo\n\n"
            for plan, duty in reports:
                to = ", ".join(link(rel.agency_name(a), uri, agency_uri(a)) for a in duty.reports_to)
                often = ", ".join(escape(FREQUENCIES[f]) for f in duty.frequency)
                out += f"- Báo cáo {to}; định kỳ: {often}.\n"
            out += "\n"
    received = rel.reported_to.get(agency.id, [])
    if received:
        out += "## Nhận báo cáo từ\n\n"
        for plan, item in received:
            out += "".join(f"- {link(rel.agency_name(a), uri, agency_uri(a))} (mục III.{escape(item.number)})\n"
                           for a in item.agencies)
        out += "\n"
    issued = rel.issued.get(agency.id, [])
    if issued or rel.plans_issued.get(agency.id):
        entries = [(plan_title(p), plan_uri(p), "") for p in rel.plans_issued.get(agency.id, [])]
        entries += [(document_label(d), document_uri(d.id), f": {escape(d.title)}") for d in issued]
        out += "## Văn bản ban hành\n\n" + _preview(entries, uri, agency.name, f"{folder}/van-ban",
                                                    f"Văn bản ban hành: {agency.name}", extra, "văn bản")
    return {uri: out, **extra}


def render_document(doc: LegalDocument, rel: Relations) -> dict[str, str]:
    """A legal document's page (record, relations, every task and plan citing it) and its long lists' pages."""
    uri, extra = document_uri(doc.id), {}
    out = front_matter(document_label(doc), "Văn bản")
    out += _crumbs(uri, DOCUMENTS_INDEX, "Văn bản", document_label(doc))
    out += f"# {escape(document_label(doc))}\n\n{escape(doc.title)}\n\n"
    unknown = "Chưa rõ"
    issuers = ", ".join(link(rel.agency_name(a), uri, agency_uri(a)) for a in doc.issuers) or unknown
    rows = [
        ("Số ký hiệu", escape(doc.number) if doc.number else unknown),
        ("Loại văn bản", escape(DOCUMENT_TYPES[doc.type])),
        ("Cơ quan ban hành", issuers),
        ("Ngày ban hành", date_numeric(doc.issued_on) if doc.issued_on else unknown),
        ("Người ký", escape(doc.signer) if doc.signer else unknown),
        ("Trích yếu", escape(doc.title)),
        ("Tình trạng hiệu lực", escape(DOCUMENT_STATUSES[doc.status]) if doc.status else unknown),
        ("Văn bản chính thức", external_link("Mở văn bản", doc.url) if doc.url else unknown),
    ]
    out += "| Thuộc tính | Nội dung |\n| --- | --- |\n" + "".join(f"| {k} | {v} |\n" for k, v in rows) + "\n"
    relations = [(RELATION_TYPES[r.type], r.target) for r in doc.relations]
    relations += [(RELATION_INVERSE[t], src.id) for t, src in rel.incoming.get(doc.id, [])]
    if relations:
        out += "## Quan hệ với văn bản khác\n\n"
        out += "".join(f"- {escape(label)}: {link(document_label(rel.documents[target]), uri, document_uri(target))}\n"
                       for label, target in relations) + "\n"
    basis = {p.id for p in rel.basis_of.get(doc.id, [])}
    plans = [(plan_title(p), plan_uri(p), " (căn cứ ban hành)" if p.id in basis else "")
             for p in rel.cited_by_plans.get(doc.id, [])]
    label, folder = document_label(doc), uri.removesuffix(".md")
    out += "## Kế hoạch dẫn văn bản này\n\n" + _preview(
        plans, uri, label, f"{folder}/ke-hoach",
        f"Kế hoạch thực hiện {label}", extra, "kế hoạch")
    out += "## Nhiệm vụ dẫn văn bản này\n\n" + _task_list(
        rel.cited_by_tasks.get(doc.id, []), uri, label, f"{folder}/nhiem-vu", f"Nhiệm vụ dẫn {label}", extra)
    if doc.aliases:
        out += f"Cách ghi khác trong văn bản: {'; '.join(escape(a) for a in doc.aliases)}\n\n"
    if doc.note:
        out += f'!!! note "Ghi chú của biên tập viên"\n    {escape(doc.note)}\n\n'
    if doc.source:
        out += f"<small>Nguồn thông tin: {escape(doc.source)}</small>\n"
    return {uri: out, **extra}


def render_home(project: Project, rel: Relations) -> str:
    """What the site holds, key figures, and ways in for citizens and staff."""
    out = front_matter("Trang chủ", "Trang")
    tasks = sum(len(p.tasks) for p in project.plans)
    out += "# Kế hoạch công tác tuyên giáo và dân vận\n\n"
    if len(project.plans) == 1:
        plan = project.plans[0]
        period = f" giai đoạn {plan.period.start}–{plan.period.end}" if plan.period else ""
        out += (f"{link(plan_title(plan), HOME, plan_uri(plan))}, do "
                f"{link(rel.agency_name(plan.issuer), HOME, agency_uri(plan.issuer))} ban hành{escape(period)}.\n\n")
    out += (f"- **{len(project.plans)}** kế hoạch · **{tasks}** nhiệm vụ · **{len(project.agencies)}** cơ quan, đơn vị "
            f"· **{len(project.documents)}** văn bản được dẫn\n\n")
    out += "## Dành cho người dân\n\n"
    whole = plan_uri(project.plans[0]) if len(project.plans) == 1 else PLANS_INDEX
    out += f"- {link('Đọc toàn văn kế hoạch', HOME, whole)}\n"
    out += "- Tìm kiếm: gõ có dấu hoặc không dấu, ví dụ “dan van”, “thuong xuyen”.\n\n"
    out += "## Dành cho cán bộ, công chức\n\n"
    out += f"- {link('Ai làm gì: các cơ quan, đơn vị', HOME, AGENCIES_INDEX)}\n"
    out += f"- {link('Căn cứ pháp lý: các văn bản được dẫn', HOME, DOCUMENTS_INDEX)}\n"
    out += "".join(f"- {link('Phụ lục nhiệm vụ: ' + p.title, HOME, appendix_uri(p))}\n" for p in project.plans[:5])
    out += f"\n## Dành cho biên tập viên\n\n- {link('Hướng dẫn biên tập dữ liệu', HOME, GUIDE)}\n"
    return out
