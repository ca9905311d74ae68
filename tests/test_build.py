"""One build, one job per step (plansite/build.py): the pages come from site/render/pages.py alone, and the files
beside them are assembled from the progress computed once for the pages, never computed again."""

from __future__ import annotations

import datetime as dt
import shutil
import sys

from conftest import ROOT, load_project
from plansite import build as build_module
from plansite.reports import status
from plansite.site.options import SiteOptions
from plansite.site.render.lazy import Pages

FIXTURE = ROOT / "tests" / "fixtures" / "reports" / "plan_data"  # reports of two periods on the seed plan


def test_progress_is_computed_once_for_pages_and_files(monkeypatch, tmp_path):
    shutil.copytree(ROOT / "plan_data", tmp_path / "plan_data")
    shutil.copytree(FIXTURE, tmp_path / "plan_data", dirs_exist_ok=True)
    project = load_project(tmp_path)
    assert project.reports  # progress that is worth computing
    calls = []

    def counted(p):
        calls.append(p)
        return real(p)

    real = status.build_progress
    # Every module that holds the function under any import is counted: a second computation cannot hide.
    holders = [
        m
        for name, m in sorted(sys.modules.items())
        if name.startswith("plansite") and getattr(m, "build_progress", None) is real
    ]
    assert holders  # the site's indexes compute it (site/index/relations.py)
    for module in holders:
        monkeypatch.setattr(module, "build_progress", counted)
    site = build_module.build(project, SiteOptions(today=dt.date(2026, 7, 20), site_name="Kế hoạch xã"))
    assert isinstance(site.pages, Pages) and len(site.pages) >= 40
    assert "du-lieu/nhiem-vu.csv" in site.files and "lich-bao-cao.ics" in site.files and "feed.xml" in site.files
    assert len(calls) == 1 and calls[0] is project
    csv = site.files["du-lieu/nhiem-vu.csv"].decode("utf-8-sig")
    assert "Đang thực hiện" in csv  # the export's statuses come from the reports, through that one progress
