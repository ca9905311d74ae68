"""One build of the site from the data: what is computed once, then each product by its own step.

    site = build(project, options, history)

1. `site/index/relations.py` computes the indexes once: the progress of every task (from the reports) and
   the reporting calendar; with them the changes of the history and each plan's bulletins.
2. `site/render/pages.py` makes the pages, and only the pages.
3. `published_files` assembles what is published beside them from the same computed values: each
   plan's signed text, the bulletins' .txt files, the calendars (reports/ics.py), the Atom feed
   (site/outreach/changes.py) and the open data (export/files.py, given the progress, never computing it again).

Plain Python, above site/ and export/: the MkDocs adapter (plansite_mkdocs/site_build.py) calls `build`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .addresses import FEED, source_uri
from .data.paths import DATA_DIR, SOURCES_DIR, SUMMARIES_DIR
from .export.files import export_files
from .history import History
from .reports.ics import calendar_files
from .reports.model import ReportedProject
from .site.html.labels import plan_title
from .site.index.relations import Relations, build_relations
from .site.options import SiteOptions
from .site.outreach.bulletins import Bulletin, plan_bulletins
from .site.outreach.changes import ChangeEntry, atom_feed, change_entries, last_updated
from .site.outreach.spoken import Speaker
from .site.render.lazy import Pages
from .site.render.pages import build_site, footer


@dataclass(frozen=True)
class SiteOutput:
    """Everything the build publishes from the data."""

    pages: Pages  # source path → YAML front matter and the page's HTML (headings with ids), sorted; rendered when read
    files: dict[str, bytes | Path]  # site path → bytes, or the file to copy as it is; sorted
    example_data: bool  # some report is made-up example data: every page must say so
    footer: str = ""  # the frame's line on every page: who issued the plans, the date of the data (plain text)


def build(project: ReportedProject, options: SiteOptions | None = None, history: History | None = None) -> SiteOutput:
    """Every generated page and file, for the settings in `options` (see site/options.py) and the
    repository's `history` of the data (None: built without it; the pages say dates are unknown)."""
    options = options or SiteOptions()
    rel = build_relations(project, options.today, options.site_place)
    entries = change_entries(history, project)
    updated = {plan_id: last_updated(history, *files) for plan_id, files in _plan_files(project, history).items()}
    speaker = Speaker(project.glossary, project.documents, {a.id: a.name for a in project.agencies})
    bulletins = {
        plan.id: plan_bulletins(plan, rel.names, rel.progress, speaker) for plan in project.plans
    }  # page and .txt alike
    pages = build_site(project, rel, options, history, entries, bulletins, updated)
    files = published_files(project, rel, entries, bulletins, options)
    return SiteOutput(pages, files, rel.progress.has_examples, footer(project, rel.names, updated))


def _plan_files(project: ReportedProject, history: History | None) -> dict[str, list[str]]:
    """Each plan's files whose last change dates it: the plan, its reports and its summaries written in the
    web form (summaries/<plan>/…), grouped in one pass over each (not one pass a plan: 800 at a province)."""
    files = {plan.id: [plan.origin.file] for plan in project.plans}
    for report in project.reports:
        files.get(report.plan, []).append(report.origin.file)
    summaries = f"{DATA_DIR}/{SUMMARIES_DIR}/"
    for path in history.last_changed if history else ():
        if path.startswith(summaries):
            files.get(path[len(summaries) :].split("/", 1)[0], []).append(path)
    return files


def published_files(
    project: ReportedProject,
    rel: Relations,
    entries: list[ChangeEntry],
    bulletins: dict[str, list[Bulletin]],
    options: SiteOptions,
) -> dict[str, bytes | Path]:
    """{site path: bytes, or the file to copy}, sorted: the files published beside the pages."""
    files: dict[str, bytes | Path] = {
        source_uri(plan): Path(DATA_DIR) / SOURCES_DIR / plan.source_text for plan in project.plans if plan.source_text
    }
    files.update(
        calendar_files(
            rel.calendar.due,
            {a.id: a.name for a in project.agencies},
            {p.id: plan_title(p) for p in project.plans},
            options.today,
            options.site_url,
        )
    )
    files[FEED] = atom_feed(entries, options.site_url, options.site_name)
    files.update(export_files(project, rel.progress, options.site_name, options.today, options.site_url))  # du-lieu/
    return dict(sorted(files.items()))
