"""What a report file (plan_data/reports/<plan>/<period>/<reporter>.yaml) may contain: keys, kinds, vocabularies."""

from __future__ import annotations

import re

from ..data.schema_kinds import Enum, Field, List, Obj, Ref, Slug, Text, wrong
from ..data.value_kinds import Bool, Date, Line, Number, Url
from ..i18n import N_, _
from . import model as m
from .periods import FREQUENCY_PERIODS, PERIOD_KINDS

# Status of a task in a report, with the label the site shows (GOV.UK tag pattern: text plus colour).
STATUSES = {
    "chua-trien-khai": "Chưa triển khai",
    "dang-thuc-hien": "Đang thực hiện",
    "da-hoan-thanh": "Đã hoàn thành",
    "thuong-xuyen": "Thực hiện thường xuyên",
    "cham-tien-do": "Chậm tiến độ",
    "khong-thuc-hien": "Không thực hiện",
}
# Timing kinds of tasks that recur and never end: "done" is not a state they reach.
RECURRING_TIMINGS = frozenset({"ongoing", "periodic", "periodic-and-on-demand"})
# Which statuses a task's timing allows: a recurring task is done "thường xuyên", never "đã hoàn thành";
# a task with an end is never "thường xuyên".
NOT_FOR_RECURRING = frozenset({"da-hoan-thanh"})
ONLY_FOR_RECURRING = frozenset({"thuong-xuyen"})


class Evidence(Url):
    """Evidence of a result: a web address (http/https) or a file kept under docs/ (e.g. docs/minh-chung/x.pdf)."""

    expected = N_("an address starting with https:// or http://, or a file path starting with docs/")

    def check(self, value, ctx, path):
        text = Text.check(self, value, ctx, path)
        if text is None:
            return None
        if text.startswith("docs/") and re.fullmatch(r"docs/[A-Za-z0-9._/-]+", text) and ".." not in text:
            if ctx.data_dir is not None and not (ctx.data_dir.parent / text).is_file():
                ctx.fail(
                    path,
                    _("Expected the file {file} but it does not exist.").format(file=text),
                    _("put the evidence file under docs/ first, or link to it on the web."),
                )
                return None
            return text
        if re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s<>\"'`]*)?", text):
            return text
        wrong(ctx, path, self.expecting(), text, _("only web links (http/https) and files under docs/ are allowed."))

    def json_schema(self):
        return {"type": "string", "pattern": "^(https?://|docs/)"}


OUTPUT = Obj(
    m.Output,
    {
        "quantity": Field(Number(0, 1e9, expected=N_("a quantity (a number)")), "How many, e.g. 3.", required=True),
        "unit": Field(Line(), "Unit, e.g. 'hội nghị', 'lượt người'.", required=True),
        "what": Field(Line(), "What was counted, where the unit alone does not say, e.g. 'tham dự'."),
    },
)
TASK_REPORT = Obj(
    m.TaskReport,
    {
        "task": Field(Slug(), "Id of the task in the plan.", required=True),
        "status": Field(Enum(STATUSES), "Status: {choices}.", required=True),
        "done": Field(Text(), "What was done in the period, as the report says it."),
        "progress": Field(
            Number(0, 100, integer=True, expected=N_("a percentage from 0 to 100")),
            "Progress in percent, only for a task whose result can be measured.",
        ),
        "reason": Field(Text(), "Why the task was not carried out (required for khong-thuc-hien)."),
        "outputs": Field(List(OUTPUT), "Counted results: quantity, unit, what."),
        "evidence": Field(List(Evidence()), "Evidence: web links (https://…) or files under docs/."),
        "difficulties": Field(Text(), "Khó khăn, vướng mắc."),
        "proposals": Field(Text(), "Đề xuất, kiến nghị."),
    },
)
REPORT_FILE = Obj(
    m.Report,
    {
        "plan": Field(
            Ref("plan"),
            "Id of the plan reported on; the name of the report's plan folder "
            "(plan_data/reports/<plan>/<period>/<reporter>.yaml).",
            required=True,
        ),
        "period": Field(
            Obj(
                m.ReportPeriod,
                {
                    "kind": Field(
                        Enum(PERIOD_KINDS, {f: k for f, k in FREQUENCY_PERIODS.items()}),
                        "Kind of report: {choices}.",
                        required=True,
                    ),
                    "year": Field(
                        Number(1900, 2200, integer=True, expected=N_("a year such as 2026")),
                        "Year of the report.",
                        required=True,
                    ),
                    "number": Field(
                        Number(1, 12, integer=True, expected=N_("a month (1–12) or quarter (1–4)")),
                        "Month (thang) or quarter (quy) within the year.",
                    ),
                    "start": Field(
                        Date(),
                        "First day of the data, when not the Nghị định 09/2019 rule (always for "
                        "chuyen-de and dot-xuat).",
                    ),
                    "end": Field(Date(), "Last day of the data, with start."),
                },
            ),
            "The period the report covers, within the plan's years; its folder is named after it (2026-6-thang, "
            "2025-nam, 2026-quy-2, 2026-thang-3, 2026-chuyen-de[-…]).",
            required=True,
        ),
        "reporter": Field(
            Ref("agency"), "Id of the body that reports; the file's name (one file per body and period).", required=True
        ),
        "recipient": Field(Ref("agency"), "Id of the body the report is sent to."),
        "number": Field(Line(), "Number/symbol of the report (số ký hiệu), if it has one."),
        "submitted_on": Field(Date(), "Date the report was signed or sent, yyyy-mm-dd.", required=True),
        "example": Field(Bool(), "true only for made-up example data (the demo build); never in a real report."),
        "tasks": Field(List(TASK_REPORT), "What the report says, task by task.", required=True),
        "note": Field(Text(), "Editor's note."),
    },
)
