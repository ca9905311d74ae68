"""The public address (`site_url`): from mkdocs.yml, else the host's SITE_URL; without either the build
says once, in Vietnamese, what the site lacks and where to set it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, copy_project

HOST_URL = "https://bien-tap.example.org/ke-sat"  # what a Pages host would put in SITE_URL


def sitemap_addresses(out) -> list[str]:
    """The pages' addresses a search engine finds: sitemap.xml is an index of parts (plansite_mkdocs/sitemap.py),
    each part a file of the site at the address the index gives."""
    index = BeautifulSoup((out / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    assert index.find("sitemapindex") is not None and index.find("url") is None
    addresses = []
    for part in index.find_all("loc"):
        name = part.text.rsplit("/", 1)[1]
        assert part.text.startswith(("https://", "http://")) and name.startswith("sitemap-"), part.text
        urlset = BeautifulSoup((out / name).read_text(encoding="utf-8"), "xml")
        addresses += [loc.text for loc in urlset.find("urlset").find_all("loc")]
    assert len(addresses) == len(set(addresses))
    return addresses


def test_without_site_url_the_build_says_once_what_is_lost(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("PLANSITE_LANG", raising=False)  # as editors read it
    project = copy_project(tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "(site_url)" in line]
    [notice] = notices  # once
    assert "set site_url" not in result.stderr  # and no English line beside it (MkDocs log lines aside)
    assert notice.startswith("Lưu ý: chưa đặt địa chỉ công khai của trang (site_url).")
    for lost in ("mã QR", "xem trước khi chia sẻ liên kết", "sitemap.xml", "mkdocs.yml", "SITE_URL"):
        assert lost in notice
    assert sitemap_addresses(tmp_path / "out") == []


def test_site_url_from_the_hosts_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", HOST_URL)
    project = copy_project(tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "(site_url)" not in result.stderr
    addresses = sitemap_addresses(tmp_path / "out")
    assert len(addresses) > 20 and all(a.startswith(HOST_URL + "/") for a in addresses)
    home = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.find("link", rel="canonical")["href"] == HOST_URL + "/"


def test_mkdocs_yml_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", HOST_URL)
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "\ndocs_dir:", "\nsite_url: https://xa-ke-sat.example.vn/\ndocs_dir:", 1
        ),
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    addresses = sitemap_addresses(tmp_path / "out")
    assert len(addresses) > 20 and all(a.startswith("https://xa-ke-sat.example.vn/") for a in addresses)


@pytest.mark.browser
def test_a_page_with_the_feed_link_fetches_only_the_sitemaps_index(tmp_path, monkeypatch, serve, browser):
    """Material's bundle fetches the sitemap.xml beside every <link rel="alternate"> (the feed's, here); the
    index keeps that to a few hundred bytes whatever the number of pages (the parts are never fetched)."""
    monkeypatch.setenv("SITE_URL", HOST_URL)
    out = tmp_path / "out"
    assert build_site(copy_project(tmp_path), out).returncode == 0
    page = browser.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append((request.url, len(request.response().body()))))
    page.goto(serve(out))
    page.wait_for_load_state("networkidle")
    page.close()
    sitemaps = [(url, size) for url, size in fetched if "/sitemap" in url]
    assert [url.rsplit("/", 1)[1] for url, _ in sitemaps] == ["sitemap.xml"], sitemaps
    assert sitemaps[0][1] < 1024 and (out / "sitemap-1.xml").stat().st_size > 4 * 1024
