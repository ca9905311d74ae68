"""Loudspeaker bulletins (site/bulletins.py, site/spoken.py): one per plan, task and reporting period with
reports; nothing left that a reader cannot say (no abbreviation of the glossary, no "/" in a number or a
date), about a minute long, and a page that lists them with their plain-text files."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, load_project
from plansite.search.expand import abbreviation_pattern
from plansite.site.bulletins import MAX_WORDS
from plansite.site.spoken import Speaker, spoken_date
from plansite_mkdocs.demo import build_demo

BULLETINS = f"ke-hoach/{SEED_PLAN}/ban-tin"


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


@pytest.mark.parametrize("written, said", [
    ("Chỉ thị 33/CT-TTg", "Chỉ thị số 33 của Thủ tướng Chính phủ"),
    ("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ",
     "Chỉ thị số 33 ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ"),
    ("Quy định 218 QĐ/TW", "Quy định số 218 của Bộ Chính trị"),
    ("Luật số 10/2022/QH15", "Luật số 10 năm 2022 của Quốc hội"),
    ("ngày 11/11/2025", "ngày 11 tháng 11 năm 2025"),
    ("từ 15/12 đến 14/6", "từ ngày 15 tháng 12 đến ngày 14 tháng 6"),
    ("trước tháng 6/2026", "trước tháng 6 năm 2026"),
    ("giai đoạn 2025-2030, báo cáo 06 tháng", "giai đoạn 2025 đến 2030, báo cáo 6 tháng"),
    ("UBND xã và UBMTTQ VN xã", "Ủy ban nhân dân xã và Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
    ("đạt 50%", "đạt 50 phần trăm"),
])
def test_written_forms_become_spoken_forms(speaker, written, said):
    assert speaker.say(written) == said


def test_spoken_date_has_no_leading_zero():
    assert spoken_date(dt.date(2026, 6, 4)) == "ngày 4 tháng 6 năm 2026"


def bulletin_files(site):
    return sorted((site / BULLETINS).glob("*.txt"))


def test_one_bulletin_per_plan_task_and_period_with_reports(demo, site, project):
    plan = next(p for p in project.plans if p.id == SEED_PLAN)
    tasks = {f"nhiem-vu-{t.id}.txt" for t in plan.tasks}
    published = {f.name for f in bulletin_files(site)}
    assert published == tasks | {"ke-hoach.txt"}  # no report published: no period's bulletin
    shown = {f.name for f in bulletin_files(demo)}
    assert shown == published | {"bao-cao-06-thang-nam-2026.txt", "bao-cao-nam-2025.txt"}  # demo/'s two periods


@pytest.mark.parametrize("which", ["published", "demo"])
def test_every_bulletin_is_speakable_and_about_a_minute(which, site, demo, project):
    folder = site if which == "published" else demo
    abbreviations = re.compile(abbreviation_pattern(entry.abbr for entry in project.glossary))
    files = bulletin_files(folder)
    assert files
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # a byte order mark: phones and Notepad read it as UTF-8
        text = raw.decode("utf-8-sig")
        left = abbreviations.findall(text)
        assert not left, f"{path.name}: abbreviations left: {left}"
        assert "/" not in text, path.name  # no "33/CT-TTg", no "26/11/2021"
        assert not re.search(r"\b0\d", text), path.name  # "6 tháng", not "06 tháng"
        assert 40 <= len(text.split()) <= MAX_WORDS, f"{path.name}: {len(text.split())} words"
        example = "dữ liệu minh họa" in text
        assert example == (which == "demo"), path.name  # every demo bulletin draws on its example reports


def test_period_bulletin_counts_equal_a_count_from_the_reports(demo):
    text = (demo / BULLETINS / "bao-cao-06-thang-nam-2026.txt").read_text(encoding="utf-8-sig")
    assert "số liệu từ ngày 15 tháng 12 năm 2025 đến ngày 14 tháng 6 năm 2026" in text
    period = ROOT / "demo/plan_data/reports" / SEED_PLAN / "2026-6-thang"  # one file per reporting body
    statuses = [s for f in sorted(period.glob("*.yaml")) for s in re.findall(r"status: ([a-z-]+)", f.read_text("utf-8"))]
    assert len(statuses) == 5
    assert f"Các cơ quan đã báo cáo về {len(statuses)} trong 5 nhiệm vụ" in text
    assert f"{statuses.count('thuong-xuyen')} nhiệm vụ thực hiện thường xuyên" in text
    assert f"{statuses.count('cham-tien-do')} nhiệm vụ chậm tiến độ" in text


def test_the_page_lists_each_bulletin_with_its_file(site):
    soup = BeautifulSoup((site / BULLETINS / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article")
    links = [a["href"] for a in body.select(".ps-bulletin__file a")]
    files = {f.name: f.read_text(encoding="utf-8-sig") for f in bulletin_files(site)}
    assert len(links) == len(files)
    for heading, href in zip(body.find_all("h2"), links, strict=True):
        name = href.rsplit("/", 1)[-1]
        assert name in files and files[name].startswith(heading.get_text(strip=True) + "\n")
        paragraphs = []
        for sibling in heading.find_next_siblings():
            if sibling.name != "p" or "ps-bulletin__file" in (sibling.get("class") or []):
                break
            paragraphs.append(sibling.get_text())
        assert "\n\n".join([heading.get_text(strip=True), *paragraphs]) + "\n" == files[name]
    assert not body.find("abbr")  # nothing left for the glossary to mark
    task_page = (site / f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc/index.html").read_text(encoding="utf-8")
    assert "nhiem-vu-quan-triet-cong-tac-dan-toc.txt" in task_page
