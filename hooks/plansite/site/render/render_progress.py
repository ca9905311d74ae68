"""HTML for a plan's progress page (Tiến độ thực hiện): counts per status overall, per section
and per lead agency, as SVG bars with the numbers beside them and the same counts in tables."""

from __future__ import annotations

from ...addresses import PROGRESS, appendix_uri, plan_uri, progress_uri
from ...data.model import Plan
from ...data.shape import PartKind, walk
from ...kinds import PageKind
from ...reports.status import STATUS_LABELS, Progress
from ...text import date_numeric, vi_sort_key
from ..html.labels import plan_title, short_title
from ..html.markup import escape, heading, p
from ..html.page_writer import PageWriter, PageWriters
from ..html.subjects import subject_words
from ..index.relations import Citations, Names
from ..parts.charts import stacked_bars, status_bars
from ..parts.life_notice import life_notice, tracking_line
from ..parts.parts import crumbs, front_matter
from ..parts.previews import plan_page_preview

ZERO = ' class="ps-zero"'  # a status without tasks: left out of a phone's card


def _table(first: str, rows: list[tuple[str, dict[str, int]]], page: PageWriter) -> str:
    """The counts as a table: one row per group, one column per status, and the total. On a phone each row
    is a card of "status: count" lines, its statuses without tasks left out (plan-site.css, .ps-counts)."""
    statuses = list(STATUS_LABELS)
    header = [first] + [STATUS_LABELS[s] for s in statuses] + ["Tổng"]
    head = "".join(f'<th scope="col">{page.text(h)}</th>' for h in header)
    body = ""
    for label, counts in rows:
        cells = "".join(  # a zero is never shown with its label: the phone's card leaves it out
            f'<td data-label="{escape(STATUS_LABELS[s])}">{counts[s]}</td>' if counts[s] else f"<td{ZERO}>0</td>"
            for s in statuses
        )
        body += f'<tr><th scope="row">{page.text(label)}</th>{cells}'
        body += f'<td data-label="Tổng">{sum(counts.values())}</td></tr>\n'
    return f'<table class="ps-counts">\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n'


def _sections(plan: Plan, progress: Progress) -> list[tuple[str, dict[str, int]]]:
    rows = []
    for part in walk(plan):
        if part.kind is PartKind.SECTION and part.node.tasks:
            section = part.node
            label = f"Mục {section.number}" + (f". {short_title(section.heading, 6)}" if section.heading else "")
            rows.append((label, progress.counts(plan, [t.id for t in section.tasks])))
    return rows


def _lead_agencies(plan: Plan, names: Names, progress: Progress) -> list[tuple[str, dict[str, int]]]:
    led: dict[str, list[str]] = {}
    for task in plan.tasks:
        for agency_id in task.lead.agencies if task.lead else ():
            led.setdefault(agency_id, []).append(task.id)
    unassigned = [t.id for t in plan.tasks if not (t.lead and t.lead.agencies)]
    rows = sorted(
        ((names.agency_name(a), progress.counts(plan, ids)) for a, ids in led.items()),
        key=lambda row: vi_sort_key(row[0]),
    )
    return rows + ([("(Văn bản không ghi cơ quan thực hiện)", progress.counts(plan, unassigned))] if unassigned else [])


def render_progress(plan: Plan, names: Names, cites: Citations, progress: Progress, writers: PageWriters) -> str:
    """The plan's progress, from its reports; says plainly when there is none."""
    uri = progress_uri(plan)
    page = writers.page(uri)
    out = front_matter(
        f"Tiến độ thực hiện: {plan_title(plan)}{names.title_suffix(plan)}",
        PageKind.LIST,
        subject_words(PROGRESS),
        preview=plan_page_preview(plan, names, "Tiến độ thực hiện"),
    )
    out += crumbs(
        page, (short_title(plan.title, 8), plan_uri(plan)), (names.table_name(plan), appendix_uri(plan)), here="Tiến độ"
    )
    out += life_notice(plan, names, cites, page) + heading(page, 1, "Tiến độ thực hiện")
    out += p(page.text(plan_title(plan)))
    out += tracking_line(plan)
    dates = [d for t in plan.tasks if (d := progress.as_of(plan, t.id))]
    if dates:
        out += p(f"Số liệu tính đến {date_numeric(max(dates))}, theo các báo cáo đã nhận.")
    else:
        out += p(
            "<strong>Chưa có báo cáo.</strong> Kế hoạch chưa có báo cáo thực hiện nào; mọi nhiệm vụ được tính "
            "là “Chưa có báo cáo”. Xem các kỳ báo cáo trong lịch báo cáo."
        )
    overall = progress.counts(plan, [t.id for t in plan.tasks])
    out += heading(page, 2, "Toàn kế hoạch") + status_bars(f"Tình trạng {len(plan.tasks)} nhiệm vụ", overall, page)
    out += _table("Kế hoạch", [("Toàn kế hoạch", overall)], page)
    sections = _sections(plan, progress)
    out += (
        heading(page, 2, "Theo mục")
        + stacked_bars("Tình trạng nhiệm vụ theo mục", sections, page)
        + _table("Mục", sections, page)
    )
    agencies = _lead_agencies(plan, names, progress)
    out += heading(page, 2, "Theo cơ quan chủ trì") + stacked_bars(
        "Tình trạng nhiệm vụ theo cơ quan chủ trì", agencies, page
    )
    out += _table("Cơ quan chủ trì", agencies, page)
    return out
