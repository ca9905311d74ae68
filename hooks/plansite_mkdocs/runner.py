"""Running MkDocs on a project: one place for "build this project into that folder" (used by
publishing, the tests and the benchmark). Serving a built folder locally is bench/serving.py's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent  # hooks/: on PYTHONPATH for the build


def build_env() -> dict[str, str]:
    """The environment a build runs in: this checkout's hooks importable, MkDocs 2 notice off."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(HOOKS)}


def build_command(config_file: Path, site_dir: Path) -> list[str]:
    """`mkdocs build --strict` of one config into one folder.

    Never with --quiet: MkDocs then drops warnings before its strict mode counts them, and a
    build with broken links exits 0 (seen with MkDocs 1.6.1).
    """
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]


def build(project: Path, site_dir: Path, **run_options) -> subprocess.CompletedProcess:
    """Build `project` (a folder holding mkdocs.yml) into `site_dir`; output captured as text by default."""
    options = {"capture_output": True, "text": True, **run_options}
    return subprocess.run(
        build_command(Path(project) / "mkdocs.yml", site_dir), env=build_env(), cwd=project, **options
    )
