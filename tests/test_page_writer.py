"""Links and heading ids are written while a page is rendered (site/html/page_writer.py), for either URL style:
every link of every generated page of the seed site reaches a page or file of the site, from the address the
page is served at, and every heading has an id unique on its page."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, load_project
from plansite.addresses import page_url
from plansite.build import build
from plansite.site.html.markup import heading
from plansite.site.html.page_writer import PageWriters
from plansite.site.options import SiteOptions

BASE = "http://site.invalid/"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def _body(page: str) -> BeautifulSoup:
    return BeautifulSoup(page.split("---\n\n", 1)[1], "html.parser")


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-files"])
def test_every_link_reaches_the_site_from_where_the_page_is_served(project, directory_urls):
    site = build(project, SiteOptions(directory_urls=directory_urls))
    hand_written = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("*.md")]
    served = {page_url(uri, directory_urls) for uri in [*site.pages, *hand_written]} | set(site.files)
    checked = 0
    for uri in site.pages:
        here = BASE + page_url(uri, directory_urls)
        for a in _body(site.pages[uri]).find_all("a", href=True):
            href = a["href"]
            if urlsplit(href).scheme or href.startswith("#"):
                continue  # another site, tel:, mailto:, or a place on this page
            target = urlsplit(urljoin(here, href))
            assert target.netloc == "site.invalid", (uri, href)
            assert target.path.removeprefix("/") in served, (uri, href)
            checked += 1
    assert checked > 500  # the seed site's pages link to one another (616 links)


def test_links_name_files_without_directory_urls(project):
    site = build(project, SiteOptions(directory_urls=False))
    hrefs = [a["href"] for a in _body(site.pages["co-quan/index.md"]).find_all("a", href=True)]
    assert "../index.html" in hrefs and "ubnd-xa-ke-sat.html" in hrefs
    assert not [h for h in hrefs if h.endswith((".md", "/"))]


def test_heading_ids_are_unique_on_every_page(project):
    pages = build(project).pages
    for uri in pages:
        ids = [h["id"] for h in _body(pages[uri]).find_all(["h1", "h2", "h3", "h4", "h5", "h6"]) if h.has_attr("id")]
        assert len(ids) == len(set(ids)), uri


def test_a_repeated_heading_is_numbered_in_page_order_and_again_on_a_new_render():
    writers = PageWriters()
    for _ in range(2):  # each render of a page has its own writer: the same ids again
        page = writers.page("co-quan/x.md")
        written = [heading(page, 2, "Báo cáo"), heading(page, 3, "Báo &amp; <em>cáo</em>"), heading(page, 2, "")]
        assert written == [
            '<h2 id="bao-cao">Báo cáo</h2>\n',
            '<h3 id="bao-cao-2">Báo &amp; <em>cáo</em></h3>\n',
            '<h2 id="muc">' + "</h2>\n",
        ]
