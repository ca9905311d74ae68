"""Reports of periods a plan is not tracked for: before `life.tracked_from`, or after the plan ended.

Warnings, not errors: such a report is real and stays published, but the calendar lists no such period
(see `calendar`), so the editor is told in case a date or the period was mistyped.
"""

from __future__ import annotations

from ..data.model import Project
from ..data.plan_life import life_end
from ..data.problems import Problem
from ..data.yamlsource import YamlDocument
from ..i18n import _
from ..text import date_numeric
from .model import Report


def check(project: Project, reports: list[tuple[Report, YamlDocument]]) -> list[Problem]:
    """A warning for each report whose period lies wholly outside its plan's tracked time."""
    plans = {plan.id: plan for plan in project.plans}
    problems = []
    for report, doc in reports:
        plan = plans.get(report.plan)
        if plan is None or plan.life is None:
            continue
        start, end = report.covered
        tracked, ended = plan.life.tracked_from, life_end(plan, project)
        if tracked and end < tracked:
            problems.append(
                doc.problem(
                    ("period",),
                    _(
                        "Expected a period the site tracks (from {tracked}, "
                        "life.tracked_from of plan '{plan}') but received one that ends "
                        "{end}."
                    ).format(tracked=date_numeric(tracked), plan=plan.id, end=date_numeric(end)),
                    _("check the report's year and period, or the plan's tracked_from."),
                    warning=True,
                )
            )
        elif ended and start > ended:
            problems.append(
                doc.problem(
                    ("period",),
                    _(
                        "Expected a period before the plan '{plan}' ended ({ended}) "
                        "but received one that begins {start}."
                    ).format(plan=plan.id, ended=date_numeric(ended), start=date_numeric(start)),
                    _("check the report's year and period, or the plan's life."),
                    warning=True,
                )
            )
    return problems
