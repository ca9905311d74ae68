"""Writing the CSV template of one plan and period: the report's facts (plan, period, reporter filled
in, the rest left to fill), the reporting duty it fulfils, guidance, then one row per task of the plan
in the plan's order, its id, number, text and timing filled in, with how to fill it (the statuses its
timing allows, whether a percentage applies, an example that fits the task and the period). Every cell is neutralised
against formulas; the file is what Excel opens as
Vietnamese (UTF-8 with a byte-order mark, CRLF). The layout is told in layout.py.
"""

from __future__ import annotations

import csv
import io

from ...data.model import Plan, Project, Task
from ...text import date_numeric
from ..duties import duties_for, fulfilled_duties
from ..periods import covered, period_label
from ..schema import STATUSES
from ..task_rules import allowed_statuses, progress_applies, suggested_status
from .cells import neutralise
from .layout import HEADER, TEXT_WIDTH
from .names import period_code


def _short(text: str, width: int = TEXT_WIDTH) -> str:
    """The task's text on one line, cut at a word before `width` characters: enough to recognise it."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


def duty_text(project: Project, plan: Plan, period: tuple[str, int, int | None], reporter: str | None) -> str:
    """The reporting duty this report fulfils, in words: who reports to whom, for which period, by when;
    or, when the reporter is not known or owes no such report, the duties that ask for one."""
    kind, year, number = period
    names = {a.id: a.name for a in project.agencies}
    end = covered(kind, year, number)[1]

    def said(duty) -> str:
        due = duty.due(end)
        return (
            f"{names.get(duty.reporter, duty.reporter)} ({duty.reporter}) báo cáo "
            f"{', '.join(f'{names.get(r, r)} ({r})' for r in duty.recipients)} — mục {duty.item} phần "
            f"Tổ chức thực hiện; hạn gửi: {date_numeric(due) if due else 'kế hoạch không ghi hạn'}"
        )

    mine = fulfilled_duties(plan, reporter, kind) if reporter else []
    if mine:
        return "Báo cáo này thực hiện nghĩa vụ: " + "; ".join(said(d) for d in mine) + "."
    could = duties_for(plan, kind)
    if not could:
        return "Kế hoạch không giao báo cáo loại này; báo cáo sẽ không được tính trong lịch báo cáo."
    start = "Cơ quan này không có nghĩa vụ gửi báo cáo loại này. " if reporter else ""
    return (
        start + "Các nghĩa vụ báo cáo của kỳ này (ghi Cơ quan báo cáo là một trong các cơ quan sau để "
        "báo cáo được tính trong lịch báo cáo): " + "; ".join(said(d) for d in could) + "."
    )


def _guide(task: Task, period_end) -> str:
    """The 'Cách ghi' cell of a task: the statuses it allows, whether a percentage applies, an example."""
    allowed = ", ".join(STATUSES[code] for code in allowed_statuses(task))
    example_status = STATUSES[suggested_status(task, period_end)]
    if progress_applies(task):
        progress, example = "ghi Tiến độ (%) nếu đo được (ví dụ 40)", f"{example_status}; Tiến độ (%) 40"
    else:
        progress, example = "không ghi Tiến độ (%) (nhiệm vụ thường xuyên, định kỳ)", example_status
    return (
        f"Tình trạng được chọn: {allowed}. {progress[0].upper() + progress[1:]}. Ví dụ: {example}; "
        "Số lượng 3, Đơn vị tính 'hội nghị', Nội dung đếm 'quán triệt' (đọc là: 3 hội nghị quán triệt)."
    )


def template_rows(
    project: Project, plan: Plan, period: tuple[str, int, int | None], reporter: str | None = None
) -> list[list[str]]:
    """Every row of the template, cells as text (already neutralised), all rows as wide as the table."""
    kind, year, number = period
    start, end = covered(kind, year, number)
    agency = next((a for a in project.agencies if a.id == reporter), None)
    statuses = ", ".join(STATUSES.values())
    recipients = sorted({r for d in fulfilled_duties(plan, reporter, kind) for r in d.recipients}) if reporter else []
    rows = [
        ["Kế hoạch", plan.id, plan.title],
        [
            "Kỳ báo cáo",
            period_code(*period),
            f"{period_label(kind, year, number)} (số liệu từ {date_numeric(start)} đến {date_numeric(end)})",
        ],
        ["Cơ quan báo cáo", reporter or "", agency.name if agency else "Ghi mã cơ quan báo cáo (trong agencies.yaml)"],
        [
            "Nơi nhận",
            "",
            "Mã cơ quan nhận báo cáo, nếu có"
            + (f" (theo kế hoạch: {' hoặc '.join(recipients)})" if recipients else ""),
        ],
        ["Số ký hiệu", "", "Số ký hiệu của báo cáo, nếu có"],
        ["Ngày gửi", "", "Ngày ký hoặc gửi báo cáo, dd/mm/yyyy (ví dụ 30/06/2026)"],
        ["Nghĩa vụ báo cáo", duty_text(project, plan, period, reporter)],
        [
            "Hướng dẫn",
            f"Tình trạng: {statuses}. Để trống: nhiệm vụ không được báo cáo trong kỳ này.",
            "Mỗi nhiệm vụ chỉ chọn một tình trạng trong cột Cách ghi của dòng đó; 'Không thực hiện' cần ghi Lý do.",
        ],
        [
            "Hướng dẫn",
            "Nhiều kết quả đếm: ngăn cách bằng dấu ; theo cùng thứ tự ở ba cột Số lượng, Đơn vị tính, "
            "Nội dung đếm (ví dụ 3;450 | hội nghị;lượt người | quán triệt;tham dự).",
            "Minh chứng: các đường link https://… cách nhau bằng dấu cách hoặc xuống dòng. Số thập phân dùng dấu phẩy (2,5).",  # noqa: E501
        ],
        [],
        list(HEADER),
    ]
    numbers = plan.task_numbers
    for task in plan.tasks:
        timing = task.timing.text if task.timing else "(kế hoạch không ghi)"
        rows.append(
            [task.id, numbers[task.id], _short(task.text), timing, _guide(task, end)] + [""] * (len(HEADER) - 5)
        )
    return [[neutralise(cell) for cell in row] + [""] * (len(HEADER) - len(row)) for row in rows]


def template_csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    """The rows as the bytes of a CSV file: UTF-8 with BOM (so that Excel shows Vietnamese), CRLF."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8")
