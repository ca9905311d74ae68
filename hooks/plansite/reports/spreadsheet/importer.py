"""The import, end to end: a filled CSV file in, plan_data/reports/<plan>/<period>/<reporter>.yaml out.
The project is loaded as it stands (from a temporary copy), the CSV read against it (reading.py) and
checked by its rules (validation.py); the report file is written only when nothing is wrong, and
atomically: a failure at any point (a full disk included) leaves plan_data/ as it was.

Each body's report of a period is its own file, so an import never touches another body's report.
`--force` replaces the same body's report of the same period, and only one that git can give back
(committed, unchanged since): otherwise the editor's last version would be lost.
"""

from __future__ import annotations

import errno
import os
import subprocess
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
            reason=error.strerror
        )
    if size > MAX_CSV_BYTES:
        return None, f"{display}: " + _("Expected a report of at most {limit} MB but received {size} MB.").format(
            limit=MAX_CSV_BYTES // 1024 // 1024, size=size // 1024 // 1024
        ) + hint_line(_("is this the right file? A report is a few kilobytes."))
    return raw, ""


def _write(target: Path, text: str) -> None:
    """Write the file whole or not at all: a temporary file beside it, then renamed over it. On any
    failure the temporary file and any folder made for it are removed, and OSError raised."""
    made = [folder for folder in (target.parent, *target.parent.parents) if not folder.exists()]
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, prefix=".import-", suffix=".tmp", delete=False, newline="\n"
        ) as out:
            temporary = Path(out.name)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        for folder in made:  # innermost first; only folders this import made, and only if empty
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def _kept_in_git(root: Path, relative: str) -> bool:
    """Whether git holds this file as it is now (tracked, no change since the last commit)."""
    try:
        tracked = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--error-unmatch", "--", relative], capture_output=True, timeout=30
        )
        same = subprocess.run(
            ["git", "-C", str(root), "diff", "--quiet", "HEAD", "--", relative], capture_output=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return tracked.returncode == 0 and same.returncode == 0


def _replacing(root: Path, relative: str, display: str) -> tuple[bool, str]:
    """(may write, message) for a forced import over an existing report file."""
    if not (root / relative).exists():
        return True, ""
    if not _kept_in_git(root, relative):
        return False, f"{display}: " + _(
            "Expected a report that git can give back before replacing it but {file} has "
            "changes that are not committed (or is not in git)."
        ).format(file=relative) + hint_line(
            _(
                "commit it first (git add {file} && git commit), then import again with --force; else its "
                "content would be lost."
            ).format(file=relative)
        )
    return True, f"{relative}: " + _(
        "replaced the earlier report of the same body and period; the old one is in git: "
        "git show HEAD:{file} shows it, git checkout HEAD -- {file} brings it back."
    ).format(file=relative)


def import_report(
    csv_path: Path, root: Path, force: bool = False, display: str | None = None
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
            return None, [str(p) for p in sorted(set(parsed.problems) | set(parsed.warnings), key=CsvProblem.sort_key)]
        warnings = [str(p) for p in sorted(set(parsed.warnings), key=CsvProblem.sort_key)]
        allowed, replaced = _replacing(root, relative, display) if force else (True, "")
        if not allowed:
            return None, warnings + [replaced]
        try:
            _write(root / relative, text)
        except OSError as error:
            full = error.errno == errno.ENOSPC
            return None, warnings + [
                f"{relative}: "
                + _(
                    "Expected to write the report file but could not ({reason}); "
                    "nothing was written and plan_data/ is as it was."
                ).format(reason=_("the disk is full") if full else error.strerror or error)
                + hint_line(
                    _("free some disk space, then import again.")
                    if full
                    else _("check that the folder can be written to, then import again.")
                )
            ]
        return relative, warnings + ([replaced] if replaced else []) + [
            f"{relative}: "
            + _("written from {file}: {tasks}, {skipped}.").format(
                file=display,
                tasks=ngettext("{count} task reported", "{count} tasks reported", len(parsed.tasks)).format(
                    count=len(parsed.tasks)
                ),
                skipped=ngettext("{count} row left empty", "{count} rows left empty", parsed.skipped).format(
                    count=parsed.skipped
                ),
            )
        ]
