"""Sharing that always works (overrides/partials/plan-share.html, docs/assets/plan-share.js), in Chromium:
"Chia sẻ" only where the browser has Web Share, "Gửi qua Zalo" copying a short message from the data with
the link, with and without the Clipboard API (the in-app browsers of Zalo and Facebook)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, load_project, seed_plan
from plansite.site.html.labels import plan_title, short_title

TASK = "quan-triet-cong-tac-dan-toc"
TASK_PAGE = f"ke-hoach/{SEED_PLAN}/nhiem-vu/{TASK}/"
NO_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
FAKE_SHARE = "Navigator.prototype.share = function (data) { window.__shared = data; return Promise.resolve(); };"
IN_APP = (
    NO_SHARE
    + """
  Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});
  document.addEventListener('copy', e => {
    const t = e.target; window.__copied = t.value.slice(t.selectionStart, t.selectionEnd); });"""
)
CHAT_MAX = 500  # characters, link included


def open_page(browser, base, script, clipboard=True):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    context.add_init_script(script)
    tab = context.new_page()
    tab.goto(base + TASK_PAGE)
    return context, tab


@pytest.mark.browser
def test_the_message_says_what_who_and_when_from_what_the_page_shows(site, serve, browser):
    """A task page carries no copy of its message (no data-message): the script reads it from the page, in the
    lines a chat shows: the task and its plan, what (the editors' summary, else the signed text), who, when."""
    project = load_project(ROOT)
    plan = seed_plan(project)
    task = next(t for t in plan.tasks if t.id == TASK)
    html = (site / TASK_PAGE / "index.html").read_text(encoding="utf-8")
    assert not BeautifulSoup(html, "html.parser").select_one(".ps-share").has_attr("data-message")
    plan_page = (site / f"ke-hoach/{SEED_PLAN}/index.html").read_text(encoding="utf-8")
    assert BeautifulSoup(plan_page, "html.parser").select_one(".ps-share")["data-message"]  # a plan's: the data's
    base = serve(site)
    context, tab = open_page(browser, base, NO_SHARE)
    try:
        tab.get_by_role("button", name="Gửi qua Zalo").click()
        tab.wait_for_function("document.querySelector('.ps-share__status').textContent !== ''")
        message = tab.evaluate("navigator.clipboard.readText()").removesuffix("\n" + base + TASK_PAGE)
    finally:
        context.close()
    lines = message.split("\n")
    assert lines[0] == f"Nhiệm vụ 1.b – {short_title(plan_title(plan), 10)}", lines[0]
    assert lines[1] and lines[1] in " ".join((task.summary or task.text).split())
    assert "Thực hiện: Phòng Văn hóa - Xã hội xã" in lines and "Thời gian: Khi có chỉ đạo" in lines, lines
    assert len(lines) == 4 and len(message) <= 400


@pytest.mark.browser
def test_without_web_share_no_dead_button_and_zalo_copies_the_message_with_the_link(site, serve, browser):
    base = serve(site)
    context, tab = open_page(browser, base, NO_SHARE)
    try:
        assert not tab.locator(".ps-share__native").is_visible()
        assert [b.inner_text() for b in tab.locator(".ps-share button:visible").all()] == [
            "Gửi qua Zalo",
            "Sao chép liên kết",
        ]
        tab.get_by_role("button", name="Gửi qua Zalo").click()
        tab.wait_for_function("document.querySelector('.ps-share__status').textContent !== ''")
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied.endswith("\n" + base + TASK_PAGE) and "Thực hiện: Phòng Văn hóa - Xã hội xã" in copied
        assert len(copied) <= CHAT_MAX
        assert "Đã sao chép tin nhắn" in tab.locator(".ps-share__status").inner_text()
    finally:
        context.close()


@pytest.mark.browser
def test_with_web_share_the_share_button_opens_the_share_sheet(site, serve, browser):
    base = serve(site)
    context, tab = open_page(browser, base, FAKE_SHARE)
    try:
        button = tab.get_by_role("button", name="Chia sẻ", exact=True)
        assert button.is_visible()
        button.click()
        shared = tab.wait_for_function("window.__shared").json_value()
        assert shared["url"] == base + TASK_PAGE and "Nhiệm vụ 1.b" in shared["text"]
    finally:
        context.close()


@pytest.mark.browser
def test_in_an_in_app_browser_without_clipboard_api_zalo_still_copies(site, serve, browser):
    base = serve(site)
    context, tab = open_page(browser, base, IN_APP, clipboard=False)
    try:
        assert not tab.locator(".ps-share__native").is_visible()
        tab.get_by_role("button", name="Gửi qua Zalo").click()
        copied = tab.wait_for_function("window.__copied").json_value()
        assert copied.startswith("Nhiệm vụ 1.b") and copied.endswith(base + TASK_PAGE)
        assert "Đã sao chép tin nhắn" in tab.locator(".ps-share__status").inner_text()
    finally:
        context.close()
