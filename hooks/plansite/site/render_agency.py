"""Markdown for an agency's page: what it is, what it leads and coordinates, its duties and reports."""

from __future__ import annotations

from ..data.model import Agency
from ..data.schema import AGENCY_KINDS, FREQUENCIES
from ..kinds import PageKind
from ..text import date_numeric
from .addresses import AGENCIES_INDEX, CALENDAR, agency_feed, agency_uri, document_uri, plan_uri
from .labels import document_label, plan_title
from .markup import escape, link, relative
from .statuses import state_tag
from .previews import agency_preview
from .parts import Entry, crumbs, front_matter, preview, task_entries
from .relations import Relations


def _next_reports(agency: Agency, rel: Relations, uri: str) -> str:
    """The agency's next due reports (not yet received), and where to follow its calendar."""
    if agency.id not in rel.due_by_agency:  # e.g. a plan without a period: no periods to report on
        return "Chưa lập được lịch báo cáo: kế hoạch không ghi giai đoạn thực hiện.\n\n"
    pending = [d for d in rel.due_by_agency[agency.id] if d.reporter == agency.id and not d.received
               and (rel.today is None or d.end >= rel.today)][:3]
    out = ""
    for due in pending:
        deadline = f"hạn gửi {date_numeric(due.due)}" if due.due else "kế hoạch không quy định hạn gửi"
        out += (f"- Kỳ tới: {escape(due.label)} (số liệu từ {date_numeric(due.start)} đến {date_numeric(due.end)}; "
                f"{deadline}) {state_tag(due.state(rel.today))}\n")
    feed = f"[lịch báo cáo của cơ quan (.ics)]({relative(uri, agency_feed(agency.id))})"
    return out + f"\nXem {link('Lịch báo cáo', uri, CALENDAR)} hoặc thêm {feed} vào lịch điện thoại.\n\n"


def render_agency(agency: Agency, rel: Relations) -> dict[str, str]:
    """An agency's page (what it is, leads, coordinates, must do and report) and its long lists' pages."""
    uri, extra, folder = agency_uri(agency.id), {}, agency_uri(agency.id).removesuffix(".md")

    def listed(items: list[Entry], key: str, title: str, noun: str = "nhiệm vụ") -> str:
        out, pages = preview(items, uri, agency.name, f"{folder}/{key}", title, noun)
        extra.update(pages)
        return out

    out = front_matter(agency.name, PageKind.AGENCY, preview=agency_preview(agency, rel))
    out += crumbs(uri, ("Cơ quan, đơn vị", AGENCIES_INDEX), here=agency.name)
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

    leads, coordinates = rel.leads.get(agency.id, []), rel.coordinates.get(agency.id, [])
    out += "## Nhiệm vụ chủ trì, thực hiện\n\n" + listed(task_entries(leads, rel.progress), "chu-tri", f"Nhiệm vụ chủ trì: {agency.name}")
    out += "## Nhiệm vụ phối hợp\n\n" + listed(task_entries(coordinates, rel.progress), "phoi-hop", f"Nhiệm vụ phối hợp: {agency.name}")
    assigned = {(p.id, t.id) for p, t in leads + coordinates}
    others = [(p, t) for p, t in rel.mentioned_in.get(agency.id, []) if (p.id, t.id) not in assigned]
    if others:
        out += "## Được nhắc đến trong nhiệm vụ\n\n" + listed(task_entries(others), "nhac-den", f"Nhiệm vụ nhắc đến: {agency.name}")
    out += "## Kế hoạch nhắc đến cơ quan này\n\n" + listed(
        [(plan_title(p), plan_uri(p), "") for p in rel.plans_naming.get(agency.id, [])], "ke-hoach",
        f"Kế hoạch nhắc đến {agency.name}", "kế hoạch")
    duties = rel.duties.get(agency.id, [])
    if duties:
        out += "## Trách nhiệm tổ chức thực hiện\n\n"
        for plan, item in duties:
            out += f"Theo mục III.{escape(item.number)} của {link(plan_title(plan), uri, plan_uri(plan))}:\n\n"
            texts = [item.text] if item.text else []
            out += "".join(f"- {rel.linker(plan).linkify(t, uri, skip=uri)}\n" for t in texts + [d.text for d in item.duties])
            out += "\n"
        reports = [(plan, d) for plan, item in duties for d in item.duties if d.reports_to]
        if reports:
            out += "## Chế độ báo cáo\n\n"
            for plan, duty in reports:
                to = ", ".join(link(rel.agency_name(a), uri, agency_uri(a)) for a in duty.reports_to)
                often = ", ".join(escape(FREQUENCIES[f]) for f in duty.frequency)
                out += f"- Báo cáo {to}; định kỳ: {often}.\n"
            out += "\n" + _next_reports(agency, rel, uri)
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
        out += "## Văn bản ban hành\n\n" + listed(entries, "van-ban", f"Văn bản ban hành: {agency.name}", "văn bản")
    return {uri: out, **extra}
