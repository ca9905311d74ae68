"""HTML for an agency's page: what it is, what it leads and coordinates, its duties and reports."""

from __future__ import annotations

from ...addresses import (
    AGENCIES_INDEX,
    CALENDAR,
    COORDINATES,
    DOCUMENTS,
    LEADS,
    MENTIONS,
    PLANS,
    agency_feed,
    agency_folder,
    agency_uri,
    document_uri,
    plan_uri,
)
from ...data.model import Agency
from ...data.schema import AGENCY_KINDS, FREQUENCIES
from ...kinds import PageKind
from ...reports.status import Progress
from ...text import date_numeric
from ..html.labels import document_label, plan_title
from ..html.markup import escape, heading, link, p, ul
from ..html.page_writer import PageWriter, PageWriters
from ..html.statuses import state_tag
from ..html.subjects import member_words
from ..index.relations import Assignments, Calendar, Citations, Names
from ..parts.parts import Entry, Filters, crumbs, front_matter, preview, task_entries, task_filters
from ..parts.previews import agency_preview, list_picture


def _next_reports(agency: Agency, calendar: Calendar, page: PageWriter) -> str:
    """The agency's next due reports (not yet received), and where to follow its calendar."""
    if agency.id not in calendar.due_by_agency:  # e.g. a plan without a period: no periods to report on
        return p("Chưa lập được lịch báo cáo: kế hoạch không ghi giai đoạn thực hiện.")
    pending = [
        d
        for d in calendar.due_by_agency[agency.id]
        if d.reporter == agency.id and not d.received and (calendar.today is None or d.end >= calendar.today)
    ][:3]
    lines = []
    for due in pending:
        deadline = f"hạn gửi {date_numeric(due.due)}" if due.due else "kế hoạch không quy định hạn gửi"
        lines.append(
            f"Kỳ tới: {page.text(due.label)} (số liệu từ {date_numeric(due.start)} đến "
            f"{date_numeric(due.end)}; {deadline}) {state_tag(due.state(calendar.today))}"
        )
    feed = link("lịch báo cáo của cơ quan (.ics)", page, agency_feed(agency.id))
    return ul(lines) + p(f"Xem {link('Lịch báo cáo', page, CALENDAR)} hoặc thêm {feed} vào lịch điện thoại.")


def render_agency(
    agency: Agency,
    names: Names,
    who: Assignments,
    cites: Citations,
    progress: Progress,
    calendar: Calendar,
    writers: PageWriters,
) -> dict[str, str]:
    """An agency's page (what it is, leads, coordinates, must do and report) and its long lists' pages."""
    uri, extra, folder = agency_uri(agency.id), {}, agency_folder(agency.id)
    page = writers.page(uri)
    card = agency_preview(agency, names, who)  # the page's link preview; its long lists share the picture

    def listed(items: list[Entry], key: str, title: str, noun: str = "nhiệm vụ", filters: Filters | None = None) -> str:
        out, pages = preview(
            items, page, agency.name, f"{folder}/{key}", title, noun, filters, list_picture(card, PageKind.AGENCY)
        )
        extra.update(pages)
        return out

    out = front_matter(agency.name, PageKind.AGENCY, member_words([agency.id], names.agencies), preview=card)
    out += crumbs(page, ("Cơ quan, đơn vị", AGENCIES_INDEX), here=agency.name)
    out += heading(page, 1, escape(agency.name))
    facts = [f"Loại: {page.text(AGENCY_KINDS[agency.kind])}"]
    if agency.parent:
        facts.append(f"Trực thuộc: {link(names.agency_name(agency.parent), page, agency_uri(agency.parent))}")
    if agency.aliases:
        facts.append(f"Tên gọi khác trong văn bản: {'; '.join(page.text(a) for a in agency.aliases)}")
    facts += [
        f"Thuộc nhóm: {link(group.name, page, agency_uri(group.id))}" for group in who.groups_of.get(agency.id, ())
    ]
    out += ul(facts)
    if agency.members:
        out += heading(page, 2, "Gồm các cơ quan, đơn vị")
        out += ul(link(names.agency_name(m), page, agency_uri(m)) for m in agency.members)
    if agency.known_members:
        out += heading(page, 2, "Thành viên theo văn bản")
        out += ul(
            f"{page.text(k.name)}"
            + (f" ({page.text('; '.join(k.aliases))})" if k.aliases else "")
            + f": theo {link(document_label(names.documents[k.source]), page, document_uri(k.source))}"
            for k in agency.known_members
        )

    leads, coordinates = who.leads.get(agency.id, ()), who.coordinates.get(agency.id, ())
    out += heading(page, 2, "Nhiệm vụ chủ trì, thực hiện")
    out += listed(
        task_entries(leads, progress),
        LEADS,
        f"Nhiệm vụ chủ trì: {agency.name}",
        filters=task_filters(leads, names, cites, progress),
    )
    out += heading(page, 2, "Nhiệm vụ phối hợp")
    out += listed(
        task_entries(coordinates, progress),
        COORDINATES,
        f"Nhiệm vụ phối hợp: {agency.name}",
        filters=task_filters(coordinates, names, cites, progress),
    )
    assigned = {(pl.id, t.id) for pl, t in leads + coordinates}
    others = [(pl, t) for pl, t in who.mentioned_in.get(agency.id, ()) if (pl.id, t.id) not in assigned]
    if others:
        out += heading(page, 2, "Được nhắc đến trong nhiệm vụ")
        out += listed(
            task_entries(others),
            MENTIONS,
            f"Nhiệm vụ nhắc đến: {agency.name}",
            filters=task_filters(others, names, cites, progress),
        )
    out += heading(page, 2, "Kế hoạch nhắc đến cơ quan này") + listed(
        [(plan_title(pl), plan_uri(pl), "") for pl in who.plans_naming.get(agency.id, ())],
        PLANS,
        f"Kế hoạch nhắc đến {agency.name}",
        "kế hoạch",
    )
    duties = who.duties.get(agency.id, ())
    if duties:
        out += heading(page, 2, "Trách nhiệm tổ chức thực hiện")
        for plan, item in duties:
            where = page.text(f"Theo mục III.{item.number} của")  # all running text: 'III' too
            out += p(f"{where} {link(plan_title(plan), page, plan_uri(plan))}:")
            texts = [item.text] if item.text else []
            out += ul(names.linker(plan).linkify(t, page, skip=uri) for t in texts + [d.text for d in item.duties])
        reports = [(plan, d) for plan, item in duties for d in item.duties if d.reports_to]
        if reports:
            out += heading(page, 2, "Chế độ báo cáo")
            lines = []
            for _plan, duty in reports:
                to = ", ".join(link(names.agency_name(a), page, agency_uri(a)) for a in duty.reports_to)
                often = ", ".join(page.text(FREQUENCIES[f]) for f in duty.frequency)
                lines.append(f"Báo cáo {to}; định kỳ: {often}.")
            out += ul(lines) + _next_reports(agency, calendar, page)
    received = who.reported_to.get(agency.id, ())
    if received:
        out += heading(page, 2, "Nhận báo cáo từ")
        out += ul(
            f"{link(names.agency_name(a), page, agency_uri(a))} {page.text(f'(mục III.{item.number})')}"
            for plan, item in received
            for a in item.agencies
        )
    issued = cites.issued.get(agency.id, ())
    if issued or who.plans_issued.get(agency.id):
        entries = [(plan_title(pl), plan_uri(pl), "") for pl in who.plans_issued.get(agency.id, ())]
        entries += [(document_label(d), document_uri(d.id), f": {escape(d.title)}") for d in issued]
        out += heading(page, 2, "Văn bản ban hành") + listed(
            entries, DOCUMENTS, f"Văn bản ban hành: {agency.name}", "văn bản"
        )
    return {uri: out, **extra}
