"""Reports through a spreadsheet: a CSV template of one plan and period, filled in Excel, imported as
plan_data/reports/<plan>/<period>/<reporter>.yaml. The modules, in the order of the flow:

    layout       the sheet: report-fact rows, table columns, and the rules staff are told (start here)
    cells        reading one cell: statuses, numbers, dates, lists; formulas kept out of Excel
    names        periods, plans and bodies as people name them; where a report file lives
    template     writing the template (the duty it fulfils, each task's timing, statuses and an example)
    syntax       faults in the CSV's text at their row and column: quotes, control characters
    reading      a filled CSV → what it says (`Parsed`), with facts and task_rows for its two parts
    problems     problems at a spreadsheet row and column, loader problems moved there
    validation   the project's own checks, in a temporary copy of plan_data/
    report_yaml  the report file's text, as an editor would write it
    importer     the import, end to end (atomic; --force only over a report git keeps)
    cli          the two commands: report-template and import-report

Below, the names the tests and other code use, so that they need not know which module holds each.
"""

from .cells import FORMULA_START, neutralise, parse_date, parse_number, parse_status, unneutralise
from .layout import COLUMNS, HEADER, META
from .names import UsageError, parse_period, period_code, report_path

__all__ = [
    "COLUMNS",
    "FORMULA_START",
    "HEADER",
    "META",
    "UsageError",
    "neutralise",
    "parse_date",
    "parse_number",
    "parse_period",
    "parse_status",
    "period_code",
    "report_path",
    "unneutralise",
]
