"""Plans of several places in one site: every name resolves to the body of the right place.

The fixture (tests/fixtures/multi_place, TEST DATA except the national documents) adds a
province-level plan and a district Party committee's plan whose texts reuse the Kẻ Sặt plan's
names ("Sở Nội vụ", "Ủy ban Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội") for
other bodies. The site is built from the real data plus the fixture, and read through a parser.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, build_site, copy_project
from plansite.data.load import load_project
from plansite.site.linking import Mentions

FIXTURE = ROOT / "tests" / "fixtures" / "multi_place" / "plan_data"
PROVINCE_PLAN, PARTY_PLAN = "thai-lam-dan-van-2013", "van-khe-huyen-uy-dan-van-2014"
# name as written → {plan → agency id it must link to} (the fixture README's table)
EXPECTED = {
    "Sở Nội vụ": {SEED_PLAN: "so-noi-vu-hai-phong", PROVINCE_PLAN: "so-noi-vu-thai-lam",
                  PARTY_PLAN: "so-noi-vu-thai-lam"},
    "Ủy ban Mặt trận Tổ quốc Việt Nam": {SEED_PLAN: "ubmttq-xa", PROVINCE_PLAN: "ubmttq-tinh-thai-lam",
                                          PARTY_PLAN: "ubmttq-huyen-van-khe"},
    "Mặt trận Tổ quốc Việt Nam": {SEED_PLAN: "ubmttq-xa", PROVINCE_PLAN: "ubmttq-tinh-thai-lam",
                                   PARTY_PLAN: "ubmttq-huyen-van-khe"},
    "các tổ chức chính trị - xã hội": {SEED_PLAN: "to-chuc-chinh-tri-xa-hoi-xa",
                                       PROVINCE_PLAN: "to-chuc-chinh-tri-xa-hoi-tinh-thai-lam",
                                       PARTY_PLAN: "to-chuc-chinh-tri-xa-hoi-huyen-van-khe"},
}


def with_fixture(dest: Path) -> Path:
    project = copy_project(dest)
    shutil.copytree(FIXTURE, project / "plan_data", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="module")
def multi(tmp_path_factory):
    project = with_fixture(tmp_path_factory.mktemp("multi"))
    out = project / "site"
    # The fixture's test plans carry no plain summaries: the build says so (a warning) and still publishes.
    result = build_site(project, out, expect_warnings=("Mỗi nhiệm vụ cần một tóm tắt dễ hiểu (summary)",))
    assert result.returncode == 0, result.stderr
    return project, out, load_project(project)


def soup_of(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def content_links(site: Path, url_path: str) -> list[tuple[str, str]]:
    """(link text, absolute path) of every link in the page's article."""
    article = soup_of(site, url_path).select_one("article.md-content__inner")
    base = "http://site/" + url_path.strip("/") + "/"
    return [(" ".join(a.get_text(" ").split()), urlparse(urljoin(base, a["href"])).path)
            for a in article.find_all("a", href=True)]


def plan_pages(site: Path, plan: str) -> list[str]:
    pages = [f"ke-hoach/{plan}"] + [f"ke-hoach/{plan}/nhiem-vu/{p.name}"
                                    for p in sorted((site / "ke-hoach" / plan / "nhiem-vu").iterdir())]
    return pages


def test_every_reused_name_links_to_the_body_of_the_plans_own_place(multi):
    _, site, _ = multi
    checked = Counter()
    for plan in (SEED_PLAN, PROVINCE_PLAN, PARTY_PLAN):
        for page in plan_pages(site, plan):
            for text, target in content_links(site, page):
                expected = next((by_plan[plan] for name, by_plan in EXPECTED.items()
                                 if text.casefold() == name.casefold()), None)
                if expected:
                    assert target == f"/co-quan/{expected}/", f"{page}: '{text}' → {target}, expected {expected}"
                    checked[plan] += 1
    assert all(checked[plan] >= 3 for plan in (SEED_PLAN, PROVINCE_PLAN, PARTY_PLAN)), checked


def test_names_resolve_upward_and_never_sideways(multi):
    project, _, data = multi
    mentions = Mentions(data)
    district = mentions.linker("van-khe")
    targets = {t.uri for t in district.targets("Sở Nội vụ, Tỉnh ủy và Bộ Chính trị")}
    assert targets == {"co-quan/so-noi-vu-thai-lam.md", "co-quan/tinh-uy-thai-lam.md", "co-quan/bo-chinh-tri.md"}
    assert district.targets("lực lượng vũ trang") == []  # Kẻ Sặt's alias is not in Vân Khê's scope
    assert mentions.chain("ke-sat") == ["ke-sat", "hai-phong", "viet-nam"]


def test_no_agency_page_lists_tasks_of_a_place_it_does_not_belong_to(multi):
    _, site, data = multi
    places = {p.id: p.parent for p in data.places}
    agency_place = {a.id: a.place for a in data.agencies}
    plan_place = {p.id: agency_place[p.issuer] for p in data.plans}
    assigned = {(p.id, t.id): {a for x in (t.lead, t.coordinating) if x for a in x.agencies}
                for p in data.plans for t in p.tasks}

    def chain(place):
        out = []
        while place:
            out.append(place)
            place = places.get(place)
        return out

    checked = 0
    for agency in data.agencies:
        for _, target in content_links(site, f"co-quan/{agency.id}"):
            parts = target.strip("/").split("/")
            if len(parts) == 4 and parts[0] == "ke-hoach" and parts[2] == "nhiem-vu":
                plan, task = parts[1], parts[3]
                assert agency.place in chain(plan_place[plan]) or agency.id in assigned[(plan, task)], \
                    f"{agency.id} ({agency.place}) lists {plan}/{task} of {plan_place[plan]}"
                checked += 1
    assert checked > 20


def test_task_numbers_and_appendix_rows_are_unique_in_every_plan(multi):
    _, site, data = multi
    for plan in data.plans:
        numbers = list(plan.task_numbers.values())
        assert len(numbers) == len(set(numbers)) == len(plan.tasks)
        table = soup_of(site, f"ke-hoach/{plan.id}/phu-luc").select_one("article table")
        stt = [tr.find("td").get_text(strip=True) for tr in table.find_all("tr") if tr.find("td")]
        assert stt == numbers
    dashes = next(p for p in data.plans if p.id == PROVINCE_PLAN).task_numbers.values()
    assert "2 (gạch đầu dòng 3)" in dashes


def test_place_line_and_open_period_follow_the_source(multi):
    _, site, _ = multi
    text = soup_of(site, f"ke-hoach/{PROVINCE_PLAN}").select_one("article").get_text(" ")
    assert "Thái Lâm, ngày 25 tháng 11 năm 2013" in " ".join(text.split())
    title = soup_of(site, f"ke-hoach/{PROVINCE_PLAN}").title.get_text()
    assert "Kế hoạch Kế hoạch" not in title


@pytest.mark.browser
@pytest.mark.parametrize("query,plan", [
    ("128/KH-UBND", PROVINCE_PLAN), ("128 KH UBND", PROVINCE_PLAN), ("kh-ubnd 128", PROVINCE_PLAN),
    ("35-KH/HU", PARTY_PLAN), ("35 KH/HU", PARTY_PLAN), ("kh hu 35", PARTY_PLAN),
])
def test_each_plan_is_the_first_result_for_its_own_number(multi, search_site, query, plan):
    results = search_site(multi[1], query)
    assert results and results[0]["url"] == f"ke-hoach/{plan}/", results[:3]
