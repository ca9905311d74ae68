"""The offline edition (`make offline`): one deterministic zip that works unzipped, opened from file:// in
Chromium with no server and no internet: pages linked by file name, search answered from the index's
script files (browsers refuse fetch() from file://), no request to any http(s) address at all."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import SEED_PLAN
from plansite.search.stored import read_index
from plansite_mkdocs.offline import OFFLINE_FOLDER, build_offline, build_site, local_links

DOCUMENT = "van-ban/chi-thi-33-ct-ttg-2021.html"


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> tuple[Path, Path]:
    """(the zip `make offline` writes, the folder it unzips to)."""
    work = tmp_path_factory.mktemp("offline")
    target = work / "site-offline.zip"
    assert build_offline(target) == 0
    with zipfile.ZipFile(target) as archive:
        archive.extractall(work / "unzipped")
    return target, work / "unzipped" / OFFLINE_FOLDER


def test_the_zip_is_deterministic_and_holds_one_folder(edition, tmp_path):
    target, _ = edition
    assert build_offline(tmp_path / "again.zip") == 0
    assert (tmp_path / "again.zip").read_bytes() == target.read_bytes()  # same data, same bytes
    with zipfile.ZipFile(target) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and all(n.startswith(OFFLINE_FOLDER + "/") for n in names)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert f"{OFFLINE_FOLDER}/index.html" in names and f"{OFFLINE_FOLDER}/search/js/meta.js" in names
    assert f"{OFFLINE_FOLDER}/search/meta.json" in names  # the JSON stays, for a server
    assert not any(n.endswith(("sitemap.xml", "sitemap.xml.gz", f"{OFFLINE_FOLDER}/404.html")) for n in names)


def test_every_index_file_has_its_script(edition):
    _, folder = edition
    index = sorted(name[len("search/") : -len(".json")] for name in read_index(folder))
    assert any(name.startswith("t/") for name in index) and any(name.startswith("x/") for name in index)
    scripts = sorted(
        p.relative_to(folder / "search/js").with_suffix("").as_posix() for p in (folder / "search/js").rglob("*.js")
    )
    assert index and scripts == index


def test_every_local_link_of_the_offline_pages_finds_its_file(tmp_path):
    assert build_site(tmp_path / "site") == 0
    assert local_links(tmp_path / "site") == []


@pytest.mark.browser
def test_opened_from_file_it_browses_and_searches_without_any_http_request(edition, browser):
    _, folder = edition
    tab = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        tab.goto((folder / "index.html").as_uri())
        assert tab.title()
        # Follow links as a reader does: the plans' index, the plan, one of its tasks.
        with tab.expect_navigation():
            tab.click("nav.md-nav--primary a[href$='ke-hoach/index.html']")
        with tab.expect_navigation():
            tab.click(f"article a[href*='{SEED_PLAN}/index.html']")
        assert tab.url == (folder / "ke-hoach" / SEED_PLAN / "index.html").as_uri()
        task = tab.eval_on_selector("article a[href*='nhiem-vu/']", "a => a.href")
        with tab.expect_navigation():
            tab.click("article a[href*='nhiem-vu/']")
        assert tab.url == task and task.startswith("file://") and task.endswith(".html")
        assert Path(tab.evaluate("location.pathname")).is_file()
        assert tab.inner_text("article h1").startswith("Nhiệm vụ")

        def search(query):
            tab.fill("#ps-search-input", query)
            tab.wait_for_function(
                "q => { const box = document.querySelector('#ps-search-results');"
                " return !box.hidden && box.dataset.psQuery === q; }",
                arg=query,
            )
            return tab.eval_on_selector_all("#ps-search-listbox .ps-result", "els => els.map(a => a.href)")

        found = search("dan van")
        assert len(found) == 10 and all(h.startswith(folder.as_uri() + "/") for h in found)
        assert all(Path(h[len("file://") :]).is_file() for h in found)
        assert tab.locator("#ps-search-listbox .ps-result__snippet mark").count() > 0
        assert search("33/CT-TTg")[0] == (folder / DOCUMENT).as_uri()
        # Enter: the results page, as a file too.
        tab.focus("#ps-search-input")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert tab.url.startswith((folder / "tim-kiem.html").as_uri() + "?q=")
        tab.wait_for_selector(".ps-results__list li")
        assert tab.eval_on_selector(".ps-results__list .ps-result", "a => a.href") == (folder / DOCUMENT).as_uri()
    finally:
        tab.close()
    assert not errors, errors
    assert requests and all(url.startswith("file://") for url in requests), [
        url for url in requests if not url.startswith("file://")
    ]
    assert any("/search/js/" in url for url in requests)  # the index came as scripts
