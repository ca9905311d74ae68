"""Keyboard alone, in headless Chromium: the closed side menu takes no focus (Tab goes from the header to the
content), the menu opens from the keyboard, and the header's search box follows the WAI-ARIA Authoring
Practices' combobox: Up from the first suggestion returns to the input, Home/End move the caret, Escape
closes, then clears."""

from __future__ import annotations

import pytest

from conftest import SEED_PLAN

PAGE = f"ke-hoach/{SEED_PLAN}/phu-luc/"
BOX = "#ps-search-input"


@pytest.fixture()
def phone(site, serve, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    yield tab, serve(site)
    context.close()


def focused(tab) -> dict:
    return tab.evaluate("""() => { const e = document.activeElement;
        return {id: e.id, tag: e.tagName, inNav: !!e.closest('.md-sidebar--primary'),
                text: e.textContent.trim().slice(0, 40),
                inContent: !!e.closest('.md-content')}; }""")


@pytest.mark.browser
def test_tab_after_the_search_box_reaches_the_content_not_the_closed_menu(phone):
    tab, base = phone
    tab.goto(base + PAGE)
    tab.focus(BOX)
    seen = []
    for _ in range(4):
        tab.keyboard.press("Tab")
        seen.append(focused(tab))
        if seen[-1]["inContent"]:
            break
    assert not any(f["inNav"] for f in seen), seen
    assert seen[-1]["inContent"], seen


@pytest.mark.browser
def test_the_menu_opens_from_the_keyboard_and_its_links_then_take_focus(phone):
    tab, base = phone
    tab.goto(base + PAGE)
    tab.focus('.md-header__button[for="__drawer"]')
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    tab.keyboard.press(" ")
    assert not tab.evaluate("document.getElementById('__drawer').checked")
    tab.keyboard.press(" ")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.evaluate("document.querySelector('.md-sidebar--primary').inert") is False
    tab.locator(".md-sidebar--primary .md-nav__list > li > a").first.focus()
    assert focused(tab)["inNav"]
    tab.keyboard.press("Escape")
    tab.evaluate("() => { const t = document.getElementById('__drawer'); t.click(); }")  # closed again by a tap
    assert tab.evaluate("document.querySelector('.md-sidebar--primary').inert") is True


def open_box(tab, query):
    tab.focus(BOX)
    tab.keyboard.type(query)
    tab.wait_for_function(
        "q => { const b = document.querySelector('#ps-search-results'); return !b.hidden && b.dataset.psQuery === q; }",
        arg=query,
    )
    return tab.eval_on_selector_all("#ps-search-listbox [role=option]", "els => els.map(o => o.id)")


def active(tab):
    return tab.get_attribute(BOX, "aria-activedescendant")


@pytest.mark.browser
def test_combobox_keys_follow_the_authoring_practices(phone):
    tab, base = phone
    tab.goto(base)
    options = open_box(tab, "dan van")
    assert len(options) >= 3
    tab.keyboard.press("ArrowDown")
    assert active(tab) == options[0]
    tab.keyboard.press("ArrowUp")  # from the first suggestion: back to the input, not to the last one
    assert active(tab) is None and tab.evaluate("document.activeElement.id") == "ps-search-input"
    tab.keyboard.press("ArrowUp")  # from the input: the last suggestion
    assert active(tab) == options[-1]
    tab.keyboard.press("ArrowDown")  # past the last: back to the input
    assert active(tab) is None
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Home")
    assert active(tab) is None and tab.evaluate(
        "[document.activeElement.selectionStart, document.activeElement.selectionEnd]"
    ) == [0, 0]
    tab.keyboard.press("End")
    assert tab.evaluate("document.activeElement.selectionStart") == len("dan van")
    tab.keyboard.press("Escape")  # closes
    assert tab.is_hidden("#ps-search-results") and tab.input_value(BOX) == "dan van"
    assert tab.get_attribute(BOX, "aria-expanded") == "false"
    tab.keyboard.press("Escape")  # then clears
    assert tab.input_value(BOX) == ""


@pytest.mark.browser
def test_an_abbreviation_explains_itself_on_a_tap_and_from_the_keyboard(site, serve, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    try:
        tab.goto(serve(site) + f"ke-hoach/{SEED_PLAN}/")
        abbr = tab.locator(".md-content abbr[title]").first
        short, full = abbr.inner_text(), abbr.get_attribute("title")
        abbr.tap()
        assert tab.evaluate("document.querySelector('.ps-abbr-full').textContent") == f" ({full})"
        abbr.tap()
        assert tab.locator(".ps-abbr-full").count() == 0
        abbr.focus()
        assert tab.evaluate("document.activeElement.tagName") == "ABBR" and short
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.querySelector('.ps-abbr-full').textContent") == f" ({full})"
        tab.keyboard.press(" ")
        assert tab.locator(".ps-abbr-full").count() == 0
    finally:
        context.close()
