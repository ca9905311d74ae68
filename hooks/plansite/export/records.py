"""Records as JSON values, keys in the order of their schema (data/schema.py), nothing left out.

Every key of the schema is written, an empty one as null (a list as []), so that all records of one
file have the same keys; dates are yyyy-mm-dd. What the site computes rather than reads (a task's
number and current status, the days a report covers) comes after the schema's keys, under the names
in DERIVED: without them, a record is valid against its published JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import json

from ..data.model import Plan
from ..data.schema import PLACES_FILE, PLAN_FILE
from ..data.schema_kinds import Kind, List, Obj
from ..reports.model import Report
from ..reports.schema import REPORT_FILE
from ..reports.status import STATUS_LABELS, Progress

PLACE = PLACES_FILE.fields["places"].kind.item
# Keys the site adds to records, by record kind: not in the YAML, so not in its schema.
DERIVED = {"task": ("number", "status"), "report": ("covered",)}


def to_json(value: object, kind: Kind) -> object:
    """`value` (a model record or one of its values) as JSON data, following `kind`."""
    if value is None:
        return None
    if isinstance(kind, Obj):
        return {name: to_json(getattr(value, name), spec.kind) for name, spec in kind.fields.items()}
    if isinstance(kind, List):
        return [to_json(item, kind.item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def task_status(progress: Progress, plan: Plan, task_id: str) -> dict:
    """The current status of a task: its code, label and the last day of data behind it (null without report)."""
    status, as_of = progress.status(plan, task_id), progress.as_of(plan, task_id)
    return {"code": status, "label": STATUS_LABELS[status], "as_of": as_of.isoformat() if as_of else None}


def plan_record(plan: Plan, progress: Progress) -> dict:
    """A plan as in plan.schema.json, each task with its number and current status added."""
    record = to_json(plan, PLAN_FILE)
    for section in record["content"]["sections"]:
        section["tasks"] = [
            {**task, "number": plan.task_numbers[task["id"]], "status": task_status(progress, plan, task["id"])}
            for task in section["tasks"]
        ]
    return record


def report_record(report: Report) -> dict:
    """A report as in report.schema.json, with the days its data covers (stated, or Nghị định 09/2019)."""
    start, end = report.covered
    return {**to_json(report, REPORT_FILE), "covered": {"start": start.isoformat(), "end": end.isoformat()}}


def registry_records(records, kind: Obj) -> list:
    """Places, agencies or documents as JSON, sorted by id."""
    return [to_json(record, kind) for record in sorted(records, key=lambda record: record.id)]


def json_bytes(data: object) -> bytes:
    """UTF-8 JSON (letters as they are, not \\u escapes), keys in the given order, no indentation, newline at
    the end; a file of records ({"agencies": [...]}) one record a line. Python's C encoder writes it all
    (`indent` would take its pure-Python one, seconds at a province's scale, and a third of the bytes)."""
    if isinstance(data, dict) and len(data) == 1:
        ((key, records),) = data.items()
        if isinstance(records, list) and records:
            lines = ",\n".join(_compact(record) for record in records)
            return f"{{{_compact(key)}:[\n{lines}\n]}}\n".encode()
    return (_compact(data) + "\n").encode("utf-8")


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def report_order(report: Report) -> tuple:
    """Reports by plan, the days their data covers, reporter, submission date and number."""
    return (report.plan, *report.covered, report.reporter, report.submitted_on, report.number or "")


def package_bytes(descriptor: dict) -> bytes:
    """datapackage.json indented: people read it to find their way through the files."""
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
