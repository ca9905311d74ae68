"""The import, end to end: a filled CSV file in, plan_data/reports/<plan>/<period>.yaml out. The
project is loaded as it stands (from a temporary copy), the CSV read against it (reading.py) and
checked by its rules (validation.py); the report file is written only when nothing is wrong, and
atomically, so that a failed import never leaves half a file for the build to trip on.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ...data.problems import hint_line
from ...i18n import _, ngettext
from .problems import CsvProblem
from .reading import parse_csv
from .validation import load_copy, validate

MAX_CSV_BYTES = 10 * 1024 * 1024  # a report is a few KB; 10 MB is the wrong file


def project_problems_note() -> str:
    """The note after plan_data's own problems, which are not the CSV's."""
    return _("plan_data has problems of its own (above); fix them first (make check), then import again.")


def _read(csv_path: Path, display: str) -> tuple[bytes | None, str]:
    """The file's bytes, or None and why not (unreadable, or far too large for a report)."""
    try:
        size = csv_path.stat().st_size
        raw = csv_path.read_bytes() if size <= MAX_CSV_BYTES else b""
    except OSError as error:
        return None, f"{display}: " + _("Expected a readable CSV file but could not read it ({reason}).").format(
            reason=error.strerror)
    if size > MAX_CSV_BYTES:
        return None, f"{display}: " + _("Expected a report of at most {limit} MB but received {size} MB.").format(
            limit=MAX_CSV_BYTES // 1024 // 1024, size=size // 1024 // 1024) + hint_line(
                _("is this the right file? A report is a few kilobytes."))
    return raw, ""


def _write(target: Path, text: str) -> None:
    """Write the file whole or not at all: a temporary file beside it, then renamed over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, prefix=".import-",
                                     suffix=".tmp", delete=False, newline="\n") as out:
        out.write(text)
    os.replace(out.name, target)


def import_report(csv_path: Path, root: Path, force: bool = False, display: str | None = None
                  ) -> tuple[str | None, list[str]]:
    """Validate a filled CSV and write its report file: (path written or None, messages)."""
    display = display or str(csv_path)
    root = Path(root)
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as scratch:
        tmp = Path(scratch)
        # The project as it stands: its plans, tasks and bodies, to read the CSV against.
        project, problems = load_copy(root, tmp, None, None)
        if project is None:
            return None, [str(p) for p in problems] + [project_problems_note()]
        raw, refused = _read(csv_path, display)
        if raw is None:
            return None, [refused]
        parsed = parse_csv(raw, display, project)
        relative, text = validate(parsed, project, root, tmp, force)
        if parsed.problems:
            return None, [str(p) for p in sorted(set(parsed.problems), key=CsvProblem.sort_key)]
        _write(root / relative, text)
        return relative, [f"{relative}: " + _("written from {file}: {tasks}, {skipped}.").format(
            file=display, tasks=ngettext("{count} task reported", "{count} tasks reported", len(parsed.tasks)).format(
                count=len(parsed.tasks)),
            skipped=ngettext("{count} row left empty", "{count} rows left empty", parsed.skipped).format(
                count=parsed.skipped))]
