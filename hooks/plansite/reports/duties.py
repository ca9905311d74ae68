"""The reporting duties of a plan, one per reporting body: who reports to whom, how often, by when.

A duty under III names bodies (the item's agencies), recipients (`reports_to`) and frequencies; each
body of the item owes each kind of report. The reporting calendar (calendar.py) counts a report as
received for a duty when its reporter and period kind match; a report that matches no duty is
counted nowhere, which the loader warns about (checks.py) and the template prevents (it names the
duty it is made for).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data.model import Plan
from .periods import FREQUENCY_PERIODS


@dataclass(frozen=True)
class ReportingDuty:
    """One body's duty to send one kind of report: item III.<item>, duty number `duty` in it."""

    item: str
    duty: int
    reporter: str
    recipients: tuple[str, ...]
    kind: str
    deadline_days: int | None

    def due(self, data_end: dt.date) -> dt.date | None:
        """The due date of the report whose data ends on `data_end` (None: the plan sets no deadline)."""
        return data_end + dt.timedelta(days=self.deadline_days) if self.deadline_days else None


def reporting_duties(plan: Plan) -> list[ReportingDuty]:
    """Every body's reporting duty of the plan, in the plan's order."""
    out = []
    for item in plan.implementation.items:
        for index, duty in enumerate(item.duties):
            if not duty.reports_to:
                continue
            for frequency in duty.frequency:
                for reporter in item.agencies:
                    out.append(
                        ReportingDuty(
                            item.number,
                            index,
                            reporter,
                            duty.reports_to,
                            FREQUENCY_PERIODS[frequency],
                            duty.deadline_days,
                        )
                    )
    return out


def duties_for(plan: Plan, kind: str) -> list[ReportingDuty]:
    """The duties that ask for a report of this period kind, from any body."""
    return [d for d in reporting_duties(plan) if d.kind == kind]


def fulfilled_duties(plan: Plan, reporter: str, kind: str) -> list[ReportingDuty]:
    """The duties a report of `reporter` and period kind `kind` fulfils (as the calendar counts it)."""
    return [d for d in duties_for(plan, kind) if d.reporter == reporter]
