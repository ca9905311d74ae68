"""Many link-preview pictures at once: the cache looked up first, the missing ones drawn on every core.

A build asks for a few thousand pictures (site/parts/previews.py shares one picture between pages that show
the same thing). Each is kept in the cache folder under its content hash (og_image.image_name), so a
rebuild draws only the pictures whose words changed. The missing ones are grouped by what they share
but their kind (a plan's pages: the same title, plan and place), each group drawn from one base image,
and the groups spread over a process pool when there are enough of them to pay for starting it (`draw_missing`;
a build gives each group to its helper processes as soon as the group's pages are past, `draw_group`:
plansite_mkdocs/previews.py). The bytes do not depend on which process drew them: a picture is a pure function
of its words.
"""

from __future__ import annotations

import os
import signal
import site
import threading
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context, parent_process
from pathlib import Path

from .og_image import (
    TEMPORARY,
    image_name,
    is_digest,
    png_bytes,
    remove_leftovers,
    remove_quietly,
    render_base,
    store,
    with_kind,
)

Words = tuple[str, str, str, str]  # kind, title, plan, place: what a picture draws
HOOKS = Path(__file__).resolve().parents[3]  # the folder that holds plansite/
POOL_FROM = 16  # fewer missing groups than this are drawn in the build's own process
BEHIND = 10  # the niceness of a process that draws: the build's own process renders pages meanwhile


class _Process:
    helper = False


def run_behind(niceness: int = BEHIND) -> None:
    """Make this process a helper of the build, once: it yields the CPU to the build's own process (whose pages
    are the build's critical path) by `niceness`, and leaves Ctrl+C to it (the build's own process ends its
    helpers: plansite_mkdocs/helpers.py), so an interrupted build prints no helper's traceback. Nothing in
    the build's own process (`draw_missing` with one worker)."""
    if not _Process.helper and parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.nice(niceness)
        _Process.helper = True


def draw_group(cache_dir: str, base: tuple[str, str, str], kinds: tuple[str, ...]) -> int:
    """The pictures of one base (title, plan, place) in each kind, written into the cache; how many."""
    run_behind()
    image = render_base(*base)
    for kind in kinds:
        store(Path(cache_dir) / image_name(kind, *base), png_bytes(with_kind(image, kind)))
    return len(kinds)


def workers_here() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of spawned processes, not forked ones (a fork of the build would copy its threads' locks
    mid-use), each given hooks/ on sys.path before it unpickles its first task: MkDocs puts hooks/ there
    only while it loads the hook (site.addsitedir: a function a new process can find by name)."""
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=site.addsitedir, initargs=(str(HOOKS),)
    )
    _start_all(pool)
    return pool


def _start_all(pool: ProcessPoolExecutor) -> None:
    """Start every process of `pool` now, with Ctrl+C ignored in the build's own process meanwhile: a spawned
    process inherits that, and Python leaves a signal ignored at its start ignored, so a Ctrl+C while a helper
    is still reading its modules (before `run_behind`) reaches the build alone, which ends its helpers, and no
    helper prints a traceback. (A blocked signal would not do: a spawned process starts with none blocked.)
    All at once, because the executor otherwise starts them one at a time as work comes, each start a moment
    when the build would lose a Ctrl+C; this way only the few milliseconds of these starts. Python 3.11's
    executor has no public way to do it (its `_launch_processes`); without one, or outside the main thread
    (where alone Python lets signals be set), the executor starts them itself."""
    launch = getattr(pool, "_launch_processes", None)
    if launch is None or threading.current_thread() is not threading.main_thread():
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        launch()
    finally:
        signal.signal(signal.SIGINT, previous)


def missing_groups(cache_dir: Path, wanted: list[Words]) -> list[tuple[str, tuple[str, str, str], tuple[str, ...]]]:
    """The `draw_group` jobs that draw every picture of `wanted` not yet in `cache_dir`, sorted."""
    groups: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for kind, title, plan, place in wanted:
        if not (Path(cache_dir) / image_name(kind, title, plan, place)).is_file():
            groups[(title, plan, place)].add(kind)
    return [(str(cache_dir), base, tuple(sorted(kinds))) for base, kinds in sorted(groups.items())]


def prune(cache_dir: Path, keep: set[str], before: float) -> int:
    """Remove from `cache_dir` the pictures not named in `keep` (a build's pictures, all of them: old titles, pages
    gone, an earlier VERSION), and temporary files older than the time `before` (the build's start); how many.
    Only files named as `image_name` and `store` name them."""
    stale = [path for path in sorted(Path(cache_dir).glob("*.png")) if path.name not in keep and is_digest(path.stem)]
    return remove_leftovers(cache_dir, TEMPORARY, before) + sum(map(remove_quietly, stale))


def draw_missing(cache_dir: Path, wanted: list[Words], workers: int | None = None) -> int:
    """Every picture of `wanted` not yet in `cache_dir` drawn into it; returns how many were drawn.

    Groups are submitted in sorted order and each writes its own files (atomically, by name), so the
    cache ends the same whatever the order the processes finish in (`spawn_pool`)."""
    jobs = missing_groups(cache_dir, wanted)
    workers = workers or workers_here()
    if workers < 2 or len(jobs) < POOL_FROM:
        return sum(draw_group(*job) for job in jobs)
    with spawn_pool(workers) as pool:
        return sum(pool.map(draw_group, *zip(*jobs), chunksize=max(1, len(jobs) // (workers * 8))))
