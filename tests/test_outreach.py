"""Reaching citizens: link previews (Open Graph / Twitter meta and pictures), share buttons, summaries.

Meta values come from plan data, so they are checked escaped; absolute addresses appear only when
the site knows its own address (site_url).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import SEED_PLAN, build_site, copy_project, load_project, seed_plan
from plansite.data.schema import SUMMARY_LIMIT
from plansite.site.index.relations import build_relations
from plansite.site.parts.previews import task_preview

SITE_URL = "https://ke-sat.example.vn/"
HOSTILE = '"><script>alert(1)</script> & <b>đậm</b>'
PAGE_KINDS = [
    "",
    "ke-hoach",
    f"ke-hoach/{SEED_PLAN}",
    f"ke-hoach/{SEED_PLAN}/phu-luc",
    f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc",
    "co-quan",
    "co-quan/phong-van-hoa-xa-hoi",
    "van-ban",
    "van-ban/chi-thi-33-ct-ttg-2021",
    "bao-cao",
    "cap-nhat",
    "huong-dan-bien-tap",
]


def head(site: Path, path: str) -> dict[str, str]:
    soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {
        (m.get("property") or m.get("name")): m.get("content")
        for m in soup.head.find_all("meta")
        if m.get("property") or m.get("name")
    }


@pytest.fixture(scope="module")
def addressed(tmp_path_factory):
    """The project with a site_url, and a hostile plan title and task summary."""
    project = copy_project(tmp_path_factory.mktemp("addressed"))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_name:", f"site_url: {SITE_URL}\nsite_name:", 1),
        encoding="utf-8",
    )
    plan = project / "plan_data" / "plans" / f"{SEED_PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "            Khi có chỉ đạo của Trung ương và thành phố, Phòng Văn hóa - Xã hội xã tổ chức phổ",
        f"            {HOSTILE} Khi có chỉ đạo của Trung ương và thành phố, Phòng Văn hóa - Xã hội xã tổ chức phổ",
    )
    plan.write_text(text, encoding="utf-8")
    out = project / "site"
    assert build_site(project, out).returncode == 0
    return out


def test_every_page_kind_has_previews_without_absolute_addresses(site):
    for path in PAGE_KINDS:
        meta = head(site, path)
        assert meta["og:title"] and meta["og:description"] and meta["og:locale"] == "vi_VN", path
        assert meta["og:type"] == ("website" if path == "" else "article") and meta["og:site_name"], path
        assert meta["twitter:card"] == "summary" and "og:url" not in meta and "og:image" not in meta, path
        assert len(meta["description"]) <= 201 and meta["description"] == meta["og:description"], path


def test_without_a_summary_a_task_is_described_by_its_words_cut_to_what_a_card_shows():
    """160 characters at a word, "…" added: about what search results and Zalo/Facebook cards show; an
    editor's summary is kept to 200 (test_task_preview_uses_the_plain_summary)."""
    project = load_project(Path(__file__).resolve().parent.parent)
    plan, names = seed_plan(project), build_relations(project).names
    checked = 0
    for task in plan.tasks:
        words = " ".join(task.text.split())
        described = task_preview(plan, dataclasses.replace(task, summary=""), names).description
        assert len(described) <= 161 and words.startswith(described.removesuffix("…")), described
        checked += described.endswith("…")
    assert checked >= 1, "some task's first sentence is longer than a card shows"


def test_task_preview_uses_the_plain_summary(site):
    meta = head(site, f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc")
    plan = seed_plan(load_project(Path(__file__).resolve().parent.parent))
    task = next(t for t in plan.tasks if t.id == "quan-triet-cong-tac-dan-toc")
    assert meta["og:description"] == task.summary and meta["description"] == task.summary


def test_with_site_url_previews_are_absolute_and_pictures_exist(addressed):
    checked = 0
    for path in PAGE_KINDS:
        meta = head(addressed, path)
        assert meta["og:url"] == SITE_URL + (path + "/" if path else ""), path
        assert meta["og:image"].startswith(SITE_URL + "assets/og/") and meta["twitter:card"] == "summary_large_image"
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630") and meta["og:image:alt"]
        picture = addressed / meta["og:image"].removeprefix(SITE_URL)
        with Image.open(picture) as image:
            assert image.size == (1200, 630)
            dark = sum(1 for pixel in image.convert("L").tobytes() if pixel < 80)
            assert dark > 2000, path  # the title's letters were drawn
        checked += 1
    assert checked == len(PAGE_KINDS)


def test_hostile_text_stays_inert_in_meta_tags(addressed):
    html = (addressed / f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc/index.html").read_text(
        encoding="utf-8"
    )
    meta = head(addressed, f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc")
    assert meta["og:description"].startswith(HOSTILE)
    assert "<script>alert(1)" not in html and not re.search(r"<b>đậm", html)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.head.find("script", string=re.compile("alert"))


def test_every_seed_task_has_a_plain_summary_within_the_limit():
    plan = seed_plan(load_project(Path(__file__).resolve().parent.parent))
    assert all(t.summary and len(t.summary) <= SUMMARY_LIMIT for t in plan.tasks) and len(plan.tasks) == 5


@pytest.mark.browser
def test_copy_button_puts_the_link_on_the_clipboard_by_keyboard(addressed, serve, browser):
    base = serve(addressed)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base + "co-quan/phong-van-hoa-xa-hoi/")
        copy = page.locator(".ps-share__copy")
        copy.focus()
        assert page.evaluate(
            "document.activeElement.className"
        ) == "ps-share__copy md-button" or "ps-share__copy" in page.evaluate("document.activeElement.className")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.ps-share__status').textContent.length > 0")
        assert page.inner_text(".ps-share__status") == "Đã sao chép liên kết."
        assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "co-quan/phong-van-hoa-xa-hoi/"
        share = page.locator(".ps-share__native")
        assert share.evaluate("b => b.tagName") == "BUTTON"
        assert (
            page.locator(".ps-share__facebook")
            .get_attribute("href")
            .endswith("u=https%3A//ke-sat.example.vn/co-quan/phong-van-hoa-xa-hoi/")
        )
        page.emulate_media(media="print")
        assert page.locator(".ps-share").evaluate("e => getComputedStyle(e).display") == "none"
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_share_block_is_the_facebook_link_and_the_script_adds_the_buttons(
    addressed, serve, browser
):
    """The buttons that only work with JavaScript are made by plan-share.js: the page as written carries the
    Facebook link alone (followed without any script), and in the browser the buttons come before it."""
    html = (addressed / "co-quan/phong-van-hoa-xa-hoi/index.html").read_text(encoding="utf-8")
    box = BeautifulSoup(html, "html.parser").select_one(".ps-share")
    assert [child.name for child in box.find_all(True)] == ["a"] and not box.find("button")
    base = serve(addressed)
    for scripts in (False, True):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        try:
            page.goto(base + "co-quan/phong-van-hoa-xa-hoi/")
            shown = [e.inner_text() for e in page.locator(".ps-share > :visible").all()]
            link = page.locator(".ps-share__facebook")
            assert link.get_attribute("href").endswith("u=https%3A//ke-sat.example.vn/co-quan/phong-van-hoa-xa-hoi/")
            if scripts:
                page.wait_for_selector(".ps-share__zalo")
                shown = [e.inner_text() for e in page.locator(".ps-share > :visible").all()]
                shown = [text for text in shown if text not in ("", "Chia sẻ")]  # the share sheet: where it exists
                assert shown == ["Gửi qua Zalo", "Sao chép liên kết", "Chia sẻ lên Facebook"]
                assert page.locator(".ps-share > [role=status]").count() == 1
            else:
                assert shown == ["Chia sẻ lên Facebook"] and page.locator(".ps-share button").count() == 0
        finally:
            context.close()


@pytest.mark.browser
def test_share_button_uses_the_web_share_api_where_it_exists(site, serve, browser):
    page = browser.new_page()
    try:
        page.add_init_script(
            "window.__shared = []; navigator.share = d => (window.__shared.push(d), Promise.resolve());"
        )
        page.goto(serve(site) + "co-quan/phong-van-hoa-xa-hoi/")
        button = page.locator(".ps-share__native")
        assert button.is_visible()
        button.click()
        shared = page.evaluate("window.__shared")
        assert shared and shared[0]["url"].endswith("/co-quan/phong-van-hoa-xa-hoi/")
    finally:
        page.close()


def test_a_build_without_the_repositorys_history_says_dates_are_unknown(addressed):
    # `addressed` is built from a copy of the project without .git (an export, a zip).
    changes = " ".join(
        BeautifulSoup((addressed / "cap-nhat/index.html").read_text(encoding="utf-8"), "html.parser")
        .select_one("article")
        .get_text(" ")
        .split()
    )
    assert "Không rõ ngày cập nhật" in changes
    task = (addressed / f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc/index.html").read_text(
        encoding="utf-8"
    )
    assert "Cập nhật lần cuối: không rõ ngày" in task
    assert (addressed / "feed.xml").read_bytes().startswith(b"<?xml")


def test_the_published_site_dates_its_changes_from_git(site):
    text = " ".join(
        BeautifulSoup((site / "cap-nhat/index.html").read_text(encoding="utf-8"), "html.parser")
        .select_one("article")
        .get_text(" ")
        .split()
    )
    assert "Không rõ ngày cập nhật" not in text and re.search(r"\d{2}/\d{2}/20\d{2}", text)
