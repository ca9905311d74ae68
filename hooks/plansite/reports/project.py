"""Load and check a whole project: plan_data/ (data/load.py) and its reports (reports/checks.py,
reports/tracking.py), every problem in one run.

    project, warnings = load_checked(Path("."))   # reads ./plan_data; DataError lists every problem

The top of the reports layer: the one module that knows both the data's and the reports' files, so
that data/ knows nothing of reports. Runs without MkDocs; the site build, `make check`, the preview of
one plan and the spreadsheet import all call it.
"""

from __future__ import annotations

import json
from pathlib import Path as FsPath

from ..data.load import read_data
from ..data.problems import DataError, Problem
from ..data.schema import DATA_FILE_KINDS
from ..data.scope import load_scoped as scoped
from . import checks, tracking
from .model import ReportedProject
from .schema import REPORT_FILE

# Every kind of file in plan_data/: schema file name → root spec (the order of the open-data schemas).
FILE_KINDS = {**DATA_FILE_KINDS, "report": REPORT_FILE}


def load_checked(root: FsPath) -> tuple[ReportedProject, tuple[Problem, ...]]:
    """Read, check and cross-check every file under root/plan_data: (project, warnings), or DataError."""
    data = read_data(FsPath(root), FILE_KINDS)
    # Reports by plan, then year and period (a period may still be invalid here: no dates computed yet).
    reports = sorted(
        zip(data.records["report"], data.documents["report"]),
        key=lambda pair: (
            pair[0].plan,
            pair[0].period.year,
            pair[0].period.number or 0,
            pair[0].period.kind,
            pair[1].file,
        ),
    )
    found = checks.check(data.project, reports) + tracking.check(data.project, reports)
    errors = list(data.errors) + [p for p in found if not p.warning]
    warnings = list(data.warnings) + [p for p in found if p.warning]
    if errors:
        raise DataError(errors + warnings)
    project = ReportedProject(**vars(data.project), reports=tuple(report for report, _doc in reports))
    return project, tuple(sorted(warnings))


def load_scoped(root: FsPath, plan_id: str) -> tuple[ReportedProject, tuple[Problem, ...]]:
    """The one-plan preview of `make serve PLAN=…` (data/scope.py), checked by this loader."""
    return scoped(root, plan_id, load_checked)


def schema_documents() -> dict[str, str]:
    """File name → JSON text of the schema for each kind of data file."""
    out = {}
    for kind, spec in FILE_KINDS.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"plan_data {kind} file",
            **spec.json_schema(),
        }
        out[f"{kind}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
