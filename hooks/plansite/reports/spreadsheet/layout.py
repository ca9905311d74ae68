"""The layout of a report as a spreadsheet: the CSV template for one plan and period, filled in
Excel, imported as YAML. This docstring is the reference for staff and editors; the names below
are the layout itself, shared by the template (template.py) and the import (reading.py onwards).

    python -m plansite report-template --plan <plan-id> --period <period> [--reporter <agency-id>]
                                       [--out FILE] [--delimiter ';'] [--root .] [--force]
    python -m plansite import-report FILE.csv [--root .] [--force]

Period
    Written as the report folders are named (plan_data/reports/<plan>/<period>/), and nothing else:
    `2026-6-thang` (06 tháng), `2026-nam` (năm), `2026-quy-2` (quý 1–4), `2026-thang-3` (tháng 1–12).
    No leading zeros, no spaces, a four-digit year. Thematic and ad-hoc reports (chuyên đề, đột xuất)
    state their own dates and are not made from a template.

The CSV file
    UTF-8 with a byte-order mark (so that Excel shows Vietnamese), comma-separated, CRLF line ends
    (`--delimiter ';'` for an Excel set to Vietnamese regional format, whose list separator is ';').
    The import reads UTF-8 with or without the mark, separated by ',', ';' or tab: whichever finds the
    header row. A file saved as plain "CSV" in a legacy code page is refused with a hint to save it as
    "CSV UTF-8".

    First the report's facts, one per row: a label in column A, the value in column B, a note in C.

        Kế hoạch          the plan's id (filled in)                                   → plan
        Kỳ báo cáo        the period, as above (filled in)                            → period
        Cơ quan báo cáo   the reporting body's id (filled in from --reporter, else to
                          fill in); the body's exact name or alias is accepted too    → reporter
        Nơi nhận          the receiving body's id or name; may stay empty             → recipient
        Số ký hiệu        the report's number/symbol; may stay empty                  → number
        Ngày gửi          the date it was signed or sent, dd/mm/yyyy (yyyy-mm-dd also
                          read); empty in the template, required on import           → submitted_on
        Nghĩa vụ báo cáo  the reporting duty of the plan this report fulfils: who reports to
                          whom, the period, the due date; ignored on import
        Hướng dẫn         guidance for the person filling in; ignored on import

    Labels are matched ignoring case and diacritics; an unknown label is an error (a typo would
    otherwise lose a value). Then one empty row, then the table: a header row (these headers, in
    this order; matched ignoring case and diacritics; a missing optional column reads as empty) and
    one row per task of the plan, in the plan's order:

        Mã nhiệm vụ            the task's id (filled in)                              → tasks[].task
        STT                    the task's number in the plan (filled in; ignored on import)
        Nội dung nhiệm vụ      the task's text, shortened (filled in; ignored on import)
        Thời gian thực hiện    the task's timing, as the plan words it (ignored on import)
        Cách ghi               the statuses the task allows, whether Tiến độ (%) applies, and
                               an example fitting the task and the period (ignored on import)
        Tình trạng             the status (below); EMPTY = the task is left out of the report → status
        Tiến độ (%)            a whole number 0–100; '50%' is read as 50               → progress
        Kết quả thực hiện      what was done                                           → done
        Số lượng               counted results: the quantities                         → outputs[].quantity
        Đơn vị tính            … their units                                           → outputs[].unit
        Nội dung đếm           … what was counted, where the unit alone does not say   → outputs[].what
        Minh chứng             evidence: https://… links or docs/… files, separated by
                               spaces or line breaks                                   → evidence
        Khó khăn, vướng mắc    difficulties                                            → difficulties
        Đề xuất                proposals                                               → proposals
        Lý do không thực hiện  why not (required with Không thực hiện)                 → reason

    A row whose Tình trạng is empty is skipped, unless a column the reporter fills (Tiến độ …
    Lý do) holds something: that is refused, since the content would be lost silently.

Several counted results (outputs)
    Separate them with ';' in the three columns Số lượng, Đơn vị tính and Nội dung đếm, in the same
    order: the n-th quantity goes with the n-th unit and the n-th 'what'. Số lượng and Đơn vị tính
    must have as many items as each other; Nội dung đếm is either empty or has exactly as many items
    (an item may be empty: ';tham dự'). Example: '3;450' | 'hội nghị;lượt người' | ';tham dự'.
    A count is read once, however the cells are filled: words that end the unit and begin
    Nội dung đếm are kept once ('hội nghị' | 'hội nghị quán triệt' → 3 hội nghị quán triệt).

Numbers
    ',' is the decimal mark ('2,5' = 2.5, as written in Vietnamese); '.' is read as a decimal mark
    too, and '.' groups thousands when there are several groups ('1.200.000'). A single separator
    followed by exactly three digits ('1.200', '1,200') is refused as ambiguous (one thousand two
    hundred, or 1.2?): write 1200 or 1,2. Spaces inside a number are ignored ('1 200').

Status (Tình trạng)
    Accepted, compared ignoring case, diacritics, '-', '_', extra spaces and a final '.':
      - the code (`da-hoan-thanh`) or the label ('Đã hoàn thành', 'ĐÃ HOÀN THÀNH', 'da hoan thanh');
      - the label without its leading 'Đã' or 'Đang', when what remains is not part of another
        label: 'hoàn thành' → da-hoan-thanh. 'thực hiện' (from 'Đang thực hiện') is refused: it is
        also part of 'Thực hiện thường xuyên' and 'Không thực hiện'.
      - 'Chưa' and 'Không' are never dropped: 'triển khai' alone says the opposite of 'Chưa triển
        khai' and is refused with a hint saying so.
    So 'Hoàn Thành', 'hoan thanh', 'HOAN THANH' → da-hoan-thanh; 'thường xuyên', 'thuong xuyen' →
    thuong-xuyen (its code); 'đang làm' is refused. Anything else is an error whose hint names the
    closest status (code and label).

Formula injection (OWASP "CSV injection")
    A cell that would begin with =, +, -, @, a tab or a carriage return is written with a leading
    single quote, so that Excel shows it as text. On import, a leading single quote followed by one
    of those characters is removed, in every cell.

Validation
    Each cell is read by the rules above; each task row is then checked with the report schema
    (reports/schema.py); finally the YAML that would be written is put into a temporary copy of
    plan_data/ and the whole project is loaded exactly as the build loads it (reports/project.py, with
    reports/checks.py: unknown task, status against the task's timing, reason, duplicates, date
    before the period …). Every problem is reported as `file.csv:row:column: message` (row = the
    spreadsheet's row number) with a hint, all in one run; nothing is written if there is any.
    An existing report file is replaced only with --force.
"""

from __future__ import annotations

# The report's facts: label → key of the report file (or None: guidance, ignored on import).
META = {
    "Kế hoạch": "plan",
    "Kỳ báo cáo": "period",
    "Cơ quan báo cáo": "reporter",
    "Nơi nhận": "recipient",
    "Số ký hiệu": "number",
    "Ngày gửi": "submitted_on",
    "Nghĩa vụ báo cáo": None,
    "Hướng dẫn": None,
}
META_LABEL = {key: label for label, key in META.items() if key}

# The table: header → key (task fields; 'number' and 'text' are for the reader only).
COLUMNS = {
    "Mã nhiệm vụ": "task",
    "STT": "number",
    "Nội dung nhiệm vụ": "text",
    "Thời gian thực hiện": "timing",
    "Cách ghi": "guide",
    "Tình trạng": "status",
    "Tiến độ (%)": "progress",
    "Kết quả thực hiện": "done",
    "Số lượng": "quantity",
    "Đơn vị tính": "unit",
    "Nội dung đếm": "what",
    "Minh chứng": "evidence",
    "Khó khăn, vướng mắc": "difficulties",
    "Đề xuất": "proposals",
    "Lý do không thực hiện": "reason",
}
HEADER = tuple(COLUMNS)
# Key → header; a problem with a task's counted results as a whole is shown at their first column.
COLUMN_OF = {**{key: header for header, key in COLUMNS.items()}, "outputs": "Số lượng"}
READ_ONLY = ("task", "number", "text", "timing", "guide")  # filled in by the template; not the reporter's content

TEXT_WIDTH = 150  # the template's "Nội dung nhiệm vụ": enough to recognise the task
OUTPUT_SEPARATOR = ";"  # between the items of Số lượng, Đơn vị tính and Nội dung đếm
