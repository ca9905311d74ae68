"""A national search over three provinces' sites, without a server (bench/national.py, bench/SCALE.md):
one query in Chromium answered from two provinces or more, each result a page its province's own search
finds, and only the national page and the provinces' index files fetched."""

from __future__ import annotations

import sys
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import national  # noqa: E402

pytestmark = pytest.mark.browser
QUERY = "dân vận"


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    return national.build(tmp_path_factory.mktemp("national") / "out", plans=2, tasks=4)


def test_one_query_finds_pages_of_several_provinces(country, serve, browser, search_site):
    base = serve(country)
    fetched: list[str] = []
    page = browser.new_page()
    try:
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(base)
        page.fill("#ns-query", QUERY)
        page.press("#ns-query", "Enter")
        page.wait_for_selector(f'#ns-results[data-ns-query="{QUERY}"]')
        shown = page.eval_on_selector_all(
            "#ns-results li",
            """items => items.map(li => ({
            province: li.getAttribute('data-ns-province'), href: li.querySelector('a').href,
            title: li.querySelector('a').textContent, where: li.querySelector('.ns-where').textContent}))""",
        )
        counts = page.eval_on_selector_all("#ns-counts li", "items => items.map(li => li.textContent)")
    finally:
        page.close()

    assert len(shown) == 10
    provinces = {item["province"] for item in shown}
    assert len(provinces) >= 2, shown
    assert [line.split(":")[0] for line in counts] == ["tỉnh An", "tỉnh Bình", "tỉnh Cao"]
    for folder in provinces:
        own = {base + folder + "/" + result["url"] for result in search_site(country / folder, QUERY)}
        ours = [item for item in shown if item["province"] == folder]
        assert all(item["where"] == "tỉnh " + dict((f, n) for f, n, _ in national.PROVINCES)[folder] for item in ours)
        assert {item["href"] for item in ours} <= own, (folder, ours, own)
    for item in shown:
        path = unquote(urlsplit(item["href"]).path).lstrip("/")
        assert (country / path / "index.html").is_file() and item["title"], item

    paths = [unquote(urlsplit(url).path).lstrip("/") for url in fetched]
    index_files = [path for path in paths if "/search/" in path]
    assert {path.split("/")[0] for path in index_files} == {"tinh-an", "tinh-binh", "tinh-cao"}
    assert all(
        path in ("", "national.json", "assets/national-search.js")
        or path.startswith("assets/plan-search.js")
        or path in index_files
        for path in paths
    ), paths
    fetched_bytes = sum((country / path).stat().st_size for path in index_files)
    every_index = sum(
        p.stat().st_size
        for folder in ("tinh-an", "tinh-binh", "tinh-cao")
        for p in (country / folder / "search").rglob("*")
        if p.is_file()
    )
    assert 0 < fetched_bytes < every_index / 4, (fetched_bytes, every_index)  # a few shards, not the indexes
