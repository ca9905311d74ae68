"""A CSV table: its columns, and the writer that turns rows into the bytes Excel opens as Vietnamese.

One definition serves the file's header and cells, the Table Schema in datapackage.json and the
table of columns on the data page, so the three cannot drift. The file is UTF-8 with a byte-order
mark (without it Excel shows Vietnamese as mojibake), comma-separated, CRLF line ends, written by
Python's csv module. Several values in one cell are joined with LIST_SEPARATOR. A text cell that
Excel would run as a formula (starting with =, +, -, @, tab or CR) gets a leading single quote
(OWASP "CSV injection"), as the report template does (reports/spreadsheet/cells.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..reports.spreadsheet.cells import FORMULA_START, neutralise

BOM = b"\xef\xbb\xbf"
LIST_SEPARATOR = "; "
TYPES = {
    "string": "văn bản",
    "integer": "số nguyên",
    "number": "số",
    "date": "ngày (yyyy-mm-dd)",
    "boolean": "đúng/sai (true/false)",
}  # Table Schema types used, with their Vietnamese names
__all__ = ["BOM", "FORMULA_START", "LIST_SEPARATOR", "TYPES", "Column", "Table", "cell", "csv_bytes"]


@dataclass(frozen=True)
class Column:
    """One column: its header (`name`, as the JSON key of the same value where there is one), Table
    Schema type, Vietnamese meaning, and how a row gives its value.

    `value` returns None (empty cell), text, a number, a date, a bool or a tuple of texts (a list).
    """

    name: str
    type: str
    description: str
    value: Callable[[Any], object]
    required: bool = False  # never empty
    choices: tuple[str, ...] = ()  # the codes a column may hold (Table Schema's enum constraint)

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Table:
    """A CSV file's columns; `row` says what one row is; keys as Table Schema's primaryKey/foreignKeys."""

    columns: tuple[Column, ...]
    row: str  # "Mỗi dòng là một nhiệm vụ."
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()  # (fields, resource, its fields)

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]


def cell(value: object, column: Column) -> str:
    """The text of one cell: '' for nothing, ISO dates, '12' for 12.0, lists joined, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = LIST_SEPARATOR.join(value) if isinstance(value, tuple) else str(value)
    return neutralise(text) if column.type == "string" else text


def csv_bytes(table: Table, rows: list) -> bytes:
    """The header and one line per row, as the bytes of the file (BOM, CRLF)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows([cell(column.value(row), column) for column in table.columns] for row in rows)
    return BOM + out.getvalue().encode("utf-8")
