"""Reports as spreadsheets: a CSV template for one plan and period, filled in Excel, imported as YAML.

    python -m plansite report-template --plan <plan-id> --period <period> [--reporter <agency-id>]
                                       [--out FILE] [--delimiter ';'] [--root .] [--force]
    python -m plansite import-report FILE.csv [--root .] [--force]

Period
    Written as the report files are named (plan_data/reports/<plan>/<period>.yaml), and nothing else:
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
        Hướng dẫn         guidance for the person filling in; ignored on import

    Labels are matched ignoring case and diacritics; an unknown label is an error (a typo would
    otherwise lose a value). Then one empty row, then the table: a header row (these headers, in
    this order; matched ignoring case and diacritics; a missing optional column reads as empty) and
    one row per task of the plan, in the plan's order:

        Mã nhiệm vụ            the task's id (filled in)                              → tasks[].task
        STT                    the task's number in the plan (filled in; ignored on import)
        Nội dung nhiệm vụ      the task's text, shortened (filled in; ignored on import)
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
    plan_data/ and the whole project is loaded exactly as the build loads it (data/load.py, with
    reports/checks.py: unknown task, status against the task's timing, reason, duplicates, date
    before the period …). Every problem is reported as `file.csv:row:column: message` (row = the
    spreadsheet's row number) with a hint, all in one run; nothing is written if there is any.
    An existing report file is replaced only with --force.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import difflib
import io
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..data.encodings import guess_legacy_encoding, legacy_font_in_text
from ..data.load import DATA_DIR, load_checked
from ..data.model import Plan, Project
from ..data.problems import DataError, Problem, did_you_mean
from ..data.schema_kinds import Context
from ..data.yamlsource import YamlDocument
from ..text import ascii_fold, date_numeric, name_key, nfc
from .periods import NUMBERED, covered, period_label
from .report_yaml import report_yaml
from .schema import RECURRING_TIMINGS, REPORT_FILE, STATUSES, TASK_REPORT

COMMANDS = ("report-template", "import-report")
REPORTS_DIR = "reports"

# The report's facts: label → key of the report file (or None: guidance, ignored on import).
META = {
    "Kế hoạch": "plan",
    "Kỳ báo cáo": "period",
    "Cơ quan báo cáo": "reporter",
    "Nơi nhận": "recipient",
    "Số ký hiệu": "number",
    "Ngày gửi": "submitted_on",
    "Hướng dẫn": None,
}
# The table: header → key (task fields; 'number' and 'text' are for the reader only).
COLUMNS = {
    "Mã nhiệm vụ": "task",
    "STT": "number",
    "Nội dung nhiệm vụ": "text",
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
COLUMN_OF = {key: header for header, key in COLUMNS.items()}
COLUMN_OF["outputs"] = "Số lượng"
META_LABEL = {key: label for label, key in META.items() if key}
READ_ONLY = ("task", "number", "text")  # filled in by the template; not the reporter's content
TEXT_WIDTH = 150  # the template's "Nội dung nhiệm vụ": enough to recognise the task
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
OUTPUT_SEPARATOR = ";"
MAX_CSV_BYTES = 10 * 1024 * 1024  # a report is a few KB; 10 MB is the wrong file
_PERIOD = re.compile(r"(\d{4})-(?:(6-thang|nam)|(quy|thang)-([1-9]\d?))")
_KIND_WORDS = {"6-thang": "6-thang", "nam": "nam", "quy": "quy", "thang": "thang"}
PERIOD_EXAMPLES = "2026-6-thang, 2026-nam, 2026-quy-2 or 2026-thang-3"


class UsageError(Exception):
    """A bad argument on the command line (plan, period, reporter, file)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint

    def __str__(self) -> str:
        return self.message + (f"\n  Hint: {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong in the CSV: its spreadsheet row (None: the file) and column (None: the row)."""

    file: str
    row: int | None
    column: str | None
    message: str
    hint: str = ""

    def sort_key(self) -> tuple:
        order = HEADER.index(self.column) if self.column in HEADER else -1
        return (self.row or 0, order, self.column or "", self.message)

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row else "") + (f":{self.column}" if self.column else "")
        return f"{where}: {self.message}" + (f"\n  Hint: {self.hint}" if self.hint else "")


# ---------------------------------------------------------------------------------------------- cells


def neutralise(value: str) -> str:
    """A cell Excel will not run as a formula: a leading =, +, -, @, tab or CR gets a single quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise`: drop a single quote that precedes =, +, -, @, tab or CR."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def _key(text: str) -> str:
    """Comparison key for labels and headers: letters and digits only, no case, no diacritics."""
    return " ".join(re.findall(r"[a-z0-9]+", ascii_fold(nfc(text))))


def _fold(text: str) -> str:
    """Comparison key for statuses: no case, diacritics, '-', '_' or extra spaces."""
    return " ".join(re.sub(r"[-_]", " ", ascii_fold(nfc(text))).split()).strip(" .,;:")


DROPPABLE = ("da", "dang")  # 'đã', 'đang': leaving them out keeps the meaning
NEGATIONS = ("chua", "khong")  # 'chưa', 'không': leaving them out says the opposite


def _status_forms() -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """(accepted folded form → code, ambiguous short form → the codes whose labels contain it,
    label without its negation → code)."""
    forms = {}
    for code, label in STATUSES.items():
        forms[_fold(code)] = code
        forms[_fold(label)] = code
    ambiguous: dict[str, list[str]] = {}
    negated: dict[str, str] = {}
    for code, label in STATUSES.items():
        first, _, rest = _fold(label).partition(" ")
        if not rest or rest in forms:
            continue
        if first in NEGATIONS:
            negated[rest] = code
            continue
        if first not in DROPPABLE:
            continue
        inside = [other for other, other_label in STATUSES.items()
                  if other != code and f" {rest} " in f" {_fold(other_label)} "]
        if inside:
            ambiguous[rest] = [code] + inside
        else:
            forms[rest] = code
    return forms, ambiguous, {k: v for k, v in negated.items() if k not in forms and k not in ambiguous}


STATUS_FORMS, AMBIGUOUS_STATUS, NEGATED_STATUS = _status_forms()


def parse_status(text: str) -> tuple[str | None, str, str]:
    """(code, '', '') for a status as people type it, or (None, message, hint)."""
    folded = _fold(text)
    if folded in STATUS_FORMS:
        return STATUS_FORMS[folded], "", ""
    labels = ", ".join(f"'{label}'" for label in STATUSES.values())
    message = f"Expected one of {labels} (or the codes {', '.join(STATUSES)}) but received '{text}'."
    if folded in AMBIGUOUS_STATUS:
        options = " or ".join(f"'{STATUSES[c]}'" for c in AMBIGUOUS_STATUS[folded])
        return None, message, f"'{text}' alone could be {options}; write the whole label."
    if folded in NEGATED_STATUS:
        label = STATUSES[NEGATED_STATUS[folded]]
        return None, message, (f"'{text}' without '{label.split()[0]}' says the opposite of '{label}'; write "
                               f"'{label}' if that is meant, else e.g. 'Đang thực hiện' or 'Đã hoàn thành'.")
    close = difflib.get_close_matches(folded, list(STATUS_FORMS), n=1, cutoff=0.6)
    if close:
        code = STATUS_FORMS[close[0]]
        return None, message, f"did you mean '{code}' ({STATUSES[code]})?"
    return None, message, "write one of the labels above, e.g. 'Đang thực hiện'."


def parse_number(text: str) -> float | int:
    """A number as typed in Vietnam: '2,5' → 2.5, '1.200.000' → 1200000; ValueError(message, hint)."""
    t = re.sub(r"[\s\u00a0\u202f]", "", text)
    negative = t.startswith("-")
    body = t[1:] if negative else t
    if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}(,\d+)?|\d{1,3}(\.\d{3})+,\d+", body):
        value = body.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+[.,]\d{3}", body):
        whole, frac = re.split(r"[.,]", body)
        raise ValueError(f"Expected a number but received '{text}', which could mean {whole}{frac} (with a thousands "
                         f"separator) or {whole}.{frac} (a decimal).",
                         f"write {whole}{frac} (without a separator) for the whole number, or "
                         f"{whole},{frac.rstrip('0') or '0'} for a decimal.")
    elif re.fullmatch(r"\d+([.,]\d+)?", body):
        value = body.replace(",", ".")
    else:
        raise ValueError(f"Expected a number such as 3 or 2,5 but received '{text}'.",
                         "write digits only, with ',' for a decimal (2,5); no words or units.")
    number = float(value) * (-1 if negative else 1)
    return int(number) if number.is_integer() else number


def parse_date(text: str) -> dt.date:
    """dd/mm/yyyy (or d/m/yyyy, or yyyy-mm-dd) → date; ValueError(message, hint)."""
    t = text.strip()
    dmy = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if dmy or iso:
        day, month, year = (int(g) for g in dmy.groups()) if dmy else (int(g) for g in reversed(iso.groups()))
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"Expected a date that exists but received '{text}'.", "check the day and the month "
                             "(dd/mm/yyyy: day first).") from None
    hint = ("write the year with four digits, e.g. 30/06/2026." if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2}", t)
            else "for 30 June 2026 write 30/06/2026.")
    raise ValueError(f"Expected a date written dd/mm/yyyy but received '{text}'.", hint)


# -------------------------------------------------------------------------------------------- periods


def parse_period(text: str) -> tuple[str, int, int | None]:
    """'2026-6-thang' → ('6-thang', 2026, None); '2026-quy-2' → ('quy', 2026, 2); UsageError otherwise."""
    match = _PERIOD.fullmatch(text)
    if not match:
        guess = re.sub(r"-0+(\d)", r"-\1", "-".join(re.findall(r"[a-z0-9]+", ascii_fold(nfc(text)))))
        guess = guess.replace("-06-thang", "-6-thang")
        hint = (f"did you mean '{guess}'?" if _PERIOD.fullmatch(guess) else
                "write the year first, then the period, as in the report file names; no leading zeros.")
        raise UsageError(f"Expected a period written {PERIOD_EXAMPLES} but received '{text}'.", hint)
    year, plain, kind, number = match.groups()
    year = int(year)
    if not 1900 <= year <= 2200:
        raise UsageError(f"Expected a year from 1900 to 2200 but received {year}.", "check the year.")
    if plain:
        return plain, year, None
    number, largest = int(number), NUMBERED[kind]
    if number > largest:
        what = "month (1–12)" if kind == "thang" else "quarter (1–4)"
        raise UsageError(f"Expected a {what} but received {number} in '{text}'.",
                         "a year has 12 months and 4 quarters.")
    return kind, year, number


def period_code(kind: str, year: int, number: int | None = None) -> str:
    """The inverse of `parse_period`: the report file's name without '.yaml'."""
    return f"{year}-{kind}" if number is None else f"{year}-{kind}-{number}"


def report_path(plan_id: str, kind: str, year: int, number: int | None) -> str:
    """plan_data/reports/<plan>/<period>.yaml, relative to the project."""
    return f"{DATA_DIR}/{REPORTS_DIR}/{plan_id}/{period_code(kind, year, number)}.yaml"


# ------------------------------------------------------------------------------------------- template


def _short(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " …"


def _agency_id(project: Project, text: str) -> str | None:
    """The id of the agency that `text` names: its id, or its exact name or alias (one agency only)."""
    ids = {a.id for a in project.agencies}
    if text in ids:
        return text
    key = name_key(text)
    found = {a.id for a in project.agencies if key in {name_key(n) for n in (a.name, *a.aliases)}}
    return found.pop() if len(found) == 1 else None


def _agency_hint(project: Project, text: str) -> str:
    names = {a.id: a.id for a in project.agencies} | {a.name: a.id for a in project.agencies}
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{names[close[0]]}' ({next(a.name for a in project.agencies if a.id == names[close[0]])})?"
    return "write the id of a body in plan_data/agencies.yaml, e.g. 'ubnd-xa-ke-sat'."


def _plan(project: Project, plan_id: str) -> Plan | None:
    return next((p for p in project.plans if p.id == plan_id), None)


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


def write_template(rows: list[list[str]], out, delimiter: str = ",") -> None:
    """Write the rows as CSV to a binary stream: UTF-8 with BOM, CRLF."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    out.write(b"\xef\xbb\xbf" + text.getvalue().encode("utf-8"))


# --------------------------------------------------------------------------------------------- import


@dataclass
class Parsed:
    """What the CSV says, before validation: the report (dict in the file's keys) and where each value came from."""

    file: str
    problems: list[CsvProblem] = dataclasses.field(default_factory=list)
    meta: dict = dataclasses.field(default_factory=dict)  # key → value (checked as far as the CSV can)
    meta_rows: dict = dataclasses.field(default_factory=dict)  # key → spreadsheet row
    bad_meta: set = dataclasses.field(default_factory=set)  # keys whose value was refused
    tasks: list = dataclasses.field(default_factory=list)  # (row, entry): the row's accepted values
    header_row: int | None = None
    skipped: int = 0

    def fail(self, row, column, message, hint=""):
        self.problems.append(CsvProblem(self.file, row, column, message, hint))


def _decode(raw: bytes, parsed: Parsed) -> str | None:
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        guess = guess_legacy_encoding(raw)
        parsed.fail(line, None, f"Expected UTF-8 text but received byte 0x{raw[exc.start]:02X}, which is not UTF-8; "
                    f"the file looks like {guess} text.",
                    "in Excel use File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)', not plain 'CSV'.")
        return None


def _table(text: str) -> tuple[list[list[str]], int] | None:
    """The rows and the header's index, with the first separator (',', ';', tab) that finds the header."""
    for delimiter in (",", ";", "\t"):
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
        except csv.Error:
            continue
        for i, row in enumerate(rows):
            keys = [_key(unneutralise(c)) for c in row]
            if keys and keys[0] == _key(HEADER[0]) and _key("Tình trạng") in keys:
                return rows, i
    return None


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return unneutralise(row[index].replace("\r\n", "\n").replace("\r", "\n")).strip()


def _read_meta(rows: list[list[str]], header: int, parsed: Parsed, project: Project) -> None:
    labels = {_key(label): label for label in META}
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[:header], 1):
        if not any(c.strip() for c in row):
            continue
        raw_label = _cell(row, 0)
        label = labels.get(_key(raw_label))
        if label is None:
            close = difflib.get_close_matches(_key(raw_label), list(labels), n=1, cutoff=0.6)
            parsed.fail(number, "A", f"Expected one of the labels {', '.join(META)} in column A but "
                        f"received '{raw_label}'.", f"did you mean '{labels[close[0]]}'?" if close else
                        "keep the template's first rows as they are and fill in column B.")
            continue
        key = META[label]
        if key is None:
            continue
        if key in seen:
            parsed.fail(number, label, f"Expected one row '{label}' but received another (first at row {seen[key]}).",
                        "delete one of the two rows.")
            continue
        seen[key] = number
        parsed.meta_rows[key] = number
        value = _cell(row, 1)
        if value:
            _meta_value(key, value, number, label, parsed, project)
    for key in ("plan", "period", "reporter", "submitted_on"):
        if key in seen and key not in parsed.meta and key not in parsed.bad_meta:
            parsed.bad_meta.add(key)
            hint = "write the date the report was signed or sent, e.g. 30/06/2026." if key == "submitted_on" else \
                "write the id (see plan_data/agencies.yaml)." if key == "reporter" else "make a new template."
            parsed.fail(seen[key], META_LABEL[key], "Expected a value in column B but the cell is empty.", hint)
        elif key not in seen:
            parsed.bad_meta.add(key)
            parsed.fail(None, META_LABEL[key], f"Expected a row '{META_LABEL[key]}' above the table but there is none.",
                        f"add a row with '{META_LABEL[key]}' in column A and the value in column B.")


def _meta_value(key: str, value: str, row: int, label: str, parsed: Parsed, project: Project) -> None:
    def bad(message, hint=""):
        parsed.bad_meta.add(key)
        parsed.fail(row, label, message, hint)

    if key == "plan":
        if _plan(project, value) is None:
            plans = [p.id for p in project.plans]
            bad(f"Expected the id of a plan in plan_data/plans/ but received the unknown id '{value}'.",
                did_you_mean(value, plans) or f"the plans: {', '.join(plans)}.")
        else:
            parsed.meta[key] = value
    elif key == "period":
        try:
            parsed.meta[key] = parse_period(value)
        except UsageError as error:
            bad(error.message, error.hint)
    elif key in ("reporter", "recipient"):
        agency = _agency_id(project, value)
        if agency is None:
            bad(f"Expected the id or name of a body in plan_data/agencies.yaml but received '{value}'.",
                _agency_hint(project, value))
        else:
            parsed.meta[key] = agency
    elif key == "submitted_on":
        try:
            parsed.meta[key] = parse_date(value)
        except ValueError as error:
            bad(*error.args)
    else:  # the report's number: one line, as the schema wants it
        ctx = Context(YamlDocument(parsed.file, None, {}))
        checked = REPORT_FILE.fields[key].kind.check(value, ctx, (key,))
        if ctx.problems:
            bad(ctx.problems[0].message, ctx.problems[0].hint)
        else:
            parsed.meta[key] = checked


def _outputs(cells: dict[str, str], row: int, parsed: Parsed) -> list[dict] | None:
    """The counted results of a row, or None when they are wrong (problems added)."""
    raw = {k: cells[k] for k in ("quantity", "unit", "what")}
    if not any(raw.values()):
        return []
    split = {k: [part.strip() for part in v.split(OUTPUT_SEPARATOR)] if v else [] for k, v in raw.items()}
    # A trailing ';' ('3;450;') is a slip, not an empty item.
    split = {k: v[:-1] if len(v) > 1 and v[-1] == "" else v for k, v in split.items()}
    quantities, units, whats = split["quantity"], split["unit"], split["what"]
    ok = True
    if len(quantities) != len(units) or (whats and len(whats) != len(quantities)):
        counts = f"{len(quantities)} quantit{'y' if len(quantities) == 1 else 'ies'}, {len(units)} unit(s)" + (
            f", {len(whats)} item(s) in '{COLUMN_OF['what']}'" if whats else "")
        column = COLUMN_OF["unit"] if len(quantities) != len(units) else COLUMN_OF["what"]
        parsed.fail(row, column, f"Expected as many items in each of '{COLUMN_OF['quantity']}', '{COLUMN_OF['unit']}'"
                    f"{' and ' + repr(COLUMN_OF['what']) if whats else ''} (separated by '{OUTPUT_SEPARATOR}') but "
                    f"received {counts}.", f"one item per counted result, in the same order: e.g. '3{OUTPUT_SEPARATOR}450' "
                    f"and 'hội nghị{OUTPUT_SEPARATOR}lượt người'.")
        return None
    outputs = []
    for k, (quantity, unit) in enumerate(zip(quantities, units)):
        entry = {}
        if not quantity:
            parsed.fail(row, COLUMN_OF["quantity"], f"Expected a quantity for item {k + 1} ('{unit}') but it is empty.",
                        "write the number, or remove the unit.")
            ok = False
        else:
            try:
                entry["quantity"] = parse_number(quantity)
            except ValueError as error:
                parsed.fail(row, COLUMN_OF["quantity"], *error.args)
                ok = False
        if not unit:
            parsed.fail(row, COLUMN_OF["unit"], f"Expected a unit for the quantity {quantity} (item {k + 1}) but it is "
                        "empty.", "write what is counted, e.g. 'hội nghị', 'lượt người'.")
            ok = False
        entry["unit"] = unit
        if whats and whats[k]:
            entry["what"] = whats[k]
        outputs.append(entry)
    return outputs if ok else None


def _read_task(row: list[str], number: int, index: dict[str, int | None], parsed: Parsed, plan: Plan | None) -> None:
    cells = {key: _cell(row, index.get(key)) for key in COLUMNS.values()}
    if not any(cells.values()):
        return
    for key, value in cells.items():
        if key not in READ_ONLY and value and legacy_font_in_text(value):
            font = legacy_font_in_text(value)[2]
            parsed.fail(number, COLUMN_OF[key], f"Expected Unicode Vietnamese but received text typed in the legacy "
                        f"{font} font encoding.", f"convert the text from {font} to Unicode (Unikey: 'Công cụ chuyển "
                        "mã'), then paste it again.")
    if not cells["status"]:
        filled = [COLUMN_OF[k] for k, v in cells.items() if v and k not in READ_ONLY]
        if filled:
            parsed.fail(number, COLUMN_OF["status"], f"Expected a status for a row with content ({', '.join(filled)}) "
                        "but the cell is empty.", "choose a status, or empty the row's other cells to leave the task "
                        "out of this report.")
        else:
            parsed.skipped += 1
        return
    entry: dict = {}
    if cells["task"]:
        entry["task"] = cells["task"]
    else:
        by_number = {v: k for k, v in plan.task_numbers.items()} if plan else {}
        hint = (f"the task numbered {cells['number']} is '{by_number[cells['number']]}'." if cells["number"] in by_number
                else "copy the id from a new template (python -m plansite report-template).")
        parsed.fail(number, COLUMN_OF["task"], "Expected the task's id but the cell is empty.", hint)
    status, message, hint = parse_status(cells["status"])
    if status:
        entry["status"] = status
    else:
        parsed.fail(number, COLUMN_OF["status"], message, hint)
    for key in ("done",):
        if cells[key]:
            entry[key] = cells[key]
    if cells["progress"]:
        try:
            entry["progress"] = parse_number(cells["progress"].removesuffix("%").strip())
        except ValueError as error:
            parsed.fail(number, COLUMN_OF["progress"], error.args[0].replace("a number", "a percentage"), error.args[1])
    if cells["reason"]:
        entry["reason"] = cells["reason"]
    outputs = _outputs(cells, number, parsed)
    if outputs:
        entry["outputs"] = outputs
    if cells["evidence"]:
        entry["evidence"] = cells["evidence"].split()
    for key in ("difficulties", "proposals"):
        if cells[key]:
            entry[key] = cells[key]
    parsed.tasks.append((number, entry))


def parse_csv(raw: bytes, display: str, project: Project) -> Parsed:
    """Read a filled template into a `Parsed`: values and the CSV's own problems."""
    parsed = Parsed(display)
    text = _decode(raw, parsed)
    if text is None:
        return parsed
    found = _table(text)
    if found is None:
        parsed.fail(None, None, f"Expected a header row beginning '{HEADER[0]}' with a column '{COLUMN_OF['status']}' "
                    "but found none.", "start from a template made by `python -m plansite report-template` and keep "
                    "its header row; save as 'CSV UTF-8'.")
        return parsed
    rows, header = found
    parsed.header_row = header + 1
    index: dict[str, int | None] = {}
    known = {_key(h): h for h in HEADER}
    for i in range(len(rows[header])):
        title = _cell(rows[header], i)
        if not title:
            if any(_cell(r, i) for r in rows[header + 1:]):
                parsed.fail(header + 1, None, f"Expected a header above every filled column but column {i + 1} has none.",
                            "delete the column, or give it one of the template's headers.")
            continue
        name = known.get(_key(title))
        if name is None:
            close = difflib.get_close_matches(_key(title), list(known), n=1, cutoff=0.6)
            parsed.fail(header + 1, title, f"Expected one of the headers {', '.join(HEADER)} but received '{title}'.",
                        f"did you mean '{known[close[0]]}'?" if close else "delete the column, or rename it.")
        elif COLUMNS[name] in index:
            parsed.fail(header + 1, name, f"Expected the column '{name}' once but received it again.",
                        "delete one of the two columns.")
        else:
            index[COLUMNS[name]] = i
    _read_meta(rows, header, parsed, project)
    plan = _plan(project, parsed.meta.get("plan", ""))
    first: dict[str, int] = {}
    for number, row in enumerate(rows[header + 1:], header + 2):
        _read_task(row, number, index, parsed, plan)
    # The same task twice in the sheet: one row per task (the loader would say it of the YAML).
    kept = []
    for number, entry in parsed.tasks:
        task = entry.get("task")
        if task in first:
            parsed.fail(number, COLUMN_OF["task"], f"Expected one row per task but received '{task}' again "
                        f"(first at row {first[task]}).", "merge the two rows into one.")
            continue
        if task:
            first[task] = number
        kept.append((number, entry))
    parsed.tasks = kept
    if not kept and not any(p.row and p.row > header + 1 for p in parsed.problems):
        parsed.fail(header + 1, COLUMN_OF["status"], f"Expected at least one task with a status but every "
                    f"'{COLUMN_OF['status']}' cell is empty.", "fill in the status of each task reported on "
                    "(is this the filled file, saved?).")
    return parsed


# ---------------------------------------------------------------------------------------- validation


def _report_dict(meta: dict, tasks: list[dict]) -> dict:
    kind, year, number = meta["period"]
    report = {"plan": meta["plan"], "period": {"kind": kind, "year": year, **({"number": number} if number else {})},
              "reporter": meta["reporter"]}
    for key in ("recipient", "number"):
        if meta.get(key):
            report[key] = meta[key]
    report["submitted_on"] = meta["submitted_on"]
    report["tasks"] = tasks
    return report


def cell_of(path: str, message: str, rows: list[int], parsed: Parsed) -> tuple[int | None, str | None]:
    """(spreadsheet row, column) of a problem at a YAML path as printed ('tasks[2].outputs[0].unit'):
    rows[i] is the row of tasks[i]. A problem about a missing key ('Expected the key 'reason' …')
    points at that key's column."""
    row, column = None, None
    match = re.match(r"tasks\[(\d+)\](.*)", path)
    named = re.search(r"the key '(\w+)'", message)
    if match:
        i = int(match.group(1))
        row = rows[i] if i < len(rows) else None
        keys = re.findall(r"\.(\w+)", match.group(2)) + ([named.group(1)] if named else [])
        column = next((COLUMN_OF[k] for k in reversed(keys) if k in COLUMN_OF and k not in READ_ONLY[1:]), None)
    elif path.startswith("tasks"):
        row = parsed.header_row
    else:
        key = path.split(".")[0].split("[")[0]
        if key not in META_LABEL and named:
            key = named.group(1)
        if key in META_LABEL:
            row, column = parsed.meta_rows.get(key), META_LABEL[key]
    return row, column


_TASK_KEYS = {key for key in COLUMN_OF if key not in READ_ONLY[1:]}


def in_csv_words(text: str) -> str:
    """A loader message about a task's YAML key, told in the spreadsheet's column names."""
    def column(match: re.Match) -> str:
        key, verb = match.group(2), {"the key ": "the column ", "remove ": "empty "}[match.group(1)]
        return f"{verb}'{COLUMN_OF[key]}'" if key in _TASK_KEYS else match.group(0)

    text = re.sub(r"add a line '(\w+): \.\.\.' to this item\.",
                  lambda m: f"fill in '{COLUMN_OF[m.group(1)]}'." if m.group(1) in _TASK_KEYS else m.group(0), text)
    text = re.sub(r":? '(\w+): …'", lambda m: f", in '{COLUMN_OF[m.group(1)]}'" if m.group(1) in _TASK_KEYS
                  else m.group(0), text)
    return re.sub(r"(the key |remove )'(\w+)'", column, text)


def _add(parsed: Parsed, problem: Problem, rows: list[int]) -> None:
    """Add a loader's problem at its cell, unless that cell already has one (a refused value's stand-in)."""
    row, column = cell_of(problem.path, problem.message, rows, parsed)
    if any(p.row == row and p.column == column for p in parsed.problems):
        return
    if problem.path.startswith("tasks["):
        parsed.fail(row, column, in_csv_words(problem.message), in_csv_words(problem.hint))
    else:
        parsed.fail(row, column, problem.message, problem.hint)


def _check_rows(parsed: Parsed, display_yaml: str, data_dir: Path) -> None:
    """Each task row through the report schema, as the loader will check it. A refused value is
    reported at its cell and left out of the row, so that the checks of the whole report still run."""
    for number, entry in parsed.tasks:
        ctx = Context(YamlDocument(display_yaml, None, {}), data_dir)
        TASK_REPORT.check(entry, ctx, ("tasks", 0))
        for problem in ctx.problems:
            _add(parsed, problem, [number])
            key = re.match(r"tasks\[0\]\.(\w+)", problem.path)
            if key:
                entry.pop(key.group(1), None)


def _placeholder_status(plan: Plan, task_id: str) -> str:
    """A status that fits the task's timing, to check the rest of a row whose status was refused."""
    task = next((t for t in plan.tasks if t.id == task_id), None)
    recurring = task is not None and task.timing is not None and task.timing.kind in RECURRING_TIMINGS
    return "thuong-xuyen" if recurring else "dang-thuc-hien"


def _report(parsed: Parsed, project: Project) -> tuple[dict, list[int]] | None:
    """The report and the spreadsheet row of each of its tasks. When the CSV has problems, a refused
    value is replaced by a valid stand-in (a required one) or left out, so that the loader's checks still
    reach every other value; such a report is only checked, never written. None when the plan or the
    period is unknown (nothing else can be checked)."""
    meta = dict(parsed.meta)
    if "plan" not in meta or "period" not in meta:
        return None
    plan = _plan(project, meta["plan"])
    meta.setdefault("reporter", plan.issuer)
    meta.setdefault("submitted_on", covered(*meta["period"])[1])
    tasks, rows = [], []
    for number, entry in parsed.tasks:
        if "task" not in entry:
            continue
        tasks.append({"task": entry["task"], "status": entry.get("status") or _placeholder_status(plan, entry["task"]),
                      **entry})
        rows.append(number)
    return _report_dict(meta, tasks), rows


def _load_with(root: Path, tmp: Path, relative: str | None, text: str | None
               ) -> tuple[Project | None, list[Problem]]:
    """Load a copy of root's plan_data, with the report file at `relative` replaced by `text`:
    (project, warnings about that file), or (None, every problem)."""
    shutil.rmtree(tmp / DATA_DIR, ignore_errors=True)
    shutil.copytree(root / DATA_DIR, tmp / DATA_DIR, ignore=shutil.ignore_patterns("__pycache__"))
    if (root / "docs").is_dir() and not (tmp / "docs").exists():
        (tmp / "docs").symlink_to((root / "docs").resolve(), target_is_directory=True)
    if relative is not None:
        target = tmp / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    try:
        project, warnings = load_checked(tmp)
    except DataError as error:
        return None, list(error.problems)
    return project, [w for w in warnings if w.file == relative]


def import_report(csv_path: Path, root: Path, force: bool = False, display: str | None = None
                  ) -> tuple[str | None, list[str]]:
    """Validate a filled CSV and write its report file: (path written or None, messages)."""
    display = display or str(csv_path)
    root = Path(root)
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as scratch:
        tmp = Path(scratch)
        # The project as it stands: its plans, tasks and bodies, to read the CSV against.
        project, problems = _load_with(root, tmp, None, None)
        if project is None:
            return None, [str(p) for p in problems] + [
                "plan_data has problems of its own (above); fix them first (make check), then import again."]
        try:
            size = csv_path.stat().st_size
            raw = csv_path.read_bytes() if size <= MAX_CSV_BYTES else b""
        except OSError as error:
            return None, [f"{display}: Expected a readable CSV file but could not read it ({error.strerror})."]
        if size > MAX_CSV_BYTES:
            return None, [f"{display}: Expected a report of at most {MAX_CSV_BYTES // 1024 // 1024} MB but received "
                          f"{size // 1024 // 1024} MB.\n  Hint: is this the right file? A report is a few kilobytes."]
        parsed = parse_csv(raw, display, project)
        built = _report(parsed, project)
        text = relative = None
        if built is not None:
            relative = report_path(parsed.meta["plan"], *parsed.meta["period"])
            _check_rows(parsed, relative, root / DATA_DIR)
            if (root / relative).exists() and not force:
                parsed.fail(None, None, f"Expected a new report but {relative} already exists.",
                            "import with --force to replace it (make import-report FILE=… FORCE=1).")
            built = _report(parsed, project)  # again: the rows' checks left refused values out
            report, rows = built
            text = report_yaml(report, Path(display).name)
            # Exactly as the build loads it: a copy of plan_data with this file in place (replacing any).
            _, problems = _load_with(root, tmp, relative, text)
            for problem in problems:
                if problem.file == relative:
                    _add(parsed, problem, rows)
                else:  # another file (e.g. the same task in another report of this period)
                    parsed.problems.append(CsvProblem(f"{problem.file}:{problem.line}", None, None,
                                                      problem.message, problem.hint))
        if parsed.problems:
            return None, [str(p) for p in sorted(set(parsed.problems), key=CsvProblem.sort_key)]
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, prefix=".import-",
                                         suffix=".tmp", delete=False, newline="\n") as out:
            out.write(text)
        os.replace(out.name, target)
        return relative, [f"{relative}: written from {display}: {len(parsed.tasks)} task(s) reported, "
                          f"{parsed.skipped} row(s) left empty."]


# ------------------------------------------------------------------------------------------------ CLI


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m plansite")
    commands = parser.add_subparsers(dest="command", required=True)
    template = commands.add_parser("report-template", help="write a CSV template of a report, to fill in Excel")
    template.add_argument("--plan", required=True, help="id of the plan (plan_data/plans/<id>.yaml)")
    template.add_argument("--period", required=True, help=f"the period: {PERIOD_EXAMPLES}")
    template.add_argument("--reporter", help="id of the reporting body (plan_data/agencies.yaml)")
    template.add_argument("--out", help="CSV file to write (default bao-cao-<plan>-<period>.csv; '-': stdout)")
    template.add_argument("--delimiter", choices=[",", ";"], default=",",
                          help="',' (default) or ';' (Excel with Vietnamese regional format)")
    template.add_argument("--root", default=".", help="project folder holding plan_data/ (default: .)")
    template.add_argument("--force", action="store_true", help="replace an existing CSV file")
    report = commands.add_parser("import-report", help="turn a filled CSV into plan_data/reports/<plan>/<period>.yaml")
    report.add_argument("file", help="the filled CSV file")
    report.add_argument("--root", default=".", help="project folder holding plan_data/ (default: .)")
    report.add_argument("--force", action="store_true", help="replace an existing report file")
    args = parser.parse_args(argv)
    if args.command == "import-report":
        written, messages = import_report(Path(args.file), Path(args.root), args.force, args.file)
        for message in messages:
            print(message, file=sys.stdout if written else sys.stderr)
        if not written:
            count = sum(1 for m in messages if not m.startswith("plan_data has problems"))
            print(f"{count} problem{'s' if count != 1 else ''} found in {args.file}; nothing was written.",
                  file=sys.stderr)
            return 1
        return 0
    try:
        return _template(args)
    except UsageError as error:
        print(f"report-template: {error}", file=sys.stderr)
        return 1


def _template(args) -> int:
    root = Path(args.root)
    try:
        project, _ = load_checked(root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    period = parse_period(args.period)
    plan = _plan(project, args.plan)
    if plan is None:
        plans = [p.id for p in project.plans]
        raise UsageError(f"Expected the id of a plan in plan_data/plans/ but received the unknown id '{args.plan}'.",
                         did_you_mean(args.plan, plans) or f"the plans: {', '.join(plans)}.")
    if args.reporter and args.reporter not in {a.id for a in project.agencies}:
        raise UsageError(f"Expected the id of a body in plan_data/agencies.yaml but received the unknown id "
                         f"'{args.reporter}'.", _agency_hint(project, args.reporter))
    rows = template_rows(project, plan, period, args.reporter)
    if args.out == "-":
        write_template(rows, sys.stdout.buffer, args.delimiter)
        return 0
    out = Path(args.out or f"bao-cao-{plan.id}-{period_code(*period)}.csv")
    if out.exists() and not args.force:
        raise UsageError(f"Expected a new file but {out} already exists (it may hold a filled report).",
                         "choose another --out, or add --force to replace it.")
    with open(out, "wb") as stream:
        write_template(rows, stream, args.delimiter)
    print(f"{out}: template of {period_label(*period).lower()} for plan {plan.id}, {len(plan.tasks)} task(s).")
    return 0
