"""Checks of reports against the plans they report on: the file's place, tasks, statuses, periods within
the plan, dates, the duty a report fulfils (a warning), duplicates.

Like `data.sanity` they run on typed, resolved data; positions come from the report files' YAML.
"""

from __future__ import annotations

import datetime as dt

from ..data.model import Plan, Project
from ..data.paths import report_path, report_path_parts
from ..data.problems import Problem, did_you_mean
from ..data.schema import TIMING_KINDS
from ..data.schema_kinds import key_example, key_phrase, remove_phrase
from ..data.yamlsource import YamlDocument
from ..i18n import _, named
from ..text import date_numeric
from .duties import duties_for
from .model import Report
from .periods import NUMBERED, PERIOD_KINDS, PERIODIC, calendar_span, period_label, period_slug
from .schema import STATUSES
from .task_rules import allowed_statuses, is_recurring, status_hint


def _period(report: Report, doc: YamlDocument) -> list[Problem]:
    period, problems = report.period, []
    kind = named(period.kind, PERIOD_KINDS[period.kind])
    if period.kind in NUMBERED and not period.number:
        message = (
            _("Expected {the_key} (the month) for a report of kind {kind} but it is missing.")
            if period.kind == "thang"
            else _("Expected {the_key} (the quarter) for a report of kind {kind} but it is missing.")
        )
        problems.append(
            doc.problem(
                ("period",), message.format(the_key=key_phrase("number"), kind=kind), _("add e.g. 'number: 2'.")
            )
        )
    elif period.kind == "quy" and period.number > 4:
        problems.append(
            doc.problem(
                ("period", "number"),
                _("Expected a quarter from 1 to 4 but received {number}.").format(number=period.number),
                _("a year has four quarters (quý 1–4)."),
            )
        )
    elif period.kind not in NUMBERED and period.number:
        problems.append(
            doc.problem(
                ("period", "number"),
                _("Expected no 'number' for a report of kind {kind} but received {number}.").format(
                    kind=kind, number=period.number
                ),
                _("only monthly and quarterly reports are numbered."),
            )
        )
    if period.kind not in PERIODIC and not (period.start and period.end):
        problems.append(
            doc.problem(
                ("period",),
                _("Expected 'start' and 'end' for a report of kind {kind} but they are missing.").format(kind=kind),
                _("thematic and ad-hoc reports state the dates they cover."),
            )
        )
    elif bool(period.start) != bool(period.end):
        problems.append(
            doc.problem(
                ("period",),
                _("Expected both 'start' and 'end', or neither, but received one."),
                _("state the whole range the report covers."),
            )
        )
    if period.start and period.end and period.end < period.start:
        problems.append(
            doc.problem(
                ("period", "end"),
                _("Expected an end not before {start} but received {end}.").format(
                    start=date_numeric(period.start), end=date_numeric(period.end)
                ),
                _("swap the two dates."),
            )
        )
    return problems


def _place(report: Report, doc: YamlDocument) -> list[Problem]:
    """A report file's place says its plan, period and reporter (data/paths.py): they must agree with
    its content, so that each body's report of a period has its own file."""
    period = report.period
    slug = period_slug(period.kind, period.year, period.number)
    expected = report_path(report.plan, slug, report.reporter)
    parts = report_path_parts(doc.file)
    move = _("move the file: git mv {file} {expected}").format(file=doc.file, expected=expected)
    if parts is None:
        return [
            doc.problem(
                (),
                _(
                    "Expected a report file at {expected} (one folder per plan and period, one file per "
                    "reporting body) but received one at {file}."
                ).format(expected=expected, file=doc.file),
                move + ".",
            )
        ]
    plan, folder, reporter = parts
    problems = []
    if plan != report.plan:
        problems.append(
            doc.problem(
                ("plan",),
                _("Expected the report of plan '{folder}' (its folder) but received '{plan}'.").format(
                    folder=plan, plan=report.plan
                ),
                _("{move}, or correct 'plan'.").format(move=move),
            )
        )
    thematic = period.kind not in PERIODIC and folder.startswith(slug + "-")
    if folder != slug and not thematic:
        problems.append(
            doc.problem(
                ("period",),
                _("Expected the period its folder names ('{folder}') but received {period} ('{slug}').").format(
                    folder=folder, slug=slug, period=period_label(period.kind, period.year, period.number).lower()
                ),
                _("{move}, or correct 'period'.").format(move=move),
            )
        )
    if reporter != report.reporter:
        problems.append(
            doc.problem(
                ("reporter",),
                _("Expected the reporting body its file name names ('{named}') but received '{reporter}'.").format(
                    named=reporter, reporter=report.reporter
                ),
                _("{move}, or correct 'reporter'.").format(move=move),
            )
        )
    return problems


def within_plan_years(plan: Plan, first: dt.date, last: dt.date) -> bool:
    """Whether the days first–last meet the plan's years (a plan with no years: always)."""
    span = plan.period
    return span is None or (last.year >= span.start and (span.end is None or first.year <= span.end))


def _within_plan(report: Report, plan: Plan, doc: YamlDocument) -> list[Problem]:
    """A report's period lies within the plan's years (a period of its own dates: overlaps them)."""
    if plan.period is None:
        return []
    period = report.period
    first, last = (
        (period.start, period.end)
        if period.kind not in PERIODIC
        else calendar_span(period.kind, period.year, period.number)
    )
    if within_plan_years(plan, first, last):
        return []
    years = (
        f"{plan.period.start}–{plan.period.end}" if plan.period.end else _("from {year}").format(year=plan.period.start)
    )
    return [
        doc.problem(
            ("period",),
            _("Expected a period within the plan's years ({years}) but received {period} ({first}–{last}).").format(
                years=years,
                period=period_label(period.kind, period.year, period.number).lower(),
                first=date_numeric(first),
                last=date_numeric(last),
            ),
            _("check the year; a report on another plan goes to that plan's folder."),
        )
    ]


def _duty(report: Report, plan: Plan, doc: YamlDocument) -> list[Problem]:
    """A warning for a report that no reporting duty of the plan asks for: the calendar cannot count it."""
    could = duties_for(plan, report.period.kind)
    if any(d.reporter == report.reporter for d in could):  # fulfilled_duties, without a second walk
        return []
    label = period_label(report.period.kind, report.period.year, report.period.number).lower()
    listed = "; ".join(
        _("{reporter} → {recipients} (item {item})").format(
            reporter=d.reporter, recipients=", ".join(d.recipients), item=d.item
        )
        for d in could
    )
    return [
        doc.problem(
            ("reporter",),
            _(
                "Expected a report that a reporting duty of plan '{plan}' asks for but no duty asks '{reporter}' "
                "for a {period}; the reporting calendar does not count it."
            ).format(plan=plan.id, reporter=report.reporter, period=label),
            (
                _("the duties that ask for this kind of report: {duties}; check 'reporter' and 'period'.").format(
                    duties=listed
                )
                if could
                else _("the plan asks for no report of this kind; check 'period'.")
            ),
            warning=True,
        )
    ]


def _dates(report: Report, doc: YamlDocument) -> list[Problem]:
    """A report cannot be sent before its period has begun."""
    start = report.covered[0]
    if report.submitted_on < start:
        return [
            doc.problem(
                ("submitted_on",),
                _("Expected a date after the period begins ({start}) but received {date}.").format(
                    start=date_numeric(start), date=date_numeric(report.submitted_on)
                ),
                _("a report is sent after the period it reports on; check the year and the period."),
            )
        ]
    return []


def _tasks(report: Report, plan: Plan, doc: YamlDocument, period_end: dt.date | None) -> list[Problem]:
    """Each entry against its task; period_end: the last day of the report's data (None: period invalid)."""
    tasks, problems = {t.id: t for t in plan.tasks}, []
    for i, entry in enumerate(report.tasks):
        path = ("tasks", i)
        task = tasks.get(entry.task)
        if task is None:
            problems.append(
                doc.problem(
                    path + ("task",),
                    _("Expected the id of a task of plan '{plan}' but received the unknown id '{id}'.").format(
                        plan=plan.id, id=entry.task
                    ),
                    did_you_mean(entry.task, tasks) or _("the plan's task ids: {ids}.").format(ids=", ".join(tasks)),
                )
            )
            continue
        recurring = is_recurring(task)
        timing = (
            f"{named(task.timing.kind, TIMING_KINDS[task.timing.kind])}: “{task.timing.text}”"
            if task.timing
            else _("(none)")
        )
        if entry.status not in allowed_statuses(task):
            problems.append(
                doc.problem(
                    path + ("status",),
                    _("Expected a status that fits the task's timing ({timing}) but received {status}.").format(
                        timing=timing, status=named(entry.status, STATUSES[entry.status])
                    ),
                    status_hint(task, period_end),
                )
            )
        if entry.status == "khong-thuc-hien" and not entry.reason:
            problems.append(
                doc.problem(
                    path,
                    _("Expected {the_key} for a task not carried out ({status}) but it is missing.").format(
                        the_key=key_phrase("reason"), status=named(entry.status, STATUSES[entry.status])
                    ),
                    _("say why, in the report's words, in {example}.").format(example=key_example("reason")),
                )
            )
        if entry.progress is not None and recurring:
            problems.append(
                doc.problem(
                    path + ("progress",),
                    _(
                        "Expected no progress percentage for a recurring task "
                        "(timing {timing}) but received {progress}."
                    ).format(timing=timing, progress=entry.progress),
                    _("a task done 'thường xuyên' has no end to measure against; {remove}.").format(
                        remove=remove_phrase("progress")
                    ),
                )
            )
    return problems


def check(project: Project, reports: list[tuple[Report, YamlDocument]]) -> list[Problem]:
    """Every problem of every report, including the same task reported twice for one period."""
    plans = {p.id: p for p in project.plans}
    problems, first = [], {}
    for report, doc in reports:
        plan = plans[report.plan]
        period_problems = _period(report, doc)  # the covered dates are known only for a valid period
        problems += period_problems
        if not period_problems:
            problems += _place(report, doc) + _dates(report, doc) + _within_plan(report, plan, doc)
            problems += _duty(report, plan, doc)
        problems += _tasks(report, plan, doc, None if period_problems else report.covered[1])
        # Several bodies report on the same task for the same period, each in its own file.
        key_period = (
            report.plan,
            report.period.kind,
            report.period.year,
            report.period.number,
            report.period.start,
            report.period.end,
            report.reporter,
        )
        for i, entry in enumerate(report.tasks):
            key = key_period + (entry.task,)
            if key in first:
                other_doc, other_i = first[key]
                problems.append(
                    doc.problem(
                        ("tasks", i, "task"),
                        _(
                            "Expected one entry per task, body and period "
                            "but received '{id}' again for the {period} (first "
                            "at {where})."
                        ).format(
                            id=entry.task,
                            period=period_label(*key_period[1:4]).lower(),
                            where=f"{other_doc.file}:{other_doc.mark(('tasks', other_i))[0]}",
                        ),
                        _("merge the two entries into one."),
                    )
                )
            else:
                first[key] = (doc, i)
    return problems
