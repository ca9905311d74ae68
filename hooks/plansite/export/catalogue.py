"""Every file of the open data, under the site's du-lieu/ folder: address, meaning, and for a CSV its table.

The data page (site/render/render_data.py) and datapackage.json (package.py) both read catalogue(), and
export_files() makes exactly these files, so what is described is what is published. Plans are one file
each (PLAN_FILES says what each holds): a province's 800 plans in one file would be 40 MB and more. The
tasks' CSV is one table, nhiem-vu.csv, cut into files of whole plans (nhiem-vu-1.csv …, each with its
header row) where it would pass TASK_ROWS_PER_FILE rows: a province's 40,000 tasks in one file are 24 MiB,
at a static host's limit of 25 MiB a file (Cloudflare Pages).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..addresses import (
    AGENCIES_CSV,
    AGENCIES_JSON,
    DOCUMENTS_CSV,
    DOCUMENTS_JSON,
    PLACES_JSON,
    REPORTS_CSV,
    REPORTS_JSON,
    TASKS_CSV,
    plan_json,
    schema_file,
    tasks_csv_part,
)
from ..data.model import Plan
from ..reports.project import FILE_KINDS
from .records import DERIVED
from .table import Table
from .tables import AGENCIES, DOCUMENTS, REPORTS, TASKS

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}
# Where each kind of data file lives, as editors know it (docs/huong-dan-bien-tap.md); another kind is <kind>.yaml.
KIND_FILES = {
    "places": "places.yaml",
    "agencies": "agencies.yaml (và agencies/*.yaml)",
    "legal": "legal.yaml (và legal/*.yaml)",
    "plan": "plans/<mã kế hoạch>.yaml",
    "report": "reports/<mã kế hoạch>/<kỳ>/<mã cơ quan báo cáo>.yaml",
    "contact": "contacts/<mã cơ quan>.yaml",
    "summary": "summaries/<mã kế hoạch>/<mã nhiệm vụ>.yaml",
    "glossary-entry": "glossary/<tên>.yaml",
}


@dataclass(frozen=True)
class DataFile:
    """One published file: its path under du-lieu/, a Vietnamese title and description, its CSV table if any."""

    path: str
    title: str
    description: str
    table: Table | None = None
    parts: tuple[str, ...] = ()  # the files of a table cut in several; `path` then names the table only

    @property
    def files(self) -> tuple[str, ...]:
        """The files published for this entry: its parts, else its path."""
        return self.parts or (self.path,)

    @property
    def format(self) -> str:
        return self.path.rsplit(".", 1)[1]

    @property
    def media_type(self) -> str:
        return "application/schema+json" if self.path.endswith(".schema.json") else MEDIA_TYPES[self.format]


_KEYS = (
    "Mỗi bản ghi theo lược đồ {schema}: đủ các khóa, theo thứ tự của lược đồ; khóa không có giá trị ghi "
    "null, danh sách không có mục nào ghi []."
)
PLAN_FILES = DataFile(
    plan_json("<mã kế hoạch>"),
    "Kế hoạch (JSON, mỗi kế hoạch một tệp)",
    "Một kế hoạch, đầy đủ như tệp YAML plans/<mã kế hoạch>.yaml: số ký hiệu, ngày, cơ quan ban hành, các "
    "phần I–III; mỗi mục của phần II và các nhiệm vụ của nó (nội dung, cơ quan thực hiện và phối hợp theo mã, "
    "hình thức, thời gian, văn bản dẫn, tóm tắt), nơi nhận, chữ ký. "
    + _KEYS.format(schema=schema_file("plan"))
    + f" Mỗi nhiệm vụ có thêm {DERIVED['task'][0]} (số thứ tự trong kế hoạch) và {DERIVED['task'][1]} "
    "(tình trạng theo báo cáo mới nhất: code, label, as_of là ngày cuối của số liệu).",
)  # the kind of file, as the data page describes it; plan_file() gives each plan's own


def plan_file(plan: Plan) -> DataFile:
    """One plan's JSON file: its address, the plan's title, the description all plan files share."""
    return DataFile(plan_json(plan.id), f"Kế hoạch: {plan.title} (JSON)", PLAN_FILES.description)


JSON_FILES = (
    DataFile(
        AGENCIES_JSON,
        "Cơ quan, đơn vị (JSON)",
        "Mọi cơ quan, đơn vị và nhóm cơ quan, theo mã, mỗi cơ quan kèm mã địa bàn (place). "
        + _KEYS.format(schema=schema_file("agencies")),
    ),
    DataFile(
        DOCUMENTS_JSON,
        "Văn bản pháp lý (JSON)",
        "Mọi văn bản pháp lý được dẫn, theo mã, kèm quan hệ giữa các văn bản. "
        + _KEYS.format(schema=schema_file("legal")),
    ),
    DataFile(
        PLACES_JSON,
        "Địa bàn (JSON)",
        "Các địa bàn có cơ quan được kế hoạch nêu, theo mã, mỗi địa bàn kèm cấp và mã địa bàn cấp trên. "
        + _KEYS.format(schema=schema_file("places")),
    ),
    DataFile(
        REPORTS_JSON,
        "Báo cáo thực hiện (JSON)",
        "Các báo cáo thực hiện kế hoạch (danh sách rỗng khi chưa có báo cáo), mỗi báo cáo của một cơ quan "
        "trong một kỳ. "
        + _KEYS.format(schema=schema_file("report"))
        + f" Mỗi báo cáo có thêm {DERIVED['report'][0]} (start, end: ngày đầu và ngày cuối của số liệu).",
    ),
)
CSV_FILES = (
    DataFile(TASKS_CSV, "Nhiệm vụ (CSV)", "Mọi nhiệm vụ của mọi kế hoạch, kèm tình trạng hiện tại.", TASKS),
    DataFile(AGENCIES_CSV, "Cơ quan, đơn vị (CSV)", "Mọi cơ quan, đơn vị và nhóm cơ quan.", AGENCIES),
    DataFile(DOCUMENTS_CSV, "Văn bản pháp lý (CSV)", "Mọi văn bản pháp lý được dẫn.", DOCUMENTS),
    DataFile(
        REPORTS_CSV,
        "Báo cáo thực hiện (CSV)",
        "Nội dung các báo cáo thực hiện, từng nhiệm vụ (chỉ có dòng tiêu đề khi chưa có báo cáo).",
        REPORTS,
    ),
)
SCHEMA_FILES = tuple(
    DataFile(
        schema_file(kind),
        f"Lược đồ {KIND_FILES.get(kind, kind + '.yaml')}",
        f"JSON Schema của tệp plan_data/{KIND_FILES.get(kind, kind + '.yaml')}: các khóa, kiểu, khóa bắt buộc "
        "và ý nghĩa.",
    )
    for kind in FILE_KINDS
)


TASK_ROWS_PER_FILE = 10_000  # ≈ 6 MiB at the benchmark's ≈ 630 bytes a task: each file well under 25 MiB


def task_parts(plans) -> tuple[tuple[str, tuple[Plan, ...]], ...]:
    """The tasks' CSV as files: (path, its plans) of each, whole plans in order of id, a file closed before
    the plan that would take it past TASK_ROWS_PER_FILE rows (a plan longer than that alone in its file);
    nhiem-vu.csv alone where one file holds every task."""
    parts: list[list[Plan]] = [[]]
    rows = 0
    for plan in sorted(plans, key=lambda plan: plan.id):
        if parts[-1] and rows + len(plan.tasks) > TASK_ROWS_PER_FILE:
            parts.append([])
            rows = 0
        parts[-1].append(plan)
        rows += len(plan.tasks)
    if len(parts) == 1:
        return ((TASKS_CSV, tuple(parts[0])),)
    return tuple((tasks_csv_part(n), tuple(part)) for n, part in enumerate(parts, 1))


def csv_files(plans) -> tuple[DataFile, ...]:
    """CSV_FILES, the tasks' table with its parts where it is cut in several files (`task_parts`)."""
    parts = task_parts(plans)
    if len(parts) == 1:
        return CSV_FILES
    first, *others = CSV_FILES
    most = f"{TASK_ROWS_PER_FILE:,}".replace(",", ".")  # 10.000: the Vietnamese thousands separator
    cut = (
        f" Bảng chia thành {len(parts)} tệp theo kế hoạch (mỗi tệp gồm trọn các kế hoạch, theo thứ tự mã, tối "
        f"đa {most} dòng trừ khi một kế hoạch dài hơn), tệp nào cũng có dòng tên cột: "
        + "; ".join(f"{path}: {plans[0].id} đến {plans[-1].id}" for path, plans in parts)
        + "."
    )
    return (replace(first, description=first.description + cut, parts=tuple(p for p, _ in parts)), *others)


def catalogue(plans) -> tuple[DataFile, ...]:
    """Every published file but datapackage.json: each plan's (by id), the other JSON, CSV, schemas."""
    return tuple(plan_file(plan) for plan in sorted(plans, key=lambda plan: plan.id)) + (
        JSON_FILES + csv_files(plans) + SCHEMA_FILES
    )
