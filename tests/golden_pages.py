"""Golden page cases: each tests/golden/pages/*.yaml holds a tiny project and the exact text (front matter and
HTML) of some of its pages as the renderers write them, read from `site.pages.build_site`: plain Python, no
MkDocs, no site written.

A case's project is the plan_data of tests/golden/base (`base:` may name other folders under tests/ that hold
a plan_data, one or several laid one over the other) plus the case's `files` (path → text, replacing a base
file of the same path); `options` are SiteOptions' (`today` as a date). `pages` maps each page's source path
to its expected text. Every case's data is made up for the test, and says so in its description.

Run `python tests/golden_pages.py --update` to rewrite every case's `pages` after a deliberate change of
markup, then review the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hooks"))
PAGE_CASES = sorted((HERE / "golden" / "pages").glob("*.yaml"))


def read_case(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def case_project(case: dict, workdir: Path) -> Path:
    """The case's project folder in `workdir`: its base (the plan_data of one folder, or of several laid one
    over the other), then its files."""
    project = workdir / "project"
    bases = case.get("base", "golden/base")
    for base in [bases] if isinstance(bases, str) else bases:
        shutil.copytree(HERE / base / "plan_data", project / "plan_data", dirs_exist_ok=True)
    for name, text in (case.get("files") or {}).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    return project


def rendered_pages(case: dict, workdir: Path) -> dict[str, str]:
    """Each of the case's pages as the renderers write it, by source path."""
    from plansite.build import build
    from plansite.reports.project import load_checked
    from plansite.site.options import SiteOptions

    options = dict(case.get("options") or {})
    if isinstance(options.get("today"), str):
        options["today"] = dt.date.fromisoformat(options["today"])
    pages = build(load_checked(case_project(case, workdir))[0], SiteOptions(**options)).pages
    return {uri: pages[uri] for uri in case["pages"]}


class _Literal(yaml.SafeDumper):
    """Multi-line texts as `|` blocks, so that a change of markup reads as a diff of lines."""


_Literal.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


def update() -> None:
    for path in PAGE_CASES:
        head = path.read_text(encoding="utf-8").split("\npages:")[0].rstrip("\n")
        with tempfile.TemporaryDirectory() as tmp:
            pages = rendered_pages(read_case(path), Path(tmp))
        text = yaml.dump({"pages": pages}, Dumper=_Literal, allow_unicode=True, width=10_000, sort_keys=False)
        path.write_text(head + "\n" + text, encoding="utf-8")
        print(f"{path.stem}: {len(pages)} pages")


if __name__ == "__main__" and "--update" in sys.argv:
    update()
