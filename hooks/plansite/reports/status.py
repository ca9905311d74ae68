"""Where each task stands: its reports newest first, its current status, and counts for progress pages.

Everything is derived from the reports in the project; sorting happens here, once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..data.model import Plan
from .model import Report, ReportedProject, TaskReport
from .schema import STATUSES

NO_REPORT = "chua-co-bao-cao"  # not a status a report can give: the absence of any report
STATUS_LABELS = {**STATUSES, NO_REPORT: "Chưa có báo cáo"}


@dataclass(frozen=True)
class Entry:
    """One report's word on one task."""

    report: Report
    task: TaskReport


@dataclass(frozen=True)
class Progress:
    """Reports per task, newest first, for every plan; and whether any report is example data."""

    timelines: Mapping[tuple[str, str], tuple[Entry, ...]] = field(default_factory=dict)  # (plan id, task id) → entries
    has_examples: bool = False

    def timeline(self, plan: Plan, task_id: str) -> tuple[Entry, ...]:
        return self.timelines.get((plan.id, task_id), ())

    def status(self, plan: Plan, task_id: str) -> str:
        """The newest report's status, or NO_REPORT."""
        entries = self.timeline(plan, task_id)
        return entries[0].task.status if entries else NO_REPORT

    def as_of(self, plan: Plan, task_id: str) -> dt.date | None:
        """The last day of data behind the current status ("Số liệu tính đến …")."""
        entries = self.timeline(plan, task_id)
        return entries[0].report.covered[1] if entries else None

    def counts(self, plan: Plan, task_ids: list[str]) -> dict[str, int]:
        """How many of these tasks stand at each status, in the vocabulary's order (zeros kept)."""
        found = Counter(self.status(plan, t) for t in task_ids)
        return {status: found.get(status, 0) for status in STATUS_LABELS}


def build_progress(project: ReportedProject) -> Progress:
    """Index every report by task, newest first (by the end of the data, then submission date)."""
    timelines: dict[tuple[str, str], list[Entry]] = {}
    for report in project.reports:
        for entry in report.tasks:
            timelines.setdefault((report.plan, entry.task), []).append(Entry(report, entry))
    newest_first = {
        key: tuple(
            sorted(entries, reverse=True, key=lambda e: (e.report.covered[1], e.report.submitted_on, e.report.reporter))
        )
        for key, entries in timelines.items()
    }
    return Progress(MappingProxyType(newest_first), any(r.example for r in project.reports))
