"""Read plan_data/ into a validated `Project` (registries and plans), or raise `DataError` listing
every problem of the first pass.

Runs without MkDocs and knows nothing of reports: the kinds of file to read come from the caller
(reports/project.py adds the report files' schema and checks the reports). Two passes: every file
is read and checked on its own and across files (references, duplicates, names); only when
that is clean are the built records checked as a whole (time, bases, titles; see `sanity`), and
those problems are returned, not raised, so that the caller reports them with its own in one run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath

from ..i18n import _
from . import crosscheck, records, sanity
from .model import Project
from .paths import DATA_DIR, SOURCES_DIR, data_files, duplicate_names, unread_files
from .problems import DataError, Problem, format_path
from .schema_kinds import Context, Obj
from .yamlsource import YamlDocument, read_text_problems, read_yaml


def _display(root: FsPath, path: FsPath) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class ReadData:
    """plan_data/ read and checked on its own: the project, the built records and documents of every
    kind (for the kinds the data layer does not build into the project: reports), and the problems of
    the second pass, which the caller reports together with its own."""

    project: Project
    records: Mapping[str, tuple]  # file kind → its files' built records, in data_files' order
    documents: Mapping[str, tuple[YamlDocument, ...]]  # file kind → its files, in the same order
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def read_data(root: FsPath, file_kinds: Mapping[str, Obj]) -> ReadData:
    """Read, check and cross-check every file under root/plan_data, each by its kind's schema in
    `file_kinds` (every kind data_files names); DataError with every problem of the first pass."""
    root = FsPath(root)
    problems: list[Problem] = []
    docs: dict[str, list[YamlDocument]] = {kind: [] for kind in file_kinds}
    built: dict[str, list] = {kind: [] for kind in file_kinds}
    contexts: list[Context] = []
    unreadable: set[str] = set()  # kinds with a file that could not be read: their references go unchecked
    files = data_files(root)
    problems += duplicate_names(files, root)
    for kind, path in files:
        display = _display(root, path)
        if not path.is_file():
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    format_path(()),
                    _("Expected the file {file} but it does not exist.").format(file=display),
                    _("create it; see docs/huong-dan-bien-tap.md for its keys."),
                )
            )
            unreadable.add(kind)
            continue
        doc, read_problems = read_yaml(path, display)
        problems += read_problems
        if doc is None:
            unreadable.add(kind)
            continue
        docs[kind].append(doc)
        ctx = Context(doc, root / DATA_DIR)
        built[kind].append(file_kinds[kind].check(doc.value, ctx, ()))
        contexts.append(ctx)
        problems += ctx.problems
    if not docs["plan"] and not any(p.file.startswith(f"{DATA_DIR}/plans") for p in problems):
        problems.append(
            Problem(
                f"{DATA_DIR}/plans",
                1,
                1,
                format_path(()),
                _("Expected at least one plan file (*.yaml) but received none."),
                _("add plan_data/plans/<plan-id>.yaml; see docs/huong-dan-bien-tap.md."),
            )
        )
    problems += crosscheck.check_all(docs, contexts, unreadable)
    problems += records.check(docs)
    named_sources = {doc.value.get("source_text") for doc in docs["plan"] if isinstance(doc.value, dict)}
    unread = unread_files(root, {path for _kind, path in files}, named_sources)
    for name in sorted(n for n in named_sources if isinstance(n, str) and "/" not in n and n.endswith(".txt")):
        source = root / DATA_DIR / SOURCES_DIR / name  # a signed text is published as it is: it is checked too
        if source.is_file():
            problems += read_text_problems(source, _display(root, source))
    problems += [p for p in unread if not p.warning]
    if problems:
        raise DataError(problems + [p for p in unread if p.warning])
    project = Project(
        places=tuple(p for registry in built["places"] for p in registry.places),
        agencies=tuple(a for registry in built["agencies"] for a in registry.agencies),
        documents=tuple(d for registry in built["legal"] for d in registry.documents),
        plans=tuple(sorted(built["plan"], key=lambda plan: plan.id)),
        glossary=tuple(entry for glossary in built["glossary"] for entry in glossary.abbreviations),
    )
    project = records.merge(project, built["contact"], built["summary"], built["glossary-entry"])
    errors, warnings = sanity.check(project, {doc.file: doc for doc in docs["plan"]})
    return ReadData(
        project,
        {kind: tuple(records) for kind, records in built.items()},
        {kind: tuple(found) for kind, found in docs.items()},
        tuple(errors),
        tuple(warnings) + tuple(p for p in unread if p.warning),
    )
