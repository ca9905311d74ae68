""" "What changed": the data's git history (plansite_mkdocs.history) as a page and an Atom feed
(site/outreach/changes.py).

A scratch repository holds a copy of the real plan_data/ in commits with fixed dates: the data, then
an edit with a rename to a non-ASCII name and a hostile subject, then a new report, then a commit
that touches no data. The feed is parsed back with ElementTree.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from conftest import load_project  # noqa: E402
from plansite.site.html.labels import plan_title  # noqa: E402
from plansite.site.html.page_writer import PageWriters  # noqa: E402
from plansite.site.outreach import changes  # noqa: E402
from plansite.site.outreach.changes import Touch, atom_feed, change_entries, last_updated, render_changes_page  # noqa: E402
from plansite_mkdocs import history as history_module  # noqa: E402
from plansite_mkdocs.history import FileChange, parse_log, read_history  # noqa: E402

PLAN = "ke-sat-tuyen-giao-dan-van-2025-2030"
PLAN_FILE = f"plan_data/plans/{PLAN}.yaml"
REPORT_FILE = f"plan_data/reports/{PLAN}/2025-nam/phong-van-hoa-xa-hoi.yaml"
FIXTURE_REPORT = ROOT / "tests" / "fixtures" / "reports" / REPORT_FILE
RENAMED_LEGAL = "plan_data/legal/văn-bản-chung.yaml"
HOSTILE = "<script>alert(1)</script> [bấm](javascript:alert(1)) *đậm* & `mã`"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://ke-sat.example.vn/ke-hoach-xa/"
# (ISO time with offset, subject) of each commit, oldest first. The second is 23:30 UTC: 11/01 in Vietnam.
WHEN = {
    "data": "2026-01-05T09:00:00+07:00",
    "edit": "2026-01-10T23:30:00+00:00",
    "report": "2026-02-01T08:00:00+07:00",
    "readme": "2026-02-02T08:00:00+07:00",
}


def _stamp(key: str) -> int:
    return int(dt.datetime.fromisoformat(WHEN[key]).timestamp())


def _git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(
        ["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _commit(repo: Path, key: str, subject: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", subject, when=WHEN[key])
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> dict:
    """The scratch repository: {'root': Path, 'sha': {key: sha}}."""
    root = tmp_path_factory.mktemp("history") / "project"
    shutil.copytree(ROOT / "plan_data", root / "plan_data")
    (root / "README.md").write_text("Dự án\n", encoding="utf-8")
    _git(root.parent, "init", "-q", str(root))
    _git(root, "config", "user.name", "Biên tập viên")
    _git(root, "config", "user.email", "bientap@example.vn")
    sha = {"data": _commit(root, "data", "Nhập kế hoạch và danh mục")}
    with open(root / "plan_data" / "agencies.yaml", "a", encoding="utf-8") as agencies:
        agencies.write("# đã rà soát\n")
    (root / "plan_data" / "legal").mkdir()
    _git(root, "mv", "plan_data/legal.yaml", RENAMED_LEGAL)
    sha["edit"] = _commit(root, "edit", HOSTILE)
    (root / REPORT_FILE).parent.mkdir(parents=True)
    shutil.copy(FIXTURE_REPORT, root / REPORT_FILE)
    (root / "README.md").write_text("Dự án, có báo cáo\n", encoding="utf-8")
    sha["report"] = _commit(root, "report", "Thêm báo cáo năm 2025")
    (root / "README.md").write_text("Dự án, sửa lời\n", encoding="utf-8")
    sha["readme"] = _commit(root, "readme", "Sửa README")
    return {"root": root, "sha": sha}


@pytest.fixture(scope="module")
def project(repo):
    return load_project(repo["root"])


@pytest.fixture(scope="module")
def hist(repo):
    return read_history(repo["root"])


@pytest.fixture(scope="module")
def entries(hist, project):
    return change_entries(hist, project)


def _feed(data: bytes) -> ET.Element:
    return ET.fromstring(data)


# --- reading the history ----------------------------------------------------------------------


def test_read_history_runs_git_once(repo, monkeypatch):
    calls = []
    real_run = subprocess.run

    def counting(*args, **kwargs):
        calls.append(args[0] if args else kwargs.get("args"))
        return real_run(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    assert read_history(repo["root"]) is not None
    assert len(calls) == 1 and calls[0][0] == "git"


def test_commits_newest_first_with_dates_and_files(hist, repo):
    sha = repo["sha"]
    assert [c.sha for c in hist.commits] == [sha["report"], sha["edit"], sha["data"]]  # not the README commit
    assert [c.timestamp for c in hist.commits] == [_stamp("report"), _stamp("edit"), _stamp("data")]
    assert [c.subject for c in hist.commits] == ["Thêm báo cáo năm 2025", HOSTILE, "Nhập kế hoạch và danh mục"]
    assert {c.author for c in hist.commits} == {"Biên tập viên"}
    assert hist.commits[0].files == (FileChange("A", REPORT_FILE),)  # README.md, in the same commit, left out
    assert set(hist.commits[1].files) == {
        FileChange("M", "plan_data/agencies.yaml"),
        FileChange("R", RENAMED_LEGAL, "plan_data/legal.yaml"),
    }
    first = {c.path for c in hist.commits[2].files}
    assert {c.status for c in hist.commits[2].files} == {"A"}
    assert first == {p.relative_to(ROOT).as_posix() for p in (ROOT / "plan_data").rglob("*") if p.is_file()}
    assert not hist.shallow


def test_last_changed_covers_every_present_file_and_drops_renamed_ones(hist, repo):
    present = {p.relative_to(repo["root"]).as_posix() for p in (repo["root"] / "plan_data").rglob("*") if p.is_file()}
    assert set(hist.last_changed) == present
    assert "plan_data/legal.yaml" not in hist.last_changed
    assert hist.last_changed[RENAMED_LEGAL] == hist.last_changed["plan_data/agencies.yaml"] == _stamp("edit")
    assert hist.last_changed[PLAN_FILE] == _stamp("data")
    assert hist.last_changed[REPORT_FILE] == _stamp("report")


def test_last_updated_is_the_newest_change_of_the_given_files(hist):
    assert last_updated(hist, PLAN_FILE) == dt.date(2026, 1, 5)
    assert last_updated(hist, PLAN_FILE, REPORT_FILE) == dt.date(2026, 2, 1)
    assert last_updated(hist, "plan_data/agencies.yaml") == dt.date(2026, 1, 11)  # 23:30 UTC is 06:30 in Vietnam
    assert last_updated(hist, "plan_data/legal.yaml") is None
    assert last_updated(None, PLAN_FILE) is None


def test_parse_log_reads_renames_odd_names_and_subjects_by_position():
    a, b = "a" * 40, "b" * 40
    output = (
        f"\x1e{a}\x00100\x00Ẩn danh\x00tiêu đề \x1e{b} giả\x00\nR087\x00plan_data/cũ.yaml\x00"
        f"plan_data/tab\there.yaml\x00D\x00\x1eplan_data/lạ.yaml\x00"
        f"\x1e{b}\x0050\x00X\x00\x00\nA\x00plan_data/new\nline.yaml\x00"
    )
    commits = parse_log(output)
    assert [(c.sha, c.timestamp, c.author, c.subject) for c in commits] == [
        (a, 100, "Ẩn danh", f"tiêu đề \x1e{b} giả"),
        (b, 50, "X", ""),
    ]
    assert commits[0].files == (
        FileChange("R", "plan_data/tab\there.yaml", "plan_data/cũ.yaml"),
        FileChange("D", "\x1eplan_data/lạ.yaml"),
    )
    assert commits[1].files == (FileChange("A", "plan_data/new\nline.yaml"),)
    assert parse_log("") == [] and parse_log("fatal: not a git repository\n") == []


def test_no_repository_or_no_git_gives_none(tmp_path, repo, monkeypatch):
    shutil.copytree(ROOT / "plan_data", tmp_path / "plan_data")
    assert read_history(tmp_path) is None  # an export without .git
    (tmp_path / ".git").mkdir()
    assert read_history(tmp_path) is None  # git fails on an empty .git folder

    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(subprocess, "run", no_git)
    assert read_history(repo["root"]) is None


def test_shallow_clone_leaves_out_the_commit_it_was_cut_at(repo, tmp_path, project):
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "3", repo["root"].as_uri(), str(clone))  # readme, report, edit
    shallow = read_history(clone)
    assert shallow.shallow
    assert [c.sha for c in shallow.commits] == [repo["sha"]["report"]]  # the edit commit shows every file as new
    assert shallow.last_changed == {REPORT_FILE: _stamp("report")}
    page = render_changes_page(
        change_entries(shallow, project), history_known=True, writers=PageWriters(), partial=shallow.shallow
    )
    assert "chỉ có một phần lịch sử" in page


# --- the entries ---------------------------------------------------------------------------------


def test_entries_say_what_each_commit_touched(entries, project, repo):
    plan = next(p for p in project.plans if p.id == PLAN)
    agency = next(a.name for a in project.agencies if a.id == "phong-van-hoa-xa-hoi")
    assert [e.sha for e in entries] == [repo["sha"][k] for k in ("report", "edit", "data")]
    assert [e.day for e in entries] == [dt.date(2026, 2, 1), dt.date(2026, 1, 11), dt.date(2026, 1, 5)]
    progress = f"ke-hoach/{PLAN}/tien-do.md"
    assert entries[0].touches == (Touch("Thêm", f"Báo cáo năm 2025 của {plan_title(plan)}, do {agency} gửi", progress),)
    assert entries[0].touches[0].url == f"ke-hoach/{PLAN}/tien-do/"
    assert set(entries[1].touches) == {
        Touch("Sửa", "Danh mục cơ quan", "co-quan/index.md"),
        Touch("Đổi tên tệp", "Danh mục văn bản", "van-ban/index.md"),
    }
    assert set(entries[2].touches) == {
        Touch("Thêm", "Danh mục cơ quan", "co-quan/index.md"),
        Touch("Thêm", "Danh mục văn bản", "van-ban/index.md"),
        Touch("Thêm", "Địa bàn", None),
        Touch("Thêm", plan_title(plan), f"ke-hoach/{PLAN}/index.md"),
        Touch("Thêm", "Từ viết tắt", "tu-viet-tat.md"),
        Touch("Thêm", f"Văn bản gốc của {plan_title(plan)}", f"ke-hoach/{PLAN}/index.md"),
    }
    assert len(entries[2].touches) == len(set(entries[2].touches))
    assert change_entries(None, project) == []
    assert [e.sha for e in change_entries(read_history(repo["root"]), project, limit=1)] == [repo["sha"]["report"]]


def test_files_no_longer_in_the_data_are_named_by_file_without_a_link(project):
    names = changes._Names.of(project)
    assert changes.describe("plan_data/plans/cu.yaml", names) == ("Kế hoạch (tệp cu.yaml)", None)
    label, target = changes.describe(f"plan_data/reports/{PLAN}/2024-nam.yaml", names)
    assert label.startswith("Báo cáo (tệp 2024-nam.yaml) của Kế hoạch") and target == f"ke-hoach/{PLAN}/tien-do.md"
    assert changes.describe("plan_data/reports/khac/x.yaml", names) == ("Báo cáo (tệp x.yaml) của khac", None)
    assert changes.describe("plan_data/sources/cu.txt", names) == ("Văn bản gốc (tệp cu.txt)", None)
    assert changes.describe("plan_data/README.md", names) == ("Tệp README.md", None)
    assert changes.describe("plan_data/glossary.yml", names) == changes.describe("plan_data/glossary.yaml", names)


# --- the page ------------------------------------------------------------------------------------


def _html(page: str) -> BeautifulSoup:
    body = page.split("---\n", 2)[2]  # after the front matter
    return BeautifulSoup(body, "html.parser")


def test_page_lists_changes_by_day_with_links_and_the_feed(entries):
    page = render_changes_page(entries, history_known=True, writers=PageWriters())
    assert page.startswith(
        '---\ntitle: "Cập nhật"\nkind: page\nkeywords: ["thay đổi gần đây", "cập nhật mới", "tin mới"]\n---\n'
    )  # keywords: the page's subject, for search (site/html/subjects.py)
    soup = _html(page)
    assert [h.get_text() for h in soup.find_all("h2")] == ["01/02/2026", "11/01/2026", "05/01/2026"]
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert {
        "../feed.xml",
        "../",
        f"../ke-hoach/{PLAN}/tien-do/",
        f"../ke-hoach/{PLAN}/",
        "../co-quan/",
        "../van-ban/",
    } <= hrefs  # the page is served at cap-nhat/: links in directory URLs
    assert "Thêm: Báo cáo năm 2025" in " ".join(soup.get_text(" ").split())


def test_page_never_shows_commit_subjects_only_what_changed(entries):
    # Commit subjects are developers' text (here a hostile one): readers see what changed, in their words.
    page = render_changes_page(entries, history_known=True, writers=PageWriters())
    soup = _html(page)
    assert soup.find("script") is None and soup.find("code") is None and soup.find("em") is None
    assert not [a for a in soup.find_all("a") if "javascript" in a["href"]]
    assert HOSTILE not in page and "alert" not in soup.get_text()
    assert all(li.get_text().split(":")[0] in {"Thêm", "Sửa", "Xóa", "Đổi tên tệp"} for li in soup.find_all("li"))


def test_page_without_history_says_the_dates_are_unknown(tmp_path, project):
    shutil.copytree(ROOT / "plan_data", tmp_path / "plan_data")
    hist = read_history(tmp_path)
    page = render_changes_page(change_entries(hist, project), history_known=hist is not None, writers=PageWriters())
    assert "Không rõ ngày cập nhật" in page and not _html(page).find("h2")
    empty = _html(render_changes_page([], history_known=True, writers=PageWriters()))
    assert empty.find_all("p")[-1].get_text() == "Chưa có thay đổi nào của dữ liệu được ghi nhận."


# --- the feed ------------------------------------------------------------------------------------


def test_feed_parses_back_with_one_entry_per_change(entries, repo):
    feed = _feed(atom_feed(entries, None, "Kế hoạch xã Kẻ Sặt"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    assert feed.find(f"{ATOM}generator") is None
    assert feed.findtext(f"{ATOM}title") == "Kế hoạch xã Kẻ Sặt: Cập nhật"
    assert feed.findtext(f"{ATOM}updated") == "2026-02-01T08:00:00+07:00"
    items = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in items] == [
        f"tag:plansite.local,2000:{repo['sha'][k]}" for k in ("report", "edit", "data")
    ]
    assert [e.findtext(f"{ATOM}updated") for e in items] == [
        "2026-02-01T08:00:00+07:00",
        "2026-01-11T06:30:00+07:00",
        "2026-01-05T09:00:00+07:00",
    ]
    assert items[1].findtext(f"{ATOM}title") == entries[1].title and HOSTILE not in entries[1].title
    assert items[0].find(f"{ATOM}link").get("href") == f"ke-hoach/{PLAN}/tien-do/"  # relative without site_url
    assert {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")} == {
        "self": "feed.xml",
        "alternate": "cap-nhat/",
    }
    content = BeautifulSoup(items[0].findtext(f"{ATOM}content"), "html.parser")
    assert content.find("a")["href"] == f"ke-hoach/{PLAN}/tien-do/"


def test_feed_links_are_absolute_with_a_site_url(entries):
    feed = _feed(atom_feed(entries, SITE_URL, "Kế hoạch xã Kẻ Sặt"))
    assert {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")} == {
        "self": f"{SITE_URL}feed.xml",
        "alternate": f"{SITE_URL}cap-nhat/",
    }
    items = feed.findall(f"{ATOM}entry")
    assert items[0].find(f"{ATOM}link").get("href") == f"{SITE_URL}ke-hoach/{PLAN}/tien-do/"
    assert items[0].findtext(f"{ATOM}id").startswith("tag:ke-sat.example.vn,2000:")
    with pytest.raises(ValueError):
        atom_feed(entries, "https://x.vn/\n<a>", "x")


def test_feed_bytes_are_the_same_for_the_same_history(entries, repo, project):
    once = atom_feed(entries, SITE_URL, "Kế hoạch")
    assert atom_feed(entries, SITE_URL, "Kế hoạch") == once
    assert atom_feed(list(reversed(entries)), SITE_URL, "Kế hoạch") == once  # sorted, whatever the input order
    again = change_entries(read_history(repo["root"]), load_project(repo["root"]))
    assert atom_feed(again, SITE_URL, "Kế hoạch") == once
    assert render_changes_page(again, True, PageWriters()) == render_changes_page(entries, True, PageWriters())


def test_empty_feed_has_a_fixed_date(project):
    feed = _feed(atom_feed(change_entries(None, project), None, "Kế hoạch"))
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}updated") == "2000-01-01T00:00:00+00:00"
    assert atom_feed([], None, "Kế hoạch") == atom_feed([], None, "Kế hoạch")


def test_control_characters_in_a_subject_do_not_break_the_feed(entries):
    odd = [changes.ChangeEntry("c" * 40, 1_700_000_000, "x", (changes.Touch("Sửa", "a\x1bb\x00c\u2028d\ufffe", None),))]
    item = _feed(atom_feed(odd, None, "x")).find(f"{ATOM}entry")
    assert item.findtext(f"{ATOM}title") == "Sửa: a b c d"
    assert item.find(f"{ATOM}link").get("href") == "cap-nhat/"  # nothing touched: the changes page


def test_history_module_reads_no_clock():
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (history_module, changes))
    assert "now(" not in source and "time.time" not in source and "today(" not in source


def test_the_web_form_s_files_of_one_record_are_named_by_what_they_change(project):
    names = changes._Names.of(project)
    plan = next(p for p in project.plans if p.id == PLAN)
    task = plan.tasks[1]
    agency = next(a for a in project.agencies if a.id == "phong-van-hoa-xa-hoi")
    assert changes.describe("plan_data/contacts/phong-van-hoa-xa-hoi.yaml", names) == (
        f"Thông tin liên hệ của {agency.name}",
        "co-quan/phong-van-hoa-xa-hoi.md",
    )
    label, target = changes.describe(f"plan_data/summaries/{PLAN}/{task.id}.yaml", names)
    assert label == f"Tóm tắt nhiệm vụ {changes.task_title(plan, task)} của {plan_title(plan)}"
    assert target == f"ke-hoach/{PLAN}/nhiem-vu/{task.id}.md"
    assert changes.describe("plan_data/contacts/khac.yaml", names) == ("Thông tin liên hệ (tệp khac.yaml)", None)
    assert changes.describe(f"plan_data/summaries/{PLAN}/khac.yaml", names) == (
        f"Tóm tắt nhiệm vụ (tệp summaries/{PLAN}/khac.yaml)",
        None,
    )
    assert changes.describe("plan_data/glossary/ubnd.yaml", names) == ("Từ viết tắt", "tu-viet-tat.md")
