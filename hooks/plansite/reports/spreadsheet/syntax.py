"""Faults in a CSV file's text itself, found at their spreadsheet row and column: a quote that is never
closed (the rest of the file would read as one cell) or text after a closing quote, and control
characters in a cell. Python's csv module says only that something went wrong; these say where.
Rows are the spreadsheet's: a line break inside a quoted cell does not start a new row.
"""

from __future__ import annotations

from ...i18n import _
from ...text import CONTROL_CHARACTERS, control_name
from .problems import CsvProblem


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA': the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def quote_fault(text: str, delimiter: str) -> tuple[int, int, str, str] | None:
    """(row, column index, message, hint) of the first quoting fault with this separator, or None."""
    row, column, i, n = 1, 0, 0, len(text)
    at_start = True  # at the start of a cell: only there does a quote open a quoted cell
    while i < n:
        ch = text[i]
        if at_start and ch == '"':
            opened, first = (row, column), i
            i += 1
            while True:
                close = text.find('"', i)
                if close < 0:
                    return (
                        *opened,
                        _(
                            'Expected a closing quote (") for the cell that begins with a quote but it '
                            "is never closed; the rest of the file would read as one cell."
                        ),
                        _(
                            'close the quote or delete it (a quote inside a cell is written twice: ""); or save the sheet from '  # noqa: E501
                            "Excel again as 'CSV UTF-8'."
                        ),
                    )
                if text.startswith('""', close):
                    i = close + 2
                    continue
                i = close + 1
                break
            if i < n and text[i] not in (delimiter, "\r", "\n") and "\n" in text[first:i]:
                # The quote ran over line ends into another cell's quote: it was never closed where meant.
                return (
                    *opened,
                    _(
                        'Expected a closing quote (") for the cell that begins with a quote but it is '
                        "not closed on its row; it runs on to line {line} of the file."
                    ).format(line=text.count(chr(10), 0, i) + 1),
                    _(
                        'close the quote or delete it (a quote inside a cell is written twice: ""); or save the sheet from '  # noqa: E501
                        "Excel again as 'CSV UTF-8'."
                    ),
                )
            if i < n and text[i] not in (delimiter, "\r", "\n"):
                return (
                    row,
                    column,
                    _(
                        "Expected '{delimiter}' or the end of the row after the closing quote but received '{found}'."
                    ).format(delimiter=delimiter, found=text[i]),
                    _(
                        'a quote inside a cell is written twice (""), or the whole cell is put in quotes; save '
                        "the sheet from Excel again as 'CSV UTF-8'."
                    ),
                )
            at_start = False
            continue
        if ch == delimiter:
            column, at_start = column + 1, True
        elif ch == "\n" or (ch == "\r" and not text.startswith("\n", i + 1)):
            row, column, at_start = row + 1, 0, True
        elif ch != "\r":
            at_start = False
        i += 1
    return None


def control_faults(rows: list[list[str]], file: str, header: int | None, column_of: dict[int, str]) -> list[CsvProblem]:
    """A problem at every cell holding a control character (tab and line breaks aside); the character is
    then removed from the cell so that the checks that follow do not report the cell again.
    `header`: index of the header row; column_of: column index → its name in the table."""
    problems = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            found = CONTROL_CHARACTERS.search(cell)
            if not found:
                continue
            name = column_of.get(c, column_letter(c)) if header is not None and r > header else column_letter(c)
            problems.append(
                CsvProblem(
                    file,
                    r + 1,
                    name,
                    _(
                        "Expected text without control characters but received "
                        "{found} at character {position} of the cell."
                    ).format(found=control_name(found.group()), position=found.start() + 1),
                    _("delete it: a control character is invisible and is not text; tabs and line breaks are allowed."),
                )
            )
            row[c] = CONTROL_CHARACTERS.sub("", cell)
    return problems
