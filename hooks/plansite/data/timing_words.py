"""Warnings where a task's timing contradicts its own words, or lies outside the plan's years.

The structured timing (kind, years, `every`) is an editor's reading of the source's words; these
catch a slip in that reading ("Định kỳ hằng tháng và đột xuất" under `ongoing`). Warnings: the site is
still published, and the editor gets a hint of what the words suggest.
"""

from __future__ import annotations

import re

from ..i18n import _
from ..text import nfc
from .model import Plan, Timing
from .problems import DataPath, Problem
from .shape import task_timings
from .yamlsource import YamlDocument

# Words (folded: lower case, NFC) → the `every` they say.
_EVERY_WORDS = (
    ("hằng tháng", "hang-thang"),
    ("hàng tháng", "hang-thang"),
    ("hằng quý", "hang-quy"),
    ("hàng quý", "hang-quy"),
    ("6 tháng", "6-thang"),
    ("06 tháng", "6-thang"),
    ("sáu tháng", "6-thang"),
    ("hằng năm", "hang-nam"),
    ("hàng năm", "hang-nam"),
)
_PERIODIC_KINDS = {"periodic", "periodic-and-on-demand"}
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def _words(timing: Timing) -> str:
    return nfc(timing.text).casefold()


def _kind_problems(timing: Timing, doc: YamlDocument, path: DataPath) -> list[Problem]:
    words = _words(timing)
    every = next((value for phrase, value in _EVERY_WORDS if phrase in words), None)
    periodic = "định kỳ" in words or every is not None
    on_demand = "đột xuất" in words
    suggested = "periodic-and-on-demand" if on_demand else "periodic"
    out = []
    if periodic and timing.kind not in _PERIODIC_KINDS:
        out.append(
            doc.problem(
                path + ("kind",),
                _("Expected a timing kind that matches the words “{words}” but received '{kind}'.").format(
                    words=timing.text[:60], kind=timing.kind
                ),
                (
                    _("the words say it recurs: write 'kind: {kind}' and 'every: {every}'.")
                    if every
                    else _("the words say it recurs: write 'kind: {kind}' and its 'every'.")
                ).format(kind=suggested, every=every),
                warning=True,
            )
        )
    elif timing.kind == "periodic" and on_demand:
        out.append(
            doc.problem(
                path + ("kind",),
                _("Expected the kind 'periodic-and-on-demand' for the words “{words}” but received 'periodic'.").format(
                    words=timing.text[:60]
                ),
                _("the words add 'đột xuất' (when needed): write 'kind: periodic-and-on-demand'."),
                warning=True,
            )
        )
    if timing.every and every and every != timing.every and timing.kind in _PERIODIC_KINDS:
        out.append(
            doc.problem(
                path + ("every",),
                _("Expected 'every: {every}' for the words “{words}” but received '{found}'.").format(
                    every=every, words=timing.text[:60], found=timing.every
                ),
                _("match 'every' to the words."),
                warning=True,
            )
        )
    return out


def _year_problems(timing: Timing, doc: YamlDocument, path: DataPath) -> list[Problem]:
    fields = {y for y in (timing.start_year, timing.end_year, timing.due.year if timing.due else None) if y}
    stray = sorted({int(y) for y in _YEAR.findall(timing.text)} - fields)
    if not fields or not stray:
        return []
    return [
        doc.problem(
            path,
            _("Expected the years of the fields ({fields}) in the words “{words}” but the words say {years}.").format(
                fields=", ".join(map(str, sorted(fields))), words=timing.text[:60], years=", ".join(map(str, stray))
            ),
            _("check start_year, end_year or due against the words."),
            warning=True,
        )
    ]


def _plan_years(plan: Plan, timing: Timing, doc: YamlDocument, path: DataPath) -> list[Problem]:
    period = plan.period
    if period is None:
        return []
    out = []
    for key, year in (
        ("start_year", timing.start_year),
        ("end_year", timing.end_year),
        ("due", timing.due.year if timing.due else None),
    ):
        if year and (year < period.start or (period.end is not None and year > period.end)):
            span = (
                f"{period.start}–{period.end}" if period.end is not None else _("from {year}").format(year=period.start)
            )
            out.append(
                doc.problem(
                    path + (key,),
                    _("Expected a year within the plan's period ({span}) but received {year}.").format(
                        span=span, year=year
                    ),
                    _(
                        "check the year against the words and the plan's 'period'; a task rarely starts "
                        "before its plan."
                    ),
                    warning=True,
                )
            )
    return out


def check(plan: Plan, doc: YamlDocument) -> list[Problem]:
    """Warnings about every task's timing."""
    out = []
    for path, timing in task_timings(plan):
        out += (
            _kind_problems(timing, doc, path) + _year_problems(timing, doc, path) + _plan_years(plan, timing, doc, path)
        )
    return out
