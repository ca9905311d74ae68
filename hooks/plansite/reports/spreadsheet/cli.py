"""The two commands, as `python -m plansite` dispatches them (see layout.py for what they write and read):

    python -m plansite report-template --plan <plan-id> --period <period> [--reporter <agency-id>]
                                       [--out FILE] [--delimiter ';'] [--root .] [--force]
    python -m plansite import-report FILE.csv [--root .] [--force]

Exit code 0 when the template or the report file is written, 1 otherwise, with every problem on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...data.problems import DataError, hint_line
from ...i18n import _, argparse_in_language, ngettext
from ..checks import within_plan_years
from ..duties import fulfilled_duties
from ..periods import calendar_span, period_label
from ..project import load_checked
from .importer import import_report, project_problems_note
from .names import UsageError, agency_hint, find_plan, parse_period, period_code, period_examples, unknown_plan
from .template import template_csv, template_rows

COMMANDS = ("report-template", "import-report")
TEMPLATE_DIR = "mau-bao-cao"  # templates and filled copies: listed in .gitignore, never committed by mistake


def _parser() -> argparse.ArgumentParser:
    """The two commands' parser, its help in the reader's language (build it in `argparse_in_language`)."""
    parser = argparse.ArgumentParser(prog="python -m plansite")
    commands = parser.add_subparsers(dest="command", required=True)
    template = commands.add_parser("report-template", help=_("write a CSV template of a report, to fill in Excel"))
    template.add_argument("--plan", required=True, help=_("id of the plan (plan_data/plans/<id>.yaml)"))
    template.add_argument(
        "--period", required=True, help=_("the period: {examples}").format(examples=period_examples())
    )
    template.add_argument("--reporter", help=_("id of the reporting body (plan_data/agencies.yaml)"))
    template.add_argument(
        "--out",
        help=_(
            "CSV file to write (default {folder}/bao-cao-<plan>-<period>[-<reporter>].csv, "
            "a folder git ignores; '-': stdout)"
        ).format(folder=TEMPLATE_DIR),
    )
    template.add_argument(
        "--delimiter",
        choices=[",", ";"],
        default=",",
        help=_("',' (default) or ';' (Excel with Vietnamese regional format)"),
    )
    template.add_argument("--root", default=".", help=_("project folder holding plan_data/ (default: .)"))
    template.add_argument("--force", action="store_true", help=_("replace an existing CSV file"))
    report = commands.add_parser(
        "import-report", help=_("turn a filled CSV into plan_data/reports/<plan>/<period>/<reporter>.yaml")
    )
    report.add_argument("file", help=_("the filled CSV file"))
    report.add_argument("--root", default=".", help=_("project folder holding plan_data/ (default: .)"))
    report.add_argument("--force", action="store_true", help=_("replace an existing report file"))
    return parser


def main(argv: list[str]) -> int:
    with argparse_in_language():
        args = _parser().parse_args(argv)
    if args.command == "import-report":
        return _import(args)
    try:
        return _template(args)
    except UsageError as error:
        print(f"report-template: {error}", file=sys.stderr)
        return 1


def _import(args) -> int:
    written, messages = import_report(Path(args.file), Path(args.root), args.force, args.file)
    for message in messages:
        print(message, file=sys.stdout if written else sys.stderr)
    if not written:
        # The note that follows plan_data's own problems is not one of them.
        warning = ": " + _("Warning: ")
        count = sum(1 for m in messages if m != project_problems_note() and warning not in m.split("\n")[0])
        print(
            ngettext(
                "{count} problem found in {file}; nothing was written.",
                "{count} problems found in {file}; nothing was written.",
                count,
            ).format(count=count, file=args.file),
            file=sys.stderr,
        )
        return 1
    return 0


def _template(args) -> int:
    root = Path(args.root)
    try:
        project = load_checked(root)[0]
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    period = parse_period(args.period)
    plan = find_plan(project, args.plan)
    if plan is None:
        raise UsageError(*unknown_plan(project, args.plan))
    if args.reporter and args.reporter not in {a.id for a in project.agencies}:
        raise UsageError(
            _("Expected the id of a body in plan_data/agencies.yaml but received the unknown id '{id}'.").format(
                id=args.reporter
            ),
            agency_hint(project, args.reporter),
        )
    if not within_plan_years(plan, *calendar_span(*period)):
        years = (
            f"{plan.period.start}–{plan.period.end}"
            if plan.period.end
            else _("from {year}").format(year=plan.period.start)
        )
        raise UsageError(
            _("Expected a period within the plan's years ({years}) but received '{code}' ({period}).").format(
                years=years, code=args.period, period=period_label(*period).lower()
            ),
            _("check the year."),
        )
    rows = template_rows(project, plan, period, args.reporter)
    if args.out == "-":
        sys.stdout.buffer.write(template_csv(rows, args.delimiter))
        return 0
    name = f"bao-cao-{plan.id}-{period_code(*period)}" + (f"-{args.reporter}" if args.reporter else "") + ".csv"
    out = Path(args.out) if args.out else root / TEMPLATE_DIR / name
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not args.force:
        raise UsageError(
            _("Expected a new file but {file} already exists (it may hold a filled report).").format(file=out),
            _("choose another --out, or add --force to replace it."),
        )
    out.write_bytes(template_csv(rows, args.delimiter))
    print(
        f"{out}: "
        + ngettext(
            "template of {period} for plan {plan}, {count} task.",
            "template of {period} for plan {plan}, {count} tasks.",
            len(plan.tasks),
        ).format(period=period_label(*period).lower(), plan=plan.id, count=len(plan.tasks))
    )
    if args.reporter and not fulfilled_duties(plan, args.reporter, period[0]):
        print(
            f"{out}: "
            + _("Warning: ")
            + _(
                "no reporting duty of plan '{plan}' asks '{reporter}' for a {period}; the reporting calendar will not "
                "count it."
            ).format(plan=plan.id, reporter=args.reporter, period=period_label(*period).lower())
            + hint_line(
                _("the row '{row}' of the template names the bodies that owe one.").format(row="Nghĩa vụ báo cáo")
            )
        )
    return 0
