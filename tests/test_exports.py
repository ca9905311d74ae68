"""Open data (/du-lieu/): JSON, CSV, schemas and datapackage.json made from the model, checked on built sites.

Three builds: the published data (the session's `site`), the data with the report fixtures laid over
it at a fixed build date, and a copy whose texts start like spreadsheet formulas. Each file is read
back with a plain reader (json, csv, frictionless) and compared with `load_project`, never with the HTML.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin

import frictionless
import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, build_site, copy_project, generate_pages, load_project
from plansite.addresses import PACKAGE
from plansite.export import catalogue as catalogue_module
from plansite.export.catalogue import CSV_FILES, catalogue
from plansite.export.files import export_files
from plansite.export.records import DERIVED
from plansite.export.table import BOM
from plansite.reports.project import schema_documents
from plansite.reports.status import build_progress

FIXTURE = ROOT / "tests" / "fixtures" / "reports" / "plan_data"
BUILD_DAY = dt.date(2026, 7, 20)  # SOURCE_DATE_EPOCH of the reports build
LABELS = {
    "thuong-xuyen": "Thực hiện thường xuyên",
    "dang-thuc-hien": "Đang thực hiện",
    "cham-tien-do": "Chậm tiến độ",
    "khong-thuc-hien": "Không thực hiện",
    "chua-trien-khai": "Chưa triển khai",
    "da-hoan-thanh": "Đã hoàn thành",
    "chua-co-bao-cao": "Chưa có báo cáo",
}  # written out here, independently of the code
FORMULA = '=HYPERLINK("https://example.org","x") '
RENAMED = {
    "ubnd-xa-ke-sat": "+1 Ủy ban nhân dân xã Kẻ Sặt",
    "phong-van-hoa-xa-hoi": "-2 Phòng Văn hóa - Xã hội xã",
    "ubmttq-xa": "@x Ủy ban Mặt trận Tổ quốc Việt Nam xã",
}


def _build(project: Path, day: dt.date | None = None) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        if day:
            midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
            patch.setenv("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
        result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """(built site, loaded data) of the real data with the fixture reports, built at BUILD_DAY."""
    project = copy_project(tmp_path_factory.mktemp("exports-reports"))
    shutil.copytree(FIXTURE, project / "plan_data", dirs_exist_ok=True)
    return _build(project, BUILD_DAY), load_project(project)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A built copy whose first task's text and three agencies' names begin like spreadsheet formulas."""
    project = copy_project(tmp_path_factory.mktemp("exports-formulas"))
    agencies = project / "plan_data" / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    for agency_id, name in RENAMED.items():
        old = f"  - id: {agency_id}\n    name: {name[3:]}\n"
        assert text.count(old) == 1, agency_id
        text = text.replace(old, f"  - id: {agency_id}\n    name: {json.dumps(name, ensure_ascii=False)}\n")
    agencies.write_text(text, encoding="utf-8")
    plan_file = project / "plan_data" / "plans" / f"{SEED_PLAN}.yaml"
    text, start = (
        plan_file.read_text(encoding="utf-8"),
        " " * 12 + "Lãnh đạo, chỉ đạo, quán triệt, tuyên truyền sâu rộng",
    )
    assert text.count(start) == 1
    plan_file.write_text(text.replace(start, start[:12] + FORMULA + start[12:]), encoding="utf-8")
    return _build(project), load_project(project)


def data_dir(site: Path) -> Path:
    return site / "du-lieu"


def read_json(site: Path, name: str):
    return json.loads((data_dir(site) / name).read_text(encoding="utf-8"))


def plans_json(site: Path) -> list[dict]:
    """Every plan's JSON file (du-lieu/ke-hoach/<plan>.json), by file name."""
    folder = data_dir(site) / "ke-hoach"
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


def paths(project_root: Path) -> set[str]:
    """The catalogue's paths for the plans of a project, as export_files makes them."""
    return {entry.path for entry in catalogue(load_project(project_root).plans)}


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    """The rows of a CSV file as Python's csv module reads it, the byte-order mark dropped by utf-8-sig."""
    with open(data_dir(site) / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def columns(name: str) -> list[str]:
    return next(entry for entry in CSV_FILES if entry.path == name).table.header


def newest(data) -> dict[str, tuple[str, dt.date]]:
    """task id → (status, last day of data) of its newest report, computed here from the data."""
    found = {}
    for report in sorted(data.reports, key=lambda r: r.covered[1]):
        for entry in report.tasks:
            found[entry.task] = (entry.status, report.covered[1])
    return found


def page_tables(site: Path) -> dict[str, list[str]]:
    """CSV file name → the first column of the table under its heading on the data page (the documented columns)."""
    soup = BeautifulSoup((data_dir(site) / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {
        h3.get_text(strip=True): [row.find("td").get_text() for row in h3.find_next("table").select("tbody tr")]
        for h3 in soup.select("article h3")
    }


# --- the data page -------------------------------------------------------------------------------


def test_the_page_links_every_file_and_every_link_resolves(site):
    soup = BeautifulSoup((data_dir(site) / "index.html").read_text(encoding="utf-8"), "html.parser")
    base = "https://x.invalid/du-lieu/"
    linked = set()
    for anchor in soup.select("article a[href]"):
        url = urljoin(base, anchor["href"]).split("#")[0]
        assert url.startswith("https://x.invalid/"), anchor["href"]
        target = site / unquote(url.removeprefix("https://x.invalid/"))
        assert target.is_file() or (target / "index.html").is_file(), anchor["href"]
        linked.add(target.relative_to(data_dir(site)).as_posix() if target.is_relative_to(data_dir(site)) else "")
    published = {p.relative_to(data_dir(site)).as_posix() for p in data_dir(site).rglob("*") if p.is_file()}
    assert published - {"index.html"} == paths(ROOT) | {PACKAGE}
    assert {f"ke-hoach/{plan.id}.json" for plan in load_project(ROOT).plans} <= linked
    assert published - {"index.html"} <= linked
    text = " ".join(soup.select_one("article").get_text(" ").split())
    assert "Giấy phép sử dụng dữ liệu chưa được nêu" in text
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a for a in home.select("nav a") if a.get("href", "").rstrip("/").endswith("du-lieu")], "not in the nav"


def test_the_page_documents_the_columns_the_files_have(site):
    documented = page_tables(site)
    assert set(documented) == {entry.path for entry in CSV_FILES}
    for name, documented_columns in documented.items():
        with open(data_dir(site) / name, encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle)) == documented_columns == columns(name)


# --- JSON -----------------------------------------------------------------------------------------


def test_json_holds_the_same_records_as_the_loaded_data(site):
    data = load_project(ROOT)
    plans = plans_json(site)
    assert [p["id"] for p in plans] == sorted(p.id for p in data.plans)
    for record, plan in zip(plans, sorted(data.plans, key=lambda p: p.id)):
        tasks = [t for section in record["content"]["sections"] for t in section["tasks"]]
        assert [t["id"] for t in tasks] == [t.id for t in plan.tasks]
        assert len(record["content"]["sections"]) == len(plan.content.sections)
        for got, task in zip(tasks, plan.tasks):
            assert got["text"] == task.text and got["summary"] == task.summary and got["cites"] == list(task.cites)
            assert got["lead"] == (task.lead and {"text": task.lead.text, "agencies": list(task.lead.agencies)})
            assert got["timing"]["kind"] == task.timing.kind and got["timing"]["start_year"] == task.timing.start_year
            assert got["number"] == plan.task_numbers[task.id]
            assert got["status"] == {"code": "chua-co-bao-cao", "label": "Chưa có báo cáo", "as_of": None}
        assert record["issued_on"] == (plan.issued_on and plan.issued_on.isoformat())
    for name, key, records in (
        ("co-quan.json", "agencies", data.agencies),
        ("van-ban.json", "documents", data.documents),
        ("dia-ban.json", "places", data.places),
    ):
        got = read_json(site, name)[key]
        assert [r["id"] for r in got] == sorted(r.id for r in records), name
    agencies = {a["id"]: a for a in read_json(site, "co-quan.json")["agencies"]}
    assert all(agencies[a.id]["place"] == a.place and agencies[a.id]["name"] == a.name for a in data.agencies)
    documents = {d["id"]: d for d in read_json(site, "van-ban.json")["documents"]}
    assert all(documents[d.id]["issued_on"] == (d.issued_on and d.issued_on.isoformat()) for d in data.documents)
    assert read_json(site, "bao-cao.json") == {"reports": []}
    raw = (data_dir(site) / "ke-hoach" / f"{SEED_PLAN}.json").read_bytes()
    assert "Kẻ Sặt".encode() in raw and b"\\u" not in raw  # UTF-8 letters, not \u escapes
    assert raw.count(b"\n") == 1 and b'", "' not in raw and b'": ' not in raw  # compact: no indentation


def test_json_records_are_valid_against_the_published_schemas(site, reported):
    schemas = {
        name.removesuffix(".schema.json"): json.loads((data_dir(site) / "schemas" / name).read_text("utf-8"))
        for name in schema_documents()
    }
    assert {f"schemas/{n}.schema.json" for n in schemas} <= paths(ROOT)
    for name, text in schema_documents().items():  # the published copies are the generated schemas
        assert (data_dir(site) / "schemas" / name).read_text(encoding="utf-8") == text
    jsonschema.validate(read_json(site, "co-quan.json"), schemas["agencies"])
    jsonschema.validate(read_json(site, "van-ban.json"), schemas["legal"])
    jsonschema.validate(read_json(site, "dia-ban.json"), schemas["places"])
    for plan in plans_json(site):
        for section in plan["content"]["sections"]:
            section["tasks"] = [{k: v for k, v in t.items() if k not in DERIVED["task"]} for t in section["tasks"]]
        jsonschema.validate(plan, schemas["plan"])
    reports = read_json(reported[0], "bao-cao.json")["reports"]
    assert reports
    for report in reports:
        jsonschema.validate({k: v for k, v in report.items() if k not in DERIVED["report"]}, schemas["report"])


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_files_are_excel_ready_with_the_documented_columns(site):
    data = load_project(ROOT)
    for entry in CSV_FILES:
        raw = (data_dir(site) / entry.path).read_bytes()
        assert raw.startswith(BOM) and not raw.startswith(BOM * 2), entry.path
        assert raw.endswith(b"\r\n"), entry.path
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert header == columns(entry.path), entry.path
    tasks = read_csv(site, "nhiem-vu.csv")
    expected = [(p.id, t.id) for p in sorted(data.plans, key=lambda p: p.id) for t in p.tasks]
    assert [(r["plan_id"], r["task_id"]) for r in tasks] == expected
    plan = next(p for p in data.plans if p.id == SEED_PLAN)
    first = next(r for r in tasks if r["task_id"] == plan.tasks[0].id)
    names = {a.id: a.name for a in data.agencies}
    assert first["lead_ids"] == "; ".join(plan.tasks[0].lead.agencies)
    assert first["lead_names"] == "; ".join(names[a] for a in plan.tasks[0].lead.agencies)
    assert first["number"] == "1.a" and first["text"] == plan.tasks[0].text
    statuses = {(r["status"], r["status_label"], r["status_as_of"]) for r in tasks}
    assert statuses == {("chua-co-bao-cao", "Chưa có báo cáo", "")}
    assert [r["id"] for r in read_csv(site, "co-quan.csv")] == sorted(names)
    assert [r["id"] for r in read_csv(site, "van-ban.csv")] == sorted(d.id for d in data.documents)
    assert read_csv(site, "bao-cao.csv") == []


def test_csv_line_ends_are_crlf(site):
    for entry in CSV_FILES:
        raw = (data_dir(site) / entry.path).read_bytes()
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        # Every record ends in CRLF: re-joining the parsed rows with CRLF gives the file back.
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        assert out.getvalue().encode("utf-8") == raw.removeprefix(BOM), entry.path


def test_statuses_in_the_csv_and_json_match_the_reports(reported):
    site, data = reported
    want = newest(data)
    tasks = read_csv(site, "nhiem-vu.csv")
    assert len(tasks) == sum(len(p.tasks) for p in data.plans) == 5
    for row in tasks:
        status, as_of = want.get(row["task_id"], ("chua-co-bao-cao", None))
        assert (row["status"], row["status_label"]) == (status, LABELS[status])
        assert row["status_as_of"] == (as_of.isoformat() if as_of else "")
    (plan,) = plans_json(site)
    statuses = {t["id"]: t["status"]["code"] for s in plan["content"]["sections"] for t in s["tasks"]}
    assert statuses == {row["task_id"]: row["status"] for row in tasks}
    reports = read_csv(site, "bao-cao.csv")
    assert len(reports) == sum(len(r.tasks) for r in data.reports)
    given = {(r.period.kind, r.period.year, e.task): e for r in data.reports for e in r.tasks}
    assert {(row["period_kind"], int(row["period_year"]), row["task_id"]) for row in reports} == set(given)
    for row in reports:
        entry = given[(row["period_kind"], int(row["period_year"]), row["task_id"])]
        assert (row["status"], row["status_label"]) == (entry.status, LABELS[entry.status])
        assert row["progress"] == ("" if entry.progress is None else str(entry.progress))
        assert row["example"] == "false" and row["reporter_id"] == "phong-van-hoa-xa-hoi"
    six_months = next(
        r
        for r in reports
        if r["period_kind"] == "6-thang" and r["task_id"] == "quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van"
    )
    assert six_months["outputs"] == "12 tin bài; 3 hội nghị; 450 lượt người tham dự"
    assert (six_months["data_from"], six_months["data_to"]) == ("2025-12-15", "2026-06-14")
    json_reports = read_json(site, "bao-cao.json")["reports"]
    assert len(json_reports) == len(data.reports)
    assert {(r["period"]["kind"], r["covered"]["end"]) for r in json_reports} == {
        ("nam", "2025-12-14"),
        ("6-thang", "2026-06-14"),
    }


def test_cells_that_begin_like_formulas_get_a_quote(hostile):
    site, data = hostile
    tasks = {row["task_id"]: row for row in read_csv(site, "nhiem-vu.csv")}
    plan = next(p for p in data.plans if p.id == SEED_PLAN)
    first = tasks[plan.tasks[0].id]
    assert first["text"] == "'" + plan.tasks[0].text and plan.tasks[0].text.startswith(FORMULA)
    assert first["lead_names"].startswith("'+1 ")  # ubnd-xa-ke-sat leads the first task
    assert tasks[plan.tasks[1].id]["lead_names"] == "'-2 Phòng Văn hóa - Xã hội xã"
    assert tasks[plan.tasks[4].id]["coordinating_names"].startswith("'@x ")
    agencies = {row["id"]: row["name"] for row in read_csv(site, "co-quan.csv")}
    assert {agency_id: agencies[agency_id] for agency_id in RENAMED} == {i: "'" + n for i, n in RENAMED.items()}
    cells = [
        cell
        for name in ("nhiem-vu.csv", "co-quan.csv", "van-ban.csv")
        for row in read_csv(site, name)
        for cell in row.values()
    ]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # The JSON keeps the data as written: only spreadsheets are protected.
    agencies_json = {a["id"]: a["name"] for a in read_json(site, "co-quan.json")["agencies"]}
    assert {agency_id: agencies_json[agency_id] for agency_id in RENAMED} == RENAMED
    assert frictionless.validate(data_dir(site) / PACKAGE).valid


# --- the data package -----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["published", "reports"])
def test_the_data_package_validates_rows_against_their_schemas(site, reported, which):
    built = site if which == "published" else reported[0]
    data = load_project(ROOT) if which == "published" else reported[1]
    path = data_dir(built) / PACKAGE
    report = frictionless.validate(path)
    assert report.valid, report.flatten(["title", "note"])
    rows = {task.name: task.stats.get("rows", 0) for task in report.tasks if task.type == "table"}  # none: empty
    assert rows["nhiem-vu.csv"] == sum(len(p.tasks) for p in data.plans)
    assert rows["co-quan.csv"] == len(data.agencies) and rows["van-ban.csv"] == len(data.documents)
    assert rows["bao-cao.csv"] == sum(len(r.tasks) for r in data.reports)
    package = frictionless.Package(str(path))
    table = package.get_resource("nhiem-vu.csv")
    assert table.read_rows()[0].field_names == columns("nhiem-vu.csv")  # the BOM is not part of the first name
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    assert "licenses" not in descriptor and descriptor["profile"] == "data-package"
    assert [r["path"] for r in descriptor["resources"]] == [e.path for e in catalogue(data.plans)]
    plan_files = [r for r in descriptor["resources"] if r["path"].startswith("ke-hoach/")]
    assert [r["path"] for r in plan_files] == [f"ke-hoach/{p.id}.json" for p in sorted(data.plans, key=lambda p: p.id)]
    if which == "reports":
        assert descriptor["created"] == f"{BUILD_DAY.isoformat()}T00:00:00Z"
        typed = package.get_resource("bao-cao.csv").read_rows()
        assert {row["data_to"] for row in typed} == {dt.date(2025, 12, 14), dt.date(2026, 6, 14)}


def test_a_long_task_table_is_cut_into_files_of_whole_plans(tmp_path, monkeypatch):
    """Past TASK_ROWS_PER_FILE rows, nhiem-vu.csv is one table in several files (each under a host's 25 MiB a
    file at a province's 40,000 tasks): whole plans in order, each file a CSV with its header row, the package
    valid with every task read once through the table (the one the reports' foreign key names), the data page
    linking each."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    corpus.generate(tmp_path / "p", plans=7, tasks=50, agencies=4, documents=30, seed=5)
    data = load_project(tmp_path / "p")
    monkeypatch.setattr(catalogue_module, "TASK_ROWS_PER_FILE", 120)  # two plans of 50 tasks a file
    files = export_files(data, build_progress(data), "Kế hoạch")
    parts = sorted(name for name in files if name.startswith("du-lieu/nhiem-vu"))
    assert parts == [f"du-lieu/nhiem-vu-{n}.csv" for n in (1, 2, 3, 4)]  # no nhiem-vu.csv beside them
    ordered = sorted(data.plans, key=lambda p: p.id)
    for n, name in enumerate(parts):
        with io.StringIO(files[name].decode("utf-8-sig"), newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == columns("nhiem-vu.csv")
        assert [(r["plan_id"], r["task_id"]) for r in rows] == [
            (plan.id, task.id) for plan in ordered[2 * n : 2 * n + 2] for task in plan.tasks
        ]
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    report = frictionless.validate(tmp_path / "du-lieu" / PACKAGE)
    assert report.valid, report.flatten(["title", "note"])
    table = frictionless.Package(str(tmp_path / "du-lieu" / PACKAGE)).get_resource("nhiem-vu.csv")
    assert [(r["plan_id"], r["task_id"]) for r in table.read_rows()] == [
        (plan.id, task.id) for plan in ordered for task in plan.tasks
    ]
    descriptor = json.loads(files["du-lieu/" + PACKAGE])
    resource = next(r for r in descriptor["resources"] if r["name"] == "nhiem-vu.csv")
    assert resource["path"] == [name.removeprefix("du-lieu/") for name in parts]
    assert "nhiem-vu-4.csv: ke-hoach-6 đến ke-hoach-6" in resource["description"]
    page = BeautifulSoup(generate_pages(data)["du-lieu/index.md"], "html.parser")
    linked = {a["href"].rsplit("/", 1)[-1] for a in page.find_all("a", href=True)}
    assert {name.rsplit("/", 1)[-1] for name in parts} <= linked and "nhiem-vu.csv" not in linked


def test_a_broken_row_fails_the_package(reported, tmp_path):
    """The validation does read the rows: a report's progress that is not a number fails it."""
    copy = tmp_path / "du-lieu"
    shutil.copytree(data_dir(reported[0]), copy)
    descriptor = json.loads((copy / PACKAGE).read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (copy / PACKAGE).write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert frictionless.validate(copy / PACKAGE).valid
    text = (copy / "bao-cao.csv").read_bytes().decode("utf-8")
    (copy / "bao-cao.csv").write_bytes(text.replace(",40,", ",bốn mươi,", 1).encode("utf-8"))
    report = frictionless.validate(copy / PACKAGE)
    assert not report.valid and "type-error" in [error.type for task in report.tasks for error in task.errors]


# --- reproducible -----------------------------------------------------------------------------------


def test_files_are_byte_identical_across_builds(site, tmp_path):
    second = build_site(ROOT, tmp_path / "site")
    assert second.returncode == 0, second.stderr
    first_files = sorted(p.relative_to(site).as_posix() for p in data_dir(site).rglob("*") if p.is_file())
    second_files = sorted(
        p.relative_to(tmp_path / "site").as_posix() for p in data_dir(tmp_path / "site").rglob("*") if p.is_file()
    )
    assert first_files == second_files
    for name in first_files:
        assert (site / name).read_bytes() == (tmp_path / "site" / name).read_bytes(), name


def test_export_is_a_pure_function_of_its_inputs():
    data = load_project(ROOT)
    progress = build_progress(data)
    once = export_files(data, progress, "Kế hoạch xã", dt.date(2026, 1, 2), "https://example.org/")
    assert once == export_files(data, progress, "Kế hoạch xã", dt.date(2026, 1, 2), "https://example.org/")
    descriptor = json.loads(once["du-lieu/datapackage.json"])
    assert (descriptor["name"], descriptor["created"], descriptor["homepage"]) == (
        "ke-hoach-xa",
        "2026-01-02T00:00:00Z",
        "https://example.org/du-lieu/",
    )
    undated = json.loads(export_files(data, progress, "Kế hoạch xã")["du-lieu/datapackage.json"])
    assert "created" not in undated and "homepage" not in undated
