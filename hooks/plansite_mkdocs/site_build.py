"""One build's site from the data and the MkDocs configuration: the settings, the date, the history.

The adapter's one call into `plansite` per build; it keeps mkdocs.yml's names (`site_url`, `extra`)
out of the package that runs without MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from plansite.data.load import DATA_DIR
from plansite.data.model import Project
from plansite.reports.calendar import build_date
from plansite.site.options import HOME_HEADING, SiteOptions
from plansite.site.pages import SiteOutput, build_site

from .build_date import source_date_epoch
from .history import read_history


def site_for(project: Project, root: Path, config) -> SiteOutput:
    """The pages and files of `project`, with the settings of `config` (a MkDocs config)."""
    extra = config.extra
    options = SiteOptions(edit_url=extra.get("data_edit_url"), home_heading=extra.get("home_heading", HOME_HEADING),
                          today=build_date(project, source_date_epoch(root)), site_url=config.site_url,
                          feedback_url=extra.get("feedback_url"), site_name=config.site_name)
    return build_site(project, options, read_history(root, DATA_DIR))
