"""The typed model of implementation reports: one file per plan and reporting period.

Field meanings are documented once, in `reports/schema.py`, like the plan data's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..data.model import Origin, Project
from ..text import name_key
from .periods import covered


def what_beyond_unit(unit: str, what: str | None) -> str | None:
    """`what` without the words it repeats from the end of `unit`, so that a count reads once:
    ('hội nghị', 'hội nghị quán triệt') → 'quán triệt'; ('lượt người', 'người tham dự') → 'tham dự'."""
    if not what:
        return None
    unit_words, what_words = unit.split(), what.split()
    for size in range(min(len(unit_words), len(what_words)), 0, -1):
        if [name_key(w) for w in unit_words[-size:]] == [name_key(w) for w in what_words[:size]]:
            return " ".join(what_words[size:]) or None
    return what


@dataclass(frozen=True)
class Output:
    """A counted result: '3 hội nghị', '450 lượt người tham dự'."""

    quantity: float
    unit: str
    what: str | None = None
    origin: Origin = field(default=None, compare=False)

    @property
    def shown_what(self) -> str | None:
        """What was counted, as shown after the unit: without the words the unit already says."""
        return what_beyond_unit(self.unit, self.what)


@dataclass(frozen=True)
class TaskReport:
    """What one report says about one task."""

    task: str
    status: str
    done: str | None = None
    progress: int | None = None
    reason: str | None = None
    outputs: tuple[Output, ...] = ()
    evidence: tuple[str, ...] = ()
    difficulties: str | None = None
    proposals: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class ReportPeriod:
    """The period a report covers: its kind and year (and month or quarter); `start`/`end` when the
    file states the range (thematic and ad-hoc reports, or a plan's own rule)."""

    kind: str
    year: int
    number: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Report:
    """One implementation report of one body on one plan for one period."""

    plan: str
    period: ReportPeriod
    reporter: str
    submitted_on: dt.date
    tasks: tuple[TaskReport, ...] = ()
    recipient: str | None = None
    number: str | None = None
    example: bool = False
    note: str | None = None
    origin: Origin = field(default=None, compare=False)

    @property
    def covered(self) -> tuple[dt.date, dt.date]:
        """(first, last) day of the data: as the file states it, or per Nghị định 09/2019."""
        if self.period.start and self.period.end:
            return self.period.start, self.period.end
        return covered(self.period.kind, self.period.year, self.period.number)


@dataclass(frozen=True)
class ReportedProject(Project):
    """A project with its implementation reports: what the calendar, the site and the export read."""

    reports: tuple[Report, ...] = ()  # sorted by plan, then year and period, then file
