"""Paper, checked by printing to PDF in headless Chromium and reading the text back (test_tables.pdf_pages):
the plan's signature block on one page with its title lines, no web-only part printed (breadcrumbs, links
to the site's other pages, status lines, share buttons), the Phụ lục carrying every task's whole text, and
a task's notice on one A4 sheet without the site around it."""

from __future__ import annotations

import re
import unicodedata

import pytest
from test_tables import pdf_pages

from conftest import ROOT, SEED_PLAN, load_project, seed_plan

PLAN = f"ke-hoach/{SEED_PLAN}/"
APPENDIX = f"ke-hoach/{SEED_PLAN}/phu-luc/"
NOTICE = f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc/#thong-bao"  # the task page names its notice


def squeeze(text: str) -> str:
    """Text with every space taken out (a PDF breaks lines anywhere), NFC, case folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


@pytest.fixture(scope="module")
def plan():
    return seed_plan(load_project(ROOT))


def printed(browser, url: str) -> list[str]:
    """The text of each printed page, squeezed."""
    tab = browser.new_page()
    try:
        tab.goto(url)
        return [
            squeeze("".join(p["runs"])) for p in pdf_pages(tab.pdf(prefer_css_page_size=True, print_background=True))
        ]
    finally:
        tab.close()


@pytest.mark.browser
def test_the_plan_prints_its_signature_block_whole_and_no_web_only_part(site, serve, browser, plan):
    pages = printed(browser, serve(site) + PLAN)
    sig = plan.signature
    lines = [squeeze(line) for line in (sig.authority, sig.on_behalf, sig.position, sig.name) if line]
    holding = [n for n, text in enumerate(pages) if any(line in text for line in lines)]
    assert len(holding) == 1 and all(line in pages[holding[0]] for line in lines), (holding, lines)
    whole = "".join(pages)
    for web_only in (
        "Trang chủ›",
        "Văn bản gốc (tệp .txt)",
        "Bản tin phát thanh",
        "Tiến độ thực hiện",
        "Tình trạng:",
        "Sao chép liên kết",
        "Gửi qua Zalo",
    ):
        assert squeeze(web_only) not in whole, web_only
    assert squeeze(plan.title) in whole


@pytest.mark.browser
def test_the_appendix_prints_every_tasks_whole_text(site, serve, browser, plan):
    whole = "".join(printed(browser, serve(site) + APPENDIX))
    for task in plan.tasks:
        assert squeeze(task.text) in whole, task.id
    assert "…" not in whole
    assert squeeze("Trang chủ›") not in whole


@pytest.mark.browser
def test_a_notice_prints_on_one_sheet_without_the_site_around_it(site, serve, browser, plan):
    pages = printed(browser, serve(site) + NOTICE)
    assert len(pages) == 1
    for web_only in ("Trang chủ›", "Sao chép liên kết", "Gửi qua Zalo", "Tìm kiếm"):
        assert squeeze(web_only) not in pages[0], web_only
    assert squeeze("Thông báo về nhiệm vụ 1.b") in pages[0] and squeeze("Phòng Văn hóa - Xã hội") in pages[0]
    assert squeeze("Căn cứ, văn bản được dẫn") not in pages[0]  # the task page around it is not printed


@pytest.mark.browser
def test_a_task_page_prints_as_itself_without_its_notice(site, serve, browser):
    """Printed from its own address (no #thong-bao), a task page is the task: its notice is not printed."""
    whole = "".join(printed(browser, serve(site) + NOTICE.split("#")[0]))
    assert squeeze("Căn cứ, văn bản được dẫn") in whole
    assert squeeze("Thông báo về nhiệm vụ") not in whole and squeeze("Trang này là thông báo khổ A4") not in whole
