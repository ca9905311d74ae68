"""Loudspeaker bulletins (site/outreach/bulletins.py, site/outreach/spoken.py): one per plan, task and reporting period
with
reports; nothing left that a reader cannot say (no abbreviation of the glossary, no "/" in a number or a
date), about a minute long, and a page that lists them, each saved as a plain-text file by the browser
(docs/assets/plan-bulletins.js), all of them in one file too; the site publishes no .txt file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, load_project
from plansite.search.expand import abbreviation_pattern
from plansite.site.index.relations import build_relations
from plansite.site.outreach.bulletins import MAX_WORDS, plan_bulletins
from plansite.site.outreach.spoken import Speaker, spoken_date
from plansite_mkdocs.demo import build_demo

BULLETINS = f"ke-hoach/{SEED_PLAN}/ban-tin"
BETWEEN = "\n* * *\n\n"  # between two bulletins in the file of all of them: a pause, nothing to read aloud


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def speaker(project):
    return Speaker(project.glossary, project.documents, {a.id: a.name for a in project.agencies})


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("bulletins") / "demo"
    assert build_demo(out) == 0
    return out


@pytest.mark.parametrize(
    "written, said",
    [
        ("Chỉ thị 33/CT-TTg", "Chỉ thị số 33 của Thủ tướng Chính phủ"),
        (
            "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ",
            "Chỉ thị số 33 ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ",
        ),
        ("Quy định 218 QĐ/TW", "Quy định số 218 của Bộ Chính trị"),
        ("Luật số 10/2022/QH15", "Luật số 10 năm 2022 của Quốc hội"),
        ("ngày 11/11/2025", "ngày 11 tháng 11 năm 2025"),
        ("từ 15/12 đến 14/6", "từ ngày 15 tháng 12 đến ngày 14 tháng 6"),
        ("trước tháng 6/2026", "trước tháng 6 năm 2026"),
        ("giai đoạn 2025-2030, báo cáo 06 tháng", "giai đoạn 2025 đến 2030, báo cáo 6 tháng"),
        ("UBND xã và UBMTTQ VN xã", "Ủy ban nhân dân xã và Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
        ("đạt 50%", "đạt 50 phần trăm"),
    ],
)
def test_written_forms_become_spoken_forms(speaker, written, said):
    assert speaker.say(written) == said


def test_spoken_date_has_no_leading_zero():
    assert spoken_date(dt.date(2026, 6, 4)) == "ngày 4 tháng 6 năm 2026"


def bulletin_files(site) -> dict[str, str]:
    """File name → text of each bulletin the page offers to save: its section's heading and paragraphs,
    as plan-bulletins.js joins them (the browser test checks the file Chromium saves)."""
    soup = BeautifulSoup((site / BULLETINS / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {
        section["id"] + ".txt": "\n\n".join(
            [section.h2.get_text(strip=True)]
            + [p.get_text() for p in section.find_all("p", recursive=False) if not p.get("class")]
        )
        + "\n"
        for section in soup.select("article .ps-bulletin")
    }


def published_files(site) -> list:
    return sorted((site / BULLETINS).glob("*.txt"))


def test_one_bulletin_per_plan_task_and_period_with_reports(demo, site, project):
    plan = next(p for p in project.plans if p.id == SEED_PLAN)
    tasks = {f"nhiem-vu-{t.id}.txt" for t in plan.tasks}
    published = set(bulletin_files(site))
    assert published == tasks | {"ke-hoach.txt"}  # no report published: no period's bulletin
    assert published_files(site) == []  # each file is made by the browser, that of all of them too
    shown = set(bulletin_files(demo))
    assert shown == published | {"bao-cao-06-thang-nam-2026.txt", "bao-cao-nam-2025.txt"}  # demo/'s two periods


@pytest.mark.parametrize("which", ["published", "demo"])
def test_every_bulletin_is_speakable_and_about_a_minute(which, site, demo, project, speaker):
    folder = site if which == "published" else demo
    abbreviations = re.compile(abbreviation_pattern(entry.abbr for entry in project.glossary))
    files = bulletin_files(folder)
    assert files
    if which == "published":  # the page's texts are the model's, whose length the page gives in seconds
        plan = next(p for p in project.plans if p.id == SEED_PLAN)
        rel = build_relations(project, None)
        assert [b.text for b in plan_bulletins(plan, rel.names, rel.progress, speaker)] == list(files.values())
    for name, text in files.items():
        path = Path(name)
        left = abbreviations.findall(text)
        assert not left, f"{path.name}: abbreviations left: {left}"
        assert "/" not in text, path.name  # no "33/CT-TTg", no "26/11/2021"
        assert not re.search(r"\b0\d", text), path.name  # "6 tháng", not "06 tháng"
        assert 40 <= len(text.split()) <= MAX_WORDS, f"{path.name}: {len(text.split())} words"
        example = "dữ liệu minh họa" in text
        assert example == (which == "demo"), path.name  # every demo bulletin draws on its example reports


def test_period_bulletin_counts_equal_a_count_from_the_reports(demo):
    text = bulletin_files(demo)["bao-cao-06-thang-nam-2026.txt"]
    assert "số liệu từ ngày 15 tháng 12 năm 2025 đến ngày 14 tháng 6 năm 2026" in text
    period = ROOT / "demo/plan_data/reports" / SEED_PLAN / "2026-6-thang"  # one file per reporting body
    statuses = [
        s for f in sorted(period.glob("*.yaml")) for s in re.findall(r"status: ([a-z-]+)", f.read_text("utf-8"))
    ]
    assert len(statuses) == 5
    assert f"Các cơ quan đã báo cáo về {len(statuses)} trong 5 nhiệm vụ" in text
    assert f"{statuses.count('thuong-xuyen')} nhiệm vụ thực hiện thường xuyên" in text
    assert f"{statuses.count('cham-tien-do')} nhiệm vụ chậm tiến độ" in text


def test_the_page_lists_each_bulletin_with_its_button_and_the_task_page_links_to_its_own(site, project):
    soup = BeautifulSoup((site / BULLETINS / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    sections = body.select(".ps-bulletin")
    assert len(sections) == len(body.find_all("h2")) == len(bulletin_files(site))
    for section in sections:
        assert not section.find("button")  # the script's (the browser test below clicks it)
        assert re.fullmatch(r"khoảng \d+ giây đọc", section.select_one(".ps-bulletin__file").get_text(strip=True))
    assert not [a for a in body.find_all("a") if a["href"].endswith(".txt")]  # the files are the browser's
    assert "tất cả các bài trong một tệp" in body.select_one("p.ps-bulletins__intro").get_text()
    assert not body.find("abbr")  # nothing left for the glossary to mark
    plan = next(p for p in project.plans if p.id == SEED_PLAN)
    task = next(t for t in plan.tasks if t.id == "quan-triet-cong-tac-dan-toc")
    task_page = BeautifulSoup(
        (site / f"ke-hoach/{SEED_PLAN}/nhiem-vu/{task.id}/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    own = task_page.select_one("article").find("a", string=re.compile("bản tin của nhiệm vụ này"))
    assert own["href"] == f"../../ban-tin/#nhiem-vu-{task.id}" and soup.find(id=f"nhiem-vu-{task.id}")


@pytest.mark.browser
def test_the_button_saves_the_bulletin_as_a_text_file(site, serve, browser):
    """In Chromium: the button is shown, and the file it saves is the bulletin, UTF-8 with a byte order mark."""
    files = bulletin_files(site)
    tab = browser.new_page(accept_downloads=True)
    try:
        tab.goto(serve(site) + BULLETINS + "/")
        sections = tab.locator(".ps-bulletin")
        assert sections.count() == len(files)
        for n in (0, sections.count() - 1):  # the plan's bulletin and the last task's
            section = sections.nth(n)
            name = section.get_attribute("id") + ".txt"
            with tab.expect_download() as download:
                section.get_by_role("button", name="Tải bản tin (tệp .txt)").click()
            assert download.value.suggested_filename == name
            saved = Path(download.value.path()).read_bytes()
            assert saved == b"\xef\xbb\xbf" + files[name].encode("utf-8"), name
        buttons = tab.get_by_role("button", name="Tải tất cả các bài (tệp .txt)")
        assert buttons.count() == 1
        assert buttons.evaluate("b => b.parentElement.previousElementSibling.className") == "ps-bulletins__intro"
        with tab.expect_download() as download:
            buttons.click()
        assert download.value.suggested_filename == f"ban-tin-{SEED_PLAN}.txt"
        saved = Path(download.value.path()).read_bytes()
        assert saved == b"\xef\xbb\xbf" + BETWEEN.join(files.values()).encode("utf-8")  # the page's, in its order
    finally:
        tab.close()


@pytest.mark.browser
def test_the_old_address_of_all_bulletins_opens_their_page(site, serve, browser):
    """ban-tin/tat-ca.txt was published until the browser made it: the host answers it with 404.html, which
    sends the reader on to the bulletins' page and its button."""
    base = serve(site)
    tab = browser.new_page()
    try:
        old = f"{base}{BULLETINS}/tat-ca.txt"
        tab.route(old, lambda route: route.fulfill(status=404, path=str(site / "404.html")))
        tab.goto(old)
        tab.wait_for_url(f"{base}{BULLETINS}/")
        assert tab.get_by_role("button", name="Tải tất cả các bài (tệp .txt)").is_visible()
    finally:
        tab.close()
