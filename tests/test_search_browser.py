"""Search in the site's own search box, in real headless Chromium, against the built site."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import SEED_PLAN as PLAN

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_page(site, serve, browser):
    base = serve(site)
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + f"ke-hoach/{PLAN}/")
    yield page, base, requests
    page.close()


def results(search_page, query: str) -> list[dict]:
    page = search_page[0]
    page.fill("#ps-search-input", "")
    page.fill("#ps-search-input", query)
    page.wait_for_selector(".ps-search__results:not([hidden])")
    page.wait_for_function("q => document.querySelector('#ps-search-input').value === q", arg=query)
    page.wait_for_timeout(50)
    return page.eval_on_selector_all(
        ".ps-result",
        """els => els.map(a => ({
        href: a.getAttribute('href'), kind: a.querySelector('.ps-result__kind').textContent,
        title: a.querySelector('.ps-result__title').textContent}))""",
    )


def top3(search_page, query):
    return [r["href"].split("/", 3)[3] for r in results(search_page, query)[:3]]


@pytest.mark.parametrize(
    "query,expected,first",
    [
        ("33/CT-TTg", "van-ban/chi-thi-33-ct-ttg-2021/", True),
        ("33/ct-ttg", "van-ban/chi-thi-33-ct-ttg-2021/", True),
        ("CT-TTg 33", "van-ban/chi-thi-33-ct-ttg-2021/", True),
        ("chi thi 33", "van-ban/chi-thi-33-ct-ttg-2021/", False),
        ("218-QĐ/TW", "van-ban/quyet-dinh-218-qd-tw-2013/", True),
        ("218 QĐ/TW", "van-ban/quyet-dinh-218-qd-tw-2013/", True),
        ("218 QD/TW", "van-ban/quyet-dinh-218-qd-tw-2013/", True),
        ("qd 217", "van-ban/quyet-dinh-217-qd-tw-2013/", False),
        ("294/KH-UBND", "van-ban/ke-hoach-294-kh-ubnd-2025-hai-phong/", True),
        ("Uỷ ban mặt trận", "co-quan/ubmttq-xa/", False),
        ("phong van hoa xa hoi", "co-quan/phong-van-hoa-xa-hoi/", False),
        ("zalo", f"ke-hoach/{PLAN}/nhiem-vu/quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van/", False),
        ("thuong xuyen", f"ke-hoach/{PLAN}/nhiem-vu/thong-tin-tuyen-truyen-dai-chung/", False),
        ("trung tam dich vu", "co-quan/trung-tam-dich-vu-su-nghiep-cong/", True),
        ("luat thuc hien dan chu", "van-ban/luat-thuc-hien-dan-chu-o-co-so-2022/", False),
    ],
)
def test_query_finds_expected_page_in_top_3(search_page, query, expected, first):
    found = top3(search_page, query)
    assert expected in found, found
    if first:
        assert found[0] == expected, found


def test_diacritics_are_optional(search_page):
    assert top3(search_page, "dan van")[0] == top3(search_page, "dân vận")[0]


def test_tone_placement_and_unicode_form_do_not_matter(search_page):
    nfc = results(search_page, "Ủy ban mặt trận")
    assert results(search_page, "Uỷ ban mặt trận") == nfc
    assert results(search_page, unicodedata.normalize("NFD", "Ủy ban mặt trận")) == nfc
    assert nfc[0]["kind"] == "Cơ quan"


def test_d_bar_folds_to_d(search_page):
    hits = results(search_page, "dang uy")
    assert any("Đảng ủy" in r["title"] for r in hits[:3])


def test_typed_diacritics_rank_exact_matches_first(search_page):
    # "văn" (culture) and "vận" (mobilisation) fold alike; typed with marks, "vận" pages come first.
    assert "Dân vận" in results(search_page, "dân vận")[0]["title"]
    assert "Văn hóa" in results(search_page, "văn hóa")[0]["title"]


def test_results_say_what_kind_of_page_each_hit_is(search_page):
    kinds = {r["kind"] for r in results(search_page, "phong van hoa")}
    assert "Cơ quan" in kinds and kinds <= {
        "Cơ quan",
        "Nhiệm vụ",
        "Văn bản",
        "Kế hoạch",
        "Phụ lục",
        "Danh mục",
        "Trang",
    }


def test_no_result_message(search_page):
    page = search_page[0]
    results(search_page, "xyzzyqwv")
    assert "Không tìm thấy" in page.inner_text(".ps-search__results")


def test_no_request_leaves_the_site(search_page):
    _, base, requests = search_page
    results(search_page, "dan van")
    assert requests and all(url.startswith(base) for url in requests), [u for u in requests if not u.startswith(base)]


def fresh_results(browser, base: str, query: str) -> list[dict]:
    """What `query` finds on a page opened afresh (nothing loaded, nothing failed)."""
    fresh = browser.new_page()
    try:
        fresh.goto(base)
        return fresh.evaluate("q => window.planSearch(q)", query)
    finally:
        fresh.close()


def test_a_failed_load_of_an_index_file_is_tried_again(site, serve, browser):
    """A manifest or index file that failed to load (the network dropped once) is asked for again by the
    next search, instead of search staying empty until the page is reloaded."""
    base, query = serve(site), "33/CT-TTg"
    expected = fresh_results(browser, base, query)
    assert expected and expected[0]["url"].endswith("van-ban/chi-thi-33-ct-ttg-2021/"), expected

    page, requested, failed = browser.new_page(), [], set()

    def fail_once(route):
        name = route.request.url.split("/search/", 1)[1]
        requested.append(name)
        if name in failed:
            route.continue_()
        else:
            failed.add(name)
            route.abort("internetdisconnected")

    try:
        page.route("**/search/**", fail_once)
        page.goto(base)
        assert page.evaluate("q => window.planSearch(q)", query) == []  # the manifest failed: nothing yet
        assert requested == ["meta.json"]
        # Each later search asks again for what failed, and the manifest, once loaded, is kept; after the
        # shards and the pages' details have each failed once, the results are those of a fresh page.
        for _ in range(4):
            got = page.evaluate("q => window.planSearch(q)", query)
            if got == expected:
                break
        assert got == expected
        assert requested.count("meta.json") == 2, requested
        assert all(requested.count(name) == 2 for name in failed), requested
    finally:
        page.close()


@pytest.mark.parametrize("how", ["DecompressionStream", "fflate", "server"])
def test_the_gzipped_index_is_read_by_every_browser(site, serve, browser, how):
    """Shards and snippets are stored gzipped (plansite/search/stored.py). A browser unpacks them with
    DecompressionStream; one without it (Safari before 16.4, here Chromium with it removed) loads the
    vendored fflate from the site, and only that one does; a server that unpacks .gz files itself
    (Content-Encoding: gzip) hands over JSON, read as it is. Each way gives a fresh page's results."""
    import gzip

    base, query = serve(site), "33/CT-TTg"
    expected = fresh_results(browser, base, query)
    assert expected and expected[0]["url"].endswith("van-ban/chi-thi-33-ct-ttg-2021/") and expected[0]["excerpt"]

    page, requested = browser.new_page(), []
    page.on("request", lambda r: requested.append(r.url))
    unpacked = []

    def unpacking_server(route):  # what a host adding Content-Encoding: gzip hands the page: the JSON
        response = route.fetch()
        body = response.body()
        assert body[:2] == b"\x1f\x8b", route.request.url
        unpacked.append(route.request.url)
        route.fulfill(status=200, body=gzip.decompress(body), content_type="application/json")

    try:
        if how == "fflate":
            page.add_init_script("delete window.DecompressionStream")
        if how == "server":
            page.route("**/search/**/*.json.gz", unpacking_server)
        page.goto(base)
        assert page.evaluate("q => window.planSearch(q)", query) == expected
    finally:
        page.close()
    fflate = [url for url in requested if "/assets/vendor/fflate-" in url]
    packed = [url for url in requested if url.endswith(".json.gz")]
    assert any("/search/t/" in url for url in packed) and any("/search/x/" in url for url in packed), requested
    assert len(fflate) == (1 if how == "fflate" else 0), fflate
    assert len(unpacked) == (len(packed) if how == "server" else 0)
