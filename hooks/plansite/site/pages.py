"""All generated pages of the site as {source path: front matter + HTML}, and the files published beside
them (each plan's signed text, the reporting calendar's feeds).

Plain Python: the MkDocs hook only registers these as virtual files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..data.load import DATA_DIR
from ..data.model import Project
from ..history import History
from ..text import date_numeric, vi_sort_key
from .addresses import CALENDAR, HOME, appendix_uri, plan_uri, progress_uri, source_uri, task_uri
from ..reports.ics import calendar_files
from .labels import plan_title
from .changes import FEED, PAGE as CHANGES_PAGE, atom_feed, change_entries, last_updated, render_changes_page
from .options import SiteOptions
from .relations import build_relations
from .render_agency import render_agency
from .render_document import render_document
from .render_home import render_home
from .render_indexes import agencies_index, documents_index, plans_index
from .render_appendix import render_appendix
from .render_calendar import render_calendar
from .render_plan import render_plan
from .render_progress import render_progress
from .bulletins import plan_bulletins
from .render_bulletins import bulletin_files, render_bulletins
from .spoken import Speaker
from .addresses import bulletins_uri
from .render_task import render_task
from .addresses import GLOSSARY
from .glossary import Marker
from .lazy import Pages, Render, pages_of_group
from .render_glossary import render_glossary
from .render_data import render_data
from .addresses import DATA_PAGE
from ..export.files import export_files


@dataclass(frozen=True)
class SiteOutput:
    """Everything the build publishes from the data."""

    pages: Pages  # source path → YAML front matter and the page's HTML (headings with ids), sorted; rendered when read
    files: dict[str, bytes | Path]  # site path → bytes, or the file to copy as it is; sorted
    example_data: bool  # some report is made-up example data: every page must say so
    footer: str = ""  # the frame's line on every page: who issued the plans, the date of the data (plain text)


def build_site(project: Project, options: SiteOptions = SiteOptions(), history: History | None = None) -> SiteOutput:
    """Every generated page and file, for the settings in `options` (see site/options.py) and the
    repository's `history` of the data (None: built without it; the pages say dates are unknown)."""
    rel = build_relations(project, options.today, options.site_place)
    renders: dict[str, Render] = {HOME: partial(render_home, project, rel, options.home_heading)}
    for group in (partial(plans_index, rel), partial(agencies_index, rel), partial(documents_index, rel)):
        renders.update(pages_of_group(group))
    renders[CALENDAR] = partial(render_calendar, rel)
    renders[DATA_PAGE] = partial(render_data, project, options.today)  # open data: the files below, their columns
    entries = change_entries(history, project)
    renders[CHANGES_PAGE] = partial(render_changes_page, entries, history is not None, bool(history and history.shallow))
    updated = {plan.id: last_updated(history, plan.origin.file, *(r.origin.file for r in project.reports
                                                                 if r.plan == plan.id)) for plan in project.plans}
    speaker = Speaker(project.glossary, project.documents, {a.id: a.name for a in project.agencies})
    bulletin_texts: dict[str, bytes] = {}
    for plan in project.plans:
        bulletins = plan_bulletins(plan, rel, speaker)  # the page and its .txt files say the same
        renders[bulletins_uri(plan)] = partial(render_bulletins, plan, bulletins)
        bulletin_texts.update(bulletin_files(plan, bulletins))
        renders[plan_uri(plan)] = partial(render_plan, plan, rel)
        renders[appendix_uri(plan)] = partial(render_appendix, plan, rel)
        renders[progress_uri(plan)] = partial(render_progress, plan, rel)
        for task in plan.tasks:
            renders[task_uri(plan, task)] = partial(render_task, plan, task, rel, options, updated[plan.id])
    for agency in project.agencies:
        renders.update(pages_of_group(partial(render_agency, agency, rel)))
    for doc in project.documents:
        renders.update(pages_of_group(partial(render_document, doc, rel)))
    renders[GLOSSARY] = partial(render_glossary, project.glossary)
    # Each abbreviation's first use on a page becomes <abbr> (not on the glossary's own page).
    pages = Pages(renders, Marker(project.glossary), unmarked=frozenset({GLOSSARY}))
    files: dict[str, bytes | Path] = {
        source_uri(plan): Path(DATA_DIR) / "sources" / plan.source_text for plan in project.plans if plan.source_text}
    files.update(calendar_files(rel.due, {a.id: a.name for a in project.agencies},
                                {p.id: plan_title(p) for p in project.plans}, options.today, options.site_url))
    files.update(bulletin_texts)
    files[FEED] = atom_feed(entries, options.site_url, options.site_name)
    files.update(export_files(project, options.site_name, options.today, options.site_url))  # du-lieu/: JSON, CSV
    return SiteOutput(pages, dict(sorted(files.items())), rel.progress.has_examples, _footer(project, rel, updated))


FOOTER_NAMES = 3  # issuers named in the footer; more are counted (a province's 800 names were 27 KB on every page)


def _footer(project: Project, rel, updated: dict) -> str:
    """'Kế hoạch do Ủy ban nhân dân xã Kẻ Sặt ban hành · Dữ liệu cập nhật ngày 07/12/2026' (the newest change
    of a plan or its reports in the repository's history; left out when unknown). Past FOOTER_NAMES issuers
    the line counts them ('Kế hoạch do 800 cơ quan, đơn vị ban hành'): the footer is on every page."""
    issuers = sorted({rel.agency_name(plan.issuer) for plan in project.plans}, key=vi_sort_key)
    who = ", ".join(issuers) if len(issuers) <= FOOTER_NAMES else f"{len(issuers)} cơ quan, đơn vị"
    line = f"Kế hoạch do {who} ban hành" if issuers else ""
    dates = [d for d in updated.values() if d]
    return line + (f" · Dữ liệu cập nhật ngày {date_numeric(max(dates))}" if dates else "")


def generate_pages(project: Project, edit_url: str | None = None) -> dict[str, str]:
    """The generated pages alone, all rendered (see build_site)."""
    return dict(build_site(project, SiteOptions(edit_url=edit_url)).pages)
