"""Problems as the git hosts show them beside the changed lines of a pull or merge request.

    github(problem)        one `::error file=…,line=…,col=…,title=…::…` workflow command (GitHub Actions)
    code_quality(problems) a Code Quality report (JSON, Code Climate's format) for GitLab's merge requests

The text is the problem's own (`str(problem)` after its location), so it reads as `make check` says it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from .problems import Problem


def _where(problem: Problem) -> str:
    return f"{problem.file}:{problem.line}:{problem.column}: "


def _text(problem: Problem) -> str:
    """What `make check` prints for the problem, without its file:line:col (the host shows the place)."""
    return str(problem).removeprefix(_where(problem))


def _escape_data(text: str) -> str:
    # GitHub's workflow commands: %, CR and LF are escaped in the message, and also ':' and ',' in properties.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problem: Problem) -> str:
    """The workflow command that puts `problem` at its file, line and column in the pull request."""
    level = "warning" if problem.warning else "error"
    return (
        f"::{level} file={_escape_property(problem.file)},line={problem.line},col={problem.column},"
        f"title={_escape_property(problem.path)}::{_escape_data(_text(problem))}"
    )


def code_quality(problems: Iterable[Problem]) -> str:
    """GitLab's Code Quality report: one finding per problem, at its file and line."""
    findings = [
        {
            "description": _text(p),
            "check_name": "plansite-check",
            "fingerprint": hashlib.sha256(str(p).encode("utf-8")).hexdigest(),
            "severity": "minor" if p.warning else "major",
            "location": {"path": p.file, "lines": {"begin": p.line}},
        }
        for p in problems
    ]
    return json.dumps(findings, ensure_ascii=False, indent=2) + "\n"
