"""sitemap.xml as a sitemap index: the pages' addresses in parts of at most PART, sitemap-1.xml, sitemap-2.xml…

Two reasons:
- The sitemaps protocol takes at most 50,000 addresses a file (sitemaps.org), and a province has about 51,000
  pages.
- Material's bundle (9.8.2) fetches the sitemap.xml beside the address of every `<link rel="alternate">` on
  a page (it reads it for a language selector). Our feed's autodiscovery link is such a link, so every home,
  list and plan page downloaded the whole sitemap: 6 MB at the province, parsed on the phone's main thread
  before the first search could answer (850–990 ms at the province in bench/run.py; 60 ms without it). An
  index of a few lines costs nothing to fetch.

MkDocs renders sitemap.xml (and its .gz) from overrides/sitemap.xml, which loops over `plan_sitemap_parts(pages)`
(`Sitemap.part_addresses`, set by the hook's on_env):
the parts' addresses, the same entries MkDocs' own template lists. The parts are written once the pages are
(`write`, on_post_build). Without site_url there is no absolute address to list: the index is empty and no part
is written, as MkDocs' sitemap listed nothing.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

PART = 10_000  # addresses a part: about 1.2 MB of XML, well under the protocol's 50,000 and 50 MB
NAME = "sitemap-{}.xml"
_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


class Sitemap:
    """The parts of one build's sitemap, from its template's render to the end of the build."""

    def __init__(self, site_url: str):
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.parts: list[list[tuple[str, str]]] = []

    def part_addresses(self, pages) -> list[str]:
        """The template's global: the parts' absolute addresses, for the entries MkDocs' own sitemap lists
        (every page that is not a link and has an address), in MkDocs' order."""
        entries = []
        for file in pages:
            page = file.page
            address = page.canonical_url or page.abs_url
            if not page.is_link and address and self.site_url:
                entries.append((address, str(page.update_date or "")))
        self.parts = [entries[start : start + PART] for start in range(0, len(entries), PART)]
        return [self.site_url + NAME.format(number) for number in range(1, len(self.parts) + 1)]

    def write(self, site_dir: Path) -> None:
        """Each part into the site, then forgotten."""
        for number, entries in enumerate(self.parts, 1):
            urls = "".join(
                f"<url>\n<loc>{escape(address)}</loc>\n{f'<lastmod>{escape(date)}</lastmod>' if date else ''}</url>"
                for address, date in entries
            )
            (Path(site_dir) / NAME.format(number)).write_text(f"{_XML}{urls}\n</urlset>\n", encoding="utf-8")
        self.parts = []
