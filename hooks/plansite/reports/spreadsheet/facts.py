"""Reading the report's facts: the rows above the table, a label in column A and its value in B.
Each value is checked as far as the CSV alone can (a plan, period and bodies that exist, a real date,
a one-line number); the loader checks the rest (validation.py). Labels are matched ignoring case and
diacritics, and an unknown one is refused, since a typo would otherwise lose a value.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ...data.model import Project
from ...data.schema_kinds import Context
from ...data.yamlsource import YamlDocument
from ...i18n import _
from ..schema import REPORT_FILE
from .cells import cell_text, match_key, parse_date
from .layout import META, META_LABEL
from .names import UsageError, agency_hint, agency_id, find_plan, parse_period, unknown_plan
from .problems import CsvProblem

REQUIRED = ("plan", "period", "reporter", "submitted_on")  # a report file without them does not load


@dataclass(frozen=True)
class Facts:
    """The facts read: accepted values by report key, the row of every fact present, the problems."""

    values: dict
    rows: dict
    problems: tuple[CsvProblem, ...]


def read_fact(key: str, text: str, file: str, project: Project) -> tuple[object, tuple[str, str] | None]:
    """(value, None) for the text of one fact's cell, or (None, (message, hint)) when it is refused."""
    if key == "plan":
        return (None, unknown_plan(project, text)) if find_plan(project, text) is None else (text, None)
    if key == "period":
        try:
            return parse_period(text), None
        except UsageError as error:
            return None, (error.message, error.hint)
    if key in ("reporter", "recipient"):
        agency = agency_id(project, text)
        if agency is None:
            return None, (
                _("Expected the id or name of a body in plan_data/agencies.yaml but received '{text}'.").format(
                    text=text
                ),
                agency_hint(project, text),
            )
        return agency, None
    if key == "submitted_on":
        try:
            return parse_date(text), None
        except ValueError as error:
            return None, error.args
    # The report's number: one line, as the schema wants it.
    ctx = Context(YamlDocument(file, None, {}))
    checked = REPORT_FILE.fields[key].kind.check(text, ctx, (key,))
    if ctx.problems:
        return None, (ctx.problems[0].message, ctx.problems[0].hint)
    return checked, None


def _missing(key: str, row: int | None, file: str) -> CsvProblem:
    """A required fact whose row (row None: the whole row) or value is missing."""
    label = META_LABEL[key]
    if row is None:
        return CsvProblem(
            file,
            None,
            label,
            _("Expected a row '{label}' above the table but there is none.").format(label=label),
            _("add a row with '{label}' in column A and the value in column B.").format(label=label),
        )
    hint = (
        _("write the date the report was signed or sent, e.g. 30/06/2026.")
        if key == "submitted_on"
        else _("write the id (see plan_data/agencies.yaml).")
        if key == "reporter"
        else _("make a new template.")
    )
    return CsvProblem(file, row, label, _("Expected a value in column B but the cell is empty."), hint)


def read_facts(rows: list[list[str]], header: int, file: str, project: Project) -> Facts:
    """The facts in rows[:header] (the rows above the table's header, at index `header`)."""
    labels = {match_key(label): label for label in META}
    values: dict = {}
    seen: dict[str, int] = {}  # key → spreadsheet row of its first row
    empty: list[str] = []  # keys whose cell in column B is empty
    problems: list[CsvProblem] = []
    for number, row in enumerate(rows[:header], 1):
        if not any(c.strip() for c in row):
            continue
        raw_label = cell_text(row, 0)
        label = labels.get(match_key(raw_label))
        if label is None:
            close = difflib.get_close_matches(match_key(raw_label), list(labels), n=1, cutoff=0.6)
            problems.append(
                CsvProblem(
                    file,
                    number,
                    "A",
                    _("Expected one of the labels {labels} in column A but received '{text}'.").format(
                        labels=", ".join(META), text=raw_label
                    ),
                    _("did you mean '{choice}'?").format(choice=labels[close[0]])
                    if close
                    else _("keep the template's first rows as they are and fill in column B."),
                )
            )
            continue
        key = META[label]
        if key is None:  # guidance for the person filling in
            continue
        if key in seen:
            problems.append(
                CsvProblem(
                    file,
                    number,
                    label,
                    _("Expected one row '{label}' but received another (first at row {row}).").format(
                        label=label, row=seen[key]
                    ),
                    _("delete one of the two rows."),
                )
            )
            continue
        seen[key] = number
        text = cell_text(row, 1)
        if not text:
            empty.append(key)
            continue
        value, refused = read_fact(key, text, file, project)
        if refused:
            problems.append(CsvProblem(file, number, label, *refused))
        else:
            values[key] = value
    problems += [_missing(key, seen.get(key), file) for key in REQUIRED if key in empty or key not in seen]
    return Facts(values, seen, tuple(problems))
