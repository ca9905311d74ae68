"""Problems told in the spreadsheet's words: `CsvProblem` prints as `file.csv:row:column: message`,
and a problem the loader found in the YAML that would be written (at a path such as
`tasks[2].outputs[0].unit`, about a key such as 'reason') is moved to the row and column it came from,
its key names replaced by the column headers staff see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...data.problems import hint_line
from ...data.schema_kinds import key_example, key_phrase, remove_phrase
from ...i18n import _
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
        return f"{where}: {_('Warning: ') if self.warning else ''}{self.message}" + (
            hint_line(self.hint) if self.hint else ""
        )


def _key_pattern(phrase: str) -> re.Pattern:
    """A pattern matching `phrase` (a key phrase in the reader's language, made for the key '{key}'),
    the key's name captured: the phrases are the catalogue's, so this reads messages in either language."""
    return re.compile(re.escape(phrase).replace(re.escape("{key}"), r"(\w+)"))


def _csv_phrases() -> list[tuple[re.Pattern, str]]:
    """(a loader's phrase naming a key, the same phrase naming its column): in the reader's language."""
    return [
        (_key_pattern(_("add a line '{key}: ...' to this item.")), _("fill in '{column}'.")),
        (_key_pattern(key_example("{key}")), _("the column '{column}'")),
        (_key_pattern(key_phrase("{key}")), _("the column '{column}'")),
        (_key_pattern(remove_phrase("{key}")), _("empty '{column}'")),
    ]


def cell_of(
    path: str, message: str, rows: list[int], header_row: int | None, fact_rows: dict[str, int]
) -> tuple[int | None, str | None]:
    """(spreadsheet row, column) of a problem at a YAML path as printed ('tasks[2].outputs[0].unit'):
    rows[i] is the row of tasks[i], fact_rows the row of each report fact. A problem about a missing
    key ('Expected the key 'reason' …') points at that key's column."""
    row, column = None, None
    match = re.match(r"tasks\[(\d+)\](.*)", path)
    named = _key_pattern(key_phrase("{key}")).search(message)
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
    for pattern, column_phrase in _csv_phrases():
        text = pattern.sub(
            lambda m: column_phrase.format(column=COLUMN_OF[m.group(1)]) if m.group(1) in _TASK_KEYS else m.group(0),
            text,
        )
    return text
