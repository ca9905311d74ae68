"""All generated pages of the site as {source path: Markdown}, and the files published beside them
(each plan's signed text, the reporting calendar's feeds).

Plain Python: the MkDocs hook only registers these as virtual files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..data.load import DATA_DIR
from ..data.model import Project
from .addresses import CALENDAR, HOME, appendix_uri, plan_uri, progress_uri, source_uri, task_uri
from ..reports.ics import calendar_files
from .labels import plan_title
from .relations import build_relations
from .render_agency import render_agency
from .render_document import render_document
from .render_home import HOME_HEADING, render_home
from .render_indexes import agencies_index, documents_index, plans_index
from .render_appendix import render_appendix
from .render_calendar import render_calendar
from .render_plan import render_plan
from .render_progress import render_progress
from .render_task import render_task


@dataclass(frozen=True)
class SiteOutput:
    """Everything the build publishes from the data."""

    pages: dict[str, str]  # source path → Markdown, sorted
    files: dict[str, bytes | Path]  # site path → bytes, or the file to copy as it is; sorted
    example_data: bool  # some report is made-up example data: every page must say so


def build_site(project: Project, edit_url: str | None = None, home_heading: str | None = None,
               today: dt.date | None = None, site_url: str | None = None) -> SiteOutput:
    """Every generated page and file.

    `edit_url`: the repository's edit address, for "sửa" links to the YAML; `home_heading`: the
    site's heading on the home page (mkdocs.yml `extra`), the plans' common subject by default;
    `today`: the build date for the reporting calendar (never the clock; see reports.calendar.build_date);
    `site_url`: the site's public address, for absolute links in feeds.
    """
    rel = build_relations(project, today)
    pages = {HOME: render_home(project, rel, home_heading or HOME_HEADING)}
    pages.update(plans_index(rel))
    pages.update(agencies_index(rel))
    pages.update(documents_index(rel))
    pages[CALENDAR] = render_calendar(rel)
    for plan in project.plans:
        pages[plan_uri(plan)] = render_plan(plan, rel)
        pages[appendix_uri(plan)] = render_appendix(plan, rel)
        pages[progress_uri(plan)] = render_progress(plan, rel)
        for task in plan.tasks:
            pages[task_uri(plan, task)] = render_task(plan, task, rel, edit_url)
    for agency in project.agencies:
        pages.update(render_agency(agency, rel))
    for doc in project.documents:
        pages.update(render_document(doc, rel))
    files: dict[str, bytes | Path] = {
        source_uri(plan): Path(DATA_DIR) / "sources" / plan.source_text for plan in project.plans if plan.source_text}
    files.update(calendar_files(rel.due, {a.id: a.name for a in project.agencies},
                                {p.id: plan_title(p) for p in project.plans}, today, site_url))
    return SiteOutput(dict(sorted(pages.items())), dict(sorted(files.items())), rel.progress.has_examples)


def generate_pages(project: Project, edit_url: str | None = None, **options) -> dict[str, str]:
    """The generated pages alone (see build_site)."""
    return build_site(project, edit_url, **options).pages
