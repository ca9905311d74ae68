"""Checks of reports against the plans they report on: tasks, statuses, periods, dates, duplicates.

Like `data.sanity` they run on typed, resolved data; positions come from the report files' YAML.
"""

from __future__ import annotations

from ..data.model import Plan, Project
from ..data.problems import Problem, did_you_mean
from ..data.yamlsource import YamlDocument
from ..text import date_numeric
from .model import Report
from .periods import NUMBERED, PERIODIC, period_label
from .schema import NOT_FOR_RECURRING, ONLY_FOR_RECURRING, RECURRING_TIMINGS, STATUSES


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


def _dates(report: Report, doc: YamlDocument) -> list[Problem]:
    """A report cannot be sent before its period has begun."""
    start, _ = report.covered
    if report.submitted_on < start:
        return [doc.problem(("submitted_on",), f"Expected a date after the period begins ({date_numeric(start)}) "
                            f"but received {date_numeric(report.submitted_on)}.",
                            "a report is sent after the period it reports on; check the year and the period.")]
    return []


def _tasks(report: Report, plan: Plan, doc: YamlDocument) -> list[Problem]:
    tasks, problems = {t.id: t for t in plan.tasks}, []
    for i, entry in enumerate(report.tasks):
        path = ("tasks", i)
        task = tasks.get(entry.task)
        if task is None:
            problems.append(doc.problem(path + ("task",), f"Expected the id of a task of plan '{plan.id}' but received "
                                        f"the unknown id '{entry.task}'.",
                                        did_you_mean(entry.task, tasks) or f"the plan's task ids: {', '.join(tasks)}."))
            continue
        recurring = task.timing is not None and task.timing.kind in RECURRING_TIMINGS
        timing = f"'{task.timing.kind}' ({task.timing.text})" if task.timing else "(none)"
        if (recurring and entry.status in NOT_FOR_RECURRING) or (not recurring and entry.status in ONLY_FOR_RECURRING):
            better = "thuong-xuyen" if recurring else "da-hoan-thanh"
            problems.append(doc.problem(path + ("status",), f"Expected a status that fits the task's timing {timing} "
                                        f"but received '{entry.status}' ({STATUSES[entry.status]}).",
                                        f"use '{better}' ({STATUSES[better]})."))
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
        folder = doc.file.split("/")[-2]
        if folder != report.plan:
            problems.append(doc.problem(("plan",), f"Expected the report of plan '{folder}' (its folder) but received "
                                        f"'{report.plan}'.", f"move the file to plan_data/reports/{report.plan}/."))
        period_problems = _period(report, doc)  # the covered dates are known only for a valid period
        problems += period_problems + ([] if period_problems else _dates(report, doc))
        problems += _tasks(report, plans[report.plan], doc)
        key_period = (report.plan, report.period.kind, report.period.year, report.period.number,
                      report.period.start, report.period.end)
        for i, entry in enumerate(report.tasks):
            key = key_period + (entry.task,)
            if key in first:
                other_doc, other_i = first[key]
                problems.append(doc.problem(("tasks", i, "task"), f"Expected one report per task and period but "
                                            f"received '{entry.task}' again for the "
                                            f"{period_label(*key_period[1:4]).lower()} (first at "
                                            f"{other_doc.file}:{other_doc.mark(('tasks', other_i))[0]}).",
                                            "merge the two entries into one."))
            else:
                first[key] = (doc, i)
    return problems
