"""Load plan_data/ into a validated `Project`, or raise `DataError` listing every problem.

    project = load_project(Path("."))   # reads ./plan_data

Runs without MkDocs; the site build and `make check` both call it. Two passes: every file
is read and checked on its own and across files (references, duplicates, names); only when
that is clean are the built records checked as a whole (time, bases, titles; see `sanity`).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path as FsPath

from ..reports import checks as report_checks
from ..reports import tracking as report_tracking
from . import crosscheck, sanity
from .model import Project
from .problems import DataError, Problem
from .schema import FILE_KINDS
from .schema_kinds import Context
from .yamlsource import YamlDocument, read_yaml

DATA_DIR = "plan_data"
# Registries: one file, and/or a folder of files (e.g. agencies/<place>.yaml), all optional but one.
REGISTRIES = {"places": ("places.yaml", None), "agencies": ("agencies.yaml", "agencies"),
              "legal": ("legal.yaml", "legal")}
# Files a project may leave out; when present they are checked like the others.
OPTIONAL_FILES = {"glossary": "glossary.yaml"}


def _display(root: FsPath, path: FsPath) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def data_files(root: FsPath) -> list[tuple[str, FsPath]]:
    """(file kind, path) of every data file: registries first, then the optional files that exist (the
    glossary), then plans and reports; each kind's files in name order."""
    data = root / DATA_DIR
    files = []
    for kind, (single, folder) in REGISTRIES.items():
        found = sorted((data / folder).glob("*.yaml")) if folder else []
        files += [(kind, data / single)] if (data / single).exists() or not found else []
        files += [(kind, path) for path in found]
    files += [(kind, data / name) for kind, name in OPTIONAL_FILES.items() if (data / name).exists()]
    files += [("plan", p) for p in sorted((data / "plans").glob("*.yaml")) + sorted((data / "plans").glob("*.yml"))]
    files += [("report", p) for p in sorted((data / "reports").glob("*/*.yaml"))]
    return files


def load_checked(root: FsPath) -> tuple[Project, tuple[Problem, ...]]:
    """Read, check and cross-check every file under root/plan_data: (Project, warnings), or DataError."""
    root = FsPath(root)
    problems: list[Problem] = []
    docs: dict[str, list[YamlDocument]] = {kind: [] for kind in FILE_KINDS}
    built: dict[str, list] = {kind: [] for kind in FILE_KINDS}
    contexts: list[Context] = []
    unreadable: set[str] = set()  # kinds with a file that could not be read: their references go unchecked
    for kind, path in data_files(root):
        display = _display(root, path)
        if not path.is_file():
            problems.append(Problem(display, 1, 1, "(document)", f"Expected the file {display} but it does not exist.",
                                    "create it; see docs/huong-dan-bien-tap.md for its keys."))
            unreadable.add(kind)
            continue
        doc, read_problems = read_yaml(path, display)
        problems += read_problems
        if doc is None:
            unreadable.add(kind)
            continue
        docs[kind].append(doc)
        ctx = Context(doc, root / DATA_DIR)
        built[kind].append(FILE_KINDS[kind].check(doc.value, ctx, ()))
        contexts.append(ctx)
        problems += ctx.problems
    if not docs["plan"] and not any(p.file.startswith(f"{DATA_DIR}/plans") for p in problems):
        problems.append(Problem(f"{DATA_DIR}/plans", 1, 1, "(document)",
                                "Expected at least one plan file (*.yaml) but received none.",
                                "add plan_data/plans/<plan-id>.yaml; see docs/huong-dan-bien-tap.md."))
    problems += crosscheck.check_all(docs, contexts, unreadable)
    if problems:
        raise DataError(problems)
    # Reports by plan, then year and period (a period may still be invalid here: no dates computed yet).
    reports = sorted(zip(built["report"], docs["report"]), key=lambda pair: (
        pair[0].plan, pair[0].period.year, pair[0].period.number or 0, pair[0].period.kind, pair[1].file))
    project = Project(
        places=tuple(p for registry in built["places"] for p in registry.places),
        agencies=tuple(a for registry in built["agencies"] for a in registry.agencies),
        documents=tuple(d for registry in built["legal"] for d in registry.documents),
        plans=tuple(sorted(built["plan"], key=lambda plan: plan.id)),
        glossary=tuple(entry for glossary in built["glossary"] for entry in glossary.abbreviations),
    )
    errors, warnings = sanity.check(project, {doc.file: doc for doc in docs["plan"]})
    errors += report_checks.check(project, reports)
    warnings += report_tracking.check(project, reports)  # reports of periods the plan is not tracked for
    if errors:
        raise DataError(errors + warnings)
    return dataclasses.replace(project, reports=tuple(r for r, _ in reports)), tuple(sorted(warnings))


def load_project(root: FsPath) -> Project:
    """The validated Project (warnings, if any, are for `make check` and the build to print)."""
    return load_checked(root)[0]
