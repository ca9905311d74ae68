"""Writing the CSV template of one plan and period: the report's facts (plan, period, reporter filled
in, the rest left to fill), guidance, then one row per task of the plan in the plan's order, its id,
number and text filled in. Every cell is neutralised against formulas; the file is what Excel opens as
Vietnamese (UTF-8 with a byte-order mark, CRLF). The layout is told in layout.py.
"""

from __future__ import annotations

import csv
import io

from ...data.model import Plan, Project
from ...text import date_numeric
from ..periods import covered, period_label
from ..schema import STATUSES
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


def template_rows(project: Project, plan: Plan, period: tuple[str, int, int | None],
                  reporter: str | None = None) -> list[list[str]]:
    """Every row of the template, cells as text (already neutralised), all rows as wide as the table."""
    kind, year, number = period
    start, end = covered(kind, year, number)
    agency = next((a for a in project.agencies if a.id == reporter), None)
    statuses = ", ".join(STATUSES.values())
    rows = [
        ["Kế hoạch", plan.id, plan.title],
        ["Kỳ báo cáo", period_code(*period),
         f"{period_label(kind, year, number)} (số liệu từ {date_numeric(start)} đến {date_numeric(end)})"],
        ["Cơ quan báo cáo", reporter or "", agency.name if agency else "Ghi mã cơ quan báo cáo (trong agencies.yaml)"],
        ["Nơi nhận", "", "Mã cơ quan nhận báo cáo, nếu có"],
        ["Số ký hiệu", "", "Số ký hiệu của báo cáo, nếu có"],
        ["Ngày gửi", "", "Ngày ký hoặc gửi báo cáo, dd/mm/yyyy (ví dụ 30/06/2026)"],
        ["Hướng dẫn", f"Tình trạng: {statuses}. Để trống: nhiệm vụ không được báo cáo trong kỳ này.",
         "Nhiệm vụ thường xuyên hoặc định kỳ ghi 'Thực hiện thường xuyên', không ghi 'Đã hoàn thành'; "
         "'Không thực hiện' cần ghi Lý do."],
        ["Hướng dẫn", "Nhiều kết quả đếm: ngăn cách bằng dấu ; theo cùng thứ tự ở ba cột Số lượng, Đơn vị tính, "
                      "Nội dung đếm (ví dụ 3;450 | hội nghị;lượt người).",
         "Minh chứng: các đường link https://… cách nhau bằng dấu cách hoặc xuống dòng. Số thập phân dùng dấu phẩy (2,5)."],
        [],
        list(HEADER),
    ]
    numbers = plan.task_numbers
    for task in plan.tasks:
        rows.append([task.id, numbers[task.id], _short(task.text)] + [""] * (len(HEADER) - 3))
    return [[neutralise(cell) for cell in row] + [""] * (len(HEADER) - len(row)) for row in rows]


def template_csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    """The rows as the bytes of a CSV file: UTF-8 with BOM (so that Excel shows Vietnamese), CRLF."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8")
