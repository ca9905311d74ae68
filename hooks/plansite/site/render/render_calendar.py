"""HTML for the reporting calendar (/bao-cao/): every due report by month, and where to subscribe.

"Today" is the build date (SOURCE_DATE_EPOCH or the data), so received/overdue flags are the same
on every rebuild of the same data. A province has tens of thousands of due reports: the page then
shows the months around today and everything overdue; each agency's page has its own list.
"""

from __future__ import annotations

import datetime as dt

from ...addresses import CALENDAR, CALENDAR_FEED, agency_uri, plan_uri
from ...kinds import PageKind
from ...reports.calendar import DueReport
from ...text import date_numeric
from ..html.labels import plan_title
from ..html.markup import heading, link, p
from ..html.page_writer import PageWriter, PageWriters
from ..html.statuses import state_tag
from ..html.subjects import subject_words
from ..index.relations import Calendar, Names, Orders
from ..parts.parts import crumbs, front_matter

WHOLE_CALENDAR_LIMIT = 500  # above this, the page shows a window around today
WINDOW_DAYS = 183


def _month(due: DueReport) -> tuple[int, int]:
    day = due.due or due.end
    return day.year, day.month


def _shown(calendar: Calendar) -> tuple[DueReport, ...]:
    if len(calendar.due) <= WHOLE_CALENDAR_LIMIT:
        return calendar.due
    if calendar.today is None:  # no date to centre on: the earliest ones, and the page says how many
        return calendar.due[:WHOLE_CALENDAR_LIMIT]
    window = dt.timedelta(days=WINDOW_DAYS)
    today = calendar.today
    return tuple(d for d in calendar.due if abs((d.due or d.end) - today) <= window or d.state(today) == "qua-han")


def _item(due: DueReport, names: Names, today: dt.date | None, page: PageWriter) -> str:
    """One due report as a short card: its state first, then what, who, to whom, which data, by when."""
    to = ", ".join(link(names.agency_name(a), page, agency_uri(a)) for a in due.recipients)
    deadline = date_numeric(due.due) if due.due else "kế hoạch không quy định"
    return (
        f'<li class="ps-due">{state_tag(due.state(today))} <strong>{page.text(due.label)}</strong>'
        f'<span class="ps-due__line">Cơ quan báo cáo: {link(names.agency_name(due.reporter), page, agency_uri(due.reporter))}'  # noqa: E501
        f'</span><span class="ps-due__line">Gửi đến: {to}</span>'
        f'<span class="ps-due__line">Số liệu: {date_numeric(due.start)} – {date_numeric(due.end)} · Hạn gửi: '
        f"{deadline}</span></li>\n"
    )


def render_calendar(calendar: Calendar, names: Names, orders: Orders, writers: PageWriters) -> str:
    uri = CALENDAR
    page = writers.page(uri)
    out = (
        front_matter("Lịch báo cáo", PageKind.LIST, subject_words(CALENDAR))
        + crumbs(page, here="Lịch báo cáo")
        + heading(page, 1, "Lịch báo cáo")
    )
    today = f"ngày lập trang {date_numeric(calendar.today)}" if calendar.today else "trang không ghi ngày lập"
    out += p(
        page.text(  # the decree's number is running text: "NĐ-CP" may be in the glossary
            "Các kỳ báo cáo mà kế hoạch giao, tính theo Nghị định 09/2019/NĐ-CP: báo cáo 06 tháng lấy số liệu từ "
            "ngày 15/12 năm trước đến 14/6, báo cáo năm từ 15/12 năm trước đến 14/12. Hạn gửi chỉ ghi khi kế "
            f"hoạch quy định. Tình trạng tính đến {today}."
        )
    )
    out += p(
        f"Thêm {link('toàn bộ lịch (.ics)', page, CALENDAR_FEED)} vào lịch điện thoại; lịch của từng cơ quan có "
        "trên trang của cơ quan đó."
    )
    shown = _shown(calendar)
    if not shown:
        return out + p("Các kế hoạch chưa giao kỳ báo cáo nào.")
    if len(shown) < len(calendar.due):
        which = "các kỳ quanh ngày lập trang và các kỳ quá hạn" if calendar.today else "các kỳ sớm nhất"
        out += p(
            f"Trang này hiện {len(shown)} trong {len(calendar.due)} kỳ báo cáo: {which}; lịch của từng cơ quan có đủ."
        )
    plans = {pl.id: pl for pl in orders.plans_sorted}
    # Month → plan → its due reports: the plan's title once per month, not on every report (shown is in date
    # order, so are the months; a plan's reports keep that order).
    months: dict[tuple[int, int], dict[str, list[str]]] = {}
    for due in shown:
        months.setdefault(_month(due), {}).setdefault(due.plan, []).append(_item(due, names, calendar.today, page))
    for (year, month), by_plan in months.items():
        out += heading(page, 2, f"Tháng {month:02d}/{year}")
        for plan_id, items in by_plan.items():
            plan = plans[plan_id]
            out += p(link(plan_title(plan), page, plan_uri(plan)), "ps-due-plan")
            out += f'<ul class="ps-due-list">\n{"".join(items)}</ul>\n'
    return out
