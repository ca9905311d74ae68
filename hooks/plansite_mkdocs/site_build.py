"""One build's site from the data and the MkDocs configuration: the settings, the date, the history.

The adapter's one call into `plansite` per build; it keeps mkdocs.yml's names (`site_url`, `extra`)
out of the package that runs without MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from plansite.data.load import DATA_DIR, load_checked
from plansite.data.problems import DataError
from plansite.data.model import Project
from plansite.reports.calendar import build_date
from plansite.site.options import HOME_HEADING, SiteOptions
from plansite.site.banner import problems_banner
from plansite.site.pages import SiteOutput, build_site

from .build_date import source_date_epoch
from .history import read_history
from .session import SESSION


def site_for(project: Project, root: Path, config) -> SiteOutput:
    """The pages and files of `project`, with the settings of `config` (a MkDocs config)."""
    extra = config.extra
    options = SiteOptions(edit_url=extra.get("data_edit_url"), home_heading=extra.get("home_heading", HOME_HEADING),
                          today=build_date(project, source_date_epoch(root)), site_url=config.site_url,
                          feedback_url=extra.get("feedback_url"), site_name=config.site_name)
    return build_site(project, options, read_history(root, DATA_DIR))


def load_site(root: Path, config) -> tuple[SiteOutput, str]:
    """(the site to publish, a banner for every page): the data's site and no banner, or DataError.

    While serving, bad data does not stop the preview: its problems are printed, and the last good
    site is served with a banner that lists them (an aborted rebuild would leave the preview hanging).
    """
    try:
        project, warnings = load_checked(root)
    except DataError as error:
        if SESSION.command != "serve" or SESSION.last_good is None:
            raise
        # print, not log: under `strict` a logged error would abort this build too
        print(f"\n{error.report()}\nServing the last good pages until the data is fixed.\n", file=sys.stderr)
        return SESSION.last_good, problems_banner(error.problems)
    for warning in warnings:  # printed, not logged: a warning in the data must not fail a strict build
        print(warning, file=sys.stderr)
    SESSION.last_good = site = site_for(project, root, config)
    return site, ""
