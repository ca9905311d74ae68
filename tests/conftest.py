"""Shared fixtures: the real site built once into a temp dir, served on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
SEED_PLAN = "ke-sat-tuyen-giao-dan-van-2025-2030"  # the real plan the site publishes
SOURCE = ROOT / "plan_data" / "sources" / f"{SEED_PLAN}.txt"  # its signed text, as received
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(autouse=True)
def no_unasserted_warnings(caplog):
    """Fail any test that leaves a warning in the log it did not assert on (clear caplog to accept)."""
    yield
    left = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not left, f"unasserted warnings: {[r.getMessage() for r in left]}"


def build_site(project: Path, out: Path) -> subprocess.CompletedProcess:
    """Run the real build (mkdocs + our hooks) of `project` into `out`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(out)],
                          capture_output=True, text=True, env=env, cwd=project)


def copy_project(dest: Path) -> Path:
    """A scratch copy of the project (config, hooks, docs, overrides, data) to modify in a test."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, dest / name)
    for name in ("hooks", "docs", "overrides", "plan_data", "schemas"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) → base URL of a static server on 127.0.0.1 for that folder."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is required: apt-get install -y chromium"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
