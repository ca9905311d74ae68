"""Material's frame around every page: rendered once per distinct input (plansite_mkdocs/frame_memo.py), and
what it still gives readers."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.structure.toc import AnchorLink

from conftest import build_variant
from plansite_mkdocs.frame_memo import Memo, nav_key, toc_key


def test_the_memo_renders_a_key_once_and_keeps_the_latest_used():
    memo, calls = Memo(limit=2), []

    def render(text):
        def caller():
            calls.append(text)
            return text

        return caller

    assert memo("nav", "../", caller=render("A")) == "A"
    assert memo("nav", "../", caller=render("B")) == "A"  # same key: the first text, not rendered again
    assert memo("nav", "../../", caller=render("C")) == "C"
    assert memo("nav", "../", caller=render("D")) == "A"  # used last: kept
    assert memo("toc", (), caller=render("E")) == "E"  # the third key: "../../" (least recently used) goes
    assert memo("nav", "../../", caller=render("F")) == "F"
    assert calls == ["A", "C", "E", "F"] and (memo.hits, memo.misses) == (2, 4)


class _Page:
    """What the key functions read of a page: its address and table of contents."""

    def __init__(self, url: str, title: str = "", sections: tuple[str, ...] = ()):
        self.url, self.toc = url, []
        if title:
            top = AnchorLink(title, title.lower().replace(" ", "-"), 1)
            top.children = [AnchorLink(s, s.lower().replace(" ", "-"), 2) for s in sections]
            self.toc = [top]


class _Nav:
    def __init__(self, *pages):
        self.pages = list(pages)


def test_the_keys_share_what_pages_share_and_part_what_they_do_not():
    home, plans, agencies = _Page(""), _Page("ke-hoach/"), _Page("co-quan/")
    nav, config = _Nav(home, plans, agencies), SimpleNamespace(extra={}, theme={})  # no homepage, no logo
    task = _Page("ke-hoach/a/nhiem-vu/1/", "Nhiệm vụ 1", ("Cơ quan thực hiện", "Thời gian"))
    other_task = _Page("ke-hoach/b/nhiem-vu/9/", "Nhiệm vụ 9", ("Cơ quan thực hiện", "Thời gian"))
    agency = _Page("co-quan/x/", "Phòng X", ("Nhiệm vụ chủ trì",))
    deep_agency = _Page("co-quan/x/y/z/", "Phòng Z", ("Nhiệm vụ chủ trì",))
    # Two tasks of different plans: the same links from the same depth, the same sections under their titles.
    assert nav_key(task, nav, config) == nav_key(other_task, nav, config)
    assert toc_key(task) == toc_key(other_task) != toc_key(agency)
    # Same depth, another section: "../../../../ke-hoach/" from one, "../../../" from the other.
    assert nav_key(deep_agency, nav, config) != nav_key(task, nav, config)
    # A page in the navigation is marked there: its own key, not its neighbours'.
    assert nav_key(plans, nav, config) != nav_key(agencies, nav, config)


@pytest.fixture(scope="module")
def memo_and_plain(tmp_path_factory) -> tuple[Path, Path]:
    """The seed site built as it is, and with a memo that keeps nothing (every block rendered on every page)."""
    tmp = tmp_path_factory.mktemp("frame")
    memo = build_variant(tmp / "memo")
    plain = build_variant(tmp / "plain", ("hooks/plansite_mkdocs/frame_memo.py", "\nLIMIT = ", "\nLIMIT = 0  # "))
    return memo, plain


def test_the_memo_writes_every_file_byte_for_byte_as_rendering_each_page_does(memo_and_plain):
    memo, plain = memo_and_plain
    files = sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(memo).as_posix() for p in memo.rglob("*") if p.is_file())
    pages = [f for f in files if f.endswith(".html")]
    assert len(pages) > 40
    # Pages that share a navigation and differ in it: a task page, a document page, a page in the navigation.
    kinds = {"ke-hoach/", "van-ban/", "co-quan/", "gioi-thieu/"}
    assert all(any(page.startswith(kind) for page in pages) for kind in kinds)
    different = [f for f in files if (memo / f).read_bytes() != (plain / f).read_bytes()]
    assert not different, different[:10]


def _frame(html: str) -> str:
    """A page without its article's text (Material's frame, our share box included)."""
    start = html.index(">", html.index("<article")) + 1
    return html[:start] + html[html.rindex("</article>") :]


def test_every_page_keeps_what_the_frame_gives_readers_in_fewer_bytes(site):
    pages = sorted(site.rglob("*.html"))
    tasks = [p for p in pages if "/nhiem-vu/" in p.relative_to(site).as_posix()]
    assert len(pages) > 40 and tasks
    joined = (site / "assets" / "plan.js").read_text(encoding="utf-8")
    for name in ("plan-frame.js", "plan-search.js", "plan-share.js", "plan-bulletins.js"):
        assert (site / "assets" / name).read_text(encoding="utf-8").rstrip() in joined, name
    for page in pages:
        name = page.relative_to(site).as_posix()
        if name.startswith("bien-tap/"):
            continue  # the web form's page: Decap CMS's, no frame
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # The menu drawer on phones, the search box, back to top, the logo home.
        assert soup.select_one('label.md-header__button[for="__drawer"]'), name
        assert soup.select_one("nav.md-nav--primary"), name
        assert soup.select_one("form.ps-search input#ps-search-input[name=q]"), name  # the script makes it a combobox
        assert soup.select_one("button.md-top[data-md-component=top]"), name
        logos = soup.select("a.md-logo[aria-label] > img[alt='']")
        assert len(logos) == 2 and all(img["src"].endswith("assets/logo.svg") for img in logos), name
        # Material's storage helpers before its bundle, our scripts in one file after it, all deferred.
        scripts = [s["src"].rsplit("/", 1)[-1] for s in soup.select("script[src]")]
        assert scripts[0] == "plan-scope.js" and scripts[-2].startswith("bundle.") and scripts[-1] == "plan.js", name
        assert not [s for s in soup.select("script") if "__md_scope" in s.get_text() or "__tabbed_" in s.get_text()]
        config = json.loads(soup.select_one("script#__config").get_text())
        assert config["translations"] == {} and "navigation.top" in config["features"] and "search" not in config
        # Link previews: og: tags, and of X's own only the card.
        if soup.select_one('meta[property="og:title"]'):
            assert soup.select_one('meta[name="twitter:card"]'), name
            assert not soup.select('meta[name="twitter:title"], meta[name="twitter:description"]'), name
    for page in tasks:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        # The skip link to the content; the table of contents of a wide screen, its entries made by plan-toc.js
        # (the browser test below).
        skip = soup.select_one("a.md-skip")
        assert skip and soup.find(id=skip["href"][1:]), page
        toc = soup.select_one(".md-sidebar--secondary nav.md-nav--secondary[data-ps-toc][aria-label='Mục lục']")
        assert toc is not None and not toc.contents, page
        # Measured 9.8 KB on the seed's task pages (was 11.6 KB before issue 24's frame work).
        assert len(_frame(html).encode()) < 10.5 * 1024, (page, len(_frame(html).encode()))
    agencies = sorted(site.glob("co-quan/*/index.html"))  # other pages carry their table of contents, as Material
    assert len(agencies) > 3  # writes it
    for page in agencies:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        toc = [a["href"] for a in soup.select("nav.md-nav--secondary:not([data-ps-toc]) a.md-nav__link")]
        assert toc and all(soup.find(id=href[1:]) for href in toc), page


def _first_task(site: Path, serve) -> tuple[str, str]:
    """(the served site's address without its final slash, the first task page's folder in it)."""
    task = next(site.glob("ke-hoach/*/nhiem-vu/*/index.html")).relative_to(site).parent.as_posix()
    return serve(site).rstrip("/"), task


def _watched(browser, width: int, height: int):
    """(a new page of that size, the list its uncaught errors are added to)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


@pytest.mark.browser
def test_material_and_our_scripts_run_from_their_files_without_an_error(site, serve, browser):
    """In Chromium, on a task page: Material's storage helpers defined before its bundle and scoped to the
    site's root (as the inline script scoped them), our joined scripts running (the search box's combobox,
    the share buttons), Material's bundle mounted (back to top), and no error on the page."""
    base, task = _first_task(site, serve)
    page, errors = _watched(browser, 360, 740)
    try:
        page.goto(f"{base}/{task}/")
        page.wait_for_function("() => window.document$ !== undefined")  # Material's bundle has run
        scope = page.evaluate("() => [typeof __md_get, typeof __md_set, __md_scope.href]")
        assert scope == ["function", "function", f"{base}/"], scope
        page.evaluate("() => __md_set('__frame_test', 1)")
        assert page.evaluate("() => localStorage.getItem('/.__frame_test')") == "1"  # the root's key, as before
        assert page.evaluate("() => typeof window.planSearch") == "function"  # plan-search.js, from assets/plan.js
        # The header's box made a WAI-ARIA combobox by plan-search-box.js: the page carries the plain form.
        combobox = """() => { const i = document.getElementById('ps-search-input');
            const list = document.getElementById(i.getAttribute('aria-controls'));
            return [i.getAttribute('role'), i.getAttribute('aria-expanded'), list && list.getAttribute('role'),
                    list && list.parentElement.hidden, document.querySelectorAll('form.ps-search [role=status]').length]
        }"""
        assert page.evaluate(combobox) == ["combobox", "false", "listbox", True, 1]
        page.click('label.md-header__button[for="__drawer"]')  # the menu drawer on a phone
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        assert page.is_visible("nav.md-nav--primary > .md-nav__list > li > a >> nth=1")
        assert errors == [], errors
    finally:
        page.close()


def _entries(tokens, depth=0) -> list[tuple[str, str, int]]:
    """(href, title, depth) of Material's table of contents of nested heading tokens (site/html/headings.py)."""
    out = []
    for token in tokens:
        out.append(("#" + token["id"], token["name"], depth))
        out += _entries(token["children"], depth + 1)
    return out


@pytest.mark.browser
def test_a_task_page_s_table_of_contents_is_the_one_material_wrote_from_its_headings(site, serve, browser):
    """On every task page of the seed, at 1400 px: the entries plan-toc.js makes are those Material's toc
    partial wrote from page.toc, which the adapter reads from the page's headings (headings.contents: the
    h1's children), in order and nesting, each under Material's title, its scroll-spy watching them (it took
    the list's data-md-scrollfix, as from a list the page carried)."""
    from plansite.site.html.headings import contents, nested

    base = serve(site).rstrip("/")
    pages = sorted(site.glob("ke-hoach/*/nhiem-vu/*/index.html"))
    made = """() => { const nav = document.querySelector('nav.md-nav--secondary');
        const depth = a => { let n = 0; for (let e = a.parentElement; e !== nav; e = e.parentElement)
            if (e.matches('nav.md-nav')) n++; return n; };
        return [nav.querySelector(':scope > label.md-nav__title').textContent.trim(),
                [...nav.querySelectorAll('a.md-nav__link')].map(a =>
                    [a.getAttribute('href'), a.textContent, depth(a)]),
                nav.querySelectorAll('[data-md-scrollfix]').length,
                !!nav.querySelector(':scope > ul.md-nav__list[data-md-component=toc]')] }"""
    tab = browser.new_page(viewport={"width": 1400, "height": 800})
    checked = 0
    try:
        for page in pages:
            html = page.read_text(encoding="utf-8")
            article = html[html.index("<article") : html.rindex("</article>")]
            (title,) = nested(contents(article))  # the page's h1, its sections under it
            tab.goto(f"{base}/{page.relative_to(site).parent.as_posix()}/")
            tab.wait_for_function("() => window.document$ !== undefined")
            label, entries, scrollfix, listed = tab.evaluate(made)
            assert label == "Mục lục" and scrollfix == 0 and listed, page
            assert [tuple(entry) for entry in entries] == _entries(title["children"]), page
            checked += len(entries)
    finally:
        tab.close()
    assert len(pages) == 5 and checked >= 7 * len(pages)  # the seed plan's five tasks, seven or more sections each


@pytest.mark.browser
def test_a_script_that_fails_in_the_joined_file_stops_no_other(tmp_path, serve, browser):
    """assets/plan.js joins our scripts (script_bundle.py): one that throws while it runs (here plan-toc.js,
    the second, as on a browser without a feature it uses) leaves the others running, as separate files did,
    and its error still reaches the page's console."""
    site = build_variant(
        tmp_path / "throws",
        ("docs/assets/plan-toc.js", '  "use strict";\n', '  "use strict";\n  throw new Error("toc-test");\n'),
    )
    base, task = _first_task(site, serve)
    page, errors = _watched(browser, 1400, 800)
    try:
        page.goto(f"{base}/{task}/")
        page.wait_for_function("() => window.document$ !== undefined")
        page.wait_for_selector(".ps-share__zalo")  # plan-share.js, joined after it, ran
        assert page.evaluate("() => typeof window.planSearch") == "function"  # plan-search.js too
        assert not page.locator("nav.md-nav--secondary a").count()  # the one that threw made nothing
        page.wait_for_timeout(50)  # the error is thrown again from a timer
        assert any("toc-test" in error for error in errors), errors
    finally:
        page.close()


@pytest.mark.browser
def test_the_lean_entries_keep_the_scroll_spy_and_the_drawer(site, serve, browser):
    """The navigation's and the table of contents' entries are written without Material's md-ellipsis span
    (overrides/partials/nav-item.html, toc-item.html). On a wide screen Material's scroll-spy still marks the
    section being read in the table of contents; on a phone the drawer still lists every section of the site
    (mkdocs.yml's nav), each a link."""
    import yaml

    base, task = _first_task(site, serve)
    active = (
        "h => document.querySelector(`nav.md-nav--secondary a[href='${h}']`).classList.contains('md-nav__link--active')"
    )
    page = browser.new_page(viewport={"width": 1400, "height": 700})
    try:
        page.goto(f"{base}/{task}/")
        page.wait_for_function("() => window.document$ !== undefined")  # Material's bundle has run
        links = page.locator("nav.md-nav--secondary a.md-nav__link")
        assert links.count() >= 3 and not page.locator(".md-sidebar .md-ellipsis").count()
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function(active, arg=hrefs[-1])  # the page's end: the last section
        assert page.locator("nav.md-nav--secondary a.md-nav__link--active").count() == 1
        page.evaluate("h => document.getElementById(h.slice(1)).scrollIntoView()", hrefs[1])
        page.wait_for_function(active, arg=hrefs[1])  # the second section at the top: its entry marked
        assert not page.evaluate(active, hrefs[-1])
    finally:
        page.close()
    config = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    sections = [next(iter(entry)) for entry in yaml.safe_load(config)["nav"]]
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        page.goto(f"{base}/{task}/")
        page.wait_for_function("() => window.document$ !== undefined")
        page.click('label.md-header__button[for="__drawer"]')
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        entries = "nav.md-nav--primary > .md-nav__list > li > a"
        drawer = page.locator(entries)
        page.wait_for_function("s => document.querySelectorAll(s)[1].offsetParent", arg=entries)
        assert [drawer.nth(i).inner_text().strip() for i in range(drawer.count())] == sections
        assert all(drawer.nth(i).is_visible() for i in range(drawer.count()))
    finally:
        page.close()


_LOOK = """([entry, classes]) => {  // the computed look of a menu entry or a contents entry (li and link)
    const names = ["display", "padding", "margin", "gap", "alignItems", "fontSize", "lineHeight", "borderTop",
                   "color", "scrollSnapAlign", "transition", "outlineColor", "outlineOffset"];
    const look = e => names.map(n => getComputedStyle(e)[n]).join(" | ");
    const link = document.querySelector(entry), item = link.closest("li");
    const plain = [look(item), look(link)];
    item.classList.add(classes[0]);
    link.classList.add(classes[1]);
    const material = [look(item), look(link)];
    item.classList.remove(classes[0]);
    link.classList.remove(classes[1]);
    return [plain, material];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1000, 1280])
def test_entries_without_materials_classes_look_as_materials_do(site, serve, browser, width):
    """The menu's entries and the contents' <li> are written without `md-nav__item` and `md-nav__link`
    (nav-item.html, toc-item.html); plan-site.css matches them by place. In Chromium, on a phone with the
    drawer open, a tablet and a wide screen, an entry's computed look (item and link: box, type, colours,
    border) is the look Material gives the same entry with its classes put back; focused too."""
    base, task = _first_task(site, serve)
    page = browser.new_page(viewport={"width": width, "height": 740})
    checked = 0
    try:
        page.goto(f"{base}/{task}/")
        page.wait_for_function("() => window.document$ !== undefined")
        if width < 1220:
            page.click('label.md-header__button[for="__drawer"]')
            page.wait_for_function("() => document.getElementById('__drawer').checked")
        for n in (1, 3, 10):
            entry = f"nav.md-nav--primary > .md-nav__list > li:nth-child({n}) > a"
            plain, material = page.evaluate(_LOOK, [entry, ["md-nav__item", "md-nav__link"]])
            assert plain == material, (entry, plain, material)
            page.focus(entry)
            plain, material = page.evaluate(_LOOK, [entry, ["md-nav__item", "md-nav__link"]])
            assert plain == material, (entry, "focused", plain, material)
            checked += 1
        if width >= 1220:  # the contents, shown beside the page on a wide screen
            plain, material = page.evaluate(_LOOK, ["nav.md-nav--secondary li > a", ["md-nav__item", "md-nav__link"]])
            assert plain == material, (plain, material)
            checked += 1
    finally:
        page.close()
    assert checked >= 3


@pytest.mark.browser
def test_the_menu_and_back_to_top_icons_come_from_the_stylesheet(site, serve, browser):
    """The menu button's and back to top's icons are drawn by plan-site.css, not written into each page as SVG:
    in Chromium on a phone both show a 1.2rem icon (Material's size) in the text's colour, the menu button is
    Material's 2rem square, and back to top still comes back when the reader scrolls up."""
    task = next(site.glob("ke-hoach/*/nhiem-vu/*/index.html"))
    soup = BeautifulSoup(task.read_text(encoding="utf-8"), "html.parser")
    assert not soup.select('label[for="__drawer"] svg, .md-top svg')
    base = serve(site).rstrip("/")
    icon = """s => { const e = document.querySelector(s), r = e.getBoundingClientRect();
        const b = getComputedStyle(e, '::before');
        return [r.width, r.height, b.width, b.height, b.maskImage.startsWith('url("data:image/svg+xml'),
                b.backgroundColor === getComputedStyle(e).color] }"""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        page.goto(f"{base}/{task.relative_to(site).parent.as_posix()}/")
        page.wait_for_function("() => window.document$ !== undefined")
        assert page.evaluate(icon, 'label.md-header__button[for="__drawer"]') == [40, 40, "24px", "24px", True, True]
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -300)
        page.wait_for_function("() => !document.querySelector('.md-top').hidden")
        assert page.evaluate(icon, ".md-top")[2:] == ["24px", "24px", True, True]
    finally:
        page.close()


def test_the_feed_is_announced_where_readers_subscribe_not_on_every_leaf_page(site):
    """The feed's autodiscovery link is on the home page, the sections and a plan's pages, and not on the
    task, agency and document pages (the same site-wide feed, 150 bytes on each of a province's 50,000)."""

    def feeds(path: str) -> list[str]:
        soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [link["href"] for link in soup.select('head link[rel=alternate][type="application/atom+xml"]')]

    plan = next(site.glob("ke-hoach/*/phu-luc/index.html")).parent.parent.relative_to(site).as_posix()
    assert feeds(".") == ["feed.xml"] and feeds("cap-nhat") == ["../feed.xml"] and feeds(plan) == ["../../feed.xml"]
    leaves = [
        next(site.glob(pattern)).parent for pattern in ("ke-hoach/*/nhiem-vu/*/index.html", "co-quan/*/index.html")
    ]
    leaves += [next(site.glob("van-ban/*/index.html")).parent]
    assert all(feeds(leaf.relative_to(site).as_posix()) == [] for leaf in leaves)
    assert (site / "feed.xml").is_file()
