"""Reports that lose nothing and ignore nothing: every file under plan_data/ read or named, each body's report
of a period in its own file (two bodies import in turn, both counted in the calendar), --force only over a
report git can give back, an import that fails at its final write leaves plan_data/ byte-identical, CSV
files in the wrong encoding named, quoting faults and control characters at their row and column."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from test_report_csv import (
    GOOD,
    NOT_RECURRING,
    ONGOING,
    PERIOD,
    fill,
    import_errors,
    read_rows,
    snapshot,
    template,
)

from conftest import ROOT, SEED_PLAN, build_site, copy_project, load_project
from golden import encode_as
from plansite.__main__ import main
from plansite.data.paths import REPORT_PATH, data_files, report_path
from plansite.data.problems import DataError
from plansite.reports.project import load_checked
from plansite.reports.spreadsheet import importer

FIRST, SECOND = "phong-van-hoa-xa-hoi", "phong-chuyen-mon-don-vi-truc-thuoc"  # both owe a 6-month report


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.vn",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.vn",
    }
    subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


# Messages read in English (the developer switch); the same messages in Vietnamese, as editors read them,
# are in the golden cases (unread-files, import-*, raw-control-bytes, report-periods).
pytestmark = pytest.mark.usefixtures("developer_english")


def filled(root: Path, tmp_path: Path, reporter: str, name: str, tasks=None, date: str = "30/06/2026") -> Path:
    blank = template(root, tmp_path / f"mau-{name}", "--reporter", reporter)
    return fill(blank, tmp_path / name, {"Ngày gửi": date}, tasks or GOOD)


def test_the_report_layout_is_stated_once():
    assert REPORT_PATH == "plan_data/reports/{plan}/{period}/{reporter}.yaml"
    assert report_path("p", "2026-6-thang", "ubnd") == "plan_data/reports/p/2026-6-thang/ubnd.yaml"
    assert report_path("p", "2026-6-thang", "ubnd") == REPORT_PATH.format(
        plan="p", period="2026-6-thang", reporter="ubnd"
    )


# ----------------------------------------------------------------------------------- nothing ignored


def test_every_file_under_plan_data_is_read_or_named(data_project):
    """Walk the tree: each file is a data file the loader reads, or a problem names it."""
    data = data_project / "plan_data"
    report = ROOT / "tests/fixtures/reports/plan_data/reports" / SEED_PLAN / "2026-6-thang" / f"{FIRST}.yaml"
    odd = {
        f"reports/{SEED_PLAN}-2026-6-thang.yaml": report.read_bytes(),  # straight under reports/
        f"reports/{SEED_PLAN}/2025-nam/{FIRST}.yml": report.read_bytes()
        .replace(b"year: 2026", b"year: 2025")
        .replace(b"kind: 6-thang", b"kind: nam"),  # .yml: read like .yaml
        f"reports/{SEED_PLAN}/bao-cao.csv": b"Ma,STT\r\n",
        "ghi-chu.txt": "ghi chú\n".encode(),
        "agency.yaml": b"agencies: []\n",
        "plans/cu/ke-hoach-cu.yaml": b"id: cu\n",
        "legal/.DS_Store": b"\0\0",
        "sources/khong-dung.txt": "văn bản\n".encode(),
        "glossary.yml": b"abbreviations: []\n",
    }
    for name, data_bytes in odd.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(data_bytes)
    with pytest.raises(DataError) as error:
        load_checked(data_project)
    named = {p.file for p in error.value.problems}
    read = {path.relative_to(data_project).as_posix() for _, path in data_files(data_project)}
    read |= {
        f"plan_data/sources/{yaml.safe_load(path.read_text(encoding='utf-8')).get('source_text')}"
        for kind, path in data_files(data_project)
        if kind == "plan"
    }  # signed texts the plans name
    every = {p.relative_to(data_project).as_posix() for p in data.rglob("*") if p.is_file()}
    assert every - read - named == set(), "a file neither read nor named in a problem"
    assert f"plan_data/reports/{SEED_PLAN}/2025-nam/{FIRST}.yml" in read
    assert "plan_data/glossary.yml" in read and "plan_data/glossary.yaml" in read
    text = error.value.report()
    assert (
        "plan_data/glossary.yml:1:1: (document): Expected one file but received both glossary.yaml and "
        "glossary.yml." in text
    )
    assert (
        "plan_data/agency.yaml:1:1: (document): Expected one of the files places.yaml, agencies.yaml, "
        "legal.yaml, glossary.yaml directly in plan_data/"
        in text
        and "did you mean 'agencies.yaml'?" in text
    )
    warnings = {p.file for p in error.value.problems if p.warning}
    assert {"plan_data/legal/.DS_Store", "plan_data/sources/khong-dung.txt"} <= warnings
    # Once the files that are not data are gone, the reports read are checked: each is told where it belongs.
    for name in (
        "ghi-chu.txt",
        "agency.yaml",
        "plans/cu/ke-hoach-cu.yaml",
        f"reports/{SEED_PLAN}/bao-cao.csv",
        "glossary.yml",
    ):
        (data / name).unlink()
    with pytest.raises(DataError) as error:
        load_checked(data_project)
    assert (
        f"git mv plan_data/reports/{SEED_PLAN}-2026-6-thang.yaml "
        f"plan_data/reports/{SEED_PLAN}/2026-6-thang/{FIRST}.yaml" in error.value.report()
    )
    assert not [p for p in error.value.problems if f"2025-nam/{FIRST}.yml" in p.file and not p.warning]


# --------------------------------------------------------------------------- several bodies, one period


def test_two_bodies_import_the_same_period_in_turn_and_both_are_counted(tmp_path, capsys):
    project = copy_project(tmp_path)
    first = filled(project, tmp_path, FIRST, "a.csv")
    second = filled(project, tmp_path, SECOND, "b.csv", {ONGOING: {"Tình trạng": "Thực hiện thường xuyên"}})
    assert main(["import-report", str(first), "--root", str(project)]) == 0
    assert main(["import-report", str(second), "--root", str(project)]) == 0, capsys.readouterr().err
    files = sorted(p.name for p in (project / "plan_data/reports" / SEED_PLAN / PERIOD).iterdir())
    assert files == [f"{SECOND}.yaml", f"{FIRST}.yaml"] or files == sorted([f"{FIRST}.yaml", f"{SECOND}.yaml"])
    reports = load_project(project).reports
    assert sorted(r.reporter for r in reports) == sorted([FIRST, SECOND])
    # The same task from two bodies is no duplicate: each body says its own part.
    assert all(any(t.task == ONGOING for t in r.tasks) for r in reports)

    out = tmp_path / "site"
    assert build_site(project, out).returncode == 0
    page = BeautifulSoup((out / "bao-cao" / "index.html").read_text(encoding="utf-8"), "lxml")
    received = [card.get_text(" ", strip=True) for card in page.select("li.ps-due") if "Đã nhận" in card.get_text()]
    names = {FIRST: "Phòng Văn hóa - Xã hội", SECOND: "Các Phòng chuyên môn"}
    for reporter, name in names.items():
        assert any(name in row and "06 tháng năm 2026" in row for row in received), (reporter, received)


def test_force_replaces_only_the_same_bodys_report_and_only_one_git_can_give_back(data_project, tmp_path, capsys):
    first = filled(data_project, tmp_path, FIRST, "a.csv")
    second = filled(data_project, tmp_path, SECOND, "b.csv")
    assert main(["import-report", str(first), "--root", str(data_project)]) == 0
    assert main(["import-report", str(second), "--root", str(data_project)]) == 0
    mine = data_project / report_path(SEED_PLAN, PERIOD, FIRST)
    other = data_project / report_path(SEED_PLAN, PERIOD, SECOND)
    other_before = other.read_bytes()
    again = filled(
        data_project, tmp_path, FIRST, "a2.csv", {ONGOING: {"Tình trạng": "Thực hiện thường xuyên"}}, date="01/07/2026"
    )
    capsys.readouterr()
    before = snapshot(data_project)
    assert main(["import-report", str(again), "--root", str(data_project)]) == 1
    err = capsys.readouterr().err
    assert f"{report_path(SEED_PLAN, PERIOD, FIRST)} already exists: the report of '{FIRST}'" in err
    assert "the reports of other bodies are never replaced" in err
    # Not in git yet: --force would lose the editor's file, so it is refused too.
    assert main(["import-report", str(again), "--root", str(data_project), "--force"]) == 1
    assert "commit it first" in capsys.readouterr().err
    assert snapshot(data_project) == before
    _git(data_project, "init", "-q")
    _git(data_project, "add", "-A")
    _git(data_project, "commit", "-qm", "reports")
    old = mine.read_bytes()
    assert main(["import-report", str(again), "--root", str(data_project), "--force"]) == 0
    out = capsys.readouterr().out
    relative = report_path(SEED_PLAN, PERIOD, FIRST)
    assert f"{relative}: replaced the earlier report of the same body and period" in out
    assert f"git show HEAD:{relative}" in out and f"git checkout HEAD -- {relative}" in out
    assert other.read_bytes() == other_before  # the other body's report is untouched
    assert mine.read_bytes() != old
    shown = subprocess.run(["git", "-C", str(data_project), "show", f"HEAD:{relative}"], capture_output=True)
    assert shown.stdout == old  # the hint's command gives the old report back


def test_a_report_that_fulfils_no_duty_is_written_with_a_warning_naming_the_duties(data_project, tmp_path, capsys):
    path = filled(data_project, tmp_path, "ubnd-xa-ke-sat", "u.csv")
    capsys.readouterr()
    assert main(["import-report", str(path), "--root", str(data_project)]) == 0
    out = capsys.readouterr().out
    assert "Warning: Expected a report that a reporting duty of plan" in out
    assert f"{FIRST} → ubnd-xa-ke-sat, so-noi-vu-hai-phong (item 1)" in out
    assert (data_project / report_path(SEED_PLAN, PERIOD, "ubnd-xa-ke-sat")).is_file()


# ------------------------------------------------------------------------------------------ atomic


@pytest.mark.parametrize("failure", ["final-rename", "write"])
def test_an_import_failing_at_its_final_write_leaves_plan_data_byte_identical(
    data_project, tmp_path, capsys, monkeypatch, failure
):
    path = filled(data_project, tmp_path, FIRST, "a.csv")
    before = snapshot(data_project)
    folders = sorted(p for p in (data_project / "plan_data").rglob("*") if p.is_dir())

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failure == "final-rename":
        monkeypatch.setattr(importer.os, "replace", full_disk)
    else:
        monkeypatch.setattr(importer.os, "fsync", full_disk)
    capsys.readouterr()
    assert main(["import-report", str(path), "--root", str(data_project)]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "plan_data/ is as it was" in err and "Traceback" not in err
    assert snapshot(data_project) == before
    assert sorted(p for p in (data_project / "plan_data").rglob("*") if p.is_dir()) == folders


# ------------------------------------------------------------------------ encodings, faults, controls


def _template_text(root: Path, tmp_path: Path) -> str:
    return template(root, tmp_path / "t.csv", "--reporter", FIRST).read_bytes().decode("utf-8-sig")


@pytest.mark.parametrize(
    "name, encode, found",
    [
        ("utf-16-bom", lambda t: t.encode("utf-16"), "UTF-16 (Unicode Text)"),
        ("utf-16-le", lambda t: t.encode("utf-16-le"), "UTF-16 (Unicode Text)"),
        ("utf-16-ascii", lambda t: t.encode("ascii", "ignore").decode().encode("utf-16-le"), "UTF-16 (Unicode Text)"),
        ("windows-1258", lambda t: encode_as(t, "cp1258"), "Windows-1258"),
        # Typed with the legacy fonts: the bytes such text is saved as (TCVN3 "KÕ ho¹ch", VNI "Keá hoaïch").
        ("tcvn3", lambda t: "Uû ban nh©n d©n x· KÕ ho¹ch b¸o c¸o t×nh h×nh thùc hiÖn".encode("latin-1"), "TCVN3"),
        ("vni", lambda t: "UÛy ban nhaân daân xaõ Keá hoaïch baùo caùo tình hình thöïc hieän".encode("cp1252"), "VNI"),
    ],
)
def test_a_csv_in_another_encoding_is_named_and_the_advice_is_csv_utf8(
    data_project, tmp_path, capsys, name, encode, found
):
    path = tmp_path / f"{name}.csv"
    path.write_bytes(encode(_template_text(data_project, tmp_path)))
    err = import_errors(data_project, path, capsys)
    assert f"the file looks like {found}" in err
    assert "CSV UTF-8" in err
    assert "TCVN3" not in err or found == "TCVN3"


@pytest.mark.parametrize("rest", ["", "closes-later"])
def test_an_unbalanced_quote_is_located_at_its_row_and_column(data_project, tmp_path, capsys, rest):
    """A quote opened in a cell of a task row and never closed: at the end of the file, or where a later
    cell's quote happens to close it."""
    path = filled(
        data_project,
        tmp_path,
        FIRST,
        "f.csv",
        {**GOOD, NOT_RECURRING: {"Tình trạng": "Đang thực hiện", "Kết quả thực hiện": "@@MỞ@@"}},
    )
    rows = read_rows(path)
    row = 1 + next(i for i, r in enumerate(rows) if r[0] == NOT_RECURRING)
    text = path.read_bytes().decode("utf-8-sig").replace("@@MỞ@@", '"Đã tổ chức 3 hội nghị')
    if not rest:
        text = text[: text.index("\r\n", text.index(NOT_RECURRING + ",")) + 2]  # its row is the last
    (tmp_path / "bad.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    err = import_errors(data_project, tmp_path / "bad.csv", capsys)
    assert f"bad.csv:{row}:Kết quả thực hiện: Expected a closing quote" in err
    assert "Expected a header row" not in err


def test_control_characters_in_cells_are_refused_at_their_cell(data_project, tmp_path, capsys):
    path = filled(
        data_project,
        tmp_path,
        FIRST,
        "c.csv",
        {
            ONGOING: {
                "Tình trạng": "Thực hiện thường xuyên",
                "Kết quả thực hiện": "Đã tổ chức\x1b[31m hội nghị\x07",
                "Đề xuất": "Bổ sung\x00 kinh phí",
                "Khó khăn, vướng mắc": "Dòng một\r\nDòng\thai",
            }
        },
    )
    rows = read_rows(path)
    row = 1 + next(i for i, r in enumerate(rows) if r[0] == ONGOING)
    err = import_errors(data_project, path, capsys)
    assert f"c.csv:{row}:Kết quả thực hiện: Expected text without control characters but received U+001B (ESC)" in err
    assert f"c.csv:{row}:Đề xuất: Expected text without control characters but received U+0000 (NUL)" in err
    assert "Khó khăn" not in err  # line breaks and tabs are allowed in a field of several lines


def test_raw_control_bytes_in_yaml_are_reported_at_their_real_line_and_column(data_project):
    agencies = data_project / "plan_data" / "agencies.yaml"
    lines = agencies.read_bytes().split(b"\n")
    lines[5] = lines[5] + b" \x1b[0m"
    agencies.write_bytes(b"\n".join(lines))
    with pytest.raises(DataError) as error:
        load_project(data_project)
    (problem,) = [p for p in error.value.problems if p.file == "plan_data/agencies.yaml"]
    assert (problem.line, problem.column) == (6, len(lines[5].decode()) - 3)
    assert "U+001B (ESC)" in problem.message and "position" not in problem.message


def test_control_characters_in_a_signed_text_are_refused_at_their_line(data_project):
    source = data_project / "plan_data" / "sources" / f"{SEED_PLAN}.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    lines[2] = "\x0c" + lines[2]  # a page break from a PDF converter
    source.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_project(data_project)
    (problem,) = error.value.problems
    assert (problem.file, problem.line, problem.column) == (f"plan_data/sources/{SEED_PLAN}.txt", 3, 1)
    assert "U+000C (FF)" in problem.message


def test_counts_are_written_once_however_the_three_cells_are_filled(data_project, tmp_path):
    path = filled(
        data_project,
        tmp_path,
        FIRST,
        "n.csv",
        {
            ONGOING: {
                "Tình trạng": "Thực hiện thường xuyên",
                "Số lượng": "3;450;2",
                "Đơn vị tính": "hội nghị;lượt người;buổi",
                "Nội dung đếm": "hội nghị quán triệt;người tham dự;buổi",
            }
        },
    )
    assert main(["import-report", str(path), "--root", str(data_project)]) == 0
    (entry,) = [t for r in load_project(data_project).reports for t in r.tasks]
    shown = [" ".join(filter(None, (f"{o.quantity:g}", o.unit, o.shown_what))) for o in entry.outputs]
    assert shown == ["3 hội nghị quán triệt", "450 lượt người tham dự", "2 buổi"]
    assert [o.what for o in entry.outputs] == ["quán triệt", "tham dự", None]


def test_the_default_template_goes_to_a_folder_git_ignores(data_project, capsys):
    shutil.copy(ROOT / ".gitignore", data_project / ".gitignore")
    _git(data_project, "init", "-q")
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
                FIRST,
            ]
        )
        == 0
    )
    (written,) = (data_project / "mau-bao-cao").iterdir()
    assert written.name == f"bao-cao-{SEED_PLAN}-{PERIOD}-{FIRST}.csv"
    ignored = subprocess.run(["git", "-C", str(data_project), "check-ignore", "-q", str(written)])
    assert ignored.returncode == 0


def test_no_page_or_export_of_the_built_site_carries_a_control_character(site):
    from plansite.text import CONTROL_CHARACTERS

    checked = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".csv", ".json", ".ics", ".xml", ".txt", ".js"):
            continue
        if path.relative_to(site).parts[:1] == ("bien-tap",) and path.parent.name.startswith("decap-cms-"):
            continue  # the web form's code as npm ships it (vendor/, pinned): no data reaches it
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert not CONTROL_CHARACTERS.search(text), path
        checked += 1
    kinds = {p.suffix for p in site.rglob("*") if p.suffix in (".csv", ".json", ".ics", ".xml")}
    assert kinds == {".csv", ".json", ".ics", ".xml"} and checked > 50
