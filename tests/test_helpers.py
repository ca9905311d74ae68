"""The build's helper processes (plansite_mkdocs/helpers.py, search_worker.py, previews.py): the search index a
worker builds is the one the build's own process builds, byte for byte; a helper that fails or dies fails the
build with one message in Vietnamese and no traceback; no helper outlives its build, also on Ctrl+C."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from mkdocs.utils.meta import get_data

from conftest import ROOT, generate_pages, load_project
from plansite.i18n import N_
from plansite.kinds import PageKind
from plansite.search.index import SearchIndex
from plansite_mkdocs import runner, search_worker
from plansite_mkdocs.helpers import Helpers

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

JOB = N_("indexing the pages for search")
KEYS = ("keywords", "numbers", "subjects")  # the front matter's words add_html is given (plansite_hook.py)


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_worker_writes_the_index_the_build_would(tmp_path, monkeypatch):
    """Every seed page fed to a SearchFeed whose index lives in a helper process, and to a SearchIndex here, in
    the same order: the same files, byte for byte (the worker indexes what it is sent, in the order sent)."""
    monkeypatch.setattr(search_worker, "BATCH", 7)  # several batches, the last one short
    pages = []
    for uri, source in generate_pages(load_project(ROOT)).items():
        html, meta = get_data(source)
        url = uri[: -len("index.md")] if uri.endswith("index.md") else uri[: -len(".md")] + "/"  # as MkDocs' page.url
        kind = PageKind(meta.get("kind", PageKind.PAGE.value))
        pages.append((url, str(meta.get("title", "")), kind, html, *(tuple(meta.get(k, ())) for k in KEYS)))
    assert len(pages) > 3 * 7 and sum(kind.searchable for _, _, kind, *_ in pages) > 20
    local, feed = SearchIndex(), search_worker.SearchFeed(search_worker.WORKER_FROM)
    assert feed.local is None, "a site of WORKER_FROM pages is indexed by the worker"
    for page in pages:
        local.add_html(*page)
        feed.add_html(*page)
    local.write(tmp_path / "here")
    feed.write(tmp_path / "worker")
    feed.finish()
    written = files_under(tmp_path / "worker")
    assert "search/meta.json" in written and len(written) > 5
    assert written == files_under(tmp_path / "here")
    assert not multiprocessing.active_children(), "the worker ended with the build"


def test_a_helper_that_raises_fails_the_build_in_vietnamese(monkeypatch):
    monkeypatch.delenv("PLANSITE_LANG", raising=False)
    helpers = Helpers(2, JOB)
    helpers.submit(int, "không phải số")
    with pytest.raises(Abort) as raised:
        helpers.wait()
    message = str(raised.value)
    assert "Tiến trình phụ của bản dựng bị lỗi khi lập chỉ mục tìm kiếm cho các trang: ValueError" in message
    assert "Gợi ý: trang chưa được xuất bản" in message and "Traceback" not in message
    assert not multiprocessing.active_children()


def test_a_helper_that_dies_fails_the_build_and_the_others_end(monkeypatch):
    monkeypatch.delenv("PLANSITE_LANG", raising=False)
    helpers = Helpers(2, JOB)
    helpers.submit(time.sleep, 0.2)
    helpers.submit(os._exit, 9)  # a process killed, or out of memory
    with pytest.raises(Abort) as raised:
        helpers.wait()
    assert "một tiến trình phụ đã dừng trước khi làm xong việc" in str(raised.value)
    assert not multiprocessing.active_children()


def test_a_feed_waits_for_a_helper_that_falls_behind_and_stops_at_its_failure(monkeypatch):
    """keep_up: the work queued for a slow helper stays bounded (the build waits, oldest first), and a failure
    is raised at the next batch, not at the build's end."""
    monkeypatch.delenv("PLANSITE_LANG", raising=False)
    helpers = Helpers(1, JOB)
    for _ in range(5):
        helpers.submit(time.sleep, 0.3)
    started = time.monotonic()
    helpers.keep_up(1)
    assert len(helpers.futures) <= 1 and time.monotonic() - started >= 0.6
    helpers.wait()
    helpers.submit(int, "không phải số")
    time.sleep(1)
    with pytest.raises(Abort, match="ValueError"):
        helpers.keep_up(100)
    assert not multiprocessing.active_children()


def test_stop_ends_work_under_way_at_once():
    helpers = Helpers(2, JOB)
    for _ in range(4):
        helpers.submit(time.sleep, 60)
    time.sleep(1)  # the processes have started and taken their work
    started = time.monotonic()
    helpers.stop()
    assert time.monotonic() - started < 10 and not multiprocessing.active_children()
    helpers.stop()  # twice is harmless


def helper_pids(build: int) -> set[int]:
    """The helper processes (spawned by multiprocessing) whose parent is `build`."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == build and b"spawn_main" in cmdline:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """A corpus large enough for every helper: its pictures (site_url is set), its index."""
    folder = tmp_path_factory.mktemp("helpers") / "project"
    corpus.generate(folder, plans=12, tasks=50, agencies=20, documents=20, seed=3)
    return folder


def build_until_helpers(project: Path, out: Path) -> tuple[subprocess.Popen, set[int]]:
    """A build started in its own session, and its helpers once there are some."""
    process = subprocess.Popen(
        runner.build_command(project / "mkdocs.yml", out),
        env={k: v for k, v in runner.build_env().items() if k != "PLANSITE_LANG"},
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not (helpers := helper_pids(process.pid)) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)  # let each take its first work
    return process, helpers | helper_pids(process.pid)


def test_a_killed_helper_fails_the_real_build_cleanly(large, tmp_path):
    process, helpers = build_until_helpers(large, tmp_path / "site")
    assert helpers, "the build started helper processes"
    for pid in helpers:
        os.kill(pid, signal.SIGKILL)
    out, err = process.communicate(timeout=600)
    assert process.returncode != 0
    assert "một tiến trình phụ đã dừng trước khi làm xong việc" in out + err
    assert "Traceback" not in out + err
    assert not [pid for pid in helpers | helper_pids(process.pid) if alive(pid)]


def test_ctrl_c_ends_the_build_and_its_helpers(large, tmp_path):
    process, helpers = build_until_helpers(large, tmp_path / "site")
    assert helpers
    started = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends to the whole foreground group
    out, err = process.communicate(timeout=120)
    assert process.returncode != 0 and time.monotonic() - started < 30
    assert "Traceback" not in err, err[-3000:]
    time.sleep(0.5)
    assert not [pid for pid in helpers if alive(pid)]
