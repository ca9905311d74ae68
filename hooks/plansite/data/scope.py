"""A preview of one plan: every registry, that plan and its reports, loaded and checked as the build does.

    project, warnings = load_scoped(Path("."), "ke-sat-tuyen-giao-dan-van-2025-2030")

For `make serve PLAN=<id>` (the `PLANSITE_PREVIEW_PLAN` variable): on a corpus of many plans, reading
and checking every plan at each save takes longer than an editor should wait. Here the loader
(reports/project.py's `load_checked`, unchanged, handed in by the caller: data/ knows nothing of
reports) runs on a view of plan_data/ in a scratch folder, made of symbolic links: every registry and shared file
(places, agencies, legal, glossary, …), the one plan
file, its signed text and its reports folder. So the registries and the plan are checked by exactly the build's rules,
and problems name the same files and lines; what is not checked is every other plan and its reports
(and checks across plans). The full build, which publishes, always loads everything.

An unknown id is a `DataError` like any problem in the data: what was given, the known ids, a hint.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..i18n import _
from .model import Project
from .paths import DATA_DIR, PLANS_DIR, REPORTS_DIR, SOURCES_DIR, SUMMARIES_DIR
from .problems import DataError, Problem, did_you_mean

PREVIEW_ENV = "PLANSITE_PREVIEW_PLAN"
PLANS, REPORTS, SOURCES, SUMMARIES = PLANS_DIR, REPORTS_DIR, SOURCES_DIR, SUMMARIES_DIR
_ID_LINE = re.compile(r"""^id:[ \t]*(['"]?)([^'"#\s]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)
_SOURCE_LINE = re.compile(r"""^source_text:[ \t]*(['"]?)([^'"#\s]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)
SHOWN_IDS = 30  # at most this many known ids in the message; the rest are counted
Loaded = TypeVar("Loaded", bound=Project)


def plan_files(root: Path) -> dict[str, Path]:
    """Plan id → its file, from each plan file's top-level `id:` line (read as text, not parsed: cheap
    on hundreds of plans). A file whose id line cannot be read is listed under its file name."""
    files: dict[str, Path] = {}
    folder = Path(root) / DATA_DIR / PLANS
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        match = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
        files.setdefault(match.group(2) if match else path.stem, path)
    return files


def find_plan_file(root: Path, plan_id: str) -> Path:
    """The file of plan `plan_id`, or DataError naming the known ids. The file named after the id is
    tried first, so that the usual case does not read every plan."""
    folder = Path(root) / DATA_DIR / PLANS
    for path in (folder / f"{plan_id}.yaml", folder / f"{plan_id}.yml"):
        if path.is_file():
            match = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
            if match is None or match.group(2) == plan_id:
                return path
    files = plan_files(root)
    if plan_id in files:
        return files[plan_id]
    raise DataError([unknown_plan(plan_id, sorted(files))])


def unknown_plan(plan_id: str, known: list[str]) -> Problem:
    """The problem of a preview asked for a plan that does not exist."""
    shown = ", ".join(f"'{ident}'" for ident in known[:SHOWN_IDS])
    more = " " + _("and {count} more").format(count=len(known) - SHOWN_IDS) if len(known) > SHOWN_IDS else ""
    known_text = (
        _("the known plan ids are {ids}").format(ids=shown + more)
        if known
        else _("there is no plan in {folder}").format(folder=f"{DATA_DIR}/{PLANS}/")
    )
    starts = [ident for ident in known if ident.startswith(plan_id)]
    close = did_you_mean(plan_id, known) or (
        _("did you mean '{choice}'?").format(choice=starts[0]) if len(starts) == 1 else ""
    )
    return Problem(
        f"{DATA_DIR}/{PLANS}",
        1,
        1,
        f"({PREVIEW_ENV})",
        _("Expected the id of a plan in {folder} but received '{id}'; {known}.").format(
            folder=f"{DATA_DIR}/{PLANS}/", id=plan_id, known=known_text
        ),
        (f"{close} " if close else "")
        + _(
            "Preview one plan with `make serve PLAN=<plan id>` (the `id:` "
            "of its file), or every plan with `make serve`."
        ),
    )


def _link(target: Path, link: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target.resolve(), link, target_is_directory=target.is_dir())


def scoped_view(root: Path, plan_id: str, plan_file: Path, view: Path) -> Path:
    """A project folder at `view` whose plan_data/ holds every registry and shared file of root's but,
    of the plans, reports and summaries, only `plan_file`, the plan's summaries (summaries/<plan id>/) and
    its reports (reports/<plan id>/, where the
    loader checks that folder and each report's `plan:` agree); links, not copies. The project's other
    entries (docs/, for the files that reports cite) are linked as they are."""
    root = Path(root)
    for entry in root.iterdir():
        if entry.name != DATA_DIR:
            _link(entry, view / entry.name)
    data = root / DATA_DIR
    for entry in data.iterdir():
        if entry.name not in (PLANS, REPORTS, SOURCES, SUMMARIES):
            _link(entry, view / DATA_DIR / entry.name)
    _link(plan_file, view / DATA_DIR / PLANS / plan_file.name)
    # Only the plan's own signed text: the loader names a text that no plan of the view names.
    named = _SOURCE_LINE.search(plan_file.read_text(encoding="utf-8", errors="replace"))
    sources = [data / SOURCES / named.group(2)] if named else sorted((data / SOURCES).glob("*"))
    for source in sources:
        if source.exists():
            _link(source, view / DATA_DIR / SOURCES / source.name)
    for folder in (REPORTS, SUMMARIES):  # the plan's own reports and task summaries (the web form's files)
        if (data / folder / plan_id).is_dir():
            _link(data / folder / plan_id, view / DATA_DIR / folder / plan_id)
    return view


def load_scoped(
    root: Path, plan_id: str, load_checked: Callable[[Path], tuple[Loaded, tuple[Problem, ...]]]
) -> tuple[Loaded, tuple[Problem, ...]]:
    """(Project with every registry and only plan `plan_id` and its reports, warnings), checked by the
    build's own loader `load_checked`; or DataError (the data's problems, or an unknown id)."""
    root = Path(root)
    plan_file = find_plan_file(root, plan_id)
    with tempfile.TemporaryDirectory(prefix="plansite-preview-") as scratch:
        project, warnings = load_checked(scoped_view(root, plan_id, plan_file, Path(scratch)))
    if [plan.id for plan in project.plans] != [plan_id]:  # the file named after the id says another id
        found = ", ".join(f"'{plan.id}'" for plan in project.plans)
        raise DataError(
            [
                Problem(
                    f"{DATA_DIR}/{PLANS}/{plan_file.name}",
                    1,
                    1,
                    "id",
                    _("Expected the plan '{id}' in {file} but received {found}.").format(
                        id=plan_id, file=plan_file.name, found=found
                    ),
                    _("give the file the plan's id as its name, or preview {found}.").format(found=found),
                )
            ]
        )
    return project, warnings
