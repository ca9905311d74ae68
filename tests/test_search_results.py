"""Search that explains itself: snippets with the words marked, words side by side ranked first, questions
answered by the pages holding most of their words (and which words were left out), the results page
/tim-kiem/?q=… (count, pages, filters by kind and plan in the URL), and the header's box as a WAI-ARIA
combobox driven by the keyboard alone. In headless Chromium against built sites (the index's own files:
tests/test_search_index.py)."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
import test_hostile_input
from test_hostile_input import HANDLERS

from conftest import ROOT, SEED_PLAN, build_site, copy_project
from plansite.search.tokenize import tokens

hostile_site = test_hostile_input.hostile_site  # the fixture (its site is built again for this module)

AGENCY = "co-quan/phong-van-hoa-xa-hoi/"
ZALO_TASK = f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van/"
QUESTION = "ai phụ trách tuyên truyền trên zalo"  # "ai" (who) is a question word: no page needs it
PARTIAL = "tuyên truyền trên zalo và tiktok"  # no page writes "tiktok"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def folded(text: str) -> str:
    return " ".join(f for f, _ in tokens(text))


# --- the header's box ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(site, serve, browser):
    """(tab, base URL, every URL the tab asked for) on the seed site."""
    base = serve(site)
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    yield tab, base, requests
    tab.close()


def open_box(tab, base, query, page=""):
    """Type `query` into the header's box on `page` (keys only); the options once they are shown."""
    if page is not None:
        tab.goto(base + page)
    tab.focus("#ps-search-input")
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Backspace")
    tab.keyboard.type(query)
    tab.wait_for_function(
        "q => { const box = document.querySelector('#ps-search-results');"
        " return !box.hidden && box.dataset.psQuery === q; }",
        arg=query,
    )
    return tab.eval_on_selector_all(
        "#ps-search-listbox [role=option]",
        """els => els.map(o => ({
        id: o.id, href: o.getAttribute('href'), title: o.querySelector('.ps-result__title').textContent,
        marks: Array.from(o.querySelectorAll('.ps-result__snippet mark')).map(m => m.textContent),
        missing: (o.querySelector('.ps-result__missing') || {}).textContent || ''}))""",
    )


def path_of(base, href):
    return href[len(base) :] if href.startswith(base) else href


@pytest.mark.browser
def test_snippets_mark_the_words_found(seed):
    tab, base, _ = seed
    options = open_box(tab, base, "dan van", f"ke-hoach/{SEED_PLAN}/")
    assert len(options) == 10
    with_marks = [o for o in options if o["marks"]]
    assert len(with_marks) >= 8, options
    assert {folded(m) for o in with_marks for m in o["marks"]} <= {"dan", "van"}
    assert any(folded(m) == "dan" for o in with_marks for m in o["marks"])
    # <mark> elements made with DOM methods: the snippet's text is the excerpt's text, nothing parsed as HTML.
    assert tab.locator("#ps-search-listbox .ps-result__snippet *:not(mark)").count() == 0


@pytest.mark.browser
def test_snippets_mark_whole_phrases_not_a_syllable_inside_another_word(seed):
    """'dân vận': where a snippet holds the two syllables side by side, only those runs are marked, never the
    'dân' of 'nhân dân' or the 'vận' of another word."""
    tab, base, _ = seed
    open_box(tab, base, "dân vận", f"ke-hoach/{SEED_PLAN}/")
    snippets = tab.eval_on_selector_all(
        "#ps-search-listbox .ps-result__snippet",
        """els => els.map(s => ({
        text: s.textContent, marks: Array.from(s.querySelectorAll('mark')).map(m => m.textContent)}))""",
    )
    phrased = [s for s in snippets if "dan van" in folded(s["text"])]
    assert len(phrased) >= 3, snippets
    for snippet in phrased:
        marks = [folded(m) for m in snippet["marks"]]
        assert marks and marks == ["dan", "van"] * (len(marks) // 2), snippet
        assert marks.count("dan") <= folded(snippet["text"]).count("dan van"), snippet


@pytest.mark.browser
def test_a_question_shows_the_pages_with_most_of_its_words_and_says_which_were_left_out(seed):
    tab, base, _ = seed
    options = open_box(tab, base, PARTIAL)
    assert options and path_of(base, options[0]["href"]) == ZALO_TASK, options[:3]
    note = tab.inner_text(".ps-search__note")
    assert "Không tìm thấy: tiktok" in note, note
    assert options[0]["missing"] == "Thiếu: tiktok"
    assert all(o["missing"].startswith("Thiếu: ") for o in options)  # none holds every word


@pytest.mark.browser
def test_a_question_word_is_not_a_word_a_page_must_hold(seed):
    tab, base, _ = seed
    options = open_box(tab, base, QUESTION)
    assert ZALO_TASK in [path_of(base, o["href"]) for o in options[:3]], options[:3]
    assert not tab.locator(".ps-search__note").count()  # pages hold every word that names something
    assert not any("ai" in o["missing"].removeprefix("Thiếu: ").split(", ") for o in options)


@pytest.mark.browser
def test_words_side_by_side_rank_first(seed):
    tab, base, _ = seed
    assert path_of(base, open_box(tab, base, "phòng văn hóa")[0]["href"]) == AGENCY


@pytest.mark.browser
def test_the_live_region_says_how_many(seed):
    tab, base, _ = seed
    assert tab.get_attribute("#ps-search-status", "role") == "status"
    open_box(tab, base, "dan", "")
    status = re.fullmatch(
        r"(\d+) kết quả\. Mũi tên xuống để chọn, Enter để xem tất cả\.", tab.inner_text("#ps-search-status")
    )
    assert status and tab.inner_text(".ps-search__more") == f"Xem tất cả {status.group(1)} kết quả", status
    # Ten pages or more hold the phrase: they alone answer the box, and the count says so; the results page
    # lists the pages holding the words apart too, so the link names no number.
    open_box(tab, base, "dan van", None)
    status = re.fullmatch(
        r"(\d+) trang có cả cụm từ\. Mũi tên xuống để chọn, Enter để xem tất cả\.", tab.inner_text("#ps-search-status")
    )
    assert status and int(status.group(1)) >= 10 and tab.inner_text(".ps-search__more") == "Xem tất cả kết quả", (
        tab.inner_text("#ps-search-status")
    )
    open_box(tab, base, PARTIAL, None)
    assert "kết quả có một phần các từ" in tab.inner_text("#ps-search-status")
    open_box(tab, base, "xyzzyqwv", None)
    assert tab.inner_text("#ps-search-status") == "Không tìm thấy kết quả."


@pytest.mark.browser
def test_keyboard_only_arrow_down_and_enter_open_the_first_result(seed):
    tab, base, _ = seed
    options = open_box(tab, base, "phòng văn hóa", "")
    box = "#ps-search-input"
    assert tab.get_attribute(box, "role") == "combobox" and tab.get_attribute(box, "aria-expanded") == "true"
    assert tab.get_attribute(box, "aria-controls") == "ps-search-listbox"
    assert tab.get_attribute(box, "aria-activedescendant") is None
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowUp")
    assert tab.get_attribute(box, "aria-activedescendant") == options[0]["id"]
    assert tab.get_attribute(f"#{options[0]['id']}", "aria-selected") == "true"
    assert tab.evaluate("document.activeElement.id") == "ps-search-input"  # focus stays in the box
    tab.keyboard.press("Escape")
    assert tab.get_attribute(box, "aria-expanded") == "false" and tab.is_hidden("#ps-search-results")
    assert tab.get_attribute(box, "aria-activedescendant") is None
    tab.keyboard.press("ArrowDown")  # opens the list again
    tab.keyboard.press("ArrowDown")  # the first result
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url == base + AGENCY


@pytest.mark.browser
def test_enter_without_a_chosen_result_goes_to_the_results_page(seed):
    tab, base, _ = seed
    open_box(tab, base, "dân vận", f"ke-hoach/{SEED_PLAN}/")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    url = urlsplit(tab.url)
    assert url.path == "/tim-kiem/" and parse_qs(url.query) == {"q": ["dân vận"]}, tab.url
    tab.wait_for_selector(".ps-results__list li")
    assert tab.input_value("#ps-results-input") == "dân vận"


# --- the results page ------------------------------------------------------------------------------------


def results_page(tab, base, query_string):
    tab.goto(base + "tim-kiem/" + query_string)
    tab.wait_for_function("() => document.querySelector('.ps-results__count').textContent !== ''")
    items = tab.eval_on_selector_all(
        ".ps-results__list > li",
        """els => els.map(li => ({
        href: li.querySelector('.ps-result').getAttribute('href'),
        kind: li.querySelector('.ps-result__kind').textContent,
        marks: li.querySelectorAll('.ps-result__snippet mark').length}))""",
    )
    return tab.inner_text(".ps-results__count"), items


def count_of(text):
    return int(re.match(r"(\d+) kết quả", text).group(1))


@pytest.mark.browser
def test_results_page_shows_the_count_and_pages_through(seed):
    tab, base, _ = seed
    count, first = results_page(tab, base, "?q=dan+van")
    total = count_of(count)
    assert total > 10 and count.startswith(f"{total} kết quả cho “dan van”") and "trang 1/" in count
    assert len(first) == 10 and sum(1 for r in first if r["marks"]) >= 8
    assert tab.get_attribute(".ps-results__list", "start") == "1"
    assert tab.get_attribute(".ps-results__pager [aria-current=page]", "href").endswith("?q=dan+van")
    with tab.expect_navigation():
        tab.click(".ps-results__pager a[rel=next]")
    assert parse_qs(urlsplit(tab.url).query) == {"q": ["dan van"], "trang": ["2"]}
    tab.wait_for_selector(".ps-results__list li")
    second = tab.eval_on_selector_all(".ps-results__list .ps-result", "els => els.map(a => a.getAttribute('href'))")
    assert tab.get_attribute(".ps-results__list", "start") == "11"
    assert second and not set(second) & {r["href"] for r in first}
    assert "trang 2/" in tab.inner_text(".ps-results__count")
    assert tab.title().startswith("dan van – ")


@pytest.mark.browser
def test_kind_filter_narrows_the_list_and_is_in_the_url(seed):
    tab, base, _ = seed
    count, _ = results_page(tab, base, "?q=dan+van")
    with tab.expect_navigation():
        tab.click(".ps-results__filters a:has-text('Nhiệm vụ')")
    assert parse_qs(urlsplit(tab.url).query) == {"q": ["dan van"], "loai": ["nhiem-vu"]}
    narrowed, items = results_page(tab, base, "?" + urlsplit(tab.url).query)
    assert 0 < count_of(narrowed) < count_of(count) and len(items) == count_of(narrowed)
    assert {r["kind"] for r in items} == {"Nhiệm vụ"}
    assert "Nhiệm vụ" in tab.inner_text(".ps-results__filters [aria-current]")


@pytest.mark.browser
def test_a_question_on_the_results_page_says_which_words_were_left_out(seed):
    tab, base, _ = seed
    count, items = results_page(tab, base, "?q=" + PARTIAL.replace(" ", "+"))
    assert items and path_of(base, items[0]["href"]).endswith(ZALO_TASK)
    assert "Không tìm thấy: tiktok" in tab.inner_text(".ps-results__left-out")


@pytest.mark.browser
def test_the_open_box_and_the_results_page_have_no_axe_violation(seed):
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` (npm ci)", pytrace=False)
    tab, base, _ = seed
    found = []
    for prepare in (
        lambda: (open_box(tab, base, "dan van", ""), tab.keyboard.press("ArrowDown")),
        lambda: results_page(tab, base, "?q=" + QUESTION.replace(" ", "+")),
    ):
        prepare()
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("tags => axe.run(document, {runOnly: tags, resultTypes: ['violations']})", AXE_TAGS)
        found += [f"{tab.url}: {v['id']}: {n['html'][:160]}" for v in result["violations"] for n in v["nodes"]]
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_no_request_leaves_127_0_0_1(seed):
    tab, base, requests = seed
    results_page(tab, base, "?q=dan+van")
    assert requests and all(url.startswith(base) for url in requests), [u for u in requests if not u.startswith(base)]


# --- the plan filter, on a site with four plans ---------------------------------------------------------


@pytest.fixture(scope="module")
def three_plans(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("plans"))
    shutil.copytree(ROOT / "tests/fixtures/multi_place/plan_data", project / "plan_data", dirs_exist_ok=True)
    out = project / "site"
    result = build_site(project, out, expect_warnings=("Mỗi nhiệm vụ cần một tóm tắt dễ hiểu (summary)",))
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.browser
def test_plan_filter_keeps_the_pages_of_one_plan(three_plans, serve, browser):
    base = serve(three_plans)
    plans = json.loads((three_plans / "search/plans.json").read_text(encoding="utf-8"))
    assert len(plans) == 4 and SEED_PLAN in plans  # the seed plan and the fixture's three
    tab = browser.new_page()
    try:
        count, _ = results_page(tab, base, "?q=dan+van")
        links = tab.eval_on_selector_all(".ps-results__filters a", "els => els.map(a => a.textContent)")
        assert sum(1 for text in links if any(text.startswith(title) for title in plans.values())) >= 2, links
        other = next(plan for plan in sorted(plans) if plan != SEED_PLAN)
        narrowed, items = results_page(tab, base, f"?q=dan+van&ke-hoach={other}")
        assert items and all(r["href"].startswith(base + f"ke-hoach/{other}/") for r in items)
        assert count_of(narrowed) < count_of(count)
        current = tab.eval_on_selector_all(".ps-results__filters [aria-current]", "els => els.map(a => a.textContent)")
        assert current[0].startswith("Tất cả (") and current[1].startswith(plans[other]), current
    finally:
        tab.close()


# --- hostile text from the data: in titles, snippets and the left-out words, as text -------------------------


@pytest.mark.browser
def test_hostile_text_in_snippets_and_on_the_results_page_stays_text(hostile_site, serve, browser):
    base = serve(hostile_site)
    tab = browser.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        count, items = results_page(tab, base, "?q=onerror+alert")
        assert items and count_of(count) > 0
        assert "<img src=x onerror=alert(1)>" in tab.inner_text(".ps-results__list")
        assert tab.locator(".ps-results__list mark").count() > 0
        # Partial, words left out (no digit: "alert(1)" would be read as a number a hostile page's number holds).
        options = open_box(tab, base, "<svg onload=alert(document.cookie)> zzqxv", None)
        assert options and "zzqxv" in tab.inner_text(".ps-search__note")
        assert (
            tab.locator(".ps-search img, .ps-search svg, .ps-results img, .ps-results svg, .ps-results iframe").count()
            == 0
        )
        assert tab.evaluate(HANDLERS) == [] and dialogs == []
    finally:
        tab.close()


@pytest.mark.browser
def test_phrase_marks_are_the_syllables_side_by_side_not_a_syllable_of_another_word(seed):
    tab, base, _ = seed
    tab.goto(base)
    marks = """([text, q]) => window.planSearchCore.phraseHits(text, window.planSearchTokenize(q))
        .map(h => [h.start, text.slice(h.start, h.end)])"""
    text = "Ủy ban nhân dân xã về công tác dân vận"
    assert tab.evaluate(marks, [text, "dân vận"]) == [[text.index("dân vận"), "dân"], [text.index("vận"), "vận"]]
    assert tab.evaluate(marks, [text, "dan van"]) == [[text.index("dân vận"), "dân"], [text.index("vận"), "vận"]]
    apart = "Nhân dân tham gia vận động"  # no phrase here: each syllable found is marked
    assert [w for _, w in tab.evaluate(marks, [apart, "dân vận"])] == ["dân", "vận"]


@pytest.mark.browser
def test_a_word_typed_with_diacritics_is_held_only_as_typed(seed):
    tab, base, _ = seed
    options = open_box(tab, base, "Thu Hiền", "")
    missing = {path_of(base, o["href"]): o["missing"] for o in options}
    assert path_of(base, options[0]["href"]) == f"ke-hoach/{SEED_PLAN}/" and not options[0]["missing"]
    assert missing["co-quan/thu-tuong-chinh-phu/"] == "Thiếu: Hiền"  # "Thủ tướng … thực hiện": not the name
