"""Problems told in the spreadsheet's words: `CsvProblem` prints as `file.csv:row:column: message`,
and a problem the loader found in the YAML that would be written (at a path such as
`tasks[2].outputs[0].unit`, about a key such as 'reason') is moved to the row and column it came from,
its key names replaced by the column headers staff see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import COLUMN_OF, HEADER, META_LABEL, READ_ONLY

# Keys of a task entry that the reporter fills, each shown in its column ('number' and 'text' are
# only in the template, for the reader).
_TASK_KEYS = {key for key in COLUMN_OF if key not in READ_ONLY[1:]}


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong in the CSV: its spreadsheet row (None: the file) and column (None: the row)."""

    file: str
    row: int | None
    column: str | None
    message: str
    hint: str = ""
    warning: bool = False  # worth fixing, but the report is still written

    def sort_key(self) -> tuple:
        """Row by row, and within a row in the table's column order, as staff read the sheet."""
        order = HEADER.index(self.column) if self.column in HEADER else -1
        return (self.row or 0, order, self.column or "", self.message)

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row else "") + (f":{self.column}" if self.column else "")
        return (f"{where}: {'Warning: ' if self.warning else ''}{self.message}" +
                (f"\n  Hint: {self.hint}" if self.hint else ""))


def cell_of(path: str, message: str, rows: list[int], header_row: int | None,
            fact_rows: dict[str, int]) -> tuple[int | None, str | None]:
    """(spreadsheet row, column) of a problem at a YAML path as printed ('tasks[2].outputs[0].unit'):
    rows[i] is the row of tasks[i], fact_rows the row of each report fact. A problem about a missing
    key ('Expected the key 'reason' …') points at that key's column."""
    row, column = None, None
    match = re.match(r"tasks\[(\d+)\](.*)", path)
    named = re.search(r"the key '(\w+)'", message)
    if match:
        i = int(match.group(1))
        row = rows[i] if i < len(rows) else None
        keys = re.findall(r"\.(\w+)", match.group(2)) + ([named.group(1)] if named else [])
        column = next((COLUMN_OF[k] for k in reversed(keys) if k in COLUMN_OF and k not in READ_ONLY[1:]), None)
    elif path.startswith("tasks"):
        row = header_row
    else:
        key = path.split(".")[0].split("[")[0]
        if key not in META_LABEL and named:
            key = named.group(1)
        if key in META_LABEL:
            row, column = fact_rows.get(key), META_LABEL[key]
    return row, column


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
