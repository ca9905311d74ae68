"""Checking what a CSV says by the project's own rules, as the build will: each task row through the
report schema (reports/schema.py), then the report file that would be written, put into a temporary
copy of plan_data/ and loaded with the rest of the project (reports/project.py).
Every problem found lands at its spreadsheet row and column (problems.py), all in one run.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ...data.model import Plan, Project
from ...data.paths import DATA_DIR
from ...data.problems import DataError, Problem
from ...data.schema_kinds import Context
from ...data.yamlsource import YamlDocument
from ...i18n import _
from ..periods import covered
from ..project import load_checked
from ..schema import TASK_REPORT
from ..task_rules import is_recurring
from .names import find_plan, report_path
from .problems import CsvProblem, cell_of, in_csv_words
from .reading import Parsed
from .report_yaml import report_yaml


def load_copy(root: Path, tmp: Path, relative: str | None, text: str | None) -> tuple[Project | None, list[Problem]]:
    """Load a copy of root's plan_data in tmp, with the report file at `relative` replaced by `text`:
    (project, warnings about that file), or (None, every problem). The real plan_data is never touched."""
    shutil.rmtree(tmp / DATA_DIR, ignore_errors=True)
    shutil.copytree(root / DATA_DIR, tmp / DATA_DIR, ignore=shutil.ignore_patterns("__pycache__"))
    # Evidence may name files under docs/: the copy must see them where the project has them.
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


def _add(parsed: Parsed, problem: Problem, rows: list[int]) -> None:
    """Add a loader's problem at its cell, unless that cell already has one (a refused value's stand-in)."""
    row, column = cell_of(problem.path, problem.message, rows, parsed.header_row, parsed.meta_rows)
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
    return "thuong-xuyen" if task is not None and is_recurring(task) else "dang-thuc-hien"


def _report_dict(meta: dict, tasks: list[dict]) -> dict:
    """The report file's content, from the facts (period as (kind, year, number)) and the task entries."""
    kind, year, number = meta["period"]
    report = {
        "plan": meta["plan"],
        "period": {"kind": kind, "year": year, **({"number": number} if number else {})},
        "reporter": meta["reporter"],
    }
    for key in ("recipient", "number"):
        if meta.get(key):
            report[key] = meta[key]
    report["submitted_on"] = meta["submitted_on"]
    report["tasks"] = tasks
    return report


def _report(parsed: Parsed, project: Project) -> tuple[dict, list[int]] | None:
    """The report and the spreadsheet row of each of its tasks. When the CSV has problems, a refused
    value is replaced by a valid stand-in (a required one) or left out, so that the loader's checks still
    reach every other value; such a report is only checked, never written. None when the plan or the
    period is unknown (nothing else can be checked)."""
    meta = dict(parsed.meta)
    if "plan" not in meta or "period" not in meta:
        return None
    plan = find_plan(project, meta["plan"])
    meta.setdefault("reporter", plan.issuer)
    meta.setdefault("submitted_on", covered(*meta["period"])[1])
    tasks, rows = [], []
    for number, entry in parsed.tasks:
        if "task" not in entry:
            continue
        tasks.append(
            {"task": entry["task"], "status": entry.get("status") or _placeholder_status(plan, entry["task"]), **entry}
        )
        rows.append(number)
    return _report_dict(meta, tasks), rows


def _reporter(parsed: Parsed, project: Project) -> str:
    """The reporting body: as the CSV names it, else the plan's issuer (a stand-in, only to check the rest)."""
    return parsed.meta.get("reporter") or find_plan(project, parsed.meta["plan"]).issuer


def validate(parsed: Parsed, project: Project, root: Path, tmp: Path, force: bool) -> tuple[str | None, str | None]:
    """Check `parsed` against the project at root (tmp: a scratch folder), adding every problem to it:
    (the report file's path relative to root, its text), or (None, None) when the plan or the period
    is unknown. The text is fit to write only when `parsed` has no problems (warnings aside)."""
    if _report(parsed, project) is None:
        return None, None
    relative = report_path(parsed.meta["plan"], parsed.meta["period"], _reporter(parsed, project))
    _check_rows(parsed, relative, root / DATA_DIR)
    if (root / relative).exists() and not force and parsed.meta.get("reporter"):  # not a stand-in's file
        parsed.fail(
            None,
            None,
            _("Expected a new report but {file} already exists: the report of '{reporter}' for this period.").format(
                file=relative, reporter=_reporter(parsed, project)
            ),
            _(
                "to replace that body's report, import with --force (make import-report FILE=… FORCE=1); the "
                "reports of other bodies are never replaced. The replaced file stays in git's history."
            ),
        )
    report, rows = _report(parsed, project)  # again: the rows' checks left refused values out
    text = report_yaml(report, Path(parsed.file).name)
    # Exactly as the build loads it: a copy of plan_data with this file in place (replacing any).
    problems = load_copy(root, tmp, relative, text)[1]
    for problem in problems:
        if problem.warning and problem.file == relative:
            row, column = cell_of(problem.path, problem.message, rows, parsed.header_row, parsed.meta_rows)
            parsed.warnings.append(CsvProblem(parsed.file, row, column, problem.message, problem.hint, warning=True))
        elif problem.warning:
            continue  # another file's warning: `make check` tells it
        elif problem.file == relative:
            _add(parsed, problem, rows)
        else:  # another file (e.g. the same task in another report of this period)
            parsed.problems.append(
                CsvProblem(f"{problem.file}:{problem.line}", None, None, problem.message, problem.hint)
            )
    return relative, text
