"""What the site is told by its configuration (mkdocs.yml `site_url` and `extra`), not by the data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

HOME_HEADING = "Kế hoạch công tác tuyên giáo và dân vận"


@dataclass(frozen=True)
class SiteOptions:
    """Settings of one build. All optional: the site builds from the data alone."""

    edit_url: str | None = None  # the repository's edit address: "sửa" links to the YAML line
    home_heading: str = HOME_HEADING  # the home page's heading
    today: dt.date | None = None  # the build date for the reporting calendar (never the clock)
    site_url: str | None = None  # public address: absolute links in feeds, previews and QR codes
    feedback_url: str | None = None  # an official feedback channel (form, Zalo page) shown on task pages
    site_name: str = "Kế hoạch"  # mkdocs.yml site_name: the feed's title
    site_place: str | None = None  # mkdocs.yml extra.site_place: the place site_name names (site/html/identity.py)
    directory_urls: bool = True  # mkdocs.yml use_directory_urls: links as 'x/' (the web), else 'x.html' (offline)
    preview: bool = (
        False  # a one-plan preview: only the registry pages its pages link to (site/index/preview_records.py)
    )
