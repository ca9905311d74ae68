"""The four CSV tables: tasks (nhiem-vu.csv), agencies (co-quan.csv), legal documents (van-ban.csv) and
task reports (bao-cao.csv): their columns, in file order, and their rows, in a stable order.

A column's value is read from a row: a small frozen record holding the model's records and the names
that ids stand for (`Names`), so a column never looks anything up on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..addresses import TASKS_CSV
from ..data.model import Agency, LegalDocument, Plan, Project, Task
from ..data.schema import AGENCY_KINDS, DOCUMENT_STATUSES, DOCUMENT_TYPES, RELATION_TYPES, TIMING_KINDS
from ..reports.model import Report, ReportedProject, TaskReport
from ..reports.periods import PERIOD_KINDS, period_label
from ..reports.schema import STATUSES
from ..reports.status import STATUS_LABELS, Progress
from .records import report_order
from .table import LIST_SEPARATOR, Column, Table


@dataclass(frozen=True)
class Names:
    """What ids stand for: agency id → name, place id → name (a missing id reads as empty)."""

    agencies: dict[str, str] = field(default_factory=dict, compare=False)
    places: dict[str, str] = field(default_factory=dict, compare=False)

    def of_agencies(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.agencies.get(i, "") for i in ids)


def names_of(project: Project) -> Names:
    return Names({a.id: a.name for a in project.agencies}, {p.id: p.name for p in project.places})


def _codes(choices: dict[str, str]) -> str:
    """'state (Cơ quan nhà nước), party (Tổ chức Đảng), …': a vocabulary for a column's description."""
    return ", ".join(f"{code} ({label})" for code, label in choices.items())


_LIST = f"nhiều giá trị cách nhau bởi “{LIST_SEPARATOR}”"

# --- nhiem-vu.csv: one row per task ---------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    plan: Plan
    task: Task
    status: str
    as_of: dt.date | None
    names: Names


def _ids(assignment) -> tuple[str, ...]:
    return assignment.agencies if assignment else ()


TASKS = Table(
    columns=(
        Column("plan_id", "string", "Mã kế hoạch (trang của kế hoạch: /ke-hoach/<mã>/).", lambda r: r.plan.id, True),
        Column(
            "task_id",
            "string",
            "Mã nhiệm vụ, duy nhất trong kế hoạch (trang: /ke-hoach/<mã kế hoạch>/nhiem-vu/<mã>/).",
            lambda r: r.task.id,
            True,
        ),
        Column(
            "number",
            "string",
            "Số thứ tự trong kế hoạch: '1.a' với nhiệm vụ có chữ cái, '2' khi cả mục là một "
            "nhiệm vụ, '1 (gạch đầu dòng 2)' khi một mục có nhiều gạch đầu dòng.",
            lambda r: r.plan.task_numbers[r.task.id],
            True,
        ),
        Column("text", "string", "Nội dung nhiệm vụ, nguyên văn.", lambda r: r.task.text, True),
        Column(
            "summary",
            "string",
            "Tóm tắt dễ hiểu do người biên tập viết (không phải văn bản đã ký); trống nếu chưa có.",
            lambda r: r.task.summary,
        ),
        Column(
            "lead_ids",
            "string",
            f"Mã các cơ quan thực hiện, chủ trì, theo thứ tự văn bản nêu; {_LIST}.",
            lambda r: _ids(r.task.lead),
        ),
        Column(
            "lead_names",
            "string",
            "Tên các cơ quan thực hiện, chủ trì, cùng thứ tự với lead_ids.",
            lambda r: r.names.of_agencies(_ids(r.task.lead)),
        ),
        Column("coordinating_ids", "string", f"Mã các cơ quan phối hợp; {_LIST}.", lambda r: _ids(r.task.coordinating)),
        Column(
            "coordinating_names",
            "string",
            "Tên các cơ quan phối hợp, cùng thứ tự với coordinating_ids.",
            lambda r: r.names.of_agencies(_ids(r.task.coordinating)),
        ),
        Column(
            "timing_kind",
            "string",
            f"Loại thời gian thực hiện: {_codes(TIMING_KINDS)}.",
            lambda r: r.task.timing and r.task.timing.kind,
            choices=tuple(TIMING_KINDS),
        ),
        Column(
            "timing_text", "string", "Thời gian thực hiện, nguyên văn.", lambda r: r.task.timing and r.task.timing.text
        ),
        Column(
            "start_year",
            "integer",
            "Năm bắt đầu, khi văn bản nêu.",
            lambda r: r.task.timing and r.task.timing.start_year,
        ),
        Column(
            "end_year", "integer", "Năm kết thúc, khi văn bản nêu.", lambda r: r.task.timing and r.task.timing.end_year
        ),
        Column(
            "due",
            "date",
            "Hạn hoàn thành, với nhiệm vụ có hạn (timing_kind deadline).",
            lambda r: r.task.timing and r.task.timing.due,
        ),
        Column(
            "cites",
            "string",
            f"Mã các văn bản pháp lý nhiệm vụ dẫn (xem van-ban.csv); {_LIST}.",
            lambda r: r.task.cites,
        ),
        Column(
            "status",
            "string",
            f"Tình trạng theo báo cáo mới nhất: {_codes(STATUS_LABELS)}.",
            lambda r: r.status,
            True,
            tuple(STATUS_LABELS),
        ),
        Column("status_label", "string", "Tình trạng, bằng chữ.", lambda r: STATUS_LABELS[r.status], True),
        Column(
            "status_as_of",
            "date",
            "Số liệu tính đến: ngày cuối của số liệu trong báo cáo mới nhất; trống khi chưa có báo cáo.",
            lambda r: r.as_of,
        ),
    ),
    row="Mỗi dòng là một nhiệm vụ, theo thứ tự trong kế hoạch; các kế hoạch theo mã.",
    primary_key=("plan_id", "task_id"),
)


def task_rows(plans, progress: Progress, names: Names) -> list[TaskRow]:
    """The rows of the tasks of `plans`, plans in order of id."""
    return [
        TaskRow(plan, task, progress.status(plan, task.id), progress.as_of(plan, task.id), names)
        for plan in sorted(plans, key=lambda p: p.id)
        for task in plan.tasks
    ]


# --- co-quan.csv: one row per agency -------------------------------------------------


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    names: Names


AGENCIES = Table(
    columns=(
        Column("id", "string", "Mã cơ quan (trang: /co-quan/<mã>/).", lambda r: r.agency.id, True),
        Column("name", "string", "Tên đầy đủ.", lambda r: r.agency.name, True),
        Column("kind", "string", f"Loại: {_codes(AGENCY_KINDS)}.", lambda r: r.agency.kind, True, tuple(AGENCY_KINDS)),
        Column("kind_label", "string", "Loại, bằng chữ.", lambda r: AGENCY_KINDS[r.agency.kind], True),
        Column("place_id", "string", "Mã địa bàn của cơ quan (xem dia-ban.json).", lambda r: r.agency.place, True),
        Column("place_name", "string", "Tên địa bàn.", lambda r: r.names.places.get(r.agency.place, ""), True),
        Column("parent_id", "string", "Mã cơ quan cấp trên trực tiếp, khi nguồn nêu.", lambda r: r.agency.parent),
        Column(
            "member_ids",
            "string",
            f"Với một nhóm cơ quan: mã các cơ quan thuộc nhóm; {_LIST}.",
            lambda r: r.agency.members,
        ),
        Column("aliases", "string", f"Các cách gọi khác trong văn bản; {_LIST}.", lambda r: r.agency.aliases),
        Column("address", "string", "Địa chỉ, chỉ khi có nguồn chính thức.", lambda r: r.agency.address),
        Column("phone", "string", "Điện thoại, chỉ khi có nguồn chính thức.", lambda r: r.agency.phone),
        Column("email", "string", "Thư điện tử, chỉ khi có nguồn chính thức.", lambda r: r.agency.email),
        Column("website", "string", "Trang web chính thức, chỉ khi có nguồn chính thức.", lambda r: r.agency.website),
        Column("note", "string", "Ghi chú của người biên tập.", lambda r: r.agency.note),
    ),
    row="Mỗi dòng là một cơ quan, đơn vị hoặc nhóm cơ quan, theo mã.",
    primary_key=("id",),
    foreign_keys=((("parent_id",), "", ("id",)),),
)


def agency_rows(project: Project, names: Names) -> list[AgencyRow]:
    return [AgencyRow(agency, names) for agency in sorted(project.agencies, key=lambda a: a.id)]


# --- van-ban.csv: one row per legal document -----------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    document: LegalDocument
    names: Names


DOCUMENTS = Table(
    columns=(
        Column("id", "string", "Mã văn bản (trang: /van-ban/<mã>/).", lambda r: r.document.id, True),
        Column(
            "type",
            "string",
            f"Loại văn bản: {_codes(DOCUMENT_TYPES)}.",
            lambda r: r.document.type,
            True,
            tuple(DOCUMENT_TYPES),
        ),
        Column("type_label", "string", "Loại văn bản, bằng chữ.", lambda r: DOCUMENT_TYPES[r.document.type], True),
        Column("number", "string", "Số ký hiệu, dạng chính thức; trống khi chưa rõ.", lambda r: r.document.number),
        Column("title", "string", "Trích yếu hoặc tên văn bản.", lambda r: r.document.title, True),
        Column("issued_on", "date", "Ngày ban hành; trống khi chưa rõ.", lambda r: r.document.issued_on),
        Column("issuer_ids", "string", f"Mã các cơ quan ban hành; {_LIST}.", lambda r: r.document.issuers),
        Column(
            "issuer_names",
            "string",
            "Tên các cơ quan ban hành, cùng thứ tự với issuer_ids.",
            lambda r: r.names.of_agencies(r.document.issuers),
        ),
        Column("signer", "string", "Người ký; trống khi chưa rõ.", lambda r: r.document.signer),
        Column(
            "status",
            "string",
            f"Tình trạng hiệu lực: {_codes(DOCUMENT_STATUSES)}; trống khi chưa rõ.",
            lambda r: r.document.status,
            choices=tuple(DOCUMENT_STATUSES),
        ),
        Column(
            "status_label",
            "string",
            "Tình trạng hiệu lực, bằng chữ.",
            lambda r: r.document.status and DOCUMENT_STATUSES[r.document.status],
        ),
        Column("url", "string", "Liên kết tới văn bản chính thức.", lambda r: r.document.url),
        Column("aliases", "string", f"Các cách ghi khác trong văn bản; {_LIST}.", lambda r: r.document.aliases),
        Column(
            "relations",
            "string",
            f"Quan hệ với văn bản khác, mỗi quan hệ ghi 'loại:mã văn bản kia', loại là "
            f"{_codes(RELATION_TYPES)}; {_LIST}.",
            lambda r: tuple(f"{rel.type}:{rel.target}" for rel in r.document.relations),
        ),
        Column("source", "string", "Thông tin trên lấy từ đâu.", lambda r: r.document.source),
        Column("note", "string", "Ghi chú của người biên tập.", lambda r: r.document.note),
    ),
    row="Mỗi dòng là một văn bản pháp lý được dẫn, theo mã.",
    primary_key=("id",),
)


def document_rows(project: Project, names: Names) -> list[DocumentRow]:
    return [DocumentRow(doc, names) for doc in sorted(project.documents, key=lambda d: d.id)]


# --- bao-cao.csv: one row per task in a report ---------------------------------------


@dataclass(frozen=True)
class ReportRow:
    report: Report
    entry: TaskReport
    task_number: str | None
    names: Names


def _output(output) -> str:
    quantity = int(output.quantity) if float(output.quantity).is_integer() else output.quantity
    return f"{quantity} {output.unit}" + (f" {output.shown_what}" if output.shown_what else "")


REPORTS = Table(
    columns=(
        Column("plan_id", "string", "Mã kế hoạch được báo cáo.", lambda r: r.report.plan, True),
        Column(
            "period_kind",
            "string",
            f"Loại báo cáo: {_codes(PERIOD_KINDS)}.",
            lambda r: r.report.period.kind,
            True,
            tuple(PERIOD_KINDS),
        ),
        Column("period_year", "integer", "Năm của kỳ báo cáo.", lambda r: r.report.period.year, True),
        Column(
            "period_number",
            "integer",
            "Tháng (1–12) hoặc quý (1–4) trong năm, với báo cáo tháng, quý.",
            lambda r: r.report.period.number,
        ),
        Column(
            "period_label",
            "string",
            "Kỳ báo cáo, bằng chữ.",
            lambda r: period_label(r.report.period.kind, r.report.period.year, r.report.period.number),
            True,
        ),
        Column(
            "data_from",
            "date",
            "Ngày đầu của số liệu (theo báo cáo, hoặc theo Nghị định 09/2019/NĐ-CP).",
            lambda r: r.report.covered[0],
            True,
        ),
        Column("data_to", "date", "Ngày cuối của số liệu.", lambda r: r.report.covered[1], True),
        Column("reporter_id", "string", "Mã cơ quan báo cáo.", lambda r: r.report.reporter, True),
        Column(
            "reporter_name", "string", "Tên cơ quan báo cáo.", lambda r: r.names.agencies.get(r.report.reporter, "")
        ),
        Column("recipient_id", "string", "Mã cơ quan nhận báo cáo.", lambda r: r.report.recipient),
        Column(
            "recipient_name",
            "string",
            "Tên cơ quan nhận báo cáo.",
            lambda r: r.report.recipient and r.names.agencies.get(r.report.recipient, ""),
        ),
        Column("report_number", "string", "Số ký hiệu của báo cáo, nếu có.", lambda r: r.report.number),
        Column("submitted_on", "date", "Ngày ký hoặc gửi báo cáo.", lambda r: r.report.submitted_on, True),
        Column(
            "example",
            "boolean",
            "true khi là dữ liệu minh họa, không phải báo cáo thật.",
            lambda r: r.report.example,
            True,
        ),
        Column("task_id", "string", "Mã nhiệm vụ được báo cáo (xem nhiem-vu.csv).", lambda r: r.entry.task, True),
        Column("task_number", "string", "Số thứ tự của nhiệm vụ trong kế hoạch.", lambda r: r.task_number),
        Column(
            "status",
            "string",
            f"Tình trạng báo cáo: {_codes(STATUSES)}.",
            lambda r: r.entry.status,
            True,
            tuple(STATUSES),
        ),
        Column("status_label", "string", "Tình trạng, bằng chữ.", lambda r: STATUSES[r.entry.status], True),
        Column("progress", "integer", "Tiến độ (%), chỉ với nhiệm vụ đo được kết quả.", lambda r: r.entry.progress),
        Column("done", "string", "Kết quả thực hiện trong kỳ, như báo cáo ghi.", lambda r: r.entry.done),
        Column("reason", "string", "Lý do không thực hiện.", lambda r: r.entry.reason),
        Column(
            "outputs",
            "string",
            f"Sản phẩm, số liệu: 'số lượng đơn vị (nội dung)'; {_LIST}.",
            lambda r: tuple(_output(o) for o in r.entry.outputs),
        ),
        Column(
            "evidence",
            "string",
            f"Minh chứng: địa chỉ web hoặc tệp đăng kèm trang; {_LIST}.",
            lambda r: r.entry.evidence,
        ),
        Column("difficulties", "string", "Khó khăn, vướng mắc.", lambda r: r.entry.difficulties),
        Column("proposals", "string", "Đề xuất, kiến nghị.", lambda r: r.entry.proposals),
    ),
    row="Mỗi dòng là điều một báo cáo nêu về một nhiệm vụ; các báo cáo theo kế hoạch, kỳ và cơ quan báo cáo, "
    "các nhiệm vụ theo thứ tự trong kế hoạch.",
    foreign_keys=((("plan_id", "task_id"), TASKS_CSV, ("plan_id", "task_id")),),
)


def report_rows(project: ReportedProject, names: Names) -> list[ReportRow]:
    plans = {plan.id: plan for plan in project.plans}
    rows = []
    for report in sorted(project.reports, key=report_order):
        plan = plans.get(report.plan)
        numbers = plan.task_numbers if plan else {}
        order = {task_id: n for n, task_id in enumerate(numbers)}
        for entry in sorted(report.tasks, key=lambda e: (order.get(e.task, len(order)), e.task)):
            rows.append(ReportRow(report, entry, numbers.get(entry.task), names))
    return rows
