"""The data's history as records: which commits changed which files under plan_data/, and when.

Read from git by the adapter (plansite_mkdocs/history.py); used by the pages ("Cập nhật", the
Atom feed, "Cập nhật lần cuối") without knowing where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class FileChange(NamedTuple):
    """One file a commit changed: status letter (A added, M modified, D deleted, R renamed, T type
    changed …), its path relative to the project ('plan_data/plans/x.yaml'; for a rename, the new
    one) and, for a rename, the path it had before."""

    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class Commit:
    """A commit that changed files under plan_data/; `timestamp` is its committer time (Unix seconds)."""

    sha: str
    timestamp: int
    author: str
    subject: str
    files: tuple[FileChange, ...]


@dataclass(frozen=True)
class History:
    """The commits that changed the data, newest first, and when each file now present last changed.

    `last_changed` holds every path the history leaves in place (not deleted, not renamed away);
    `shallow` is True when the repository is a shallow clone, so older changes are missing.
    """

    commits: tuple[Commit, ...]
    last_changed: dict[str, int] = field(default_factory=dict)
    shallow: bool = False
