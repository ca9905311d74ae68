"""Shared fixtures: the real site built once into a temp dir, served on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))  # serving.py: the local server of the browser tests and the benchmark
import serving  # noqa: E402

from plansite.i18n import translations  # noqa: E402
from plansite_mkdocs import runner  # noqa: E402

SEED_PLAN = "ke-sat-tuyen-giao-dan-van-2025-2030"  # the real plan the site was first published with
SOURCE = ROOT / "plan_data" / "sources" / f"{SEED_PLAN}.txt"  # its signed text, as received
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# MkDocs' own warnings ("WARNING -  …") and the data warnings the hook prints ("file:line:col: path: Warning: …",
# in Vietnamese "…: Cảnh báo: …"; the word comes from the catalogue, so a data warning is never missed).
WARNING_LINE = re.compile(
    r"^\s*WARNING\b|: (?:" + "|".join(re.escape(translations(lang).gettext("Warning: ")) for lang in ("en", "vi")) + ")"
)


def seed_plan(project):
    """The seed plan of a loaded project, by its id (other plans may come before it)."""
    return next(plan for plan in project.plans if plan.id == SEED_PLAN)


def pytest_collection_modifyitems(items):
    """A test that uses headless Chromium must say so (`@pytest.mark.browser`), or `make test-quick` runs it."""
    unmarked = [
        item.nodeid
        for item in items
        if "browser" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser")
    ]
    if unmarked:
        raise pytest.UsageError(f"tests using the browser fixture without @pytest.mark.browser: {unmarked}")


def build_site(project: Path, out: Path, expect_warnings: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run the real build (mkdocs --strict + our hooks) of `project` into `out`.

    Fails the test on any warning line in the build's output (MkDocs' WARNING lines and the data warnings
    the hook prints) unless the test expects it: every text in `expect_warnings` must appear in some
    warning line, and every warning line must contain one of them. A MkDocs warning also fails the build
    under --strict (a data warning does not); the caller checks the exit code.
    """
    result = runner.build(project, out)
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if WARNING_LINE.search(line)]
    unexpected = [line for line in warnings if not any(text in line for text in expect_warnings)]
    missing = [text for text in expect_warnings if not any(text in line for line in warnings)]
    if unexpected or missing:
        pytest.fail(
            f"build of {project}: unexpected warnings {unexpected}, expected but absent {missing}\n{result.stderr}",
            pytrace=False,
        )
    return result


def load_project(root: Path):
    """The checked project of root/plan_data (its warnings are for `make check` and the build to print)."""
    from plansite.reports.project import load_checked

    return load_checked(root)[0]


def generate_pages(project, edit_url: str | None = None) -> dict[str, str]:
    """The generated pages of a loaded project alone, all rendered (plansite.build without MkDocs)."""
    from plansite.build import build
    from plansite.site.options import SiteOptions

    return dict(build(project, SiteOptions(edit_url=edit_url)).pages)


def copy_project(dest: Path) -> Path:
    """A scratch copy of the project (config, hooks, docs, overrides, data) to modify in a test."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, dest / name)
    for name in ("hooks", "docs", "overrides", "plan_data", "schemas", "vendor"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def build_variant(root: Path, patch: tuple[str, str, str] | None = None) -> Path:
    """The project copied into `root` and built into root/site; `patch` (file, old, new): first replace
    `old` (which must be in the file, so a renamed line fails the test, not the comparison) by `new`."""
    root.mkdir(parents=True, exist_ok=True)
    copy_project(root)
    if patch:
        file, old, new = patch
        text = (root / file).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        (root / file).write_text(text.replace(old, new), encoding="utf-8")
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def serve():
    """serve(folder) → base URL of a static server on 127.0.0.1 for that folder (until the session ends)."""
    with contextlib.ExitStack() as servers:
        yield lambda folder: servers.enter_context(serving.serve_folder(folder))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is required: apt-get install -y chromium"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def search_site(serve, browser):
    """search_site(folder, query) → the site's own search results ([{url, title, kind}, …]), from a fresh page."""

    def run(folder: Path, query: str) -> list[dict]:
        page = browser.new_page()
        try:
            page.goto(serve(folder))
            return page.evaluate("q => window.planSearch(q)", query)
        finally:
            page.close()

    return run


@pytest.fixture
def data_project(tmp_path) -> Path:
    """A project with only the data (enough to load, template and import; not to build)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(ROOT / "plan_data", root / "plan_data")
    return root


@pytest.fixture
def developer_english(monkeypatch):
    """Messages in English, as the developer switch (PLANSITE_LANG=en) gives them; a test that reads them
    so says it (`pytest.mark.usefixtures("developer_english")`)."""
    monkeypatch.setenv("PLANSITE_LANG", "en")
