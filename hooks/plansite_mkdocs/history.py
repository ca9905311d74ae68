"""The data's history: which commits changed which files under plan_data/, and when, from git.

    history = read_history(root)   # None when there is no repository to read

One `git log` over the whole history of plan_data/ (never one per page or per file), read with
-z so that renames, deletions and any file name (non-ASCII, spaces, tabs) come through unquoted.
Dates are the commits' own (committer time), never the clock, so one commit always gives the same
history. A build from an export without .git, or on a machine without git, gets None and goes on.

A shallow clone (CI checkouts often fetch one commit) lists its oldest commit as adding every file
that existed then; that commit is left out and `History.shallow` says the history is partial.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from plansite.history import Commit, FileChange, History

_RECORD = "\x1e"  # starts each commit's header; fields and file names are NUL-separated (-z)
_FORMAT = f"--format={_RECORD}%H%x00%ct%x00%an%x00%s"
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256 repositories
# Variables that point git at another repository than root's (set inside git hooks, for instance).
_REPOSITORY_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
)
TIMEOUT = 60  # seconds


def git_command(root: Path, data_dir: str = "plan_data") -> list[str]:
    """The one git command read_history runs. Options that personal git config could change (rename
    detection, colour, signatures, log.follow, output encoding) are set explicitly."""
    return [
        "git",
        "-C",
        str(root),
        "-c",
        "log.showSignature=false",
        "-c",
        "log.follow=false",
        "-c",
        "i18n.logOutputEncoding=UTF-8",
        "log",
        "-z",
        "-M",
        "--no-color",
        _FORMAT,
        "--name-status",
        "--",
        data_dir,
    ]


def parse_log(output: str) -> list[Commit]:
    """Commits from `git log -z --name-status` with git_command's format, in git's order.

    A header is "\\x1e<sha>", time, author, subject (NUL-separated); then, after a newline, status and
    path(s) NUL-separated, two paths for a rename or copy. Fields are read by position, so a
    subject holding "\\x1e" or a file name starting with it cannot start a commit. Anything that
    does not fit (no valid sha or time) ends the parse rather than inventing data.
    """
    tokens = output.split("\0")
    commits: list[Commit] = []
    i = 0
    while i + 3 < len(tokens) and tokens[i].startswith(_RECORD):
        sha, stamp, author, subject = tokens[i][1:], *tokens[i + 1 : i + 4]
        if not _SHA.fullmatch(sha) or not stamp.isdigit():
            break
        i += 4
        files: list[FileChange] = []
        while i < len(tokens) and not tokens[i].startswith(_RECORD):
            status = tokens[i].lstrip("\n")
            i += 1
            if not status:
                continue
            letter = status[0]
            if letter in "RC":  # rename/copy with a similarity score: old path, then new path
                if i + 1 >= len(tokens):
                    break
                files.append(FileChange(letter, tokens[i + 1], tokens[i] if letter == "R" else None))
                i += 2
            elif i < len(tokens):
                files.append(FileChange(letter, tokens[i]))
                i += 1
        commits.append(Commit(sha, int(stamp), author, subject, tuple(files)))
    return commits


def last_changed(commits: list[Commit]) -> dict[str, int]:
    """Path → time of the newest commit that changed it, for paths still present, from commits
    newest first: the first sighting of a path decides whether it is still there."""
    seen: dict[str, int | None] = {}
    for commit in commits:
        for change in commit.files:
            seen.setdefault(change.path, None if change.status == "D" else commit.timestamp)
            if change.old_path is not None:
                seen.setdefault(change.old_path, None)  # renamed away
    return {path: when for path, when in sorted(seen.items()) if when is not None}


def _git_dir(root: Path) -> Path | None:
    """root/.git, or the folder a .git file points to (worktrees, submodules)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    try:
        first = dot_git.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    return (root / first[len("gitdir:") :].strip()).resolve() if first.startswith("gitdir:") else None


def _common_dir(git_dir: Path) -> Path:
    """The main git folder: a worktree's `commondir` file names it; otherwise git_dir itself."""
    try:
        return (git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()).resolve()
    except (OSError, UnicodeDecodeError):
        return git_dir


def _shallow_boundary(root: Path) -> frozenset[str]:
    """The commits a shallow clone was cut at (git lists them in <git dir>/shallow); empty otherwise."""
    git_dir = _git_dir(root)
    if git_dir is None:
        return frozenset()
    try:
        return frozenset((_common_dir(git_dir) / "shallow").read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return frozenset()


def read_history(root: Path, data_dir: str = "plan_data") -> History | None:
    """The history of root/`data_dir` from one `git log`, or None: no .git in root, no git, or git failed.

    Commits are newest first (by commit time; git's order among equal times), each with the files
    under `data_dir` it changed as paths relative to root. Merge commits list no files (their
    branches' commits do). In a shallow clone the boundary commit is dropped (see the module doc).
    """
    root = Path(root)
    if not (root / ".git").exists():
        return None
    env = {name: value for name, value in os.environ.items() if name not in _REPOSITORY_VARIABLES}
    try:
        result = subprocess.run(git_command(root, data_dir), capture_output=True, env=env, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    boundary = _shallow_boundary(root)
    in_order = [c for c in parse_log(result.stdout.decode("utf-8", errors="replace")) if c.sha not in boundary]
    commits = sorted(in_order, key=lambda c: -c.timestamp)  # stable: git's order breaks ties
    return History(tuple(commits), last_changed(in_order), bool(boundary))
