"""The build's "today", never the wall clock, so the same data builds the same site.

SOURCE_DATE_EPOCH (the reproducible-builds convention) when set; otherwise the time of the
repository's last commit, so a build of one commit is the same on every machine and day; with
neither (an export without .git), nothing, and the data's own dates decide (reports.calendar).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def source_date_epoch(root: Path) -> str | None:
    """Seconds since 1970 as text, or None."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    if not (Path(root) / ".git").exists():
        return None
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None
