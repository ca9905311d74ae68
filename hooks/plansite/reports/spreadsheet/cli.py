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

from ...data.load import load_checked
from ...data.problems import DataError
from ..checks import within_plan_years
from ..duties import fulfilled_duties
from ..periods import calendar_span, period_label
from .importer import import_report
from .names import PERIOD_EXAMPLES, UsageError, agency_hint, find_plan, parse_period, period_code, unknown_plan
from .template import template_csv, template_rows

COMMANDS = ("report-template", "import-report")
TEMPLATE_DIR = "mau-bao-cao"  # templates and filled copies: listed in .gitignore, never committed by mistake


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m plansite")
    commands = parser.add_subparsers(dest="command", required=True)
    template = commands.add_parser("report-template", help="write a CSV template of a report, to fill in Excel")
    template.add_argument("--plan", required=True, help="id of the plan (plan_data/plans/<id>.yaml)")
    template.add_argument("--period", required=True, help=f"the period: {PERIOD_EXAMPLES}")
    template.add_argument("--reporter", help="id of the reporting body (plan_data/agencies.yaml)")
    template.add_argument("--out", help=f"CSV file to write (default {TEMPLATE_DIR}/bao-cao-<plan>-<period>[-<reporter>].csv, "
                                        "a folder git ignores; '-': stdout)")
    template.add_argument("--delimiter", choices=[",", ";"], default=",",
                          help="',' (default) or ';' (Excel with Vietnamese regional format)")
    template.add_argument("--root", default=".", help="project folder holding plan_data/ (default: .)")
    template.add_argument("--force", action="store_true", help="replace an existing CSV file")
    report = commands.add_parser("import-report", help="turn a filled CSV into plan_data/reports/<plan>/<period>/<reporter>.yaml")
    report.add_argument("file", help="the filled CSV file")
    report.add_argument("--root", default=".", help="project folder holding plan_data/ (default: .)")
    report.add_argument("--force", action="store_true", help="replace an existing report file")
    return parser


def main(argv: list[str]) -> int:
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
        count = sum(1 for m in messages if not m.startswith("plan_data has problems")
                    and ": Warning: " not in m.split("\n")[0])
        print(f"{count} problem{'s' if count != 1 else ''} found in {args.file}; nothing was written.",
              file=sys.stderr)
        return 1
    return 0


def _template(args) -> int:
    root = Path(args.root)
    try:
        project, _ = load_checked(root)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    period = parse_period(args.period)
    plan = find_plan(project, args.plan)
    if plan is None:
        raise UsageError(*unknown_plan(project, args.plan))
    if args.reporter and args.reporter not in {a.id for a in project.agencies}:
        raise UsageError(f"Expected the id of a body in plan_data/agencies.yaml but received the unknown id "
                         f"'{args.reporter}'.", agency_hint(project, args.reporter))
    if not within_plan_years(plan, *calendar_span(*period)):
        years = f"{plan.period.start}–{plan.period.end}" if plan.period.end else f"from {plan.period.start}"
        raise UsageError(f"Expected a period within the plan's years ({years}) but received "
                         f"'{args.period}' ({period_label(*period).lower()}).", "check the year.")
    rows = template_rows(project, plan, period, args.reporter)
    if args.out == "-":
        sys.stdout.buffer.write(template_csv(rows, args.delimiter))
        return 0
    name = f"bao-cao-{plan.id}-{period_code(*period)}" + (f"-{args.reporter}" if args.reporter else "") + ".csv"
    out = Path(args.out) if args.out else root / TEMPLATE_DIR / name
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and not args.force:
        raise UsageError(f"Expected a new file but {out} already exists (it may hold a filled report).",
                         "choose another --out, or add --force to replace it.")
    out.write_bytes(template_csv(rows, args.delimiter))
    print(f"{out}: template of {period_label(*period).lower()} for plan {plan.id}, {len(plan.tasks)} task(s).")
    if args.reporter and not fulfilled_duties(plan, args.reporter, period[0]):
        print(f"{out}: Warning: no reporting duty of plan '{plan.id}' asks '{args.reporter}' for a "
              f"{period_label(*period).lower()}; the reporting calendar will not count it.\n  Hint: the row "
              "'Nghĩa vụ báo cáo' of the template names the bodies that owe one.")
    return 0
