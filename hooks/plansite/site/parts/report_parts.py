"""What reports add to a task's page: its status at the top, and every report as a timeline."""

from __future__ import annotations

from ...addresses import agency_uri
from ...data.model import Plan, Task
from ...reports.model import TaskReport
from ...reports.periods import period_label
from ...reports.status import NO_REPORT, Progress
from ...text import date_numeric
from ..html.markup import escape, external_link, heading, link, p, ul
from ..html.page_writer import PageWriter
from ..html.statuses import status_tag
from ..index.relations import Names


def status_line(plan: Plan, task: Task, progress: Progress) -> str:
    """'Tình trạng: <tag> · Số liệu tính đến …', or that there is no report yet."""
    status = progress.status(plan, task.id)
    if status == NO_REPORT:
        return p(f"<strong>Tình trạng:</strong> {status_tag(status)}")  # the tag says it: once
    return p(
        f"<strong>Tình trạng:</strong> {status_tag(status)} · Số liệu tính đến "
        f"{date_numeric(progress.as_of(plan, task.id))}"
    )


def _outputs(entry: TaskReport, page: PageWriter) -> str:
    return ul(
        page.text(f"{o.quantity:g} {o.unit}" + (f" {o.shown_what}" if o.shown_what else "")) for o in entry.outputs
    )


def _evidence(entry: TaskReport, page: PageWriter) -> str:
    items = []
    for n, target in enumerate(entry.evidence, 1):
        if target.startswith("docs/"):  # a file published with the site
            items.append(link(f"Minh chứng {n}: {target.removeprefix('docs/')}", page, target.removeprefix("docs/")))
        else:
            items.append(external_link(f"Minh chứng {n}: {target}", target))
    return ul(items)


def timeline(plan: Plan, task: Task, names: Names, progress: Progress, page: PageWriter) -> str:
    """Every report on the task, newest first: status, period, reporter, what was done, outputs, evidence."""
    entries = progress.timeline(plan, task.id)
    out = heading(page, 2, "Báo cáo thực hiện")
    if not entries:
        return out + p("Kết quả sẽ được cập nhật khi cơ quan thực hiện gửi báo cáo định kỳ.")
    for item in entries:
        report, entry = item.report, item.task
        start, end = report.covered
        reporter = link(names.agency_name(report.reporter), page, agency_uri(report.reporter))
        out += heading(page, 3, escape(period_label(report.period.kind, report.period.year, report.period.number)))
        out += p(status_tag(entry.status) + (f" · Tiến độ: {entry.progress}%" if entry.progress is not None else ""))
        lines = [
            f"Cơ quan báo cáo: {reporter}",
            f"Số liệu từ {date_numeric(start)} đến {date_numeric(end)}; ngày gửi {date_numeric(report.submitted_on)}",
        ]
        if report.number:
            lines.append(f"Số báo cáo: {page.text(report.number)}")
        for label, text in (
            ("Kết quả", entry.done),
            ("Lý do không thực hiện", entry.reason),
            ("Khó khăn, vướng mắc", entry.difficulties),
            ("Đề xuất", entry.proposals),
        ):
            if text:
                lines.append(f"{label}: {page.text(text)}")
        if entry.outputs:
            lines.append("Sản phẩm, số liệu:\n" + _outputs(entry, page))
        if entry.evidence:
            lines.append("Minh chứng:\n" + _evidence(entry, page))
        out += ul(lines)
    return out
