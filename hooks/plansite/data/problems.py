"""Problems found in the data, and how they are reported to editors.

A problem reads like a compiler's message:

    plan_data/plans/x.yaml:42:9: tasks[3].lead[1]: Expected an agency id but received 'phong-van-hoa'.
      Hint: did you mean 'phong-van-hoa-xa-hoi'?

Problems are collected, never raised one by one; `DataError` carries all of them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import _, ngettext

DataPath = tuple  # a place inside a data file: keys and indices from the document root, e.g. ("tasks", 3, "lead")


def format_path(path: DataPath) -> str:
    """('tasks', 3, 'lead', 1) → 'tasks[3].lead[1]'; the root is '(document)' (in the reader's language)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or _("(document)")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    warning: bool = False  # worth fixing, but the site is still published

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.path}: {_('Warning: ') if self.warning else ''}{self.message}"  # noqa: E501
        return text + (hint_line(self.hint) if self.hint else "")


def hint_line(hint: str) -> str:
    """The indented line under a message that says how to fix it."""
    return "\n  " + _("Hint: {hint}").format(hint=hint)


class DataError(Exception):
    """The data has problems; nothing may be published from it."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, then a one-line count, as printed by `make check` and the build."""
        count = sum(1 for p in self.problems if not p.warning)
        lines = [str(p) for p in self.problems]
        lines.append(
            ngettext(
                "{count} problem found in plan_data; nothing was published.",
                "{count} problems found in plan_data; nothing was published.",
                count,
            ).format(count=count)
        )
        return "\n".join(lines)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint naming the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return _("did you mean '{choice}'?").format(choice=close[0]) if close else ""


def describe(value: object) -> str:
    """How a received value is named in 'Expected … but received …'."""
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("the yes/no value {value}").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return _("the text {text}").format(text=repr(shown))
    if isinstance(value, list):
        return ngettext("a list of {count} item", "a list of {count} items", len(value)).format(count=len(value))
    if isinstance(value, dict):
        return _("a mapping (key: value pairs)")
    return type(value).__name__
