"""All generated pages of the site as {source path: front matter + HTML}, rendered when read.

Plain Python: the MkDocs hook only registers these as virtual files. The files published beside the
pages (signed texts, calendars, the feed, open data) are another step's (plansite/build.py).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from ...addresses import (
    CALENDAR,
    CHANGES_PAGE,
    DATA_PAGE,
    GLOSSARY,
    HOME,
    appendix_uri,
    bulletins_uri,
    plan_uri,
    progress_uri,
    task_uri,
)
from ...data.model import Project
from ...history import History
from ...text import date_numeric, vi_sort_key
from ..html.glossary import Glossary
from ..html.page_writer import PageWriters
from ..index.preview_records import linked_records
from ..index.relations import Names, Relations
from ..options import SiteOptions
from ..outreach.bulletins import Bulletin
from ..outreach.changes import ChangeEntry, render_changes_page
from .lazy import Pages, Render, pages_of_group
from .render_agency import render_agency
from .render_appendix import render_appendix
from .render_bulletins import render_bulletins
from .render_calendar import render_calendar
from .render_data import render_data
from .render_document import render_document
from .render_glossary import render_glossary
from .render_home import render_home
from .render_indexes import agencies_index, documents_index, plans_index
from .render_plan import render_plan
from .render_progress import render_progress
from .render_task import render_task


def build_site(
    project: Project,
    rel: Relations,
    options: SiteOptions,
    history: History | None,
    entries: list[ChangeEntry],
    bulletins: dict[str, list[Bulletin]],
    updated: dict[str, dt.date | None],
) -> Pages:
    """Every generated page, for the settings in `options` (see site/options.py), from the indexes
    `rel`, the repository's `history` of the data (None: built without it; the pages say dates are
    unknown) and what the build computed from it once: the changes (`entries`), each plan's bulletins
    (by plan id, the same as their .txt files) and each plan's last change (`updated`, by plan id)."""
    names, who, cites, progress, calendar = (
        rel.names,
        rel.who,
        rel.cites,
        rel.progress,
        rel.calendar,
    )  # as each page reads
    # Each render writes its links in the build's URL style, and the first use of each abbreviation as <abbr>.
    writers = PageWriters(options.directory_urls, Glossary(project.glossary))
    renders: dict[str, Render] = {
        HOME: partial(render_home, project, names, progress, calendar, options.home_heading, writers)
    }
    for group in (
        partial(plans_index, names, rel.orders, writers),
        partial(agencies_index, names, who, rel.orders, writers),
        partial(documents_index, names, rel.orders, writers),
    ):
        renders.update(pages_of_group(group))
    renders[CALENDAR] = partial(render_calendar, calendar, names, rel.orders, writers)
    renders[DATA_PAGE] = partial(render_data, project, options.today, writers)  # open data: the files, their columns
    renders[CHANGES_PAGE] = partial(
        render_changes_page, entries, history is not None, writers, bool(history and history.shallow)
    )
    for plan in project.plans:
        renders[bulletins_uri(plan)] = partial(render_bulletins, plan, bulletins[plan.id], writers)
        renders[plan_uri(plan)] = partial(render_plan, plan, names, cites, progress, writers)
        renders[appendix_uri(plan)] = partial(render_appendix, plan, names, cites, progress, writers)
        renders[progress_uri(plan)] = partial(render_progress, plan, names, cites, progress, writers)
        for task in plan.tasks:
            renders[task_uri(plan, task)] = partial(
                render_task, plan, task, names, cites, progress, options, updated[plan.id], writers
            )
    kept = linked_records(rel) if options.preview else None  # a preview leaves the other records out
    for agency in project.agencies:
        if kept is None or agency.id in kept.agencies:
            renders.update(
                pages_of_group(partial(render_agency, agency, names, who, cites, progress, calendar, writers))
            )
    for doc in project.documents:
        if kept is None or doc.id in kept.documents:
            renders.update(pages_of_group(partial(render_document, doc, names, cites, progress, writers)))
    # The glossary's own page marks nothing: it writes every abbreviation beside its full form.
    renders[GLOSSARY] = partial(render_glossary, project.glossary, PageWriters(options.directory_urls))
    return Pages(renders)


FOOTER_NAMES = 3  # issuers named in the footer; more are counted (a province's 800 names were 27 KB on every page)


def footer(project: Project, names: Names, updated: dict[str, dt.date | None]) -> str:
    """'Kế hoạch do Ủy ban nhân dân xã Kẻ Sặt ban hành · Dữ liệu cập nhật ngày 07/12/2026' (the newest change
    of a plan or its reports in the repository's history; left out when unknown). Past FOOTER_NAMES issuers
    the line counts them ('Kế hoạch do 800 cơ quan, đơn vị ban hành'): the footer is on every page."""
    issuers = sorted({names.agency_name(plan.issuer) for plan in project.plans}, key=vi_sort_key)
    who = ", ".join(issuers) if len(issuers) <= FOOTER_NAMES else f"{len(issuers)} cơ quan, đơn vị"
    line = f"Kế hoạch do {who} ban hành" if issuers else ""
    dates = [d for d in updated.values() if d]
    return line + (f" · Dữ liệu cập nhật ngày {date_numeric(max(dates))}" if dates else "")
