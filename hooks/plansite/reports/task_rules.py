"""What a task's timing lets a report say about it: the statuses allowed, whether a percentage applies,
and the status to suggest for a period. The loader's checks (checks.py) and the spreadsheet template
(spreadsheet/template.py) both ask here, so that the template explains exactly what the check accepts.
"""

from __future__ import annotations

import datetime as dt

from ..data.model import Task
from ..i18n import _, named
from .schema import NOT_FOR_RECURRING, ONLY_FOR_RECURRING, RECURRING_TIMINGS, STATUSES


def is_recurring(task: Task) -> bool:
    """A task done 'thường xuyên' or periodically: it never ends, so it is never 'đã hoàn thành'."""
    return task.timing is not None and task.timing.kind in RECURRING_TIMINGS


def allowed_statuses(task: Task) -> tuple[str, ...]:
    """The status codes a report may give this task, in the vocabulary's order."""
    refused = NOT_FOR_RECURRING if is_recurring(task) else ONLY_FOR_RECURRING
    return tuple(code for code in STATUSES if code not in refused)


def progress_applies(task: Task) -> bool:
    """Whether a percentage (progress) may be reported: only for a task with an end to measure against."""
    return not is_recurring(task)


def task_end(task: Task) -> dt.date | None:
    """The last day the task's timing gives (its deadline, or the end of its last year), if any."""
    timing = task.timing
    if timing is None:
        return None
    if timing.due:
        return timing.due
    return dt.date(timing.end_year, 12, 31) if timing.end_year else None


def suggested_status(task: Task, period_end: dt.date | None) -> str:
    """The status most reports of this task in this period give: 'thuong-xuyen' for a recurring task;
    'dang-thuc-hien' while the task's time runs past the period; else 'da-hoan-thanh'."""
    if is_recurring(task):
        return "thuong-xuyen"
    end = task_end(task)
    if period_end is not None and (end is None or end > period_end):
        return "dang-thuc-hien"
    return "da-hoan-thanh"


def status_hint(task: Task, period_end: dt.date | None) -> str:
    """The hint for a status the task's timing does not allow, fitting the task and the period."""
    better = suggested_status(task, period_end)
    status = {code: named(code, STATUSES[code]) for code in ("da-hoan-thanh", "dang-thuc-hien", "cham-tien-do")}
    if better == "thuong-xuyen":
        return _("use {status}.").format(status=named(better, STATUSES[better]))
    if better == "dang-thuc-hien":
        return _("use {ongoing} or {late}; {done} only once the task is finished.").format(
            ongoing=status["dang-thuc-hien"], late=status["cham-tien-do"], done=status["da-hoan-thanh"]
        )
    return _("use {done} if the task is finished, else {ongoing}.").format(
        done=status["da-hoan-thanh"], ongoing=status["dang-thuc-hien"]
    )
