"""Long lists are paged, so no page grows with the corpus (generated pages, no MkDocs needed)."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, generate_pages, load_project
from plansite.site.parts.parts import PER_PAGE, PREVIEW, WHOLE

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

LINK = re.compile(r'<a href="([^"]+)"')
LIST = re.compile(r"<ul[^>]*>\n(.*?)</ul>", re.S)
ITEM = re.compile(r"<li[^>]*><a ")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    project = tmp_path_factory.mktemp("corpus") / "p"
    corpus.generate(project, plans=10, tasks=50, agencies=4, documents=300, seed=3)  # index groups of ~60
    return generate_pages(load_project(project))


def list_items(page: str) -> int:
    """The links listed in the page's lists (one per entry)."""
    return sum(len(ITEM.findall(block)) for block in LIST.findall(page))


def test_busy_agency_page_shows_a_preview_and_links_to_paged_lists(pages):
    page = pages["co-quan/co-quan-0.md"]
    assert "Xem tất cả" in page
    lists = sorted(uri for uri in pages if uri.startswith("co-quan/co-quan-0/chu-tri/"))
    assert lists[0] == "co-quan/co-quan-0/chu-tri/index.md" and len(lists) >= 2
    assert all(list_items(pages[uri]) <= PER_PAGE for uri in lists)
    blocks = [block for block in LIST.findall(page) if ITEM.match(block)]
    assert len(blocks) >= 4 and all(len(ITEM.findall(block)) <= WHOLE for block in blocks)
    assert PREVIEW in [len(ITEM.findall(block)) for block in blocks]  # the cut one


@pytest.fixture(scope="module")
def cited_pages(tmp_path_factory):
    """A corpus whose documents are each cited by about 33 tasks: lists on both sides of WHOLE."""
    project = tmp_path_factory.mktemp("cited") / "p"
    corpus.generate(project, plans=10, tasks=50, agencies=4, documents=30, seed=3)
    data = load_project(project)
    citing = {d.id: 0 for d in data.documents}
    for plan in data.plans:
        for task in plan.tasks:
            for doc in task.cites:
                citing[doc] += 1
    return generate_pages(data), citing


def test_a_list_of_up_to_whole_entries_is_shown_whole_without_pages_of_its_own(cited_pages):
    pages, citing = cited_pages
    sizes = {"whole": 0, "cut": 0}
    for doc, count in citing.items():
        page = pages[f"van-ban/{doc}.md"]
        tasks = page.split('id="nhiem-vu-dan-van-ban-nay"', 1)[1]
        listed = len(re.findall(r"<li[^>]*><a href=\"[^\"]*/nhiem-vu/", tasks))
        own = [uri for uri in pages if uri.startswith(f"van-ban/{doc}/nhiem-vu/")]
        if PREVIEW < count <= WHOLE:
            sizes["whole"] += 1
            assert listed == count and not own and f"Xem tất cả {count} nhiệm vụ" not in page, doc
        elif count > WHOLE:
            sizes["cut"] += 1
            assert listed == PREVIEW and own and f"Xem tất cả {count} nhiệm vụ" in page, doc
    assert sizes["whole"] >= 3 and sizes["cut"] >= 1, sizes  # both sides of WHOLE: the test is not vacuous


def test_filters_are_where_a_list_is_whole(pages):
    """A preview cut at PREVIEW entries has no filters (they would count and narrow a part of the list as if
    it were all); its own pages, which hold every entry, have them, their items carrying the facets' ids."""
    page = pages["co-quan/co-quan-0.md"]
    box = re.search(r'<div class="ps-facets" data-table="ps-list-chu-tri"', page)
    assert "co-quan-0/chu-tri/" in page and "Xem tất cả" in page and box is None
    listed = pages["co-quan/co-quan-0/chu-tri/index.md"]
    assert '<div class="ps-facets" data-table="ps-list-danh-sach" data-blob="ps-list-danh-sach-facets">' in listed
    items = re.findall(r"<li( data-[^>]*)><a ", listed)
    assert len(items) == PER_PAGE and all(re.fullmatch(r'( data-[a-z]+="[\d ]*")+', i) for i in items)


def test_document_index_is_grouped_and_paged(pages):
    index = pages["van-ban/index.md"]
    assert list_items(index) <= PREVIEW * 10
    paged = [u for u in pages if u.startswith("van-ban/danh-sach/")]
    assert paged and all(list_items(pages[u]) <= PER_PAGE for u in paged)


def test_every_generated_link_points_to_a_generated_page(pages):
    from urllib.parse import urljoin, urlsplit

    from plansite.addresses import page_url

    served = {page_url(uri) for uri in [*pages, "huong-dan-bien-tap.md", "gioi-thieu.md", "tim-kiem.md"]}
    checked = 0
    for uri, page in pages.items():
        here = "http://site.invalid/" + page_url(uri)  # links are written from where the page is served
        for href in LINK.findall(page):
            target = urlsplit(urljoin(here, href))
            if target.netloc != "site.invalid" or not target.path.endswith("/"):
                continue  # other sites, published files (feeds, calendars, exports): tests/test_site.py checks those
            assert target.path.removeprefix("/") in served, (uri, href)
            checked += 1
    assert checked > 1000
