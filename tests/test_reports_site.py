"""Reports on the site: status and timeline, status column, progress counts, the reporting calendar at a
fixed build date, its iCalendar feed, the demo build's banner, and honesty when there is no report.

The reports are test fixtures (tests/fixtures/reports, invented); the published data has none.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from conftest import ROOT, SEED_PLAN, build_site, copy_project, load_project
from plansite_mkdocs.demo import build_demo

FIXTURE = ROOT / "tests" / "fixtures" / "reports" / "plan_data"
BUILD_DAY = dt.date(2026, 7, 20)  # SOURCE_DATE_EPOCH of the build: after the 6-month period, before the year's end
DEADLINE_DAYS = 15  # test data: the fixture plan's reporting duties are due 15 days after the data ends


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """The real data plus fixture reports, reporting deadlines added to the plan, built at BUILD_DAY."""
    project = copy_project(tmp_path_factory.mktemp("reports"))
    shutil.copytree(FIXTURE, project / "plan_data", dirs_exist_ok=True)
    plan_file = project / "plan_data" / "plans" / f"{SEED_PLAN}.yaml"
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(
        text.replace(
            "          frequency: [6-thang, hang-nam]\n",
            f"          frequency: [6-thang, hang-nam]\n          deadline_days: {DEADLINE_DAYS}\n",
        ),
        encoding="utf-8",
    )
    epoch = str(int(dt.datetime(BUILD_DAY.year, BUILD_DAY.month, BUILD_DAY.day, tzinfo=dt.UTC).timestamp()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", epoch)
        result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project, project / "site", load_project(project)


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site, path: str):
    return page(site, path).select_one("article.md-content__inner")


def newest_status(data) -> dict[str, str]:
    """task id → the status of its newest report, computed here from the data, independently of the site."""
    newest = {}
    for report in sorted(data.reports, key=lambda r: r.covered[1]):
        for entry in report.tasks:
            newest[entry.task] = entry.status
    return newest


def test_task_page_shows_current_status_and_every_report_newest_first(reported):
    _, site, _ = reported
    body = article(site, f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van")
    text = " ".join(body.get_text(" ").split())
    assert "Tình trạng: Thực hiện thường xuyên · Số liệu tính đến 14/06/2026" in text
    periods = [h.get_text(strip=True) for h in body.find_all("h3")]
    assert periods == ["Báo cáo 06 tháng năm 2026", "Báo cáo năm 2025"]
    assert "450 lượt người tham dự" in text and "Minh chứng 1: https://example.org/minh-hoa/tin-bai" in text


def test_appendix_status_column_matches_the_newest_reports(reported):
    _, site, data = reported
    plan = next(p for p in data.plans if p.id == SEED_PLAN)
    labels = {
        "thuong-xuyen": "Thực hiện thường xuyên",
        "dang-thuc-hien": "Đang thực hiện",
        "cham-tien-do": "Chậm tiến độ",
        "khong-thuc-hien": "Không thực hiện",
        "chua-trien-khai": "Chưa triển khai",
        "da-hoan-thanh": "Đã hoàn thành",
    }
    expected = [labels[newest_status(data)[t.id]] for t in plan.tasks]
    rows = article(site, f"ke-hoach/{SEED_PLAN}/phu-luc").select("table tr")[1:]
    shown = [row.find_all("td")[-1].get_text(strip=True) for row in rows]
    assert shown == expected and len(shown) == 5
    assert all(row.find_all("td")[-1].find(class_="ps-tag") for row in rows)  # text plus colour, never colour alone


def test_progress_page_counts_equal_a_count_from_the_data(reported):
    _, site, data = reported
    body = article(site, f"ke-hoach/{SEED_PLAN}/tien-do")
    table = body.find("table")
    header = [th.get_text(strip=True) for th in table.find_all("th")]
    row = [c.get_text(strip=True) for c in table.find_all("tr")[1].find_all(["th", "td"])]
    shown = dict(zip(header[1:-1], map(int, row[1:-1])))
    counted = Counter(newest_status(data).values())
    assert shown["Thực hiện thường xuyên"] == counted["thuong-xuyen"] == 2
    assert shown["Chậm tiến độ"] == counted["cham-tien-do"] == 1
    assert shown["Chưa có báo cáo"] == 0 and int(row[-1]) == 5
    chart = " ".join(body.select_one("figure.ps-chart").get_text(" ").split())
    assert "Thực hiện thường xuyên: 2 nhiệm vụ" in chart and "Chậm tiến độ: 1 nhiệm vụ" in chart
    legend = [" ".join(li.get_text(" ").split()) for li in body.select("ul.ps-legend")[0].find_all("li")]
    assert "Thực hiện thường xuyên" in legend and "Chậm tiến độ" in legend  # the stacked bars' colours in words


def due_cards(site) -> list[dict[str, str]]:
    """The calendar's cards: state (first), period, and each "label: value" line."""
    cards = []
    for li in article(site, "bao-cao").select("li.ps-due"):
        card = {
            "state": li.find(class_="ps-tag").get_text(strip=True),
            "period": li.find("strong", class_=False).get_text(),
        }
        for line in li.select(".ps-due__line"):
            for part in " ".join(line.get_text(" ").split()).split(" · "):
                label, _, value = part.partition(": ")
                card[label] = value
        assert li.contents[0] == li.find(class_="ps-tag")  # the state comes first
        cards.append(card)
    return cards


def test_calendar_flags_received_overdue_and_upcoming_at_the_build_date(reported):
    _, site, _ = reported
    cards = due_cards(site)
    six_month = [c for c in cards if c["period"] == "Báo cáo 06 tháng năm 2026"]
    state = {c["Cơ quan báo cáo"]: c["state"] for c in six_month}
    assert state["Phòng Văn hóa - Xã hội xã"] == "Đã nhận"  # its report file exists
    assert state["Lực lượng vũ trang trên địa bàn xã"] == "Quá hạn"  # due 29/06/2026, none by 20/07/2026
    assert all(c["Hạn gửi"] == "29/06/2026" for c in six_month)
    year = [c for c in cards if c["period"] == "Báo cáo năm 2026"]
    assert year and all(c["state"] == "Chưa đến kỳ" for c in year)
    body = article(site, "bao-cao")
    months = body.find_all("h2")
    assert len(months) >= 2
    for month in months:  # the plan's title once per month, never on each card
        titles = [p for p in month.find_all_next("p", class_="ps-due-plan") if p.find_previous("h2") is month]
        assert len(titles) == 1, month.get_text()
    assert "ngày lập trang 20/07/2026" in body.get_text()


def test_agency_page_shows_its_tasks_statuses_and_next_report(reported):
    _, site, _ = reported
    text = " ".join(article(site, "co-quan/phong-van-hoa-xa-hoi").get_text(" ").split())
    assert "Nhiệm vụ 2: Tổ chức theo dõi" in text and "Chậm tiến độ" in text
    assert "Kỳ tới: Báo cáo năm 2026 (số liệu từ 15/12/2025 đến 14/12/2026; hạn gửi 29/12/2026)" in text


def test_calendar_feed_parses_back_with_one_event_per_due_report(reported):
    _, site, _ = reported
    cal = Calendar.from_ical((site / "lich-bao-cao.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == len(due_cards(site)) > 20
    assert len({str(e["UID"]) for e in events}) == len(events)
    mine = Calendar.from_ical((site / "lich-bao-cao" / "luc-luong-vu-trang-xa.ics").read_bytes()).walk("VEVENT")
    assert mine and all("Lực lượng vũ trang trên địa bàn xã" in str(e["SUMMARY"]) for e in mine)


@pytest.mark.browser
def test_feed_is_served_as_text_calendar(reported, serve, browser):
    _, site, _ = reported
    base = serve(site)
    tab = browser.new_page()
    try:
        tab.goto(base)
        got = tab.evaluate("""async () => { const r = await fetch('lich-bao-cao.ics');
            return [r.status, r.headers.get('content-type'), (await r.text()).slice(0, 15)]; }""")
    finally:
        tab.close()
    assert got[0] == 200 and got[1].startswith("text/calendar") and got[2] == "BEGIN:VCALENDAR"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["chậm tiến độ", "cham tien do", "thuong xuyen", "loa truyen thanh"])
def test_search_finds_tasks_by_status_words_and_report_text(reported, search_site, query):
    results = search_site(reported[1], query)
    assert any("/nhiem-vu/" in r["url"] for r in results[:5]), results[:5]


def test_the_published_site_says_there_is_no_report(site):
    text = " ".join(article(site, f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc").get_text(" ").split())
    assert "Tình trạng: Chưa có báo cáo" in text
    assert "Chưa có báo cáo." in article(site, f"ke-hoach/{SEED_PLAN}/tien-do").get_text()
    assert "Dữ liệu minh họa" not in (site / "index.html").read_text(encoding="utf-8")


def test_demo_build_carries_the_banner_on_every_kind_of_page(tmp_path):
    out = tmp_path / "demo"
    assert build_demo(out) == 0
    pages = [
        "",
        "ke-hoach",
        f"ke-hoach/{SEED_PLAN}",
        f"ke-hoach/{SEED_PLAN}/phu-luc",
        f"ke-hoach/{SEED_PLAN}/tien-do",
        f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc",
        "co-quan",
        "co-quan/phong-van-hoa-xa-hoi",
        "van-ban",
        "van-ban/chi-thi-33-ct-ttg-2021",
        "bao-cao",
        "huong-dan-bien-tap",
        "gioi-thieu",
    ]
    for path in pages:
        banner = page(out, path).select_one("article .ps-demo-banner")
        assert banner and "Dữ liệu minh họa — không phải báo cáo thật" in banner.get_text(), path
