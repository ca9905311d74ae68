"""Reading a filled template: its bytes as text (UTF-8, with or without the byte-order mark), the
table found with whichever separator finds its header row, the columns by their headers, then the
report's facts (facts.py) and one entry per task row (task_rows.py). The result, `Parsed`, is what the
CSV says and what is wrong in it on its own, before the project's rules are applied (validation.py).
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
from dataclasses import dataclass

from ...data.encodings import guess_legacy_encoding, utf16_kind
from ...data.model import Project
from ...i18n import N_, _
from ...text import nfc
from .cells import cell_text, match_key, unneutralise
from .facts import read_facts
from .layout import COLUMN_OF, COLUMNS, HEADER
from .names import find_plan
from .problems import CsvProblem
from .syntax import column_letter, control_faults, quote_fault
from .task_rows import read_task_row


@dataclass
class Parsed:
    """What the CSV says, before validation: the report (dict in the file's keys) and where each value
    came from. Not frozen: validation adds the loader's problems to it and drops the values it refuses,
    as `data.schema_kinds.Context` accumulates the problems of a YAML file."""

    file: str
    problems: list[CsvProblem] = dataclasses.field(default_factory=list)
    warnings: list[CsvProblem] = dataclasses.field(default_factory=list)  # printed; the report is still written
    meta: dict = dataclasses.field(default_factory=dict)  # key → value (checked as far as the CSV can)
    meta_rows: dict = dataclasses.field(default_factory=dict)  # key → spreadsheet row
    tasks: list = dataclasses.field(default_factory=list)  # (row, entry): the row's accepted values
    header_row: int | None = None
    skipped: int = 0

    def fail(self, row: int | None, column: str | None, message: str, hint: str = "") -> None:
        """Add a problem of this file at a spreadsheet row and column."""
        self.problems.append(CsvProblem(self.file, row, column, message, hint))


SAVE_AS_UTF8 = N_(
    "in Excel use File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)', not plain 'CSV' or 'Unicode Text'."
)


def _decode(raw: bytes, file: str) -> tuple[str | None, list[CsvProblem]]:
    """The text of the file, or None and why not: Excel's plain "CSV" is a legacy code page, its
    "Unicode Text" UTF-16 (which, when all ASCII, even passes for UTF-8 with a NUL after each letter)."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if utf16_kind(raw):
        return None, [
            CsvProblem(
                file,
                None,
                None,
                _("Expected UTF-8 text but the file looks like {encoding} text.").format(
                    encoding=guess_legacy_encoding(raw)
                ),
                _(SAVE_AS_UTF8),
            )
        ]
    try:
        return nfc(raw.decode("utf-8")), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        guess = guess_legacy_encoding(raw)
        return None, [
            CsvProblem(
                file,
                line,
                None,
                _(
                    "Expected UTF-8 text but received byte {byte}, which is not "
                    "UTF-8; the file looks like {encoding} text."
                ).format(byte=f"0x{raw[exc.start]:02X}", encoding=guess),
                _(SAVE_AS_UTF8),
            )
        ]


def _header_at(rows: list[list[str]]) -> int | None:
    """The index of the table's header row: 'Mã nhiệm vụ' first, with a 'Tình trạng' column."""
    for i, row in enumerate(rows):
        keys = [match_key(unneutralise(c)) for c in row]
        if keys and keys[0] == match_key(HEADER[0]) and match_key("Tình trạng") in keys:
            return i
    return None


def _table(text: str, file: str) -> tuple[list[list[str]], int] | CsvProblem | None:
    """The rows and the header's index, with the first separator (',', ';', tab) that finds the header;
    or the quoting fault that stops the file from being read (at its row and column); or None."""
    faults = []
    for delimiter in (",", ";", "\t"):
        rows, error = [], None
        try:
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
                rows.append(row)
        except csv.Error as exc:
            error = exc
        header = _header_at(rows)
        fault = quote_fault(text, delimiter) if error else None
        if header is not None and error is None:
            return rows, header
        if fault or (header is not None and error):
            row, column, message, hint = fault or (
                len(rows) + 1,
                None,
                _("Expected a valid CSV row but received one the CSV reader refuses ({error}).").format(error=error),
                _("save the sheet from Excel again as 'CSV UTF-8'."),
            )
            titles = rows[header] if header is not None and row > header + 1 else []
            name = None if column is None else (cell_text(titles, column) or column_letter(column))
            faults.append(CsvProblem(file, row, name, message, hint))
            if header is not None:
                return faults[-1]
    return faults[0] if faults else None


def _columns(rows: list[list[str]], header: int, file: str) -> tuple[dict[str, int], list[CsvProblem]]:
    """Task key → index of its column, from the header row at rows[header]; and the header's problems."""
    index: dict[str, int] = {}
    problems = []
    known = {match_key(h): h for h in HEADER}
    for i in range(len(rows[header])):
        title = cell_text(rows[header], i)
        if not title:
            if any(cell_text(r, i) for r in rows[header + 1 :]):
                problems.append(
                    CsvProblem(
                        file,
                        header + 1,
                        None,
                        _("Expected a header above every filled column but column {number} has none.").format(
                            number=i + 1
                        ),
                        _("delete the column, or give it one of the template's headers."),
                    )
                )
            continue
        name = known.get(match_key(title))
        if name is None:
            close = difflib.get_close_matches(match_key(title), list(known), n=1, cutoff=0.6)
            problems.append(
                CsvProblem(
                    file,
                    header + 1,
                    title,
                    _("Expected one of the headers {headers} but received '{title}'.").format(
                        headers=", ".join(HEADER), title=title
                    ),
                    _("did you mean '{choice}'?").format(choice=known[close[0]])
                    if close
                    else _("delete the column, or rename it."),
                )
            )
        elif COLUMNS[name] in index:
            problems.append(
                CsvProblem(
                    file,
                    header + 1,
                    name,
                    _("Expected the column '{column}' once but received it again.").format(column=name),
                    _("delete one of the two columns."),
                )
            )
        else:
            index[COLUMNS[name]] = i
    return index, problems


def _one_row_per_task(tasks: list[tuple[int, dict]], file: str) -> tuple[list[tuple[int, dict]], list[CsvProblem]]:
    """The task rows without a second row of the same task, and a problem for each such row
    (the loader would say it of the YAML, at no row of the sheet)."""
    first: dict[str, int] = {}
    kept, problems = [], []
    for number, entry in tasks:
        task = entry.get("task")
        if task in first:
            problems.append(
                CsvProblem(
                    file,
                    number,
                    COLUMN_OF["task"],
                    _("Expected one row per task but received '{id}' again (first at row {row}).").format(
                        id=task, row=first[task]
                    ),
                    _("merge the two rows into one."),
                )
            )
            continue
        if task:
            first[task] = number
        kept.append((number, entry))
    return kept, problems


def parse_csv(raw: bytes, display: str, project: Project) -> Parsed:
    """Read a filled template into a `Parsed`: values and the CSV's own problems."""
    parsed = Parsed(display)
    text, problems = _decode(raw, display)
    parsed.problems += problems
    if text is None:
        return parsed
    found = _table(text, display)
    if isinstance(found, CsvProblem):
        parsed.problems.append(found)
        return parsed
    if found is None:
        parsed.fail(
            None,
            None,
            _("Expected a header row beginning '{first}' with a column '{status}' but found none.").format(
                first=HEADER[0], status=COLUMN_OF["status"]
            ),
            _(
                "start from a template made by `python -m plansite report-template` and keep its header row; "
                "save as 'CSV UTF-8'."
            ),
        )
        return parsed
    rows, header = found
    parsed.header_row = header + 1
    titles = {i: cell_text(rows[header], i) for i in range(len(rows[header])) if cell_text(rows[header], i)}
    parsed.problems += control_faults(rows, display, header, titles)
    index, problems = _columns(rows, header, display)
    parsed.problems += problems
    facts = read_facts(rows, header, display, project)
    parsed.meta, parsed.meta_rows = dict(facts.values), dict(facts.rows)
    parsed.problems += facts.problems
    plan = find_plan(project, parsed.meta.get("plan", ""))
    for number, row in enumerate(rows[header + 1 :], header + 2):
        read = read_task_row(row, number, index, display, plan)
        parsed.problems += read.problems
        parsed.skipped += read.skipped
        if read.entry is not None:
            parsed.tasks.append((number, read.entry))
    parsed.tasks, problems = _one_row_per_task(parsed.tasks, display)
    parsed.problems += problems
    if not parsed.tasks and not any(p.row and p.row > header + 1 for p in parsed.problems):
        parsed.fail(
            header + 1,
            COLUMN_OF["status"],
            _("Expected at least one task with a status but every '{column}' cell is empty.").format(
                column=COLUMN_OF["status"]
            ),
            _("fill in the status of each task reported on (is this the filled file, saved?)."),
        )
    return parsed
