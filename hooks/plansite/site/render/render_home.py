"""HTML for the home page: what the site holds, key figures, and ways in for each kind of reader."""

from __future__ import annotations

from ...addresses import (
    AGENCIES_INDEX,
    CALENDAR,
    DOCUMENTS_INDEX,
    GUIDE,
    HOME,
    PLANS_INDEX,
    SEARCH_PAGE,
    agency_uri,
    appendix_uri,
    bulletins_uri,
    plan_uri,
    progress_uri,
)
from ...data.model import Plan, Project
from ...kinds import PageKind
from ...reports.status import NO_REPORT, STATUS_LABELS, Progress
from ...text import date_numeric
from ..html.identity import APPENDIX
from ..html.labels import plan_title
from ..html.markup import escape, heading, link, p, ul
from ..html.page_writer import PageWriter, PageWriters
from ..html.statuses import state_tag, status_tag
from ..index.relations import Calendar, Names
from ..parts.parts import front_matter

SHOWN_PLANS = 5  # plans given their own lines on the home page; the plans' list has them all
NEXT_DUE = 3  # upcoming reports shown; the calendar has every one


def _done(plan: Plan, progress: Progress, page: PageWriter) -> str:
    """A plan's progress in one line: what its reports say, or that it has none, and the link to the page."""
    dates = [d for t in plan.tasks if (d := progress.as_of(plan, t.id))]
    counts = progress.counts(plan, [t.id for t in plan.tasks])
    if dates:
        said = ", ".join(f"{n} {page.text(STATUS_LABELS[s].lower())}" for s, n in counts.items() if n)
        summary = f"theo báo cáo đến {date_numeric(max(dates))}: {said}"
    else:
        summary = f"{status_tag(NO_REPORT)} cho {len(plan.tasks)} nhiệm vụ"
    return f"{link(plan_title(plan), page, progress_uri(plan))}: {summary}."


def _next_due(calendar: Calendar, names: Names, page: PageWriter) -> str:
    """The next reports due (from the build date), with the calendar's link."""
    today = calendar.today
    upcoming = [d for d in calendar.due if d.state(today) == "chua-den-ky"] if today else calendar.due
    items = [
        f"{state_tag(d.state(today))} {page.text(d.label)}: {link(names.agency_name(d.reporter), page, agency_uri(d.reporter))}"  # noqa: E501
        + (f", hạn gửi {date_numeric(d.due)}" if d.due else "")
        for d in upcoming[:NEXT_DUE]
    ]
    more = p(link("Xem toàn bộ lịch báo cáo", page, CALENDAR))
    return (ul(items) if items else p("Chưa có kỳ báo cáo nào sắp tới.")) + more


def render_home(
    project: Project, names: Names, progress: Progress, calendar: Calendar, title: str, writers: PageWriters
) -> str:
    """What the site holds, key figures, and ways in for citizens and staff."""
    page = writers.page(HOME)
    out = front_matter("Trang chủ", PageKind.HOME)
    tasks = sum(len(p.tasks) for p in project.plans)
    out += heading(page, 1, escape(title))
    if len(project.plans) == 1:
        plan = project.plans[0]
        period = (
            ""
            if not plan.period
            else (
                f" giai đoạn {plan.period.start}–{plan.period.end}"
                if plan.period.end
                else f" từ năm {plan.period.start}"
            )
        )
        out += p(
            f"{link(plan_title(plan), page, plan_uri(plan))}, do "
            f"{link(names.agency_name(plan.issuer), page, agency_uri(plan.issuer))} ban hành{page.text(period)}."
        )
    out += ul(
        [
            f"<strong>{len(project.plans)}</strong> kế hoạch · <strong>{tasks}</strong> nhiệm vụ · "
            f"<strong>{len(project.agencies)}</strong> cơ quan, đơn vị · <strong>{len(project.documents)}</strong> "
            "văn bản được dẫn"
        ]
    )
    whole = plan_uri(project.plans[0]) if len(project.plans) == 1 else PLANS_INDEX
    out += p(
        f"{link('Đọc toàn văn kế hoạch', page, whole)} · {link('Tìm trong kế hoạch', page, SEARCH_PAGE)} "
        "(gõ có dấu hoặc không dấu, ví dụ “dan van”, “thuong xuyen”; ô tìm kiếm có ở đầu mọi trang)"
    )
    out += heading(page, 2, "Đã làm được gì") + ul(_done(plan, progress, page) for plan in project.plans[:SHOWN_PLANS])
    out += heading(page, 2, "Kỳ báo cáo sắp tới") + _next_due(calendar, names, page)
    out += heading(page, 2, "Dành cho người dân")
    out += ul(
        [
            link(f"Bản tin phát thanh (để đọc trên loa truyền thanh): {plan_title(pl)}", page, bulletins_uri(pl))
            for pl in project.plans[:SHOWN_PLANS]
        ]
        + ["Gửi một trang cho người khác: nút cuối mỗi trang sao chép sẵn tin nhắn ngắn kèm đường dẫn."]
    )
    out += heading(page, 2, "Dành cho cán bộ, công chức")
    out += ul(
        [
            link("Ai làm gì: các cơ quan, đơn vị", page, AGENCIES_INDEX),
            link("Căn cứ pháp lý: các văn bản được dẫn", page, DOCUMENTS_INDEX),
        ]
        + [link(_table_label(pl, names) + pl.title, page, appendix_uri(pl)) for pl in project.plans[:5]]
    )
    out += heading(page, 2, "Dành cho biên tập viên") + ul([link("Hướng dẫn biên tập dữ liệu", page, GUIDE)])
    return out


def _table_label(plan: Plan, names: Names) -> str:
    """'Phụ lục nhiệm vụ: ' where the source promises an appendix, 'Bảng nhiệm vụ: ' otherwise."""
    return "Phụ lục nhiệm vụ: " if names.table_name(plan) == APPENDIX else "Bảng nhiệm vụ: "
