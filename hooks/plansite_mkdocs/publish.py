"""Atomic publish: `python -m plansite_mkdocs.publish site` builds into a fresh folder beside `site`
and publishes it only when the build succeeded, so a failed build leaves the published site untouched.

`site` is a symlink to a finished build, `.site-builds/<n>`. Publishing points it at the new build
with one `os.replace` of a new symlink (a single rename(2), atomic), so a static server pointed at
`site` always finds a complete site: never a missing folder, never a half-written one. The builds
no longer published are removed after the swap.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from plansite.data.scope import PREVIEW_ENV
from plansite.i18n import _
from plansite_mkdocs import runner


def _remove(path: Path) -> None:
    """Delete a folder, file or symlink; a symlink itself, never what it points to."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def world_readable(folder: Path) -> None:
    """Folders 0755, files 0644, `folder` included: a static server running as another user must read
    every page. mkdtemp makes the staging folder 0700, and a strict umask (077) would make the files 0600."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def publish(target: Path, config: Path = Path("mkdocs.yml")) -> int:
    """Build `config` and publish it at `target`; the build's exit code (0 when published)."""
    parent = Path(target).absolute().parent.resolve()  # not target.resolve(): `site` is our symlink
    target = parent / Path(target).name
    builds = parent / f".{target.name}-builds"
    builds.mkdir(parents=True, exist_ok=True)
    builds.chmod(0o755)  # the server walks through it to the published build, whatever the umask
    with open(builds / ".lock", "a") as lock:
        # Stale staging folders: a lock rather than "older than ours", since an age cannot tell a
        # slow build from a dead one. While we hold this lock no other publish of `target` runs, so
        # every `.site-new-*` is left by a killed one; the kernel drops a lock when its holder dies
        # (SIGKILL included), so a killed publish never blocks the next. Concurrent publishes queue.
        fcntl.flock(lock, fcntl.LOCK_EX)
        for stale in parent.iterdir():
            if stale.name.startswith(f".{target.name}-new-"):
                _remove(stale)
        return _build_and_swap(target, builds, config)


def _build_and_swap(target: Path, builds: Path, config: Path) -> int:
    """Build into a staging folder; if that succeeded, make it `builds/<n>` and point `target` at it."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    env = {k: v for k, v in runner.build_env().items() if k != PREVIEW_ENV}  # a published site holds every plan
    result = subprocess.run(
        runner.build_command(config, staging), env=env, stdout=sys.stderr
    )  # mkdocs prints an Abort to stdout; errors belong on stderr
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(_("Build failed; {target} was left as it was.").format(target=target), file=sys.stderr)
        return result.returncode
    world_readable(staging)
    build = builds / str(1 + max((int(p.name) for p in builds.iterdir() if p.name.isdigit()), default=0))
    os.replace(staging, build)
    if target.is_dir() and not target.is_symlink():
        # One-time migration from a real `site` folder (the old way of publishing): a symlink cannot
        # replace a folder in one rename, so it is moved aside first. Only this step has a moment
        # with no `site` at all; every later swap is the single rename below.
        _remove(builds / "migrated")
        os.replace(target, builds / "migrated")
    # The staging name is free again and ours; if we die before the rename, it is cleared as stale.
    os.symlink(Path(builds.name) / build.name, staging)  # relative: the project folder may move
    os.replace(staging, target)
    for old in builds.iterdir():
        if old != build and old.name != ".lock":
            _remove(old)
    print(_("Published {target} ({build})").format(target=target, build=build.relative_to(target.parent)))
    return 0


if __name__ == "__main__":
    sys.exit(publish(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
