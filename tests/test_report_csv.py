"""Reports through a spreadsheet (reports/spreadsheet/): the CSV template of a plan and period, filled in as
staff fill it in Excel, imported into plan_data/reports/<plan>/<period>/<reporter>.yaml and loaded like any
report. Several bodies, encodings, faults, atomicity: tests/test_report_files.py."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import SEED_PLAN, copy_project, load_project, seed_plan
from plansite.__main__ import main
from plansite.reports import spreadsheet as csv_io
from plansite.reports.schema import REPORT_FILE, STATUSES
from plansite_mkdocs import runner

PERIOD = "2026-6-thang"
REPORTER = "phong-van-hoa-xa-hoi"
REPORT = Path("plan_data") / "reports" / SEED_PLAN / PERIOD / f"{REPORTER}.yaml"
ONGOING = "quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van"  # timing 'ongoing': only thuong-xuyen, never done
ON_DIRECTIVE = "quan-triet-cong-tac-dan-toc"  # timing 'on-directive': may be da-hoan-thanh
NOT_RECURRING = "theo-doi-kiem-tra-giam-sat-bao-cao"  # timing 'period'


# Messages read in English (the developer switch); the same import in Vietnamese, as editors read it, is
# test_every_problem_in_one_run_in_vietnamese.
pytestmark = pytest.mark.usefixtures("developer_english")


def template(root: Path, out: Path, *extra: str) -> Path:
    assert (
        main(
            ["report-template", "--root", str(root), "--plan", SEED_PLAN, "--period", PERIOD, "--out", str(out), *extra]
        )
        == 0
    )
    return out


def read_rows(path: Path, delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream, delimiter=delimiter))


def header_index(rows: list[list[str]]) -> int:
    return next(i for i, row in enumerate(rows) if row and row[0] == "Mã nhiệm vụ")


def fill(
    template_path: Path,
    out: Path,
    meta: dict[str, str] | None = None,
    tasks: dict[str, dict[str, str]] | None = None,
    extra: list[dict[str, str]] = (),
    delimiter: str = ",",
) -> Path:
    """Fill a template as a person would in Excel and save it as 'CSV UTF-8' (BOM, CRLF)."""
    rows = read_rows(template_path)
    header_at = header_index(rows)
    header = rows[header_at]
    for row in rows[:header_at]:
        if row and row[0] in (meta or {}):
            row[1] = meta[row[0]]
    for row in rows[header_at + 1 :]:
        for column, value in (tasks or {}).get(row[0], {}).items():
            row[header.index(column)] = value
    for values in extra:
        rows.append([values.get(column, "") for column in header])
    with open(out, "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "plan_data").rglob("*")) if p.is_file()
    }


def import_errors(root: Path, csv_path: Path, capsys, *extra: str) -> str:
    """Import a CSV that must be refused: nothing written, exit 1; returns the error output."""
    before = snapshot(root)
    capsys.readouterr()
    assert main(["import-report", str(csv_path), "--root", str(root), *extra]) == 1
    assert snapshot(root) == before, "a refused import must not write anything"
    return capsys.readouterr().err


GOOD = {
    ONGOING: {"Tình trạng": "thuong xuyen", "Kết quả thực hiện": "Đã quán triệt các văn bản mới\nqua 2 hội nghị."},
    ON_DIRECTIVE: {
        "Tình trạng": "Hoàn Thành",
        "Số lượng": "3;450",
        "Đơn vị tính": "hội nghị;lượt người",
        "Nội dung đếm": ";tham dự",
        "Minh chứng": "https://kesat.haiphong.gov.vn/tin-tuc/hoi-nghi-dan-toc",
        "Khó khăn, vướng mắc": "'-Kinh phí còn hạn chế.",
    },
}


# --------------------------------------------------------------------------------------- round trip


def test_template_fill_import_load_and_build(tmp_path, capsys):
    project = copy_project(tmp_path)
    plan = seed_plan(load_project(project))
    path = template(project, tmp_path / "bao-cao.csv", "--reporter", "phong-van-hoa-xa-hoi")

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel reads the BOM as UTF-8
    rows = read_rows(path)
    facts = {row[0]: row[1] for row in rows[: header_index(rows)] if row and row[0]}
    assert facts["Kế hoạch"] == SEED_PLAN and facts["Kỳ báo cáo"] == PERIOD
    assert facts["Cơ quan báo cáo"] == "phong-van-hoa-xa-hoi" and facts["Ngày gửi"] == ""
    header_at = header_index(rows)
    assert (
        tuple(rows[header_at])
        == csv_io.HEADER
        == (
            "Mã nhiệm vụ",
            "STT",
            "Nội dung nhiệm vụ",
            "Thời gian thực hiện",
            "Cách ghi",
            "Tình trạng",
            "Tiến độ (%)",
            "Kết quả thực hiện",
            "Số lượng",
            "Đơn vị tính",
            "Nội dung đếm",
            "Minh chứng",
            "Khó khăn, vướng mắc",
            "Đề xuất",
            "Lý do không thực hiện",
        )
    )
    tasks = rows[header_at + 1 :]
    assert [row[0] for row in tasks] == [t.id for t in plan.tasks]  # one row per task, in plan order
    assert [row[1] for row in tasks] == [plan.task_numbers[t.id] for t in plan.tasks]
    assert [row[3] for row in tasks] == [t.timing.text for t in plan.tasks]  # the timing, as the plan words it
    assert all(len(row) == len(csv_io.HEADER) for row in rows)
    assert all(row[5:] == [""] * 10 for row in tasks)  # the reporter's columns are left to fill

    filled = fill(path, tmp_path / "bao-cao-da-dien.csv", {"Ngày gửi": "30/06/2026"}, GOOD)
    capsys.readouterr()
    assert main(["import-report", str(filled), "--root", str(project)]) == 0, capsys.readouterr().err
    assert "2 tasks reported, 3 rows left empty" in capsys.readouterr().out

    text = (project / REPORT).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/report.schema.json\n")
    assert "# Imported from bao-cao-da-dien.csv" in text
    assert "hội nghị" in text and "\\u" not in text  # readable Vietnamese, not escapes
    data = yaml.safe_load(text)
    assert list(data) == [k for k in REPORT_FILE.fields if k in data]  # keys in the schema's order
    assert list(data)[:3] == ["plan", "period", "reporter"]

    report = next(r for r in load_project(project).reports if r.plan == SEED_PLAN)
    assert (report.period.kind, report.period.year, report.period.number) == ("6-thang", 2026, None)
    assert report.reporter == "phong-van-hoa-xa-hoi" and report.submitted_on == dt.date(2026, 6, 30)
    by_task = {t.task: t for t in report.tasks}
    assert list(by_task) == [ONGOING, ON_DIRECTIVE]
    assert by_task[ONGOING].status == "thuong-xuyen"
    assert by_task[ONGOING].done == "Đã quán triệt các văn bản mới\nqua 2 hội nghị."
    done = by_task[ON_DIRECTIVE]
    assert done.status == "da-hoan-thanh"
    assert [(o.quantity, o.unit, o.what) for o in done.outputs] == [
        (3, "hội nghị", None),
        (450, "lượt người", "tham dự"),
    ]
    assert done.evidence == ("https://kesat.haiphong.gov.vn/tin-tuc/hoi-nghi-dan-toc",)
    assert done.difficulties == "-Kinh phí còn hạn chế."  # the quote that kept Excel off a formula is gone

    schema = json.loads((project / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)  # editors' schema agrees too

    result = runner.build(project, tmp_path / "site")  # reports are not shown yet: the site still builds
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_semicolon_separated_csv_as_excel_saves_it_in_vietnamese_format(data_project, tmp_path):
    path = template(data_project, tmp_path / "t.csv", "--delimiter", ";", "--reporter", REPORTER)
    assert "Mã nhiệm vụ;STT;" in path.read_text(encoding="utf-8-sig")
    rows = read_rows(path, ";")
    rows[next(i for i, r in enumerate(rows) if r[0] == "Ngày gửi")][1] = "1/7/2026"
    header = rows[header_index(rows)]
    status_at, progress_at = header.index("Tình trạng"), header.index("Tiến độ (%)")
    row = rows[next(i for i, r in enumerate(rows) if r[0] == NOT_RECURRING)]
    row[status_at], row[progress_at] = "Đang thực hiện", "2,5"
    with open(tmp_path / "f.csv", "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    assert main(["import-report", str(tmp_path / "f.csv"), "--root", str(data_project)]) == 1  # 2,5 %: not whole
    row[progress_at] = "40%"
    with open(tmp_path / "f.csv", "w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(rows)
    assert main(["import-report", str(tmp_path / "f.csv"), "--root", str(data_project)]) == 0
    (entry,) = next(r for r in load_project(data_project).reports).tasks
    assert (entry.task, entry.status, entry.progress) == (NOT_RECURRING, "dang-thuc-hien", 40)


# ------------------------------------------------------------------------------------------- errors


def test_bad_status_names_row_and_column_and_suggests(data_project, tmp_path, capsys):
    filled = fill(
        template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat"),
        tmp_path / "bao-cao.csv",
        {"Ngày gửi": "30/06/2026"},
        {ON_DIRECTIVE: {"Tình trạng": "hoan thnah"}},
    )
    row = 1 + next(i for i, r in enumerate(read_rows(filled)) if r[0] == ON_DIRECTIVE)
    err = import_errors(data_project, filled, capsys)
    assert f"bao-cao.csv:{row}:Tình trạng: Expected one of " in err
    assert "but received 'hoan thnah'." in err
    assert "  Hint: did you mean 'da-hoan-thanh' (đã hoàn thành)?" in err
    assert err.count(f":{row}:") == 1  # the refused status is not reported twice
    assert "nothing was written" in err


def test_every_problem_in_one_run_at_its_row_and_column(data_project, tmp_path, capsys):
    """Problems of the cells and of the loader's rules (reports/checks.py), all at once."""
    path = template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat")
    filled = fill(
        path,
        tmp_path / "bao-cao.csv",
        {"Ngày gửi": "31/02/2026"},
        {
            ONGOING: {"Tình trạng": "Đã hoàn thành"},  # a recurring task is never done
            ON_DIRECTIVE: {"Tình trạng": "Không thực hiện"},  # without a reason
            NOT_RECURRING: {
                "Tình trạng": "dang-thuc-hien",
                "Tiến độ (%)": "150",
                "Số lượng": "3;4",
                "Đơn vị tính": "hội nghị",
                "Minh chứng": "javascript:alert(1)",
            },
        },
        extra=[
            {"Mã nhiệm vụ": "nhiem-vu-khong-co", "Tình trạng": "Chậm tiến độ"},
            {"Mã nhiệm vụ": ONGOING, "Tình trạng": "thuong-xuyen"},
        ],
    )
    rows = read_rows(filled)
    at = {}
    for i, r in enumerate(rows):
        at.setdefault(r[0] if r else "", i + 1)  # first row of each label or task
    last = len(rows)
    err = import_errors(data_project, filled, capsys)
    expected = [
        f"bao-cao.csv:{at['Ngày gửi']}:Ngày gửi: Expected a date that exists but received '31/02/2026'.",
        f"bao-cao.csv:{at[ONGOING]}:Tình trạng: Expected a status that fits the task's timing ('ongoing' (thường xuyên)",  # noqa: E501
        "  Hint: use 'thuong-xuyen' (thực hiện thường xuyên).",
        f"bao-cao.csv:{at[ON_DIRECTIVE]}:Lý do không thực hiện: Expected the column 'Lý do không thực hiện'",
        f"bao-cao.csv:{at[NOT_RECURRING]}:Tiến độ (%): Expected a percentage from 0 to 100 but received the number 150.",  # noqa: E501
        f"bao-cao.csv:{at[NOT_RECURRING]}:Đơn vị tính: Expected as many items in each of 'Số lượng' and 'Đơn vị tính'",
        f"bao-cao.csv:{at[NOT_RECURRING]}:Minh chứng: Expected an address starting with https://",
        f"bao-cao.csv:{last - 1}:Mã nhiệm vụ: Expected the id of a task of plan '{SEED_PLAN}' but received the "
        "unknown id 'nhiem-vu-khong-co'.",
        f"bao-cao.csv:{last}:Mã nhiệm vụ: Expected one row per task but received '{ONGOING}' again "
        f"(first at row {at[ONGOING]}).",
    ]
    for line in expected:
        assert line in err, f"{line!r} not in:\n{err}"
    assert "8 problems found in" in err


def test_every_problem_in_one_run_in_vietnamese(data_project, tmp_path, capsys, monkeypatch):
    """What editors read: each problem in Vietnamese at its row and column, keys told as the columns they fill
    and ids with their labels; not a word of the English frame left."""
    monkeypatch.setenv("PLANSITE_LANG", "vi")
    path = template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat")
    filled = fill(
        path,
        tmp_path / "bao-cao.csv",
        {"Ngày gửi": "31/02/2026"},
        {
            ONGOING: {"Tình trạng": "Đã hoàn thành", "Tiến độ (%)": "50"},
            ON_DIRECTIVE: {"Tình trạng": "Không thực hiện"},
            NOT_RECURRING: {"Tình trạng": "hoan thnah", "Số lượng": "3;4", "Đơn vị tính": "hội nghị"},
        },
        extra=[{"Mã nhiệm vụ": "nhiem-vu-khong-co", "Tình trạng": "Chậm tiến độ"}],
    )
    rows = read_rows(filled)
    at = {r[0] if r else "": i + 1 for i, r in reversed(list(enumerate(rows)))}
    err = import_errors(data_project, filled, capsys)
    expected = [
        f"bao-cao.csv:{at['Ngày gửi']}:Ngày gửi: Cần một ngày có thật nhưng nhận được '31/02/2026'.",
        "  Gợi ý: kiểm tra lại ngày và tháng (dd/mm/yyyy: ngày trước).",
        f"bao-cao.csv:{at[ONGOING]}:Tình trạng: Cần tình trạng phù hợp với thời gian thực hiện của nhiệm vụ "
        "(thường xuyên (`ongoing`): “thường xuyên.”) nhưng nhận được đã hoàn thành (`da-hoan-thanh`).",
        "  Gợi ý: dùng thực hiện thường xuyên (`thuong-xuyen`).",
        f"bao-cao.csv:{at[ONGOING]}:Tiến độ (%): Nhiệm vụ thường xuyên, định kỳ (thời gian thường xuyên (`ongoing`): "
        "“thường xuyên.”) không ghi tiến độ phần trăm nhưng nhận được 50.",
        "  Gợi ý: nhiệm vụ thực hiện 'thường xuyên' không có điểm kết thúc để đo tiến độ; để trống cột 'Tiến độ (%)'.",
        f"bao-cao.csv:{at[ON_DIRECTIVE]}:Lý do không thực hiện: Nhiệm vụ không thực hiện (`khong-thuc-hien`) cần "
        "cột 'Lý do không thực hiện' nhưng không có.",
        "  Gợi ý: ghi lý do, theo lời văn của báo cáo, vào cột 'Lý do không thực hiện'.",
        f"bao-cao.csv:{at[NOT_RECURRING]}:Tình trạng: Cần một trong các tình trạng 'Chưa triển khai'",
        "  Gợi ý: có phải là đã hoàn thành (`da-hoan-thanh`)?",
        f"bao-cao.csv:{at[NOT_RECURRING]}:Đơn vị tính: Các cột 'Số lượng' và 'Đơn vị tính' cần có số mục bằng "
        "nhau (ngăn cách bằng ';') nhưng có 2 số lượng, 1 đơn vị tính.",
        f"bao-cao.csv:{len(rows)}:Mã nhiệm vụ: Cần mã một nhiệm vụ của kế hoạch '{SEED_PLAN}' nhưng nhận được mã "
        "lạ 'nhiem-vu-khong-co'.",
        f"Tìm thấy 7 lỗi trong {filled}; chưa ghi gì.",
    ]
    for line in expected:
        assert line in err, f"{line!r} not in:\n{err}"
    for english in ("Expected", " but ", "Hint:", "did you mean", "the key", "the column", "remove '"):
        assert english not in err, english


def test_command_line_usage_errors_in_vietnamese(data_project, capsys, monkeypatch):
    """argparse's own words (usage, a missing option, a bad choice) and --help are Vietnamese too."""
    monkeypatch.setenv("PLANSITE_LANG", "vi")
    with pytest.raises(SystemExit) as stop:
        main(["report-template", "--root", str(data_project), "--plan", SEED_PLAN])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.startswith("cách dùng: python -m plansite report-template")
    assert "lỗi: thiếu tham số bắt buộc: --period" in err
    with pytest.raises(SystemExit):
        main(["report-template", "--plan", SEED_PLAN, "--period", PERIOD, "--delimiter", "|"])
    assert "tham số --delimiter: lựa chọn không hợp lệ: '|' (chọn một trong ',', ';')" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["chek"])
    assert "lựa chọn không hợp lệ: 'chek'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report-template", "--help"])
    out = capsys.readouterr().out
    assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out and "kỳ báo cáo: 2026-6-thang" in out
    assert main(["report-template", "--root", str(data_project), "--plan", SEED_PLAN, "--period", "2026-6-thag"]) == 1
    assert (
        "Cần kỳ báo cáo viết dạng 2026-6-thang, 2026-nam, 2026-quy-2 hoặc 2026-thang-3 nhưng nhận được "
        "'2026-6-thag'." in capsys.readouterr().err
    )


def test_unknown_task_id_with_a_suggestion(data_project, tmp_path, capsys):
    filled = fill(
        template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat"),
        tmp_path / "x.csv",
        {"Ngày gửi": "30/06/2026"},
        extra=[{"Mã nhiệm vụ": ON_DIRECTIVE + "s", "Tình trạng": "Đang thực hiện"}],
    )
    err = import_errors(data_project, filled, capsys)
    row = len(read_rows(filled))
    assert (
        f"x.csv:{row}:Mã nhiệm vụ: Expected the id of a task of plan '{SEED_PLAN}' but received the unknown id "
        f"'{ON_DIRECTIVE}s'." in err
    )
    assert f"did you mean '{ON_DIRECTIVE}'?" in err


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("hôm qua", "Expected a date written dd/mm/yyyy but received 'hôm qua'."),
        ("30/06/26", "Expected a date written dd/mm/yyyy but received '30/06/26'."),
        ("14/06/2025", "Expected a date after the period begins (15/12/2025) but received 14/06/2025."),  # loader rule
        ("", "Expected a value in column B but the cell is empty."),
    ],
)
def test_bad_date(data_project, tmp_path, capsys, typed, expected):
    filled = fill(
        template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat"),
        tmp_path / "d.csv",
        {"Ngày gửi": typed},
        {ONGOING: {"Tình trạng": "thường xuyên"}},
    )
    row = 1 + next(i for i, r in enumerate(read_rows(filled)) if r[0] == "Ngày gửi")
    assert f"d.csv:{row}:Ngày gửi: {expected}" in import_errors(data_project, filled, capsys)


def test_row_with_content_but_no_status_is_refused_not_dropped(data_project, tmp_path, capsys):
    filled = fill(
        template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat"),
        tmp_path / "e.csv",
        {"Ngày gửi": "30/06/2026"},
        {ONGOING: {"Kết quả thực hiện": "Đã làm"}},
    )
    err = import_errors(data_project, filled, capsys)
    assert ":Tình trạng: Expected a status for a row with content (Kết quả thực hiện)" in err


def test_an_unfilled_template_is_refused(data_project, tmp_path, capsys):
    path = fill(
        template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat"),
        tmp_path / "u.csv",
        {"Ngày gửi": "30/06/2026"},
    )
    assert "Expected at least one task with a status" in import_errors(data_project, path, capsys)


def test_a_csv_not_saved_as_utf8_is_refused_with_the_excel_fix(data_project, tmp_path, capsys):
    filled = fill(
        template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat"),
        tmp_path / "ansi.csv",
        {"Ngày gửi": "30/06/2026"},
        GOOD,
    )
    filled.write_bytes(filled.read_text(encoding="utf-8-sig").encode("cp1258", "replace"))
    err = import_errors(data_project, filled, capsys)
    assert "Expected UTF-8 text" in err and "CSV UTF-8" in err


# ------------------------------------------------------------------------------------- typed values


@pytest.mark.parametrize(
    "typed, code",
    [
        ("da-hoan-thanh", "da-hoan-thanh"),
        ("Đã hoàn thành", "da-hoan-thanh"),
        ("hoàn thành", "da-hoan-thanh"),
        ("Hoàn Thành", "da-hoan-thanh"),
        ("hoan thanh", "da-hoan-thanh"),
        ("HOAN THANH", "da-hoan-thanh"),
        ("thường xuyên", "thuong-xuyen"),
        ("Thực hiện thường xuyên", "thuong-xuyen"),
        ("thuong_xuyen", "thuong-xuyen"),
        ("Đang thực hiện", "dang-thuc-hien"),
        ("chậm tiến độ", "cham-tien-do"),
        ("KHÔNG THỰC HIỆN", "khong-thuc-hien"),
        ("Chưa triển khai", "chua-trien-khai"),
    ],
)
def test_status_as_people_type_it(typed, code):
    assert csv_io.parse_status(typed)[0] == code


@pytest.mark.parametrize(
    "typed, hint",
    [
        ("hoan thnah", "did you mean 'da-hoan-thanh' (đã hoàn thành)?"),
        ("thực hiện", "alone could be 'Đang thực hiện' or 'Thực hiện thường xuyên' or 'Không thực hiện'"),
        ("triển khai", "says the opposite of 'Chưa triển khai'"),  # 'chưa' is never dropped
        ("đang làm", "write one of the labels above"),
    ],
)
def test_status_refused_with_a_hint(typed, hint):
    code, message, given = csv_io.parse_status(typed)
    assert code is None and f"but received '{typed}'." in message and hint in given
    assert all(label in message for label in STATUSES.values())


@pytest.mark.parametrize(
    "typed, value", [("2,5", 2.5), ("3", 3), ("1.200.000", 1200000), ("1 200", 1200), ("0,75", 0.75), ("2.5", 2.5)]
)
def test_numbers_with_a_vietnamese_decimal_comma(typed, value):
    assert csv_io.parse_number(typed) == value


@pytest.mark.parametrize("typed", ["1.200", "1,200", "ba", "3 hội nghị"])
def test_ambiguous_or_wordy_numbers_are_refused(typed):
    with pytest.raises(ValueError):
        csv_io.parse_number(typed)


@pytest.mark.parametrize(
    "period, parsed, name",
    [
        ("2026-6-thang", ("6-thang", 2026, None), "2026-6-thang"),
        ("2026-nam", ("nam", 2026, None), "2026-nam"),
        ("2026-quy-2", ("quy", 2026, 2), "2026-quy-2"),
        ("2026-thang-3", ("thang", 2026, 3), "2026-thang-3"),
        ("2026-thang-12", ("thang", 2026, 12), "2026-thang-12"),
    ],
)
def test_periods(period, parsed, name):
    assert csv_io.parse_period(period) == parsed
    assert csv_io.period_code(*parsed) == name
    assert csv_io.report_path(SEED_PLAN, parsed, REPORTER) == f"plan_data/reports/{SEED_PLAN}/{name}/{REPORTER}.yaml"


@pytest.mark.parametrize(
    "period, hint",
    [
        ("2026-06-thang", "did you mean '2026-6-thang'?"),
        ("2026-thang-03", "did you mean '2026-thang-3'?"),
        ("2026-quy-5", "4 quarters"),
        ("2026-thang-13", "12 months"),
        ("26-nam", "year first"),
        ("2026-chuyen-de", "year first"),
        ("2026 - nam", "did you mean '2026-nam'?"),
    ],
)
def test_bad_periods_are_clear_errors(data_project, tmp_path, capsys, period, hint):
    with pytest.raises(csv_io.UsageError, match="Expected"):
        csv_io.parse_period(period)
    assert (
        main(
            [
                "report-template",
                "--root",
                str(data_project),
                "--plan",
                SEED_PLAN,
                "--period",
                period,
                "--out",
                str(tmp_path / "t.csv"),
            ]
        )
        == 1
    )
    assert hint in capsys.readouterr().err and not (tmp_path / "t.csv").exists()


def test_template_refuses_unknown_plan_and_reporter_and_an_existing_file(data_project, tmp_path, capsys):
    out = tmp_path / "t.csv"
    assert (
        main(
            [
                "report-template",
                "--root",
                str(data_project),
                "--plan",
                SEED_PLAN[:-1],
                "--period",
                PERIOD,
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert f"did you mean '{SEED_PLAN}'?" in capsys.readouterr().err
    assert (
        main(
            [
                "report-template",
                "--root",
                str(data_project),
                "--plan",
                SEED_PLAN,
                "--period",
                PERIOD,
                "--reporter",
                "phong-van-hoa",
                "--out",
                str(out),
            ]
        )
        == 1
    )
    assert "did you mean 'phong-van-hoa-xa-hoi'" in capsys.readouterr().err
    template(data_project, out)
    out.write_text("filled by someone", encoding="utf-8")
    assert (
        main(
            ["report-template", "--root", str(data_project), "--plan", SEED_PLAN, "--period", PERIOD, "--out", str(out)]
        )
        == 1
    )
    assert out.read_text(encoding="utf-8") == "filled by someone"


# ------------------------------------------------------------------------------- formula injection


@pytest.mark.parametrize(
    "value, safe",
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Tổ chức", "Tổ chức"),
        ("", ""),
        ("'=x", "'=x"),
    ],
)
def test_neutralise(value, safe):
    assert csv_io.neutralise(value) == safe
    assert csv_io.unneutralise(safe) == value or value.startswith("'")
    assert csv_io.unneutralise("'bình thường") == "'bình thường"  # only a quote before = + - @ is removed


def test_formula_in_the_data_is_neutralised_in_the_template(data_project, tmp_path, capsys):
    plan_file = data_project / "plan_data" / "plans" / f"{SEED_PLAN}.yaml"
    text = plan_file.read_text(encoding="utf-8")
    start = "            Tổ chức quán triệt, triển khai cụ thể hóa các chủ trương"
    assert text.count(start) == 1
    plan_file.write_text(
        text.replace(start, '            =HYPERLINK("http://evil.example") ' + start.lstrip()), encoding="utf-8"
    )
    path = template(data_project, tmp_path / "t.csv", "--reporter", "ubnd-xa-ke-sat")
    row = next(r for r in read_rows(path) if r[0] == ON_DIRECTIVE)
    assert row[2].startswith("'=HYPERLINK(")
    assert not any(cell.startswith(csv_io.FORMULA_START) for r in read_rows(path) for cell in r)
    # Back in, a neutralised cell loses its quote; the task text itself is never imported.
    filled = fill(
        path,
        tmp_path / "f.csv",
        {"Ngày gửi": "30/06/2026"},
        {ON_DIRECTIVE: {"Tình trạng": "Đang thực hiện", "Đề xuất": "'=1+1 là công thức"}},
    )
    assert main(["import-report", str(filled), "--root", str(data_project)]) == 0
    (entry,) = next(r for r in load_project(data_project).reports).tasks
    assert entry.proposals == "=1+1 là công thức"
