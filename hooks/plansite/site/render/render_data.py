"""HTML for the open-data page (/du-lieu/): every downloadable file, what it holds, each CSV's columns.

Read from the export catalogue and the CSV tables' own column definitions (export/), so the page
describes exactly what the files hold. No licence is known: the page says it is not stated.
"""

from __future__ import annotations

import datetime as dt

from ...addresses import DATA_FOLDER, DATA_PAGE, PACKAGE
from ...data.model import Project
from ...export.catalogue import JSON_FILES, PLAN_FILES, SCHEMA_FILES, DataFile, csv_files, plan_file
from ...export.files import publishers
from ...export.table import FORMULA_START, LIST_SEPARATOR, TYPES
from ...kinds import PageKind
from ...text import date_numeric
from ..html.markup import escape, heading, link, p, table, ul
from ..html.page_writer import PageWriter, PageWriters
from ..parts.parts import crumbs, front_matter

TITLE = "Dữ liệu mở"
_CHARACTER_NAMES = {"\t": "ký tự tab", "\r": "ký tự về đầu dòng (CR)"}


def _file_link(path: str, page: PageWriter) -> str:
    return link(path, page, f"{DATA_FOLDER}/{path}")


def _files_links(entry: DataFile, page: PageWriter) -> str:
    """A link to the entry's file, or to each of its parts."""
    return ", ".join(_file_link(path, page) for path in entry.files)


def _pattern(path: str) -> str:
    """A file name with a placeholder, allowed to wrap before its extension (the table fits 360 px)."""
    stem, dot, extension = path.rpartition(".")
    return f"{escape(stem)}<wbr>{dot}{escape(extension)}"


def _files_table(entries: tuple[DataFile, ...], page: PageWriter) -> str:
    """The files, one row each; PLAN_FILES stands for the plans' files (listed one by one under Tệp JSON)."""
    return table(
        ("Tệp", "Định dạng", "Nội dung"),
        (
            (
                _pattern(e.path) if e is PLAN_FILES else _files_links(e, page),
                page.text(e.format.upper()),
                page.text(e.description),
            )
            for e in entries
        ),
    )


def _columns(entry: DataFile, page: PageWriter) -> str:
    """A CSV file's columns, in file order, from the definitions the writer uses."""
    out = heading(page, 3, escape(entry.path))
    out += p(f"{_files_links(entry, page)}: {page.text(entry.description)} {page.text(entry.table.row)}")
    rows = (
        (
            page.text(c.name),
            page.text(TYPES[c.type]),
            page.text(c.description + (" Luôn có giá trị." if c.required else "")),
        )
        for c in entry.table.columns
    )
    return out + table(("Cột", "Kiểu", "Ý nghĩa"), rows)


def render_data(project: Project, today: dt.date | None, writers: PageWriters) -> str:
    """The page: what the data is, its licence (not stated), the files, the CSV columns, JSON and schemas."""
    page = writers.page(DATA_PAGE)
    out = front_matter(TITLE, PageKind.PAGE, keywords=("dữ liệu mở", "tải về", "CSV", "JSON", "Excel"))
    out += crumbs(page, here=TITLE) + heading(page, 1, escape(TITLE))
    made = f"lần này ngày {date_numeric(today)}" if today else "lần này không ghi ngày"
    out += p(
        page.text(
            f"Mọi thông tin của trang cũng có ở dạng dữ liệu để tải về và dùng lại trong bảng tính hay chương "
            f"trình: các tệp dưới đây được tạo từ chính dữ liệu YAML dựng nên trang, mỗi lần dựng trang "
            f"({made}), "
            "không chép từ các trang web. Mã (id) trong các tệp là mã trong địa chỉ trang: nhiệm vụ có mã "
            "X của kế hoạch K ở địa chỉ /ke-hoach/K/nhiem-vu/X/."
        )
    )
    out += heading(page, 2, "Giấy phép")
    issuers = publishers(project)
    owner = f"Văn bản kế hoạch do {', '.join(issuers)} ban hành; dữ liệu thuộc cơ quan ban hành. " if issuers else ""
    out += p(
        page.text(
            f"{owner}Giấy phép sử dụng dữ liệu chưa được nêu: trang này và tệp {PACKAGE} không ghi giấy phép "
            "nào. Trước khi dùng lại dữ liệu, hãy hỏi cơ quan ban hành về điều kiện sử dụng."
        )
    )
    tables = csv_files(project.plans)
    out += heading(page, 2, "Các tệp") + _files_table(tables + (PLAN_FILES,) + JSON_FILES, page)
    out += p(
        page.text(
            f"Tệp {PACKAGE} mô tả toàn bộ các tệp theo chuẩn Frictionless Data Package: tên, định dạng, "
            "kích thước, mã băm SHA-256 và, với mỗi tệp CSV, tên, kiểu và ý nghĩa của từng cột."
        )
        + f" {_file_link(PACKAGE, page)}"
    )
    out += heading(page, 2, "Tệp CSV")
    formula = ", ".join(_CHARACTER_NAMES.get(c, c) for c in FORMULA_START)
    out += p(
        page.text(
            f"Mở được bằng Excel hay LibreOffice: mã UTF-8 có BOM, dấu phẩy phân cách, mỗi dòng kết thúc bằng "
            f"CRLF, dòng đầu là tên cột. Ô có nhiều giá trị ghi các giá trị cách nhau bởi “{LIST_SEPARATOR}”. "
            "Ô trống là không có giá trị. Ngày ghi yyyy-mm-dd. Để bảng tính không chạy nội dung như công thức, "
            f"ô văn bản bắt đầu bằng {formula} được thêm một dấu nháy đơn (') ở đầu; khi đọc bằng chương trình, "
            "bỏ dấu nháy ấy đi."
        )
    )
    out += "".join(_columns(entry, page) for entry in tables)
    out += heading(page, 2, "Tệp JSON")
    out += p(
        page.text(
            "Mã UTF-8, chữ tiếng Việt ghi nguyên dạng. Các khóa mang tên như trong tệp YAML; mỗi danh sách "
            "bản ghi xếp theo mã. Tệp viết gọn, không thụt lề: tệp danh sách ghi mỗi bản ghi trên một dòng, tệp "
            "của một kế hoạch là một dòng; mọi thư viện JSON đều đọc được."
        )
    )
    out += ul(f"{_file_link(e.path, page)}: {page.text(e.description)}" for e in JSON_FILES)
    out += p(
        page.text(
            f"Các tệp {PLAN_FILES.path}, mỗi kế hoạch một tệp (tên kế hoạch của từng tệp có trong {PACKAGE}): "
            f"{PLAN_FILES.description}"
        )
    )
    # File names only: the plans' titles are in datapackage.json; 800 of them here would make this page a
    # search result for every plan.
    out += ul(_file_link(plan_file(plan).path, page) for plan in sorted(project.plans, key=lambda plan: plan.id))
    out += heading(page, 2, "Lược đồ dữ liệu")
    out += p(
        page.text("Lược đồ JSON Schema của từng loại tệp YAML, giống lược đồ người biên tập dùng để kiểm tra dữ liệu.")
    )
    out += ul(f"{_file_link(e.path, page)}: {page.text(e.description)}" for e in SCHEMA_FILES)
    return out
