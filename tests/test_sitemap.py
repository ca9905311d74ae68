"""sitemap.xml is an index of parts (plansite_mkdocs/sitemap.py): the sitemaps protocol takes at most 50,000
addresses a file (a province has 51,000 pages), and Material's bundle fetches sitemap.xml from every page with
a feed link, so it must stay a few lines at any size."""

from __future__ import annotations

from types import SimpleNamespace

from bs4 import BeautifulSoup

from plansite_mkdocs import sitemap
from plansite_mkdocs.sitemap import Sitemap


def pages(count: int, link_at: int = -1):
    """MkDocs' documentation files as the template gets them: a page each, one of them a link."""
    return [
        SimpleNamespace(
            page=SimpleNamespace(
                canonical_url=f"https://tinh.example.org/ke-hoach/a&b-{n}/",
                abs_url=f"/ke-hoach/a&b-{n}/",
                is_link=n == link_at,
                update_date="2026-12-07",
            )
        )
        for n in range(count)
    ]


def test_the_addresses_are_cut_into_parts_in_order_and_escaped(tmp_path, monkeypatch):
    monkeypatch.setattr(sitemap, "PART", 10)
    map_ = Sitemap("https://tinh.example.org")
    assert map_.part_addresses(pages(26, link_at=3)) == [f"https://tinh.example.org/sitemap-{n}.xml" for n in (1, 2, 3)]
    map_.write(tmp_path)
    listed = []
    for n in (1, 2, 3):
        text = (tmp_path / f"sitemap-{n}.xml").read_text(encoding="utf-8")
        assert "a&amp;b" in text and "a&b" not in text  # escaped XML
        part = BeautifulSoup(text, "xml")
        listed += [loc.text for loc in part.find_all("loc")]
        assert {m.text for m in part.find_all("lastmod")} == {"2026-12-07"}
    assert listed == [f"https://tinh.example.org/ke-hoach/a&b-{n}/" for n in range(26) if n != 3]
    assert map_.parts == [], "forgotten once written"


def test_without_site_url_nothing_is_listed(tmp_path):
    map_ = Sitemap("")
    assert map_.part_addresses(pages(5)) == []
    map_.write(tmp_path)
    assert list(tmp_path.iterdir()) == []
