"""Checks of reports against the plans they report on: tasks, statuses, periods, dates, duplicates.

Like `data.sanity` they run on typed, resolved data; positions come from the report files' YAML.
"""

from __future__ import annotations

from ..data.model import Plan, Project
from ..data.problems import Problem, did_you_mean
from ..data.schema import TIMING_KINDS
from ..data.schema_kinds import key_example, key_phrase, remove_phrase
from ..i18n import _, named
from ..data.yamlsource import YamlDocument
from ..text import date_numeric
from .model import Report
from .periods import NUMBERED, PERIOD_KINDS, PERIODIC, period_label
from .schema import NOT_FOR_RECURRING, ONLY_FOR_RECURRING, RECURRING_TIMINGS, STATUSES


def _period(report: Report, doc: YamlDocument) -> list[Problem]:
    period, problems = report.period, []
    kind = named(period.kind, PERIOD_KINDS[period.kind])
    if period.kind in NUMBERED and not period.number:
        message = _("Expected {the_key} (the month) for a report of kind {kind} but it is missing.") \
            if period.kind == "thang" else \
            _("Expected {the_key} (the quarter) for a report of kind {kind} but it is missing.")
        problems.append(doc.problem(("period",), message.format(the_key=key_phrase("number"), kind=kind),
                                    _("add e.g. 'number: 2'.")))
    elif period.kind == "quy" and period.number > 4:
        problems.append(doc.problem(("period", "number"), _("Expected a quarter from 1 to 4 but received {number}.")
                                    .format(number=period.number), _("a year has four quarters (quý 1–4).")))
    elif period.kind not in NUMBERED and period.number:
        problems.append(doc.problem(("period", "number"), _("Expected no 'number' for a report of kind {kind} but "
                                                            "received {number}.").format(kind=kind, number=period.number),
                                    _("only monthly and quarterly reports are numbered.")))
    if period.kind not in PERIODIC and not (period.start and period.end):
        problems.append(doc.problem(("period",), _("Expected 'start' and 'end' for a report of kind {kind} but they "
                                                   "are missing.").format(kind=kind),
                                    _("thematic and ad-hoc reports state the dates they cover.")))
    elif bool(period.start) != bool(period.end):
        problems.append(doc.problem(("period",), _("Expected both 'start' and 'end', or neither, but received one."),
                                    _("state the whole range the report covers.")))
    if period.start and period.end and period.end < period.start:
        problems.append(doc.problem(("period", "end"), _("Expected an end not before {start} but received {end}.")
                                    .format(start=date_numeric(period.start), end=date_numeric(period.end)),
                                    _("swap the two dates.")))
    return problems


def _dates(report: Report, doc: YamlDocument) -> list[Problem]:
    """A report cannot be sent before its period has begun."""
    start = report.covered[0]
    if report.submitted_on < start:
        return [doc.problem(("submitted_on",), _("Expected a date after the period begins ({start}) but received "
                                                 "{date}.").format(start=date_numeric(start),
                                                                   date=date_numeric(report.submitted_on)),
                            _("a report is sent after the period it reports on; check the year and the period."))]
    return []


def _tasks(report: Report, plan: Plan, doc: YamlDocument) -> list[Problem]:
    tasks, problems = {t.id: t for t in plan.tasks}, []
    for i, entry in enumerate(report.tasks):
        path = ("tasks", i)
        task = tasks.get(entry.task)
        if task is None:
            problems.append(doc.problem(path + ("task",), _("Expected the id of a task of plan '{plan}' but received "
                                                            "the unknown id '{id}'.").format(plan=plan.id, id=entry.task),
                                        did_you_mean(entry.task, tasks) or
                                        _("the plan's task ids: {ids}.").format(ids=", ".join(tasks))))
            continue
        recurring = task.timing is not None and task.timing.kind in RECURRING_TIMINGS
        timing = f"{named(task.timing.kind, TIMING_KINDS[task.timing.kind])}: “{task.timing.text}”" if task.timing \
            else _("(none)")
        if (recurring and entry.status in NOT_FOR_RECURRING) or (not recurring and entry.status in ONLY_FOR_RECURRING):
            better = "thuong-xuyen" if recurring else "da-hoan-thanh"
            problems.append(doc.problem(path + ("status",), _("Expected a status that fits the task's timing ({timing}) "
                                                              "but received {status}.").format(
                                                                  timing=timing,
                                                                  status=named(entry.status, STATUSES[entry.status])),
                                        _("use {status}.").format(status=named(better, STATUSES[better]))))
        if entry.status == "khong-thuc-hien" and not entry.reason:
            problems.append(doc.problem(path, _("Expected {the_key} for a task not carried out ({status}) but it is "
                                                "missing.").format(the_key=key_phrase("reason"),
                                                                   status=named(entry.status, STATUSES[entry.status])),
                                        _("say why, in the report's words, in {example}.").format(
                                            example=key_example("reason"))))
        if entry.progress is not None and recurring:
            problems.append(doc.problem(path + ("progress",), _("Expected no progress percentage for a recurring task "
                                                                "(timing {timing}) but received {progress}.").format(
                                                                    timing=timing, progress=entry.progress),
                                        _("a task done 'thường xuyên' has no end to measure against; {remove}.")
                                        .format(remove=remove_phrase("progress"))))
    return problems


def check(project: Project, reports: list[tuple[Report, YamlDocument]]) -> list[Problem]:
    """Every problem of every report, including the same task reported twice for one period."""
    plans = {p.id: p for p in project.plans}
    problems, first = [], {}
    for report, doc in reports:
        folder = doc.file.split("/")[-2]
        if folder != report.plan:
            problems.append(doc.problem(("plan",), _("Expected the report of plan '{folder}' (its folder) but received "
                                                     "'{plan}'.").format(folder=folder, plan=report.plan),
                                        _("move the file to {folder}.").format(
                                            folder=f"plan_data/reports/{report.plan}/")))
        period_problems = _period(report, doc)  # the covered dates are known only for a valid period
        problems += period_problems + ([] if period_problems else _dates(report, doc))
        problems += _tasks(report, plans[report.plan], doc)
        key_period = (report.plan, report.period.kind, report.period.year, report.period.number,
                      report.period.start, report.period.end)
        for i, entry in enumerate(report.tasks):
            key = key_period + (entry.task,)
            if key in first:
                other_doc, other_i = first[key]
                problems.append(doc.problem(("tasks", i, "task"), _("Expected one report per task and period but "
                                                                    "received '{id}' again for the {period} (first at "
                                                                    "{where}).").format(
                                                id=entry.task, period=period_label(*key_period[1:4]).lower(),
                                                where=f"{other_doc.file}:{other_doc.mark(('tasks', other_i))[0]}"),
                                            _("merge the two entries into one.")))
            else:
                first[key] = (doc, i)
    return problems
