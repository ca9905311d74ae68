"""Checks of reports against the plans they report on: the file's place, tasks, statuses, periods within
the plan, dates, the duty a report fulfils (a warning), duplicates.

Like `data.sanity` they run on typed, resolved data; positions come from the report files' YAML.
"""

from __future__ import annotations

import datetime as dt

from ..data.model import Plan, Project
from ..data.paths import report_path, report_path_parts
from ..data.problems import Problem, did_you_mean
from ..data.yamlsource import YamlDocument
from ..text import date_numeric
from .duties import duties_for, fulfilled_duties
from .model import Report
from .periods import NUMBERED, PERIODIC, calendar_span, period_label, period_slug
from .schema import STATUSES
from .task_rules import allowed_statuses, is_recurring, status_hint


def _period(report: Report, doc: YamlDocument) -> list[Problem]:
    period, problems = report.period, []
    if period.kind in NUMBERED and not period.number:
        problems.append(doc.problem(("period",), f"Expected the key 'number' (the {'month' if period.kind == 'thang' else 'quarter'}) "
                                    f"for a report of kind '{period.kind}' but it is missing.", "add e.g. 'number: 2'."))
    elif period.kind == "quy" and period.number > 4:
        problems.append(doc.problem(("period", "number"), f"Expected a quarter from 1 to 4 but received {period.number}.",
                                    "a year has four quarters (quý 1–4)."))
    elif period.kind not in NUMBERED and period.number:
        problems.append(doc.problem(("period", "number"), f"Expected no 'number' for a report of kind '{period.kind}' "
                                    f"but received {period.number}.", "only monthly and quarterly reports are numbered."))
    if period.kind not in PERIODIC and not (period.start and period.end):
        problems.append(doc.problem(("period",), f"Expected 'start' and 'end' for a report of kind '{period.kind}' "
                                    "but they are missing.", "thematic and ad-hoc reports state the dates they cover."))
    elif bool(period.start) != bool(period.end):
        problems.append(doc.problem(("period",), "Expected both 'start' and 'end', or neither, but received one.",
                                    "state the whole range the report covers."))
    if period.start and period.end and period.end < period.start:
        problems.append(doc.problem(("period", "end"), f"Expected an end not before {date_numeric(period.start)} "
                                    f"but received {date_numeric(period.end)}.", "swap the two dates."))
    return problems


def _place(report: Report, doc: YamlDocument) -> list[Problem]:
    """A report file's place says its plan, period and reporter (data/paths.py): they must agree with
    its content, so that each body's report of a period has its own file."""
    period = report.period
    slug = period_slug(period.kind, period.year, period.number)
    expected = report_path(report.plan, slug, report.reporter)
    parts = report_path_parts(doc.file)
    move = f"move the file: git mv {doc.file} {expected}"
    if parts is None:
        return [doc.problem((), f"Expected a report file at {expected} (one folder per plan and period, one file "
                            f"per reporting body) but received one at {doc.file}.", move + ".")]
    plan, folder, reporter = parts
    problems = []
    if plan != report.plan:
        problems.append(doc.problem(("plan",), f"Expected the report of plan '{plan}' (its folder) but received "
                                    f"'{report.plan}'.", move + ", or correct 'plan'."))
    thematic = period.kind not in PERIODIC and folder.startswith(slug + "-")
    if folder != slug and not thematic:
        problems.append(doc.problem(("period",), f"Expected the period its folder names ('{folder}') but received "
                                    f"{period_label(period.kind, period.year, period.number).lower()} "
                                    f"('{slug}').", move + ", or correct 'period'."))
    if reporter != report.reporter:
        problems.append(doc.problem(("reporter",), f"Expected the reporting body its file name names ('{reporter}') "
                                    f"but received '{report.reporter}'.", move + ", or correct 'reporter'."))
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
    first, last = (period.start, period.end) if period.kind not in PERIODIC else \
        calendar_span(period.kind, period.year, period.number)
    if within_plan_years(plan, first, last):
        return []
    years = f"{plan.period.start}–{plan.period.end}" if plan.period.end else f"from {plan.period.start}"
    return [doc.problem(("period",), f"Expected a period within the plan's years ({years}) but received "
                        f"{period_label(period.kind, period.year, period.number).lower()} "
                        f"({date_numeric(first)}–{date_numeric(last)}).",
                        "check the year; a report on another plan goes to that plan's folder.")]


def _duty(report: Report, plan: Plan, doc: YamlDocument) -> list[Problem]:
    """A warning for a report that no reporting duty of the plan asks for: the calendar cannot count it."""
    if fulfilled_duties(plan, report.reporter, report.period.kind):
        return []
    label = period_label(report.period.kind, report.period.year, report.period.number).lower()
    could = duties_for(plan, report.period.kind)
    named = "; ".join(f"{d.reporter} → {', '.join(d.recipients)} (mục {d.item})" for d in could)
    return [Problem(doc.file, *doc.mark(("reporter",)), "reporter",
                    f"Expected a report that a reporting duty of plan '{plan.id}' asks for but no duty asks "
                    f"'{report.reporter}' for a {label}; the reporting calendar does not count it.",
                    (f"the duties that ask for this kind of report: {named}; check 'reporter' and 'period'." if could else
                     "the plan asks for no report of this kind; check 'period'."), warning=True)]


def _dates(report: Report, doc: YamlDocument) -> list[Problem]:
    """A report cannot be sent before its period has begun."""
    start, _ = report.covered
    if report.submitted_on < start:
        return [doc.problem(("submitted_on",), f"Expected a date after the period begins ({date_numeric(start)}) "
                            f"but received {date_numeric(report.submitted_on)}.",
                            "a report is sent after the period it reports on; check the year and the period.")]
    return []


def _tasks(report: Report, plan: Plan, doc: YamlDocument, period_end: dt.date | None) -> list[Problem]:
    """Each entry against its task; period_end: the last day of the report's data (None: period invalid)."""
    tasks, problems = {t.id: t for t in plan.tasks}, []
    for i, entry in enumerate(report.tasks):
        path = ("tasks", i)
        task = tasks.get(entry.task)
        if task is None:
            problems.append(doc.problem(path + ("task",), f"Expected the id of a task of plan '{plan.id}' but received "
                                        f"the unknown id '{entry.task}'.",
                                        did_you_mean(entry.task, tasks) or f"the plan's task ids: {', '.join(tasks)}."))
            continue
        recurring = is_recurring(task)
        timing = f"'{task.timing.kind}' ({task.timing.text})" if task.timing else "(none)"
        if entry.status not in allowed_statuses(task):
            problems.append(doc.problem(path + ("status",), f"Expected a status that fits the task's timing {timing} "
                                        f"but received '{entry.status}' ({STATUSES[entry.status]}).",
                                        status_hint(task, period_end)))
        if entry.status == "khong-thuc-hien" and not entry.reason:
            problems.append(doc.problem(path, "Expected the key 'reason' for a task not carried out (khong-thuc-hien) "
                                        "but it is missing.", "say why, in the report's words: 'reason: …'."))
        if entry.progress is not None and recurring:
            problems.append(doc.problem(path + ("progress",), f"Expected no progress percentage for a recurring task "
                                        f"(timing {timing}) but received {entry.progress}.",
                                        "a task done 'thường xuyên' has no end to measure against; remove 'progress'."))
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
        key_period = (report.plan, report.period.kind, report.period.year, report.period.number,
                      report.period.start, report.period.end, report.reporter)
        for i, entry in enumerate(report.tasks):
            key = key_period + (entry.task,)
            if key in first:
                other_doc, other_i = first[key]
                problems.append(doc.problem(("tasks", i, "task"), f"Expected one entry per task, body and period but "
                                            f"received '{entry.task}' again for the "
                                            f"{period_label(*key_period[1:4]).lower()} (first at "
                                            f"{other_doc.file}:{other_doc.mark(('tasks', other_i))[0]}).",
                                            "merge the two entries into one."))
            else:
                first[key] = (doc, i)
    return problems
