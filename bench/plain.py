"""The plain-MkDocs baselines of the benchmark: our generated pages written out as .md files and built
by MkDocs without our hooks (same theme, same nav, same published files).

    python bench/plain.py PROJECT DEST --code CODE     # run by bench/run.py

`CODE` is a tree holding hooks/, docs/, overrides/ and mkdocs.yml: its hooks/ writes the pages (in a
child process whose PYTHONPATH is CODE/hooks, so any commit's code can be used) and its docs,
overrides and config (without the `hooks:` entry) go with them. bench/run.py uses two:

- the baseline: commit 268976d (`git archive`), the last commit whose renderers wrote Markdown, so
  "ours/plain" keeps comparing against MkDocs rendering the Markdown pages of that time;
- the project itself: MkDocs rendering the page sources our hooks now make, as files.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE_COMMIT = "268976d"


def baseline_code(work: Path, commit: str = BASELINE_COMMIT) -> Path:
    """hooks, docs, overrides and mkdocs.yml of `commit`, extracted once into work/baseline-<commit>."""
    dest = work / f"baseline-{commit}"
    if not (dest / "mkdocs.yml").exists():
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "archive", commit, "hooks", "docs", "overrides", "mkdocs.yml"],
            cwd=HERE.parent,
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def plain_project(project: Path, dest: Path, code: Path) -> Path:
    """`project`'s data rendered by `code`'s hooks into a project at `dest` that plain MkDocs builds."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(code / "docs", dest / "docs")
    shutil.copytree(code / "overrides", dest / "overrides")
    # Our sitemap.xml is an index of parts that our hooks write (plansite_mkdocs/sitemap.py); plain MkDocs writes
    # its own, one file, as it does for any site.
    (dest / "overrides" / "sitemap.xml").unlink(missing_ok=True)
    hook = "hooks:\n  - hooks/plansite_hook.py\n"
    config = (code / "mkdocs.yml").read_text(encoding="utf-8").replace(hook, "")
    if "plansite_hook" in config:
        raise SystemExit(f"could not take the hook out of {code / 'mkdocs.yml'}")
    if "plan_memo" in _overrides_text(dest / "overrides"):
        # Our templates call the frame memo's globals (plansite_mkdocs/frame_memo.py); plain MkDocs gets them as
        # pass-throughs that render every block every time, i.e. Material's own work, none of ours.
        (dest / "plain_globals.py").write_text(PASS_THROUGH, encoding="utf-8")
        config += "\nhooks:\n  - plain_globals.py\n"
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(code / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PLANSITE_PREVIEW_PLAN", None)
    subprocess.run([sys.executable, __file__, "--write-pages", str(project), str(dest / "docs")], env=env, check=True)
    return dest


PASS_THROUGH = """# The frame memo's template globals for plain MkDocs: every block rendered, nothing kept.
def on_env(env, config, files):
    env.globals["plan_memo"] = lambda *key, caller: caller()
    for name in ("plan_nav_key", "plan_toc_key", "plan_asset_key"):
        env.globals[name] = lambda *args: ()
    return env
"""


def _overrides_text(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.html")))


def write_pages(project: Path, docs: Path) -> None:
    """In the child: every generated page as a file under docs/, and every published file beside them.

    The code on PYTHONPATH is the baseline commit's or this one's, whose modules have other names: the
    baseline's names are tried first and must stay as they are (not rewritten when this tree's move)."""
    try:  # the baseline commit (268976d): its loader and its site builder
        base_load = importlib.import_module("plansite.data.load").load_project
        base_pages = importlib.import_module("plansite.site.pages").build_site
        site = base_pages(base_load(project))
    except (ImportError, AttributeError):  # this tree: the project loaded and checked, then every page and file
        from plansite.build import build
        from plansite.reports.project import load_checked

        site = build(load_checked(project)[0])
    for uri in site.pages:
        page = site.pages[uri]
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(page if isinstance(page, str) else str(page), encoding="utf-8")
    for uri, data in site.files.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_bytes(data if isinstance(data, bytes) else (project / data).read_bytes())


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write-pages"]:
        write_pages(Path(sys.argv[2]), Path(sys.argv[3]))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--code", type=Path, help=f"default: commit {BASELINE_COMMIT}, extracted under bench/work/")
    args = parser.parse_args()
    plain_project(args.project.resolve(), args.dest.resolve(), (args.code or baseline_code(HERE / "work")).resolve())
