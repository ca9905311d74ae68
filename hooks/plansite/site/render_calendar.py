"""HTML for the reporting calendar (/bao-cao/): every due report by month, and where to subscribe.

"Today" is the build date (SOURCE_DATE_EPOCH or the data), so received/overdue flags are the same
on every rebuild of the same data. A province has tens of thousands of due reports: the page then
shows the months around today and everything overdue; each agency's page has its own list.
"""

from __future__ import annotations

import datetime as dt

from ..kinds import PageKind
from ..reports.calendar import DueReport
from ..text import date_numeric
from .addresses import CALENDAR, CALENDAR_FEED, agency_uri, plan_uri
from .labels import plan_title
from .markup import escape, heading, link, p, table
from .parts import crumbs, front_matter
from .subjects import subject_words
from .relations import Relations
from .statuses import state_tag

WHOLE_CALENDAR_LIMIT = 500  # above this, the page shows a window around today
WINDOW_DAYS = 183


def _month(due: DueReport) -> tuple[int, int]:
    day = due.due or due.end
    return day.year, day.month


def _shown(rel: Relations) -> list[DueReport]:
    if len(rel.due) <= WHOLE_CALENDAR_LIMIT:
        return rel.due
    if rel.today is None:  # no date to centre on: the earliest ones, and the page says how many
        return rel.due[:WHOLE_CALENDAR_LIMIT]
    window = dt.timedelta(days=WINDOW_DAYS)
    return [d for d in rel.due if abs((d.due or d.end) - rel.today) <= window or d.state(rel.today) == "qua-han"]


COLUMNS = ("Kỳ báo cáo", "Kế hoạch", "Cơ quan báo cáo", "Gửi đến", "Số liệu", "Hạn gửi", "Tình trạng")


def render_calendar(rel: Relations) -> str:
    uri = CALENDAR
    out = front_matter("Lịch báo cáo", PageKind.LIST, subject_words(CALENDAR)) + crumbs(uri, here="Lịch báo cáo") + heading(1, "Lịch báo cáo")
    today = f"ngày lập trang {date_numeric(rel.today)}" if rel.today else "trang không ghi ngày lập"
    out += p("Các kỳ báo cáo mà kế hoạch giao, tính theo Nghị định 09/2019/NĐ-CP: báo cáo 06 tháng lấy số liệu từ "
             "ngày 15/12 năm trước đến 14/6, báo cáo năm từ 15/12 năm trước đến 14/12. Hạn gửi chỉ ghi khi kế "
             f"hoạch quy định. Tình trạng tính đến {today}.")
    out += p(f"Thêm {link('toàn bộ lịch (.ics)', uri, CALENDAR_FEED)} vào lịch điện thoại; lịch của từng cơ quan có "
             "trên trang của cơ quan đó.")
    shown = _shown(rel)
    if not shown:
        return out + p("Các kế hoạch chưa giao kỳ báo cáo nào.")
    if len(shown) < len(rel.due):
        which = "các kỳ quanh ngày lập trang và các kỳ quá hạn" if rel.today else "các kỳ sớm nhất"
        out += p(f"Trang này hiện {len(shown)} trong {len(rel.due)} kỳ báo cáo: {which}; lịch của từng cơ quan "
                 "có đủ.")
    plans = {pl.id: pl for pl in rel.plans_sorted}
    months: dict[tuple[int, int], list[list[str]]] = {}
    for due in shown:
        plan = plans[due.plan]
        to = "<br>".join(link(rel.agency_name(a), uri, agency_uri(a)) for a in due.recipients)
        deadline = date_numeric(due.due) if due.due else "Kế hoạch không quy định"
        months.setdefault(_month(due), []).append([
            escape(due.label), link(plan_title(plan), uri, plan_uri(plan)),
            link(rel.agency_name(due.reporter), uri, agency_uri(due.reporter)), to,
            f"{date_numeric(due.start)} – {date_numeric(due.end)}", deadline, state_tag(due.state(rel.today))])
    for (year, month), rows in months.items():  # shown is in date order: so are the months
        out += heading(2, f"Tháng {month:02d}/{year}") + table(COLUMNS, rows)
    return out
