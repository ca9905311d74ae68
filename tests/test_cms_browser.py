"""The web form in Chromium against Decap's local backend (decap-server in git mode, as on an editor's machine):
a report filled in the form is saved as a review branch (a pull/merge request on the git host) holding exactly
the file `report_path` names; `make check` passes on it and the site shows it. A wrong value is stopped by the
form (out of range) or by the check, with the check's own message at the file's line.

UPDATE_SCREENSHOTS=1 (`make guide-screenshots`) copies the screenshots into docs/assets/bien-tap/ for the guide.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import socket
import subprocess
import tarfile
import time
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from serving import serve_folder

from conftest import ROOT, build_site, copy_project
from plansite.cms.config import report_location
from plansite.data.paths import CONTACT_PATH, SUMMARY_PATH
from plansite.reports.spreadsheet.names import report_path

pytestmark = pytest.mark.browser

PLAN = "ke-sat-tuyen-giao-dan-van-2025-2030"
RECURRING_TASK = "quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van"  # timing: ongoing (thường xuyên)
GUIDE_PICTURES = ROOT / "docs" / "assets" / "bien-tap"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Biên tập viên",
    "GIT_AUTHOR_EMAIL": "bien-tap@example.org",
    "GIT_COMMITTER_NAME": "Biên tập viên",
    "GIT_COMMITTER_EMAIL": "bien-tap@example.org",
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, env={**os.environ, **GIT_ENV})
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def decap_server(repo: Path):
    """Decap's local backend on 127.0.0.1, writing branches and commits into `repo` (MODE=git)."""
    port = free_port()
    env = {
        **os.environ,
        "MODE": "git",
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo),
        **GIT_ENV,
    }
    server = subprocess.Popen(
        ["node", str(ROOT / "node_modules/decap-server/dist/index.js")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.1)
        else:
            pytest.fail("decap-server did not start")
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def form(tmp_path_factory, serve):
    """(repo, page address, screenshots folder): the project in a git repository, its site built, the form
    served, and decap-server writing into the repository."""
    base = tmp_path_factory.mktemp("form")
    repo = base / "repo"
    repo.mkdir()
    copy_project(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Dữ liệu ban đầu")
    out = base / "site"
    assert build_site(repo, out).returncode == 0
    with decap_server(repo) as proxy:
        config = out / "bien-tap" / "config.yml"
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        assert settings["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
        settings["local_backend"] = {"url": proxy}  # a free port, not 8081: other checkouts may test at once
        config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        pictures = base / "pictures"
        pictures.mkdir()
        yield repo, serve(out) + "bien-tap/", pictures
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        GUIDE_PICTURES.mkdir(parents=True, exist_ok=True)
        for picture in sorted(pictures.glob("*.png")):
            shutil.copy(picture, GUIDE_PICTURES / picture.name)


@pytest.fixture
def page(browser, form):
    page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="vi-VN")
    page.goto(form[1])
    page.get_by_role("button", name="Đăng nhập").click()  # the local backend asks no password
    page.get_by_text("Báo cáo thực hiện").first.wait_for()
    yield page
    page.close()


def choose(page, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.click()
    box.type(text)
    page.keyboard.press("Enter")


def fill_report(page, form, year_kind: str, status: str, progress: str | None = None) -> None:
    page.goto(form[1] + "#/collections/bao-cao/new")
    choose(page, "Kế hoạch", "ke-sat")
    choose(page, "Loại báo cáo", year_kind)
    page.get_by_label("Năm", exact=True).fill("2026")
    choose(page, "Cơ quan báo cáo", "phong-van-hoa")
    choose(page, "Nơi nhận (không bắt buộc)", "ubnd-xa-ke-sat")
    page.get_by_label("Ngày ký hoặc gửi", exact=True).fill("2026-06-20")
    page.get_by_role("button", name="Add báo cáo từng nhiệm vụ").click()
    choose(page, "Nhiệm vụ", RECURRING_TASK)
    choose(page, "Tình trạng", status)
    page.get_by_label("Việc đã làm (không bắt buộc)", exact=True).fill(
        "(Minh họa) Tổ chức hội nghị quán triệt cho cán bộ."
    )
    if progress is not None:
        page.get_by_label("Tiến độ (%) (không bắt buộc)", exact=True).fill(progress)
    page.get_by_role("button", name="Add kết quả đếm được").click()
    page.get_by_label("Số lượng", exact=True).fill("3")
    page.get_by_label("Đơn vị tính", exact=True).fill("hội nghị")
    page.get_by_label("Nội dung đếm (không bắt buộc)", exact=True).fill("quán triệt")


def save(page) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()


def review_branch(target: str, collection: str = "bao-cao", folder: str = report_location()[0]) -> str:
    """Decap's branch for a new entry: cms/<collection>/<the entry's path under the collection's folder>."""
    return f"cms/{collection}/{target.removeprefix(folder + '/').removesuffix('.yaml')}"


def review_branches(repo: Path) -> list[str]:
    return git(repo, "branch", "--list", "cms/*", "--format=%(refname:short)").split()


def wait_for_file(repo: Path, branch: str, path: str) -> None:
    """Until the review branch holds the file (decap-server makes the branch, then commits to it)."""
    for _ in range(150):
        if subprocess.run(["git", "cat-file", "-e", f"{branch}:{path}"], cwd=repo, capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    pytest.fail(f"no {path} on a review branch {branch}: {review_branches(repo)}")


def checkout(repo: Path, branch: str, dest: Path) -> Path:
    """The project as the branch has it, ready for `make check` (Makefile and requirements with their mtimes,
    and this checkout's .venv, so that make finds the environment up to date)."""
    dest.mkdir()
    archive = subprocess.run(["git", "archive", branch], cwd=repo, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy2(ROOT / name, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def make_check(folder: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    return subprocess.run(["make", "-s", "check"], cwd=folder, capture_output=True, text=True, env=env)


def test_a_report_filled_in_the_form_is_the_file_make_check_reads(page, form, tmp_path):
    repo, _, pictures = form
    fill_report(page, form, "06 tháng", "thường xuyên")
    page.screenshot(path=str(pictures / "1-bieu-mau.png"))
    save(page)
    target = report_path(PLAN, ("6-thang", 2026, None), "phong-van-hoa-xa-hoi")
    branch = review_branch(target)
    wait_for_file(repo, branch, target)
    page.get_by_text("Thay đổi đã được lưu", exact=False).first.wait_for()
    # The review branch (on GitHub/GitLab: the pull/merge request) holds one new file, the one report_path names.
    changed = git(repo, "diff", "--name-status", "main", branch).splitlines()
    assert changed == [f"A\t{target}"]
    # Nothing reaches main before the review (main's tree, not the working folder: decap-server checks the
    # review branch out there for a moment while it commits).
    assert subprocess.run(["git", "cat-file", "-e", f"main:{target}"], cwd=repo, capture_output=True).returncode != 0
    written = yaml.safe_load(git(repo, "show", f"{branch}:{target}"))
    assert written == {
        "plan": PLAN,
        "period": {"kind": "6-thang", "year": 2026},
        "reporter": "phong-van-hoa-xa-hoi",
        "recipient": "ubnd-xa-ke-sat",
        "submitted_on": dt.date(2026, 6, 20),
        "tasks": [
            {
                "task": RECURRING_TASK,
                "status": "thuong-xuyen",
                "done": "(Minh họa) Tổ chức hội nghị quán triệt cho cán bộ.",
                "outputs": [{"quantity": 3, "unit": "hội nghị", "what": "quán triệt"}],
            }
        ],
    }
    result = make_check(checkout(repo, branch, tmp_path / "branch"))
    assert result.returncode == 0, result.stderr
    assert "plan_data: Không có lỗi" in result.stdout  # make check speaks Vietnamese (i18n.py)
    # The review board, then the page the merged report publishes.
    page.goto(form[1] + "#/workflow")
    page.get_by_text("Bản nháp").first.wait_for()
    page.screenshot(path=str(pictures / "2-cho-duyet.png"))
    out = tmp_path / "site"
    assert build_site(tmp_path / "branch", out).returncode == 0
    task_page = out / "ke-hoach" / PLAN / "nhiem-vu" / RECURRING_TASK / "index.html"
    text = BeautifulSoup(task_page.read_text(encoding="utf-8"), "lxml").get_text(" ")
    assert "3 hội nghị quán triệt" in " ".join(text.split())
    with serve_folder(out) as base:
        page.goto(f"{base}ke-hoach/{PLAN}/nhiem-vu/{RECURRING_TASK}/")
        page.get_by_text("3 hội nghị quán triệt").first.scroll_into_view_if_needed()
        page.screenshot(path=str(pictures / "3-trang-da-xuat-ban.png"))


def test_a_status_the_task_cannot_have_is_stopped_by_the_check_with_its_message(page, form, tmp_path):
    repo = form[0]
    fill_report(page, form, "Báo cáo năm", "Đã hoàn thành")  # a recurring task is never "done"
    save(page)
    target = report_path(PLAN, ("nam", 2026, None), "phong-van-hoa-xa-hoi")
    branch = review_branch(target)
    wait_for_file(repo, branch, target)
    written = git(repo, "show", f"{branch}:{target}").splitlines()
    status_line = next(i for i, line in enumerate(written, 1) if line.strip() == "status: da-hoan-thanh")
    result = make_check(checkout(repo, branch, tmp_path / "branch"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    problem = next(line for line in result.stderr.splitlines() if line.startswith(f"{target}:"))
    assert problem.startswith(f"{target}:{status_line}:") and "tasks[0].status" in problem
    assert "(`da-hoan-thanh`)" in problem and "(`ongoing`)" in problem  # as editors read it (Vietnamese)


def test_a_value_the_form_knows_is_wrong_is_stopped_before_it_is_saved(page, form):
    """The form applies the schema's bounds itself (here the year's, 1900–2200): nothing is committed.
    (Decap 3.16 checks bounds on the report's own fields and its period, not inside the task list's items:
    a progress of 150 there was saved when tried, and `make check` stops what the form lets through.)"""
    repo = form[0]
    before = git(repo, "rev-list", "--all", "--count")
    fill_report(page, form, "quý", "Đang thực hiện")
    page.get_by_label("Tháng hoặc quý (không bắt buộc)", exact=True).fill("2")
    page.get_by_label("Năm", exact=True).fill("3026")
    save(page)
    page.get_by_text("Năm phải nằm trong khoảng từ 1900 đến 2200.").wait_for()
    page.get_by_text("Thay đổi chưa được lưu").first.wait_for()
    page.get_by_label("Năm", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(form[2] / "4-bieu-mau-bao-loi.png"))
    time.sleep(1)
    assert git(repo, "rev-list", "--all", "--count") == before
    assert review_branch(report_path(PLAN, ("quy", 2026, 2), "phong-van-hoa-xa-hoi")) not in review_branches(repo)


def test_an_agency_s_contact_details_filled_in_the_form_show_on_the_built_pages(page, form, tmp_path):
    """The contact form writes contacts/<agency-id>.yaml (never agencies.yaml), the agency chosen from a list;
    `make check` passes on it and the task pages show it where the plan sends citizens' feedback. Made-up
    details (example.gov.vn), in the test's scratch repository only."""
    repo, _, pictures = form
    page.goto(form[1] + "#/collections/lien-he/new")
    choose(page, "Cơ quan", "phong-van-hoa")
    page.get_by_label("Địa chỉ (không bắt buộc)", exact=True).fill("(Minh họa) Số 1 đường Ví Dụ")
    page.get_by_label("Thư điện tử (không bắt buộc)", exact=True).fill("vi-du@example.gov.vn")
    page.screenshot(path=str(pictures / "5-lien-he.png"))
    save(page)
    target = CONTACT_PATH.format(agency="phong-van-hoa-xa-hoi")
    branch = review_branch(target, "lien-he", target.rsplit("/", 1)[0])
    wait_for_file(repo, branch, target)
    page.get_by_text("Thay đổi đã được lưu", exact=False).first.wait_for()
    assert git(repo, "diff", "--name-status", "main", branch).splitlines() == [f"A\t{target}"]
    assert yaml.safe_load(git(repo, "show", f"{branch}:{target}")) == {
        "agency": "phong-van-hoa-xa-hoi",
        "address": "(Minh họa) Số 1 đường Ví Dụ",
        "email": "vi-du@example.gov.vn",
    }
    checked = checkout(repo, branch, tmp_path / "branch")
    result = make_check(checked)
    assert result.returncode == 0, result.stderr
    assert "plan_data: Không có lỗi" in result.stdout
    assert "Phòng Văn hóa - Xã hội xã" not in result.stderr  # the office is reachable now: no warning names it
    out = tmp_path / "site"
    assert build_site(checked, out).returncode == 0
    task_page = out / "ke-hoach" / PLAN / "nhiem-vu" / RECURRING_TASK / "index.html"
    text = " ".join(BeautifulSoup(task_page.read_text(encoding="utf-8"), "lxml").get_text(" ").split())
    assert "Thư điện tử: vi-du@example.gov.vn" in text and "Địa chỉ: (Minh họa) Số 1 đường Ví Dụ" in text


def test_a_summary_the_plan_file_already_holds_is_stopped_by_the_check_naming_both_places(page, form, tmp_path):
    """The summary form chooses the plan and the task from lists and writes summaries/<plan>/<task>.yaml; the
    seed plan file already has that task's summary, so `make check` stops it, naming both places."""
    repo = form[0]
    page.goto(form[1] + "#/collections/tom-tat/new")
    choose(page, "Kế hoạch", "ke-sat")
    choose(page, "Nhiệm vụ", RECURRING_TASK)
    page.get_by_label("Tóm tắt dễ hiểu", exact=True).fill("(Minh họa) Tóm tắt viết trong biểu mẫu.")
    save(page)
    target = SUMMARY_PATH.format(plan=PLAN, task=RECURRING_TASK)
    branch = review_branch(target, "tom-tat", target.split("/" + PLAN + "/")[0])
    wait_for_file(repo, branch, target)
    assert git(repo, "diff", "--name-status", "main", branch).splitlines() == [f"A\t{target}"]
    assert yaml.safe_load(git(repo, "show", f"{branch}:{target}")) == {
        "plan": PLAN,
        "task": RECURRING_TASK,
        "summary": "(Minh họa) Tóm tắt viết trong biểu mẫu.",
    }
    summary_line = next(
        i
        for i, line in enumerate(git(repo, "show", f"{branch}:{target}").splitlines(), 1)
        if line.startswith("summary:")
    )
    plan_line = next(
        i
        for i, line in enumerate(
            (repo / "plan_data/plans" / f"{PLAN}.yaml").read_text(encoding="utf-8").splitlines(), 1
        )
        if line.strip().startswith("summary:")
    )  # the first task's
    result = make_check(checkout(repo, branch, tmp_path / "branch"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    problem = next(line for line in result.stderr.splitlines() if line.startswith(f"{target}:"))
    assert problem.startswith(f"{target}:{summary_line}:1: summary: Cần ghi 'summary' ở một chỗ")
    assert f"plan_data/plans/{PLAN}.yaml:{plan_line}:" in problem and "content.sections[0].tasks[0].summary" in problem
