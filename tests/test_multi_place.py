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

from conftest import ROOT, SEED_PLAN, build_site, copy_project, load_project
from plansite.site.html.page_writer import PageWriters
from plansite.site.index.linking import Mentions

FIXTURE = ROOT / "tests" / "fixtures" / "multi_place" / "plan_data"
PROVINCE_PLAN, PARTY_PLAN = "thai-lam-dan-van-2013", "van-khe-huyen-uy-dan-van-2014"
# name as written → {plan → agency id it must link to} (the fixture README's table)
EXPECTED = {
    "Sở Nội vụ": {
        SEED_PLAN: "so-noi-vu-hai-phong",
        PROVINCE_PLAN: "so-noi-vu-thai-lam",
        PARTY_PLAN: "so-noi-vu-thai-lam",
    },
    "Ủy ban Mặt trận Tổ quốc Việt Nam": {
        SEED_PLAN: "ubmttq-xa",
        PROVINCE_PLAN: "ubmttq-tinh-thai-lam",
        PARTY_PLAN: "ubmttq-huyen-van-khe",
    },
    "Mặt trận Tổ quốc Việt Nam": {
        SEED_PLAN: "ubmttq-xa",
        PROVINCE_PLAN: "ubmttq-tinh-thai-lam",
        PARTY_PLAN: "ubmttq-huyen-van-khe",
    },
    "các tổ chức chính trị - xã hội": {
        SEED_PLAN: "to-chuc-chinh-tri-xa-hoi-xa",
        PROVINCE_PLAN: "to-chuc-chinh-tri-xa-hoi-tinh-thai-lam",
        PARTY_PLAN: "to-chuc-chinh-tri-xa-hoi-huyen-van-khe",
    },
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


def places_up(place: str | None, parent: dict[str, str | None]) -> list[str]:
    """The place and every place above it, nearest first (the test's own reading of places.yaml)."""
    out = []
    while place:
        out.append(place)
        place = parent.get(place)
    return out


def soup_of(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def content_links(site: Path, url_path: str) -> list[tuple[str, str]]:
    """(link text, absolute path) of every link in the page's article."""
    article = soup_of(site, url_path).select_one("article.md-content__inner")
    base = "http://site/" + url_path.strip("/") + "/"
    return [
        (" ".join(a.get_text(" ").split()), urlparse(urljoin(base, a["href"])).path)
        for a in article.find_all("a", href=True)
    ]


def plan_pages(site: Path, plan: str) -> list[str]:
    pages = [f"ke-hoach/{plan}"] + [
        f"ke-hoach/{plan}/nhiem-vu/{p.name}" for p in sorted((site / "ke-hoach" / plan / "nhiem-vu").iterdir())
    ]
    return pages


def test_every_reused_name_links_to_the_body_of_the_plans_own_place(multi):
    _, site, _ = multi
    checked = Counter()
    for plan in (SEED_PLAN, PROVINCE_PLAN, PARTY_PLAN):
        for page in plan_pages(site, plan):
            for text, target in content_links(site, page):
                expected = next(
                    (by_plan[plan] for name, by_plan in EXPECTED.items() if text.casefold() == name.casefold()), None
                )
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
    assigned = {
        (p.id, t.id): {a for x in (t.lead, t.coordinating) if x for a in x.agencies}
        for p in data.plans
        for t in p.tasks
    }

    checked = 0
    for agency in data.agencies:
        for _, target in content_links(site, f"co-quan/{agency.id}"):
            parts = target.strip("/").split("/")
            if len(parts) == 4 and parts[0] == "ke-hoach" and parts[2] == "nhiem-vu":
                plan, task = parts[1], parts[3]
                assert agency.place in places_up(plan_place[plan], places) or agency.id in assigned[(plan, task)], (
                    f"{agency.id} ({agency.place}) lists {plan}/{task} of {plan_place[plan]}"
                )
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
@pytest.mark.parametrize(
    "query,plan",
    [
        ("128/KH-UBND", PROVINCE_PLAN),
        ("128 KH UBND", PROVINCE_PLAN),
        ("kh-ubnd 128", PROVINCE_PLAN),
        ("35-KH/HU", PARTY_PLAN),
        ("35 KH/HU", PARTY_PLAN),
        ("kh hu 35", PARTY_PLAN),
    ],
)
def test_each_plan_is_the_first_result_for_its_own_number(multi, search_site, query, plan):
    results = search_site(multi[1], query)
    assert results and results[0]["url"] == f"ke-hoach/{plan}/", results[:3]


# --- issue 23: identity, wording, integrity and a plan's life on a site of four places ------------------

TOWNSHIP_PLAN = "dong-lac-dan-van-2015"  # TEST DATA: thị trấn (commune level), promised Phụ lục, replaced
ALL_PLANS = (SEED_PLAN, PROVINCE_PLAN, PARTY_PLAN, TOWNSHIP_PLAN)
# plan → (its issuer's name, whose notice board, what its task table is called)
WORDING = {
    SEED_PLAN: ("Ủy ban nhân dân xã Kẻ Sặt", "bảng tin của xã", "Phụ lục"),
    PROVINCE_PLAN: ("Ủy ban nhân dân tỉnh Thái Lâm", "bảng tin của tỉnh", "Bảng nhiệm vụ"),
    PARTY_PLAN: ("Ban Thường vụ Huyện ủy Vân Khê", "bảng tin của huyện", "Bảng nhiệm vụ"),
    TOWNSHIP_PLAN: ("Ủy ban nhân dân thị trấn Đồng Lạc", "bảng tin của thị trấn", "Phụ lục"),
}


def article_text(site: Path, url_path: str) -> str:
    return " ".join(soup_of(site, url_path).select_one("article").get_text(" ").split())


def test_titles_name_the_plans_own_issuer_and_the_site_is_named_from_the_data(multi):
    _, site, data = multi
    issuer = {p.id: next(a.name for a in data.agencies if a.id == p.issuer) for p in data.plans}
    for plan in ALL_PLANS:
        assert issuer[plan] == WORDING[plan][0]
        for page in plan_pages(site, plan) + [f"ke-hoach/{plan}/phu-luc", f"ke-hoach/{plan}/tien-do"]:
            title = soup_of(site, page).title.get_text()
            own, site_name = title.rsplit(" - ", 1)
            assert own.endswith(f" – {WORDING[plan][0]}"), title
            # mkdocs.yml names the site for xã Kẻ Sặt; with plans of other provinces it is named from the data
            assert site_name == "Kế hoạch công tác tuyên giáo và dân vận của các địa phương", title


def test_notice_board_words_follow_the_issuers_level(multi):
    _, site, data = multi
    for plan in data.plans:
        board = WORDING[plan.id][1]
        task = plan.tasks[0].id
        assert f"(khổ A4, cho {board})" in article_text(site, f"ke-hoach/{plan.id}/nhiem-vu/{task}")
        block = soup_of(site, f"ke-hoach/{plan.id}/nhiem-vu/{task}").select_one("article > #thong-bao.ps-notice")
        notice = " ".join(block.get_text(" ").split())
        assert f"niêm yết trên {board}." in notice
        assert "trang web của xã" not in notice  # the site is not one commune's
        others = {w[1] for w in WORDING.values()} - {board}
        assert not any(o + "." in notice or o + ")" in notice for o in others), plan.id


def test_phu_luc_only_where_the_source_promises_one(multi):
    _, site, data = multi
    for plan in data.plans:
        name = WORDING[plan.id][2]
        table = soup_of(site, f"ke-hoach/{plan.id}/phu-luc")
        assert table.select_one("article h1").get_text(strip=True) == (
            "Phụ lục: các nhiệm vụ" if name == "Phụ lục" else "Bảng nhiệm vụ"
        )
        links = [
            text
            for text, target in content_links(site, f"ke-hoach/{plan.id}")
            if target == f"/ke-hoach/{plan.id}/phu-luc/"
        ]
        assert links and all(name in text for text in links), (plan.id, links)
        for task in plan.tasks:
            crumb = soup_of(site, f"ke-hoach/{plan.id}/nhiem-vu/{task.id}").select_one("article p")
            assert f"› {name} ›" in " ".join(crumb.get_text(" ").split()), crumb
        if name != "Phụ lục":
            for page in plan_pages(site, plan.id) + [f"ke-hoach/{plan.id}/phu-luc"]:
                assert "Phụ lục" not in article_text(site, page), page


def test_no_duplicated_crumb_on_the_plans_index(multi):
    _, site, _ = multi
    crumbs = soup_of(site, "ke-hoach").select_one("article h1").find_next("p").get_text(" ")
    assert "Trang chủ" in crumbs and crumbs.count("Trang chủ") == 1, crumbs


def test_every_body_a_plan_names_is_of_its_issuers_line(multi):
    _, _, data = multi
    parent = {p.id: p.parent for p in data.places}
    place_of = {a.id: a.place for a in data.agencies}

    checked = 0
    for plan in data.plans:
        home = place_of[plan.issuer]
        named = [a for t in plan.tasks for x in (t.lead, t.coordinating) if x for a in x.agencies]
        named += [a for r in plan.recipients for a in r.agencies]
        named += [a for item in plan.implementation.items for a in item.agencies]
        named += [a for item in plan.implementation.items for d in item.duties for a in d.reports_to]
        for agency in named:
            assert place_of[agency] in places_up(home, parent) or home in places_up(place_of[agency], parent), (
                plan.id,
                agency,
            )
            checked += 1
    assert checked > 40


def test_a_body_of_another_province_is_refused_and_the_hint_stays_in_the_place(tmp_path, monkeypatch):
    from plansite.data.problems import DataError
    from plansite.reports.project import load_checked

    monkeypatch.setenv("PLANSITE_LANG", "en")  # the messages as developers read them; Vietnamese: golden place-lines

    project = with_fixture(tmp_path)
    path = project / "plan_data" / "plans" / f"{PROVINCE_PLAN}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("agencies: [so-noi-vu-thai-lam]", "agencies: [so-noi-vu-hai-phong]", 1).replace(
            "agencies: [ubmttq-tinh-thai-lam", "agencies: [ubmttq-tinh-thai-la", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_checked(project)
    report = caught.value.report()
    assert "but received 'so-noi-vu-hai-phong' of 'hai-phong' (thành phố Hải Phòng)" in report
    assert "Expected an agency of 'thai-lam' (tỉnh Thái Lâm)" in report
    assert "did you mean 'ubmttq-tinh-thai-lam'?" in report
    assert "hai-phong'?" not in report and "ubmttq-xa'?" not in report


def test_dash_items_are_dash_lists_apart_from_a_tasks_labelled_lines(multi):
    _, site, data = multi
    plan_page = soup_of(site, f"ke-hoach/{TOWNSHIP_PLAN}").select_one("article")
    dashes = [" ".join(li.get_text(" ").split()) for ul in plan_page.select("ul.ps-dashes") for li in ul.find_all("li")]
    assert any(d.startswith("Nâng cao nhận thức của cán bộ") for d in dashes)  # a purpose's dash clause
    assert any(d.startswith("Công khai lịch tiếp công dân") for d in dashes)  # a task's own detail
    for ul in plan_page.select("ul.ps-dashes"):
        assert not any(li.get_text().startswith(("Cơ quan thực hiện", "Thời gian thực hiện")) for li in ul("li"))
    task = soup_of(site, f"ke-hoach/{TOWNSHIP_PLAN}/nhiem-vu/tiep-dan-dinh-ky-thi-tran").select_one("article")
    assert [li.get_text(strip=True) for li in task.select("ul.ps-dashes li")] == [
        "Công khai lịch tiếp công dân tại trụ sở và nhà văn hóa các tổ dân phố.",
        "Ghi chép đầy đủ kiến nghị của Nhân dân vào sổ tiếp công dân.",
    ]
    for plan in data.plans:  # no "-)" clause, no "1.-" number
        text = article_text(site, f"ke-hoach/{plan.id}")
        assert "-)" not in text and ".-" not in " ".join(plan.task_numbers.values())


def calendar_rows(site: Path) -> list[tuple[str, str]]:
    """(period label, plan path) of every report card of the reporting calendar (the plan's title heads its cards)."""
    rows = []
    for plan_line in soup_of(site, "bao-cao").select("article p.ps-due-plan"):
        path = urlparse(urljoin("http://site/bao-cao/", plan_line.find("a")["href"])).path
        cards = plan_line.find_next_sibling("ul", class_="ps-due-list")
        rows += [
            (card.find("strong", class_=False).get_text(" ", strip=True), path) for card in cards.select("li.ps-due")
        ]
    return rows


def test_the_calendar_lists_only_the_periods_a_plan_is_tracked_for(multi):
    import dataclasses
    import datetime as dt
    import re

    from plansite.reports.calendar import due_reports

    _, site, data = multi
    rows = calendar_rows(site)
    years = {
        plan: [
            int(y) for label, path in rows if path == f"/ke-hoach/{plan}/" for y in re.findall(r"\b(20\d\d)\b", label)
        ]
        for plan in (PROVINCE_PLAN, TOWNSHIP_PLAN)
    }
    # Thái Lâm's open plan of 25/11/2013 is tracked from 1/1/2014: no row of 2013 (its yearly report of 2013
    # would be listed otherwise)
    assert years[PROVINCE_PLAN] and min(years[PROVINCE_PLAN]) == 2014, years
    # Đồng Lạc's plan of 2015–2020 was replaced on 30/6/2016: no period after that
    assert years[TOWNSHIP_PLAN] and max(years[TOWNSHIP_PLAN]) <= 2016 and min(years[TOWNSHIP_PLAN]) == 2015, years
    assert "theo dõi việc thực hiện kế hoạch từ ngày 01/01/2014" in article_text(site, f"ke-hoach/{PROVINCE_PLAN}")
    # As of a later day: the open plan still starts at its tracking date; the replaced one still stops
    later = dt.date(2026, 12, 1)
    due = due_reports(data, later)
    untracked = due_reports(
        dataclasses.replace(data, plans=tuple(dataclasses.replace(p, life=None) for p in data.plans)), later
    )
    for plan, first, last in ((PROVINCE_PLAN, dt.date(2014, 1, 1), None), (TOWNSHIP_PLAN, None, dt.date(2016, 6, 30))):
        mine, before = [d for d in due if d.plan == plan], [d for d in untracked if d.plan == plan]
        assert mine and len(mine) < len(before), (plan, len(mine), len(before))
        assert all(d.end >= first for d in mine) if first else all(d.start <= last for d in mine)


def test_every_page_of_an_ended_or_replaced_plan_says_so_and_it_stays_listed(multi):
    _, site, data = multi
    for plan, words in (
        (TOWNSHIP_PLAN, "Kế hoạch này đã được thay thế từ ngày 30/06/2016 bởi Kế hoạch 20/KH-UBND"),
        (PARTY_PLAN, "Kế hoạch này đã kết thúc từ ngày 31/12/2015"),
    ):
        record = next(p for p in data.plans if p.id == plan)
        pages = plan_pages(site, plan) + [f"ke-hoach/{plan}/phu-luc", f"ke-hoach/{plan}/tien-do"]
        for page in pages:
            box = soup_of(site, page).select_one("article .admonition.warning")
            assert box and words in " ".join(box.get_text(" ").split()), page
        for task in record.tasks:  # and each task's notice (#thong-bao), which shows the page's .ps-n sections
            shown = "article > .ps-n > .admonition.warning"  # a section the notice shows (test_notice.NOTICE_PARTS)
            box = soup_of(site, f"ke-hoach/{plan}/nhiem-vu/{task.id}").select_one(shown)
            assert box and words in " ".join(box.get_text(" ").split()), task.id
    for plan in (PROVINCE_PLAN, SEED_PLAN):
        assert not soup_of(site, f"ke-hoach/{plan}").select_one("article .admonition.warning")
    index = article_text(site, "ke-hoach")
    assert "(đã được thay thế)" in index and "(đã kết thúc)" in index
    # linked both ways: the replacing document's page names the plan it replaces
    replaced = next(p for p in data.plans if p.id == TOWNSHIP_PLAN)
    assert any(
        target == f"/ke-hoach/{TOWNSHIP_PLAN}/" and replaced.title in " ".join(text.split())
        for text, target in content_links(site, "van-ban/ke-hoach-20-kh-ubnd-2016-dong-lac")
    )
    assert "Văn bản này thay thế" in article_text(site, "van-ban/ke-hoach-20-kh-ubnd-2016-dong-lac")


def test_indexes_group_by_place(multi):
    _, site, data = multi
    # each place, then the places under it
    expected = ["Trung ương", "Thành phố Hải Phòng", "Xã Kẻ Sặt", "Tỉnh Thái Lâm", "Huyện Vân Khê", "Thị trấn Đồng Lạc"]
    for index in ("co-quan", "ke-hoach", "van-ban"):
        groups = [h.get_text(" ", strip=True).rsplit(" (", 1)[0] for h in soup_of(site, index).select("article h2")]
        assert [g for g in groups if g in expected] == [e for e in expected if e in groups], (index, groups)
        assert len([g for g in groups if g in expected]) >= (6 if index == "co-quan" else 4), (index, groups)
    agencies = soup_of(site, "co-quan").select_one("article")
    place_of = {a.id: a.place for a in data.agencies}
    heading, checked = None, set()
    for node in agencies.find_all(["h2", "a"]):
        if node.name == "h2":
            heading = node.get_text(" ", strip=True).rsplit(" (", 1)[0]
        elif node.get("href") and "/co-quan/" in urljoin("http://site/co-quan/", node["href"]):
            agency = urlparse(urljoin("http://site/co-quan/", node["href"])).path.strip("/").split("/")[-1]
            if agency in place_of:
                place = next(p for p in data.places if p.id == place_of[agency])
                assert heading == place.name[:1].upper() + place.name[1:], (agency, heading)
                checked.add(agency)
    assert checked == set(place_of)  # every body of the fixture sits under its place's heading


def test_each_plans_issuer_and_place_are_in_its_searchable_title_words(multi):
    """The plan page's title and keywords carry its issuer and place ("thai lam", "ke sat", "dong lac"),
    weighted as title words in the index the browser reads (search/: what `planSearch` scores)."""
    from plansite.search.stored import read_index
    from plansite.search.terms import TIES, TITLE_FLOOR
    from search_files import decoded

    title_weight = (TITLE_FLOOR + 1) * TIES  # a written weight is level * TIES + tie; title words start there

    _, site, _ = multi
    index = decoded(read_index(site))
    words = {
        SEED_PLAN: ("ke", "sat", "uy", "ban"),
        PROVINCE_PLAN: ("thai", "lam", "tinh"),
        PARTY_PLAN: ("van", "khe", "huyen"),
        TOWNSHIP_PLAN: ("dong", "lac", "thi", "tran"),
    }
    for plan, folded in words.items():
        for word in folded:
            weight = max(urls.get(f"ke-hoach/{plan}/", 0) for urls in index[word].values())
            assert weight >= title_weight, (plan, word, weight)


def test_a_name_shared_across_places_is_shown_with_its_place(multi):
    """Two bodies of different places under one name ('Sở Nội vụ' of two provinces, written alike)."""
    import dataclasses

    from plansite.site.index.relations import build_relations
    from plansite.site.render.render_indexes import agencies_index

    _, _, data = multi
    renamed = {"so-noi-vu-hai-phong": "Sở Nội vụ", "so-noi-vu-thai-lam": "Sở Nội vụ"}
    agencies = tuple(dataclasses.replace(a, name=renamed.get(a.id, a.name)) for a in data.agencies)
    rel = build_relations(dataclasses.replace(data, agencies=agencies))
    html = agencies_index(rel.names, rel.who, rel.orders, PageWriters())["co-quan/index.md"]
    links = {a["href"]: a.get_text() for a in BeautifulSoup(html.split("---\n\n", 1)[1], "html.parser")("a")}
    assert links["so-noi-vu-hai-phong/"] == "Sở Nội vụ (thành phố Hải Phòng)"
    assert links["so-noi-vu-thai-lam/"] == "Sở Nội vụ (tỉnh Thái Lâm)"
    assert links["ubnd-tinh-thai-lam/"] == "Ủy ban nhân dân tỉnh Thái Lâm"  # a name of one place only


def test_each_fixture_plan_is_its_source_text_word_for_word(multi):
    """From the 'KẾ HOẠCH' line on (the header block is not rebuilt), the data reads as the source."""
    from fidelity import normalise, reconstruct, source_stream

    project, _, data = multi
    for plan in data.plans:
        if plan.id == SEED_PLAN:
            continue  # tests/test_data.py
        stream = normalise(source_stream(project / "plan_data" / "sources" / plan.source_text).replace("\n", " "))
        assert reconstruct(plan) == stream[stream.index(plan.document_type) :], plan.id


def test_the_sites_place_is_the_configured_one_while_it_holds_every_plan(multi):
    import dataclasses

    from plansite.site.html.identity import site_name, site_place

    _, _, data = multi
    seed_only = dataclasses.replace(data, plans=tuple(p for p in data.plans if p.id == SEED_PLAN))
    heading = "Kế hoạch công tác tuyên giáo và dân vận"
    assert site_place(seed_only, "ke-sat") == "ke-sat" and site_place(seed_only) == "ke-sat"
    assert site_place(seed_only, "hai-phong") == "hai-phong"  # a city's site carrying a commune's plan
    assert site_name(seed_only, "Tên đã đặt", "hai-phong", heading) == "Tên đã đặt"
    # plans of another province: the configured commune's name would lie, so the data names the site
    assert site_place(data, "ke-sat") == "viet-nam"
    assert site_name(data, "Tên đã đặt", "ke-sat", heading) == f"{heading} của các địa phương"
    district = dataclasses.replace(data, plans=tuple(p for p in data.plans if p.id in (PARTY_PLAN, TOWNSHIP_PLAN)))
    assert site_place(district, "ke-sat") == "van-khe"
    assert site_name(district, "Tên đã đặt", "ke-sat", heading) == f"{heading} huyện Vân Khê"


def test_an_unknown_site_place_in_mkdocs_yml_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANSITE_LANG", "en")  # the message as developers read it (the build inherits it)
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_place: ke-sat", "site_place: ke-sa"), encoding="utf-8"
    )
    result = build_site(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (project / "site" / "index.html").exists()
    assert "mkdocs.yml:" in output and "extra.site_place: Expected the id of a place" in output
    assert "did you mean 'ke-sat'?" in output and "Traceback" not in output


# What a reader types to find one place's plan: the place's name, with or without "kế hoạch" or the subject.
PLACE_QUERIES = {
    "ke hoach thai lam": PROVINCE_PLAN,
    "thai lam dan van": PROVINCE_PLAN,
    "Thái Lâm": PROVINCE_PLAN,
    "ke sat": SEED_PLAN,
    "ke hoach ke sat": SEED_PLAN,
    "kẻ sặt dân vận": SEED_PLAN,
    "van khe dan van": PARTY_PLAN,
    "ke hoach dong lac": TOWNSHIP_PLAN,
    "dong lac dan van": TOWNSHIP_PLAN,
}


@pytest.mark.browser
def test_each_plan_comes_first_for_its_place_words(multi, serve, browser):
    """The site's own search, in Chromium: a place's name finds that place's plan first, before the bodies
    of that place whose short names hold the same words (the plan's place is its subject: search/terms.py)."""
    _, site, _ = multi
    tab = browser.new_page()
    try:
        tab.goto(serve(site))
        got = tab.evaluate(
            "qs => Promise.all(qs.map(q => window.planSearch(q).then(rs => rs.map(r => r.url))))", list(PLACE_QUERIES)
        )
    finally:
        tab.close()
    wrong = {
        query: urls[:3] for (query, plan), urls in zip(PLACE_QUERIES.items(), got) if urls[:1] != [f"ke-hoach/{plan}/"]
    }
    assert not wrong, wrong
