"""Load plan_data/ into a validated `Project`, or raise `DataError` listing every problem.

    project = load_project(Path("."))   # reads ./plan_data

Runs without MkDocs; the site build and `make check` both call it.
"""

from __future__ import annotations

from pathlib import Path as FsPath

from . import crosscheck
from .model import Project
from .problems import DataError, Problem
from .schema import FILE_KINDS
from .schema_kinds import Context
from .yamlsource import YamlDocument, read_yaml

DATA_DIR = "plan_data"


def _display(root: FsPath, path: FsPath) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def data_files(root: FsPath) -> list[tuple[str, FsPath]]:
    """(file kind, path) of every data file, registries first, plans in name order."""
    data = root / DATA_DIR
    files = [("agencies", data / "agencies.yaml"), ("legal", data / "legal.yaml")]
    files += [("plan", p) for p in sorted((data / "plans").glob("*.yaml")) + sorted((data / "plans").glob("*.yml"))]
    return files


def load_project(root: FsPath) -> Project:
    """Read, check and cross-check every file under root/plan_data; all problems or a Project."""
    root = FsPath(root)
    problems: list[Problem] = []
    docs: dict[str, list[YamlDocument]] = {"agencies": [], "legal": [], "plan": []}
    contexts: list[Context] = []
    built: dict[str, list] = {"agencies": [], "legal": [], "plan": []}
    for kind, path in data_files(root):
        display = _display(root, path)
        if not path.is_file():
            problems.append(Problem(display, 1, 1, "(document)", f"Expected the file {display} but it does not exist.",
                                    "create it; see docs/huong-dan-bien-tap.md for its keys."))
            continue
        doc, read_problems = read_yaml(path, display)
        problems += read_problems
        if doc is None:
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

    agencies = docs["agencies"][0] if docs["agencies"] else None
    legal = docs["legal"][0] if docs["legal"] else None
    # A registry that could not be read has its own problem; don't also report every reference to it.
    known = {
        "agency": None if agencies is None else
        {i for _, r in crosscheck.records(agencies, "agencies") if isinstance(i := r.get("id"), str)},
        "legal": None if legal is None else
        {i for _, r in crosscheck.records(legal, "documents") if isinstance(i := r.get("id"), str)},
    }
    problems += crosscheck.unresolved_refs(contexts, known)
    problems += crosscheck.duplicate_ids([(agencies, p, r) for p, r in crosscheck.records(agencies, "agencies")], "agency")
    problems += crosscheck.duplicate_ids([(legal, p, r) for p, r in crosscheck.records(legal, "documents")], "document")
    problems += crosscheck.duplicate_ids(
        [(d, (), d.value) for d in docs["plan"] if isinstance(d.value, dict)], "plan")
    for doc in docs["plan"]:
        problems += crosscheck.duplicate_ids(crosscheck.task_records(doc), "task")
    problems += crosscheck.alias_collisions(agencies, "agencies", "agency")
    problems += crosscheck.alias_collisions(legal, "documents", "legal document")
    problems += crosscheck.relation_cycles(legal)
    if problems:
        raise DataError(problems)
    return Project(
        agencies=built["agencies"][0].agencies,
        documents=built["legal"][0].documents,
        plans=tuple(sorted(built["plan"], key=lambda plan: plan.id)),
    )
