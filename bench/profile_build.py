"""cProfile of one in-process `mkdocs build` of a project: the functions that take the most time.

    python bench/profile_build.py PROJECT [--top 5] [--save bench/PROFILE-before.txt] [--site-dir DIR]

Runs the build as `mkdocs build` does (config loaded, `on_startup`, `build`, `on_shutdown`) in this
process, under cProfile timed by this process's CPU time (so that other work on the machine does not
land in the figures), and prints the top functions by **tottime** (time spent in the function's own
code, callees excluded): cumulative time would put `build` and the hook events on top and say nothing. What the
build's helper processes do (plansite_mkdocs/helpers.py: pictures of a cold build, the search index of
a site of 500 pages or more) is not in it: the profile is the build's own process, its critical path. The project's
own hooks/ come first on sys.path, so a baseline checkout profiles its own code.
Run it in a fresh process per project (bench/run.py does): the imported hooks are cached per process.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path


def profile_build(project: Path, site_dir: Path) -> tuple[pstats.Stats, float]:
    """(the profile, wall seconds) of one build of `project` into `site_dir`."""
    project = project.resolve()
    sys.path.insert(0, str(project / "hooks"))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(project)  # the build reads git history and relative data paths from the project folder
    from mkdocs.commands import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    profiler = cProfile.Profile(time.process_time)  # CPU time: other processes on the machine do not count
    start = time.perf_counter()
    profiler.enable()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build.build(config)
    finally:
        config.plugins.on_shutdown()
        profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - start


def top_functions(stats: pstats.Stats, top: int) -> str:
    """The `top` functions by tottime, as pstats prints them (paths shortened to site-packages/…)."""
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("tottime").print_stats(top)
    text = out.getvalue()
    # Only the table: pstats starts with the totals and the sort order, which the caller prints itself.
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    table = "\n".join(line for line in lines[start:] if line.strip())
    for prefix in sorted({p for p in sys.path if p and len(p) > 1}, key=len, reverse=True):
        table = table.replace(prefix.rstrip("/") + "/", "")
    return table


def by_package(stats: pstats.Stats, top: int = 8) -> str:
    """Own time summed by where the code lives: a package (markdown, jinja2, plansite, …), a template,
    or Python's built-ins; the `top` largest with their share of the whole."""
    totals: dict[str, float] = {}
    for (filename, _, name), (_, _, tottime, _, _) in stats.stats.items():
        if filename == "~":
            where = "built-ins (" + ("str, list, dict methods" if name.startswith("<method") else "functions") + ")"
        elif filename.endswith(".html"):
            where = "templates (Jinja, compiled)"
        else:
            parts = Path(filename).parts
            marker = next((i for i, part in enumerate(parts) if part in ("site-packages", "hooks")), None)
            where = (
                parts[marker + 1].removesuffix(".py")
                if marker is not None and marker + 1 < len(parts)
                else ("Python's library" if "python3" in filename else Path(filename).name)
            )
        totals[where] = totals.get(where, 0.0) + tottime
    whole = sum(totals.values()) or 1.0
    rows = sorted(totals.items(), key=lambda item: -item[1])[:top]
    return "\n".join(f"{seconds:9.1f} s {100 * seconds / whole:5.1f} %  {where}" for where, seconds in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--save", type=Path, help="also write the table to this file")
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--title", default="", help="a first line for the saved file")
    parser.add_argument("--dump", type=Path, help="also write the raw profile (pstats) to this file")
    args = parser.parse_args()
    save = args.save.resolve() if args.save else None
    dump = args.dump.resolve() if args.dump else None
    with tempfile.TemporaryDirectory(prefix="plansite-profile-") as scratch:
        stats, wall = profile_build(args.project, (args.site_dir or Path(scratch) / "site").resolve())
    if dump:
        stats.dump_stats(dump)
    table = top_functions(stats, args.top)
    text = (f"{args.title}\n" if args.title else "") + (
        f"cProfile (CPU time) of one in-process build of {args.project.resolve().name}: {stats.total_tt:.1f} s CPU, "
        f"{wall:.1f} s wall under the profiler, {stats.total_calls} calls; top {args.top} functions by tottime "
        f"(own time, callees excluded)\n\n{table}\n\nOwn time by package:\n\n{by_package(stats)}\n"
    )
    print(text)
    if save:
        save.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
