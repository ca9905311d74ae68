"""The benchmark's plain-MkDocs baseline (bench/plain.py) still builds: our pages written out as .md files, built
by MkDocs without our hooks. `make bench` is never part of the suite, so without this a change to the overrides
could break the ratio's denominator unseen (our sitemap.xml template once needed a global of our hooks)."""

from __future__ import annotations

import sys

from bs4 import BeautifulSoup

from conftest import ROOT
from plansite_mkdocs import runner

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402
import plain  # noqa: E402


def test_plain_mkdocs_builds_our_pages_without_our_hooks(tmp_path):
    project = tmp_path / "project"
    corpus.generate(project, plans=1, tasks=3, agencies=2, documents=2, seed=3)
    built = plain.plain_project(project, tmp_path / "plain", ROOT)
    assert "plansite_hook" not in (built / "mkdocs.yml").read_text(encoding="utf-8")
    result = runner.build(built, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    task = tmp_path / "site" / "ke-hoach" / "ke-hoach-0" / "nhiem-vu" / "nhiem-vu-1" / "index.html"
    heading = BeautifulSoup(task.read_text(encoding="utf-8"), "html.parser").find("h1")
    assert heading is not None and heading.get_text().startswith("Nhiệm vụ")
    assert (tmp_path / "site" / "sitemap.xml").is_file()
