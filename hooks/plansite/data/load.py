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
from . import crosscheck, records, sanity
from .model import Project
from ..i18n import _
from .paths import DATA_DIR, data_files, duplicate_names, unread_files
from .problems import DataError, Problem, format_path
from .schema import FILE_KINDS
from .schema_kinds import Context
from .yamlsource import YamlDocument, read_text_problems, read_yaml


def _display(root: FsPath, path: FsPath) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_checked(root: FsPath) -> tuple[Project, tuple[Problem, ...]]:
    """Read, check and cross-check every file under root/plan_data: (Project, warnings), or DataError."""
    root = FsPath(root)
    problems: list[Problem] = []
    docs: dict[str, list[YamlDocument]] = {kind: [] for kind in FILE_KINDS}
    built: dict[str, list] = {kind: [] for kind in FILE_KINDS}
    contexts: list[Context] = []
    unreadable: set[str] = set()  # kinds with a file that could not be read: their references go unchecked
    files = data_files(root)
    problems += duplicate_names(files, root)
    for kind, path in files:
        display = _display(root, path)
        if not path.is_file():
            problems.append(Problem(display, 1, 1, format_path(()),
                                    _("Expected the file {file} but it does not exist.").format(file=display),
                                    _("create it; see docs/huong-dan-bien-tap.md for its keys.")))
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
        problems.append(Problem(f"{DATA_DIR}/plans", 1, 1, format_path(()),
                                _("Expected at least one plan file (*.yaml) but received none."),
                                _("add plan_data/plans/<plan-id>.yaml; see docs/huong-dan-bien-tap.md.")))
    problems += crosscheck.check_all(docs, contexts, unreadable)
    problems += records.check(docs)
    named_sources = {doc.value.get("source_text") for doc in docs["plan"] if isinstance(doc.value, dict)}
    unread = unread_files(root, {path for _kind, path in files}, named_sources)
    for name in sorted(n for n in named_sources if isinstance(n, str) and "/" not in n and n.endswith(".txt")):
        source = root / DATA_DIR / "sources" / name  # a signed text is published as it is: it is checked too
        if source.is_file():
            problems += read_text_problems(source, _display(root, source))
    problems += [p for p in unread if not p.warning]
    if problems:
        raise DataError(problems + [p for p in unread if p.warning])
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
    project = records.merge(project, built["contact"], built["summary"], built["glossary-entry"])
    errors, warnings = sanity.check(project, {doc.file: doc for doc in docs["plan"]})
    found = report_checks.check(project, reports) + report_tracking.check(project, reports)
    errors += [p for p in found if not p.warning]
    warnings += [p for p in found + unread if p.warning]
    if errors:
        raise DataError(errors + warnings)
    return dataclasses.replace(project, reports=tuple(r for r, _ in reports)), tuple(sorted(warnings))


def load_project(root: FsPath) -> Project:
    """The validated Project (warnings, if any, are for `make check` and the build to print)."""
    return load_checked(root)[0]
