"""The reporting calendar: every report a plan's duties call for, when it is due, and whether it came.

A duty under III names who reports (the item's bodies), to whom (`reports_to`) and how often
(`frequency`); the periods follow Nghị định 09/2019 (see `periods`). Only the periods a plan is tracked
for are listed: none that ends before its date (or `life.tracked_from`), none that starts after it ended
or was replaced. A due date is known only where the plan sets one (`deadline_days` after the period's
data ends); otherwise the calendar says the plan sets none and never calls a report late. "Today" is the build date,
never the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data.plan_life import life_end
from .duties import reporting_duties
from .model import Report, ReportedProject
from .periods import covered, period_label, periods_in_year

STATES = {
    "da-nhan": "Đã nhận",
    "qua-han": "Quá hạn",
    "chua-nhan": "Hết kỳ, chưa nhận",
    "chua-den-ky": "Chưa đến kỳ",
    "khong-ro": "Chưa rõ (trang không ghi ngày lập)",
}


@dataclass(frozen=True)
class DueReport:
    """One report that a duty calls for."""

    plan: str
    item: str  # the number of the item of part III that sets the duty
    duty: int  # the duty's place in that item (an item may ask for several reports)
    reporter: str
    recipients: tuple[str, ...]
    kind: str
    year: int
    number: int | None
    start: dt.date  # first day of the data
    end: dt.date  # last day of the data
    due: dt.date | None  # None: the plan sets no deadline
    received: Report | None

    @property
    def label(self) -> str:
        return period_label(self.kind, self.year, self.number)

    @property
    def uid(self) -> str:
        """Stable identity, e.g. for calendar events: the same duty and period always give the same id."""
        return f"{self.plan}.muc-{self.item}-{self.duty}.{self.reporter}.{self.kind}-{self.year}-{self.number or 0}"

    def state(self, today: dt.date | None) -> str:
        if self.received:
            return "da-nhan"
        if today is None:
            return "khong-ro"
        if today <= self.end:
            return "chua-den-ky"
        return "qua-han" if self.due and today > self.due else "chua-nhan"


def build_date(project: ReportedProject, source_date_epoch: str | None) -> dt.date | None:
    """ "Today" for the calendar: SOURCE_DATE_EPOCH when set, else the newest date in the data."""
    if source_date_epoch:
        return dt.datetime.fromtimestamp(int(source_date_epoch), dt.UTC).date()
    dates = [r.submitted_on for r in project.reports] + [p.issued_on for p in project.plans if p.issued_on]
    return max(dates, default=None)


def _plan_begins(plan, documents: dict) -> dt.date | None:
    """When the plan is known to exist: its date, or else the newest document it is based on."""
    if plan.issued_on:
        return plan.issued_on
    dates = [documents[d].issued_on for d in plan.basis if documents[d].issued_on]
    return max(dates, default=None)


def due_reports(project: ReportedProject, today: dt.date | None) -> list[DueReport]:
    """Every due report of every plan, by due date (or end of data), then plan, reporter."""
    documents = {d.id: d for d in project.documents}
    received = {(r.plan, r.reporter, r.period.kind, r.period.year, r.period.number): r for r in project.reports}
    out = []
    for plan in project.plans:
        if not plan.period:
            continue
        begins = _plan_begins(plan, documents)
        if plan.life and plan.life.tracked_from:  # the site follows the plan from then: no earlier period
            begins = max(begins, plan.life.tracked_from) if begins else plan.life.tracked_from
        ends = life_end(plan, project)  # an ended or replaced plan calls for no report of a later period
        last = plan.period.end or max(plan.period.start, today.year if today else plan.period.start)
        last = min(last, ends.year) if ends else last
        for duty in reporting_duties(plan):  # the one rule of who owes which report (duties.py)
            for year in range(plan.period.start, last + 1):
                for number in periods_in_year(duty.kind, year):
                    start, end = covered(duty.kind, year, number)
                    if (begins and end < begins) or (ends and start > ends):
                        continue
                    out.append(
                        DueReport(
                            plan.id,
                            duty.item,
                            duty.duty,
                            duty.reporter,
                            duty.recipients,
                            duty.kind,
                            year,
                            number,
                            start,
                            end,
                            duty.due(end),
                            received.get((plan.id, duty.reporter, duty.kind, year, number)),
                        )
                    )
    return sorted(
        out, key=lambda d: (d.due or d.end, d.plan, d.reporter, d.kind, d.year, d.number or 0, d.item, d.duty)
    )
