"""Reading one row of the table into the report entry of its task: each cell read by cells.py
(status, progress, counted results split by ';', evidence split at spaces). A row whose status is
empty is left out of the report, unless the reporter wrote something in it: that is refused, since
the content would be lost silently. What the schema and the loader check is left to validation.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...data.encodings import legacy_font_in_text
from ...data.model import Plan
from ...data.yamlsource import legacy_font_problem
from ...i18n import _, ngettext
from ..model import what_beyond_unit
from .cells import cell_text, parse_number, parse_status, split_items
from .layout import COLUMN_OF, COLUMNS, OUTPUT_SEPARATOR, READ_ONLY
from .problems import CsvProblem


@dataclass(frozen=True)
class TaskRow:
    """One row read: the entry of its task as the report file has it (None: not in the report),
    whether the reporter left it empty on purpose (counted in the import's summary), its problems."""

    entry: dict | None
    skipped: bool = False
    problems: tuple[CsvProblem, ...] = ()


def read_outputs(cells: dict[str, str], row: int, file: str) -> tuple[list[dict] | None, list[CsvProblem]]:
    """The counted results of a row (the n-th quantity with the n-th unit and 'what'), or None when
    they are wrong; and the problems."""
    quantities, units, whats = (split_items(cells[k]) for k in ("quantity", "unit", "what"))
    if not (quantities or units or whats):
        return [], []
    if len(quantities) != len(units) or (whats and len(whats) != len(quantities)):
        counts = (
            ngettext("{count} quantity", "{count} quantities", len(quantities)).format(count=len(quantities))
            + ", "
            + ngettext("{count} unit", "{count} units", len(units)).format(count=len(units))
            + (
                ", "
                + ngettext("{count} item in '{column}'", "{count} items in '{column}'", len(whats)).format(
                    count=len(whats), column=COLUMN_OF["what"]
                )
                if whats
                else ""
            )
        )
        column = COLUMN_OF["unit"] if len(quantities) != len(units) else COLUMN_OF["what"]
        columns = [f"'{COLUMN_OF[k]}'" for k in ("quantity", "unit", "what")][: 3 if whats else 2]
        return None, [
            CsvProblem(
                file,
                row,
                column,
                _(
                    "Expected as many items in each of {columns} (separated by '{separator}') but received {counts}."
                ).format(
                    columns=", ".join(columns[:-1]) + _(" and ") + columns[-1],
                    separator=OUTPUT_SEPARATOR,
                    counts=counts,
                ),
                _("one item per counted result, in the same order: e.g. '{quantities}' and '{units}'.").format(
                    quantities=f"3{OUTPUT_SEPARATOR}450", units=f"hội nghị{OUTPUT_SEPARATOR}lượt người"
                ),
            )
        ]
    outputs, problems = [], []
    for k, (quantity, unit) in enumerate(zip(quantities, units)):
        entry = {}
        if not quantity:
            problems.append(
                CsvProblem(
                    file,
                    row,
                    COLUMN_OF["quantity"],
                    _("Expected a quantity for item {number} ('{unit}') but it is empty.").format(
                        number=k + 1, unit=unit
                    ),
                    _("write the number, or remove the unit."),
                )
            )
        else:
            try:
                entry["quantity"] = parse_number(quantity)
            except ValueError as error:
                problems.append(CsvProblem(file, row, COLUMN_OF["quantity"], *error.args))
        if not unit:
            problems.append(
                CsvProblem(
                    file,
                    row,
                    COLUMN_OF["unit"],
                    _("Expected a unit for the quantity {quantity} (item {number}) but it is empty.").format(
                        quantity=quantity, number=k + 1
                    ),
                    _("write what is counted, e.g. 'hội nghị', 'lượt người'."),
                )
            )
        entry["unit"] = unit
        what = what_beyond_unit(unit, whats[k]) if whats else None
        if what:  # a count is written once, however the three cells were filled
            entry["what"] = what
        outputs.append(entry)
    return (None if problems else outputs), problems


def _legacy_fonts(cells: dict[str, str], row: int, file: str) -> list[CsvProblem]:
    """Cells typed in a legacy Vietnamese font encoding (TCVN3, VNI …): they read as gibberish."""
    problems = []
    for key, value in cells.items():
        if key not in READ_ONLY and value and legacy_font_in_text(value):
            font = legacy_font_in_text(value)[2]
            problems.append(CsvProblem(file, row, COLUMN_OF[key], *legacy_font_problem(font)))
    return problems


def read_task_row(row: list[str], number: int, index: dict[str, int | None], file: str, plan: Plan | None) -> TaskRow:
    """The task row at spreadsheet row `number`; index: key → the column holding it (None: absent)."""
    cells = {key: cell_text(row, index.get(key)) for key in COLUMNS.values()}
    if not any(cells.values()):
        return TaskRow(None)
    problems = _legacy_fonts(cells, number, file)
    if not cells["status"]:
        filled = [COLUMN_OF[k] for k, v in cells.items() if v and k not in READ_ONLY]
        if not filled:
            return TaskRow(None, skipped=True, problems=tuple(problems))
        problems.append(
            CsvProblem(
                file,
                number,
                COLUMN_OF["status"],
                _("Expected a status for a row with content ({columns}) but the cell is empty.").format(
                    columns=", ".join(filled)
                ),
                _("choose a status, or empty the row's other cells to leave the task out of this report."),
            )
        )
        return TaskRow(None, problems=tuple(problems))
    entry: dict = {}
    if cells["task"]:
        entry["task"] = cells["task"]
    else:
        by_number = {v: k for k, v in plan.task_numbers.items()} if plan else {}
        hint = (
            _("the task numbered {number} is '{id}'.").format(number=cells["number"], id=by_number[cells["number"]])
            if cells["number"] in by_number
            else _("copy the id from a new template (python -m plansite report-template).")
        )
        problems.append(
            CsvProblem(file, number, COLUMN_OF["task"], _("Expected the task's id but the cell is empty."), hint)
        )
    status, message, hint = parse_status(cells["status"])
    if status:
        entry["status"] = status
    else:
        problems.append(CsvProblem(file, number, COLUMN_OF["status"], message, hint))
    if cells["done"]:
        entry["done"] = cells["done"]
    if cells["progress"]:
        try:
            entry["progress"] = parse_number(cells["progress"].removesuffix("%").strip(), percentage=True)
        except ValueError as error:
            problems.append(CsvProblem(file, number, COLUMN_OF["progress"], *error.args))
    if cells["reason"]:
        entry["reason"] = cells["reason"]
    outputs, wrong = read_outputs(cells, number, file)
    problems += wrong
    if outputs:
        entry["outputs"] = outputs
    if cells["evidence"]:
        entry["evidence"] = cells["evidence"].split()
    for key in ("difficulties", "proposals"):
        if cells[key]:
            entry[key] = cells[key]
    return TaskRow(entry, problems=tuple(problems))
