"""Atomic publishing (`python -m plansite_mkdocs.publish site`): a failed build changes nothing, a
killed one leaves nothing behind, and `site` always resolves to a complete site."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from conftest import ROOT, copy_project


def publish(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "plansite_mkdocs.publish", "site"], cwd=project, env=env, capture_output=True, text=True
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_folders(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-new-"))


def test_failed_build_leaves_published_site_untouched(tmp_path):
    project = copy_project(tmp_path)
    assert publish(project).returncode == 0
    before, published = snapshot(project / "site"), (project / "site").resolve()
    assert "index.html" in before
    agencies = project / "plan_data/agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8").replace("kind: state", "kind: nope", 1), encoding="utf-8")
    result = publish(project)
    assert result.returncode != 0
    assert "agencies[0].kind: Cần một trong các giá trị" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project / "site") == before and (project / "site").resolve() == published
    assert staging_folders(project) == []


def test_successful_build_replaces_the_site(tmp_path):
    project = copy_project(tmp_path)
    (project / "site").mkdir()  # a real folder, as published before `site` became a symlink
    (project / "site" / "stale.html").write_text("old")
    assert publish(project).returncode == 0
    assert not (project / "site" / "stale.html").exists() and (project / "site" / "index.html").exists()
    assert (project / "site").is_symlink()


def test_staging_folder_of_a_killed_build_is_cleared_by_the_next_publish(tmp_path):
    project = copy_project(tmp_path)
    killed = project / ".site-new-xyz"  # what a publish killed mid-build (SIGKILL) leaves behind
    (killed / "assets").mkdir(parents=True)
    (killed / "assets" / "half-written.js").write_text("var x =")
    assert publish(project).returncode == 0
    assert not killed.exists() and staging_folders(project) == []
    assert (project / "site" / "index.html").is_file()


def test_old_build_folder_is_removed_after_the_swap(tmp_path):
    project = copy_project(tmp_path)
    assert publish(project).returncode == 0
    first = (project / "site").resolve()
    assert publish(project).returncode == 0
    second = (project / "site").resolve()
    assert second != first and not first.exists() and (second / "index.html").is_file()
    assert [p for p in second.parent.iterdir() if p.name != ".lock"] == [second]
    assert staging_folders(project) == []


def test_site_always_resolves_to_a_complete_site_while_publishing(tmp_path):
    project = copy_project(tmp_path)
    assert publish(project).returncode == 0
    index = project / "site" / "index.html"
    results: list[int] = []

    def publish_three_times() -> None:
        for _ in range(3):
            results.append(publish(project).returncode)

    publisher = threading.Thread(target=publish_three_times)
    publisher.start()
    checks = missing = 0
    while publisher.is_alive() or checks == 0:
        checks += 1
        missing += not index.is_file()
    publisher.join()
    assert results == [0, 0, 0]
    assert missing == 0, f"site/index.html was missing in {missing} of {checks} checks"


def test_published_files_are_world_readable_whatever_the_umask(tmp_path):
    """A web server running as another user reads every page: folders 0755, files 0644, even when the
    editor's umask is 077 (and mkdtemp's staging folder is 0700)."""
    project = copy_project(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        ["sh", "-c", f"umask 077 && exec {sys.executable} -m plansite_mkdocs.publish site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    published = (project / "site").resolve()
    walked = [published.parent, published, *published.rglob("*")]
    modes = {p.relative_to(project).as_posix(): p.stat().st_mode & 0o777 for p in walked}
    assert len(modes) > 100 and (published / "index.html").is_file()
    wrong = {path: oct(mode) for path, mode in modes.items() if mode != (0o755 if (project / path).is_dir() else 0o644)}
    assert wrong == {}
