"""What a person names when asking for a template or filling in its facts, resolved against the
project: a period written as the report files are named ('2026-quy-2'), a plan by its id, a body by its
id, name or alias; and where the report file of a plan and period lives. Both the command line (cli.py)
and the report-fact rows of a filled CSV (facts.py) name things this way, with the same hints.
"""

from __future__ import annotations

import difflib
import re

from ...data.model import Plan, Project
from ...data.paths import report_path as _report_path
from ...data.problems import did_you_mean, hint_line
from ...i18n import _
from ...text import ascii_fold, name_key, nfc
from ..periods import NUMBERED, period_slug

PERIOD_EXAMPLES = ("2026-6-thang", "2026-nam", "2026-quy-2", "2026-thang-3")


def period_examples() -> str:
    """'2026-6-thang, 2026-nam, 2026-quy-2 or 2026-thang-3', in the reader's language."""
    return ", ".join(PERIOD_EXAMPLES[:-1]) + _(" or ") + PERIOD_EXAMPLES[-1]


_PERIOD = re.compile(r"(\d{4})-(?:(6-thang|nam)|(quy|thang)-([1-9]\d?))")


class UsageError(Exception):
    """A bad argument on the command line (plan, period, reporter, file)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint

    def __str__(self) -> str:
        return self.message + (hint_line(self.hint) if self.hint else "")


# -------------------------------------------------------------------------------------------- periods


def parse_period(text: str) -> tuple[str, int, int | None]:
    """'2026-6-thang' → ('6-thang', 2026, None); '2026-quy-2' → ('quy', 2026, 2); UsageError otherwise."""
    match = _PERIOD.fullmatch(text)
    if not match:
        guess = re.sub(r"-0+(\d)", r"-\1", "-".join(re.findall(r"[a-z0-9]+", ascii_fold(nfc(text)))))
        guess = guess.replace("-06-thang", "-6-thang")
        hint = (
            _("did you mean '{choice}'?").format(choice=guess)
            if _PERIOD.fullmatch(guess)
            else _("write the year first, then the period, as in the report file names; no leading zeros.")
        )
        raise UsageError(
            _("Expected a period written {examples} but received '{text}'.").format(
                examples=period_examples(), text=text
            ),
            hint,
        )
    year, plain, kind, number = match.groups()
    year = int(year)
    if not 1900 <= year <= 2200:
        raise UsageError(
            _("Expected a year from 1900 to 2200 but received {year}.").format(year=year), _("check the year.")
        )
    if plain:
        return plain, year, None
    number, largest = int(number), NUMBERED[kind]
    if number > largest:
        message = (
            _("Expected a month (1–12) but received {number} in '{text}'.")
            if kind == "thang"
            else _("Expected a quarter (1–4) but received {number} in '{text}'.")
        )
        raise UsageError(message.format(number=number, text=text), _("a year has 12 months and 4 quarters."))
    return kind, year, number


def period_code(kind: str, year: int, number: int | None = None) -> str:
    """The inverse of `parse_period`: the name of the period's report folder."""
    return period_slug(kind, year, number)


def report_path(plan_id: str, period: tuple[str, int, int | None], reporter: str) -> str:
    """plan_data/reports/<plan>/<period>/<reporter>.yaml, relative to the project (data/paths.py)."""
    return _report_path(plan_id, period_code(*period), reporter)


# ------------------------------------------------------------------------------------ plans and bodies


def find_plan(project: Project, plan_id: str) -> Plan | None:
    """The plan with this id, or None."""
    return next((p for p in project.plans if p.id == plan_id), None)


def unknown_plan(project: Project, plan_id: str) -> tuple[str, str]:
    """(message, hint) for a plan id that `find_plan` did not find."""
    plans = [p.id for p in project.plans]
    return (
        _("Expected {expected} in {where} but received the unknown id '{id}'.").format(
            expected=_("the id of a plan"), where="plan_data/plans/", id=plan_id
        ),
        did_you_mean(plan_id, plans) or _("the plans: {ids}.").format(ids=", ".join(plans)),
    )


def agency_id(project: Project, text: str) -> str | None:
    """The id of the agency that `text` names: its id, or its exact name or alias (one agency only)."""
    ids = {a.id for a in project.agencies}
    if text in ids:
        return text
    key = name_key(text)
    found = {a.id for a in project.agencies if key in {name_key(n) for n in (a.name, *a.aliases)}}
    return found.pop() if len(found) == 1 else None


def agency_hint(project: Project, text: str) -> str:
    """The hint for a body that `agency_id` could not find: the closest id or name, else an example."""
    names = {a.id: a.id for a in project.agencies} | {a.name: a.id for a in project.agencies}
    close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.6)
    if close:
        return _("did you mean '{choice}' ({name})?").format(
            choice=names[close[0]], name=next(a.name for a in project.agencies if a.id == names[close[0]])
        )
    return _("write the id of a body in plan_data/agencies.yaml, e.g. 'ubnd-xa-ke-sat'.")
