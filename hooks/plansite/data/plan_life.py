"""Checks of a plan's life (`life:`): in force, ended or replaced, and from when the site tracks it.

Run with `sanity` on data that passed every other check (references resolve, dates are dates).
"""

from __future__ import annotations

import datetime as dt

from ..i18n import _
from ..text import date_numeric
from .model import Plan, Project
from .problems import Problem
from .yamlsource import YamlDocument


def life_end(plan: Plan, project: Project) -> dt.date | None:
    """The last day the plan was carried out: its end date, else (replaced) the replacing document's date."""
    life = plan.life
    if life is None or life.status == "in-force":
        return None
    if life.ended_on:
        return life.ended_on
    replacing = next((d for d in project.documents if d.id == life.replaced_by), None)
    return replacing.issued_on if replacing else None


def check(plan: Plan, doc: YamlDocument) -> list[Problem]:
    """Errors: a status without the facts it needs, facts that contradict the status, dates out of order."""
    life = plan.life
    if life is None:
        return []
    problems = []
    if life.status == "ended" and life.ended_on is None:
        problems.append(
            doc.problem(
                ("life", "status"),
                _("Expected the key 'ended_on' for a plan of status 'ended' but it is missing."),
                _("add 'ended_on: yyyy-mm-dd' as the source gives it, and say in 'source' where it comes from."),
            )
        )
    if life.status == "replaced" and life.replaced_by is None:
        problems.append(
            doc.problem(
                ("life", "status"),
                _("Expected the key 'replaced_by' for a plan of status 'replaced' but it is missing."),
                _(
                    "add the id of the replacing document's record (legal.yaml or legal/), e.g. "
                    "'replaced_by: ke-hoach-60-kh-hu-2016'."
                ),
            )
        )
    if life.status == "ended" and life.replaced_by is not None:
        problems.append(
            doc.problem(
                ("life", "replaced_by"),
                _("Expected no 'replaced_by' for a plan of status 'ended' but received '{id}'.").format(
                    id=life.replaced_by
                ),
                _("set 'status: replaced' when another document replaces the plan, or delete 'replaced_by'."),
            )
        )
    if life.status == "in-force":
        for key in ("ended_on", "replaced_by"):
            if getattr(life, key) is not None:
                problems.append(
                    doc.problem(
                        ("life", key),
                        _("Expected no '{key}' for a plan in force but received '{value}'.").format(
                            key=key, value=getattr(life, key)
                        ),
                        _("set 'status: ended' or 'status: replaced', or delete '{key}'.").format(key=key),
                    )
                )
    if life.replaced_by and life.replaced_by == plan.document:
        problems.append(
            doc.problem(
                ("life", "replaced_by"),
                _("Expected another document than the plan's own record but received '{id}'.").format(
                    id=life.replaced_by
                ),
                _("name the document that replaces the plan."),
            )
        )
    for key in ("ended_on", "tracked_from"):
        value = getattr(life, key)
        if value and plan.issued_on and value < plan.issued_on:
            problems.append(
                doc.problem(
                    ("life", key),
                    _("Expected a date not before the plan's own ({issued}) but received {date}.").format(
                        issued=date_numeric(plan.issued_on), date=date_numeric(value)
                    ),
                    _("check the date against the source."),
                )
            )
    if life.tracked_from and life.ended_on and life.tracked_from > life.ended_on:
        problems.append(
            doc.problem(
                ("life", "tracked_from"),
                _("Expected a date not after the plan's end ({ended}) but received {date}.").format(
                    ended=date_numeric(life.ended_on), date=date_numeric(life.tracked_from)
                ),
                _("a plan is tracked while it is carried out; check both dates."),
            )
        )
    return problems
