"""Command line: `python -m plansite check` validates plan_data/ without building the site;
`python -m plansite schemas` rewrites the JSON Schemas in schemas/ from schema.py;
`python -m plansite report-template …` and `python -m plansite import-report FILE.csv` turn reports
into spreadsheets and back (see reports/spreadsheet/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import annotations
from .data.problems import DataError
from .data.sanity import unreachable_offices
from .i18n import _, argparse_in_language
from .reports.project import load_checked, schema_documents
from .reports.spreadsheet import cli as csv_io


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in csv_io.COMMANDS:
        return csv_io.main(argv)
    with argparse_in_language():
        parser = argparse.ArgumentParser(prog="python -m plansite")
        parser.add_argument("command", choices=["check", "schemas", *csv_io.COMMANDS])
        parser.add_argument("--root", default=".", help=_("project folder holding plan_data/ (default: .)"))
        parser.add_argument(
            "--annotations",
            choices=["github", "gitlab"],
            help=_(
                "check: also write the problems for the git host: GitHub's ::error workflow "
                "commands (stdout), or GitLab's Code Quality report (gl-code-quality-report.json)"
            ),
        )
        args = parser.parse_args(argv)
        if args.command in csv_io.COMMANDS:  # only reached with an option before the command
            parser.error(
                _("write the command first: python -m plansite {command} … (see --help after it)").format(
                    command=args.command
                )
            )
    root = Path(args.root)
    if args.command == "schemas":
        for name, text in schema_documents().items():
            (root / "schemas" / name).write_text(text, encoding="utf-8")
        return 0
    try:
        project, warnings = load_checked(root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        _annotate(args.annotations, error.problems, root)
        return 1
    warnings = sorted([*warnings, *unreachable_offices(project)])  # printed and annotated alike
    for warning in warnings:
        print(warning, file=sys.stderr)
    _annotate(args.annotations, warnings, root)
    tasks = sum(len(plan.tasks) for plan in project.plans)
    print(
        "plan_data: "
        + _("OK: {plans} plan(s), {tasks} tasks, {agencies} agencies, {documents} legal documents.").format(
            plans=len(project.plans), tasks=tasks, agencies=len(project.agencies), documents=len(project.documents)
        )
    )
    return 0


def _annotate(host: str | None, problems, root: Path) -> None:
    """The problems where the git host shows them beside the changed lines (data/annotations.py)."""
    if host == "github":
        for problem in problems:
            print(annotations.github(problem))
    elif host == "gitlab":
        (root / "gl-code-quality-report.json").write_text(annotations.code_quality(problems), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
