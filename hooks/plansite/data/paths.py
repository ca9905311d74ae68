"""Where every kind of file lives under plan_data/, and which files are read: every other file is
refused by name, so that nothing an editor saves is skipped without a word.

    plan_data/places.yaml, agencies.yaml (+ agencies/*.yaml), legal.yaml (+ legal/*.yaml), glossary.yaml
    plan_data/plans/<plan-id>.yaml
    plan_data/sources/<file>.txt                           a plan's signed text (named by the plan)
    plan_data/reports/<plan-id>/<period>/<reporter>.yaml   REPORT_PATH: one file per body and period
    plan_data/contacts/<agency-id>.yaml                    CONTACT_PATH: an agency's contact details
    plan_data/summaries/<plan-id>/<task-id>.yaml           SUMMARY_PATH: a task's plain summary
    plan_data/glossary/<name>.yaml                         GLOSSARY_ENTRY_PATH: one abbreviation

The last three are the web form's files, one record each (data/records.py merges them into the model).

`.yml` is read as `.yaml` everywhere. REPORT_PATH is the one statement of the report layout: the
import, the loader's check of a report's name and anything that writes reports (a web form) use it.
"""

from __future__ import annotations

import os
from pathlib import Path as FsPath

from ..i18n import _
from .problems import Problem, did_you_mean, format_path

DATA_DIR = "plan_data"
PLANS_DIR, SOURCES_DIR, REPORTS_DIR = "plans", "sources", "reports"  # plans, their signed texts, reports
YAML_SUFFIXES = (".yaml", ".yml")
# A report's place, relative to the project: {plan} and {reporter} are ids, {period} the period's slug
# (reports/periods.period_slug: 2026-6-thang, 2025-nam, 2026-quy-2, 2026-thang-3, 2026-chuyen-de-…).
REPORT_PATH = DATA_DIR + "/" + REPORTS_DIR + "/{plan}/{period}/{reporter}.yaml"
# Files of one record each, which the web form writes (Decap rewrites a whole file: never a shared one).
CONTACTS_DIR, SUMMARIES_DIR, GLOSSARY_DIR = "contacts", "summaries", "glossary"
CONTACT_PATH = DATA_DIR + "/" + CONTACTS_DIR + "/{agency}.yaml"
SUMMARY_PATH = DATA_DIR + "/" + SUMMARIES_DIR + "/{plan}/{task}.yaml"
GLOSSARY_ENTRY_PATH = DATA_DIR + "/" + GLOSSARY_DIR + "/{name}.yaml"

# Registries: one file and/or a folder of files (e.g. agencies/<place>.yaml); one of the two is required.
REGISTRIES = {"places": ("places", None), "agencies": ("agencies", "agencies"), "legal": ("legal", "legal")}
# Files a project may leave out; when present they are checked like the others.
OPTIONAL_FILES = {"glossary": "glossary"}
# What operating systems leave in folders: no data, named in a warning rather than refused.
SYSTEM_FILES = frozenset({".gitkeep", ".DS_Store", "Thumbs.db", "desktop.ini"})


def report_path_shown() -> str:
    """REPORT_PATH as messages show it, its placeholders in the reader's language."""
    return REPORT_PATH.format(plan=_("<plan-id>"), period=_("<period>"), reporter=_("<reporter-id>"))


def report_path(plan: str, period: str, reporter: str) -> str:
    """plan_data/reports/<plan>/<period>/<reporter>.yaml, relative to the project."""
    return REPORT_PATH.format(plan=plan, period=period, reporter=reporter)


def report_path_parts(relative: str) -> tuple[str, str, str] | None:
    """(plan, period slug, reporter) that a report file's place says, or None when it is not at
    REPORT_PATH's depth (or its name does not end in .yaml/.yml)."""
    parts = relative.split("/")
    if len(parts) != 5 or parts[:2] != [DATA_DIR, REPORTS_DIR]:
        return None
    stem, dot, suffix = parts[4].rpartition(".")
    return (parts[2], parts[3], stem) if dot and "." + suffix in YAML_SUFFIXES else None


def _all_files(folder: FsPath) -> list[FsPath]:
    """Every file under `folder`, following linked folders (the one-plan preview links them), sorted."""
    return sorted(FsPath(top) / name for top, _, names in os.walk(folder, followlinks=True) for name in names)


def _yaml(folder: FsPath) -> list[FsPath]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES) if folder.is_dir() else []


def _named(data: FsPath, stem: str) -> list[FsPath]:
    """The files `stem`.yaml and `stem`.yml that exist."""
    return [data / (stem + suffix) for suffix in YAML_SUFFIXES if (data / (stem + suffix)).is_file()]


def data_files(root: FsPath) -> list[tuple[str, FsPath]]:
    """(file kind, path) of every data file: registries first, then the optional files that exist (the
    glossary), the web form's contacts and glossary entries, then plans, summaries and reports; each kind's
    files in name order. A required registry with no
    file at all is listed under its .yaml name, for the loader to say it is missing."""
    data = FsPath(root) / DATA_DIR
    files = []
    for kind, (stem, folder) in REGISTRIES.items():
        found = _yaml(data / folder) if folder else []
        files += [(kind, p) for p in _named(data, stem)] or ([] if found else [(kind, data / f"{stem}.yaml")])
        files += [(kind, p) for p in found]
    files += [(kind, p) for kind, stem in OPTIONAL_FILES.items() for p in _named(data, stem)]
    files += [("contact", p) for p in _yaml(data / CONTACTS_DIR)]
    files += [("glossary-entry", p) for p in _yaml(data / GLOSSARY_DIR)]
    files += [("plan", p) for p in _yaml(data / PLANS_DIR)]
    summaries = data / SUMMARIES_DIR
    plan_folders = sorted(p for p in summaries.iterdir() if p.is_dir()) if summaries.is_dir() else []
    files += [("summary", p) for folder in plan_folders for p in _yaml(folder)]
    reports = data / REPORTS_DIR
    files += [("report", p) for p in _all_files(reports) if p.suffix in YAML_SUFFIXES]
    return files


def unread_files(root: FsPath, read: set[FsPath], sources: set[str]) -> list[Problem]:
    """A problem naming every file under plan_data/ that is not read (`read`: the data files, `sources`:
    the signed texts the plans name): refused, or a warning for what operating systems leave behind."""
    data = FsPath(root) / DATA_DIR
    problems = []
    for path in _all_files(data):
        if path in read or "__pycache__" in path.parts:
            continue
        display = path.relative_to(root).as_posix()
        inside = path.relative_to(data).parts
        if path.name in SYSTEM_FILES:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    format_path(()),
                    _("Expected only data files but received a file that is not data; it is not read."),
                    _("a file the operating system or git leaves; delete it if it is not needed."),
                    warning=True,
                )
            )
        elif inside[0] == SOURCES_DIR and len(inside) == 2 and path.suffix == ".txt":
            if path.name not in sources:
                problems.append(
                    Problem(
                        display,
                        1,
                        1,
                        format_path(()),
                        _(
                            "Expected a signed text that a plan names in 'source_text' but no plan "
                            "names this file; it is not published."
                        ),
                        _("name it in its plan's 'source_text', or delete it."),
                        warning=True,
                    )
                )
        else:
            problems.append(Problem(display, 1, 1, format_path(()), *_refusal(inside, path)))
    return problems


def _refusal(inside: tuple[str, ...], path: FsPath) -> tuple[str, str]:
    """(message, hint) for a file under plan_data/ (at `inside`) that no kind of data file may be."""
    if inside[0] == REPORTS_DIR:
        return (
            _(
                "Expected only report files (.yaml) under {folder} but received a '{kind}' file, which is not read."
            ).format(folder=f"{DATA_DIR}/{REPORTS_DIR}/", kind=path.suffix or path.name),
            _(
                "a report goes to {report}; a filled CSV is imported with `make import-report FILE=…` and kept "
                "outside {data}."
            ).format(report=report_path_shown(), data=f"{DATA_DIR}/"),
        )
    if inside[0] == SOURCES_DIR:
        return (
            _(
                "Expected a plan's signed text as a .txt file directly in plan_data/sources/ but received a file "
                "that is not read."
            ),
            _("save the signed text as plain text (UTF-8) with the ending .txt."),
        )
    if len(inside) == 1 and path.suffix in YAML_SUFFIXES:
        known = [stem for stem, _folder in REGISTRIES.values()] + list(OPTIONAL_FILES.values())
        return (
            _("Expected one of the files {files} directly in {data} but received '{name}', which is not read.").format(
                files=", ".join(s + ".yaml" for s in known), data=f"{DATA_DIR}/", name=path.name
            ),
            (
                did_you_mean(path.stem + ".yaml", [stem + ".yaml" for stem in known])
                or _("a plan goes to {plans}, a report to {report}.").format(
                    plans=f"{DATA_DIR}/plans/", report=report_path_shown()
                )
            ),
        )
    plan_id, name = _("<plan-id>"), _("<name>")
    folders = (
        {PLANS_DIR: f"{DATA_DIR}/{PLANS_DIR}/{plan_id}.yaml"}
        | {folder: f"{DATA_DIR}/{folder}/{name}.yaml" for _stem, folder in REGISTRIES.values() if folder}
        | {
            CONTACTS_DIR: CONTACT_PATH.format(agency=_("<agency-id>")),
            SUMMARIES_DIR: SUMMARY_PATH.format(plan=plan_id, task=_("<task-id>")),
            GLOSSARY_DIR: GLOSSARY_ENTRY_PATH.format(name=name),
        }
    )
    where = folders.get(inside[0])
    if inside[0] == SUMMARIES_DIR:  # one level deeper than the other folders: the plan's own folder
        hint = _("a summary goes to {where}: one file per task, in its plan's folder.").format(where=where)
    elif where:
        hint = _("files of this folder go directly in it: {where}.").format(where=where)
    else:
        hint = _(
            "plans go to {plans}, reports to {report}, signed texts to {sources}; move or delete this file."
        ).format(plans=f"{DATA_DIR}/plans/", report=report_path_shown(), sources=f"{DATA_DIR}/sources/")
    return (
        _(
            "Expected a data file (.yaml) in a place the site reads but received '{name}' here, which is not read."
        ).format(name=path.name),
        hint,
    )


def duplicate_names(files: list[tuple[str, FsPath]], root: FsPath) -> list[Problem]:
    """A problem for a file kept twice, as .yaml and as .yml: only one of the two may hold the data."""
    seen, problems = {}, []
    for _kind, path in files:
        key = path.with_suffix("")
        if key in seen:
            display = path.relative_to(root).as_posix()
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    format_path(()),
                    _("Expected one file but received both {first} and {second}.").format(
                        first=seen[key].name, second=path.name
                    ),
                    _("keep one of the two (.yaml and .yml are read alike) and delete the other."),
                )
            )
        else:
            seen[key] = path
    return problems
