"""The web form's files of one record each: their checks against the shared files, and their merge.

    plan_data/contacts/<agency-id>.yaml             agency, address, phone, email, website
    plan_data/summaries/<plan-id>/<task-id>.yaml    plan, task, summary
    plan_data/glossary/<name>.yaml                  abbr, full, note: one abbreviation

Decap CMS (cms/) rewrites a whole file when it saves one entry, and drops the comments and the keys it does not
know. So the form never writes the shared files where editors keep many records and their comments
(agencies.yaml, plans/<plan>.yaml, glossary.yaml): each record it edits has a file of its own, which this module
merges into the same model the shared files build. A value is written in one place only: one found both in a
shared file and in a form's file is an error naming both, never a silent choice of one.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from ..i18n import _
from ..text import nfc
from .crosscheck import all_records, duplicate_abbreviations, task_records
from .model import Abbreviation, ContactDetails, Project, TaskSummary
from .paths import CONTACT_PATH, SUMMARY_PATH
from .problems import DataPath, Problem, did_you_mean, format_path
from .sanity import summary_too_long
from .schema import CONTACT_KEYS
from .yamlsource import YamlDocument


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _given(value: object) -> bool:
    return value is not None and value != "" and value != []


def _values(doc: YamlDocument) -> dict:
    return doc.value if isinstance(doc.value, dict) else {}


def _twice(doc: YamlDocument, path: DataPath, key: str, other: YamlDocument, other_path: DataPath) -> Problem:
    """A value written both in a form's file (`doc`) and in a shared file (`other`): which one to keep."""
    line, column = other.mark(other_path)
    where = f"{other.file}:{line}:{column}"
    return doc.problem(
        path,
        _("Expected '{key}' written in one place but received it both in this file and at {where} ({path}).").format(
            key=key, where=where, path=format_path(other_path)
        ),
        _(
            "keep one: if the value in this file is the right one (the web form edits this file), "
            "delete '{key}' at {where}; otherwise delete it from this file."
        ).format(key=key, where=where),
    )


def _misnamed(doc: YamlDocument, key: str, expected: str) -> list[Problem]:
    """The form names a file after its record: a file named otherwise is an error (two files, one record)."""
    if PurePosixPath(doc.file).with_suffix(".yaml").as_posix() == expected:  # .yml is read alike
        return []
    return [
        doc.problem(
            (key,),
            _("Expected this file at {expected}, the place its '{key}' names, but it is at {found}.").format(
                expected=expected, key=key, found=doc.file
            ),
            _("move the file to {expected}, or correct '{key}'.").format(expected=expected, key=key),
        )
    ]


def _contacts(docs: dict[str, list[YamlDocument]]) -> list[Problem]:
    agencies = {
        ident: (doc, path, item)
        for doc, path, item in all_records(docs["agencies"], "agencies")
        if (ident := _text(item.get("id")))
    }
    problems = []
    for doc in docs["contact"]:
        value = _values(doc)
        ident = _text(value.get("agency"))
        if ident is None:
            continue
        problems += _misnamed(doc, "agency", CONTACT_PATH.format(agency=ident))
        if ident not in agencies:  # an unknown id: crosscheck.unresolved_refs says so, with a did-you-mean
            continue
        shared, path, item = agencies[ident]
        problems += [
            _twice(doc, (key,), key, shared, path + (key,))
            for key in CONTACT_KEYS
            if _given(value.get(key)) and _given(item.get(key))
        ]
    return problems


def _summaries(docs: dict[str, list[YamlDocument]]) -> list[Problem]:
    plans = {ident: doc for doc in docs["plan"] if (ident := _text(_values(doc).get("id")))}
    problems = []
    for doc in docs["summary"]:
        value = _values(doc)
        plan_id, task_id = _text(value.get("plan")), _text(value.get("task"))
        if isinstance(value.get("summary"), str):
            problems += summary_too_long(doc, ("summary",), value["summary"])
        if plan_id is None or task_id is None:
            continue
        problems += _misnamed(doc, "task", SUMMARY_PATH.format(plan=plan_id, task=task_id))
        if plan_id not in plans:  # an unknown id: crosscheck.unresolved_refs says so, with a did-you-mean
            continue
        tasks = {_text(item.get("id")): (path, item) for _doc, path, item in task_records(plans[plan_id])}
        if task_id not in tasks:
            plan_file = plans[plan_id].file
            problems.append(
                doc.problem(
                    ("task",),
                    _("Expected the id of a task of the plan '{plan}' but received the unknown id '{id}'.").format(
                        plan=plan_id, id=task_id
                    ),
                    did_you_mean(task_id, [t for t in tasks if t])
                    or _("the plan's tasks are listed in {file} ('id' of each task).").format(file=plan_file),
                )
            )
        elif _given(tasks[task_id][1].get("summary")):
            problems.append(_twice(doc, ("summary",), "summary", plans[plan_id], tasks[task_id][0] + ("summary",)))
    return problems


def _glossary(docs: dict[str, list[YamlDocument]]) -> list[Problem]:
    shared = {}
    for doc, path, item in all_records(docs["glossary"], "abbreviations"):
        if isinstance(item.get("abbr"), str):
            shared.setdefault(" ".join(nfc(item["abbr"]).split()), (doc, path + ("abbr",)))
    problems, own = [], []
    for doc in docs["glossary-entry"]:
        abbr = _values(doc).get("abbr")
        key = " ".join(nfc(abbr).split()) if isinstance(abbr, str) else None
        if key in shared:
            problems.append(_twice(doc, ("abbr",), key, *shared[key]))
        elif isinstance(doc.value, dict):
            own.append((doc, (), doc.value))
    return problems + duplicate_abbreviations(own)  # two entry files, one abbreviation: the check of glossary.yaml


def check(docs: dict[str, list[YamlDocument]]) -> list[Problem]:
    """Every problem of the form's files across files: misnamed, naming an unknown task, or a value written twice."""
    return _contacts(docs) + _summaries(docs) + _glossary(docs)


def merge(
    project: Project, contacts: list[ContactDetails], summaries: list[TaskSummary], entries: list[Abbreviation]
) -> Project:
    """The project with the form's records in it: contact details on their agencies, summaries on their tasks,
    glossary entries after glossary.yaml's (the glossary page sorts them). `check` has passed: no value twice."""
    by_agency = {c.agency: {k: getattr(c, k) for k in CONTACT_KEYS if getattr(c, k) is not None} for c in contacts}
    agencies = tuple(dataclasses.replace(a, **by_agency[a.id]) if a.id in by_agency else a for a in project.agencies)
    by_task: dict[str, dict[str, str]] = {}
    for s in summaries:
        by_task.setdefault(s.plan, {})[s.task] = s.summary
    plans = tuple(_summarised(plan, by_task[plan.id]) if plan.id in by_task else plan for plan in project.plans)
    return dataclasses.replace(project, agencies=agencies, plans=plans, glossary=project.glossary + tuple(entries))


def _summarised(plan, summaries: dict[str, str]):
    sections = tuple(
        dataclasses.replace(
            section,
            tasks=tuple(
                dataclasses.replace(task, summary=summaries[task.id]) if task.id in summaries else task
                for task in section.tasks
            ),
        )
        for section in plan.content.sections
    )
    return dataclasses.replace(plan, content=dataclasses.replace(plan.content, sections=sections))
