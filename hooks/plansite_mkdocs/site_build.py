"""One build's site from the data and the MkDocs configuration: the settings, the date, the history.

The adapter's one call into `plansite` per build; it keeps mkdocs.yml's names (`site_url`, `extra`)
out of the package that runs without MkDocs.

`PLANSITE_PREVIEW_PLAN=<plan id>` (`make serve PLAN=<id>`) scopes the build to one plan: every registry
and that plan with its reports are loaded and checked (data/scope.py), and the pages built are the
plan's, the site's own (home, indexes, calendar, …) and those of the agencies and documents that these
pages link to, known from the relations (site/index/preview_records.py); the other registry pages are left out
(MkDocs' templates cost a few milliseconds a page, and a registry of hundreds would be most of the
preview). So a saved edit shows in seconds on a corpus of many plans, and every page says it is such a
preview. Every Makefile target that builds, but `serve PLAN=…`, clears the variable: a published site
always holds, and has checked, every plan.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

from plansite.build import SiteOutput, build
from plansite.data.model import Project
from plansite.data.paths import DATA_DIR
from plansite.data.problems import DataError, Problem, did_you_mean
from plansite.data.scope import PREVIEW_ENV
from plansite.i18n import _
from plansite.reports.calendar import build_date
from plansite.reports.project import load_checked, load_scoped
from plansite.site.html.banner import preview_banner, problems_banner
from plansite.site.html.identity import site_name
from plansite.site.html.labels import plan_title
from plansite.site.options import HOME_HEADING, SiteOptions

from .admin import admin_files
from .build_date import source_date_epoch
from .history import read_history
from .session import SESSION
from .vendored import vendored_files


def _check_site_place(project: Project, root: Path, place: str | None) -> None:
    """mkdocs.yml's `extra.site_place` names a place of places.yaml (a typo would silently rename the site)."""
    known = {p.id for p in project.places}
    if place is None or place in known:
        return
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith("site_place:")), 1)
    raise DataError(
        [
            Problem(
                "mkdocs.yml",
                line,
                1,
                "extra.site_place",
                _("Expected the id of a place in plan_data/places.yaml but received the unknown id '{id}'.").format(
                    id=place
                ),
                did_you_mean(place, known) or _("write the id of the place the site's name names."),
            )
        ]
    )


def site_for(project: Project, root: Path, config) -> SiteOutput:
    """The pages and files of `project`, with the settings of `config` (a MkDocs config)."""
    extra = config.extra
    _check_site_place(project, root, extra.get("site_place"))
    heading = extra.get("home_heading", HOME_HEADING)
    # The configured name holds while it names the data's place; a site carrying other places' plans is
    # named from the data (every page's <title> ends with it).
    config.site_name = site_name(project, config.site_name, extra.get("site_place"), heading)
    options = SiteOptions(
        edit_url=extra.get("data_edit_url"),
        home_heading=heading,
        today=build_date(project, source_date_epoch(root)),
        site_url=config.site_url,
        feedback_url=extra.get("feedback_url"),
        site_name=config.site_name,
        site_place=extra.get("site_place"),
        directory_urls=config.use_directory_urls,
        preview=preview_plan() is not None,
    )
    site = build(project, options, read_history(root, DATA_DIR))
    site = dataclasses.replace(site, files={**site.files, **vendored_files(root)})
    if preview_plan():  # a one-plan preview is for reading, not for the form
        return site
    return dataclasses.replace(site, files={**site.files, **admin_files(project, root, config)})


def preview_plan() -> str | None:
    """The plan a preview is scoped to (PLANSITE_PREVIEW_PLAN), or None: every plan."""
    return os.environ.get(PREVIEW_ENV, "").strip() or None


def load_site(root: Path, config) -> tuple[SiteOutput, str]:
    """(the site to publish, a banner for every page): the data's site and no banner, or DataError.

    While serving, bad data does not stop the preview: its problems are printed, and the last good
    site is served with a banner that lists them (an aborted rebuild would leave the preview hanging).
    A preview scoped to one plan (PLANSITE_PREVIEW_PLAN) has a banner on every page that says so.
    """
    plan_id = preview_plan()
    scope = preview_banner(plan_id) if plan_id else ""
    try:
        project, warnings = load_scoped(root, plan_id) if plan_id else load_checked(root)
    except DataError as error:
        if SESSION.command != "serve" or SESSION.last_good is None:
            raise
        # print, not log: under `strict` a logged error would abort this build too
        print(
            f"\n{error.report()}\n" + _("Serving the last good pages until the data is fixed.") + "\n", file=sys.stderr
        )
        return SESSION.last_good, scope + problems_banner(error.problems)
    for warning in warnings:  # printed, not logged: a warning in the data must not fail a strict build
        print(warning, file=sys.stderr)
    if plan_id:
        scope = preview_banner(plan_id, plan_title(project.plans[0]))
        print(
            f"{PREVIEW_ENV}={plan_id}: "
            + _(
                "a preview of this plan only (every registry checked; pages of "
                "agencies and documents it does not link to left out), not for "
                "publishing."
            ),
            file=sys.stderr,
        )
    site = site_for(project, root, config)
    if SESSION.command == "serve":  # kept to serve again when the data breaks; a build lets its files go
        SESSION.last_good = site
    return site, scope
