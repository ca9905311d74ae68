"""Running MkDocs on a project, and serving a built folder on 127.0.0.1.

One place for "build this project into that folder" (used by publishing, the tests and the
benchmark) and for "serve that folder locally" (the browser tests and the benchmark).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

HOOKS = Path(__file__).resolve().parent.parent  # hooks/: on PYTHONPATH for the build


def build_env() -> dict[str, str]:
    """The environment a build runs in: this checkout's hooks importable, MkDocs 2 notice off."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(HOOKS)}


def build_command(config_file: Path, site_dir: Path) -> list[str]:
    """`mkdocs build --strict` of one config into one folder.

    Never with --quiet: MkDocs then drops warnings before its strict mode counts them, and a
    build with broken links exits 0 (seen with MkDocs 1.6.1).
    """
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
            "--site-dir", str(site_dir)]


def build(project: Path, site_dir: Path, **run_options) -> subprocess.CompletedProcess:
    """Build `project` (a folder holding mkdocs.yml) into `site_dir`; output captured as text by default."""
    options = {"capture_output": True, "text": True, **run_options}
    return subprocess.run(build_command(Path(project) / "mkdocs.yml", site_dir), env=build_env(),
                          cwd=project, **options)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request; .ics as text/calendar, as static hosts do."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar"}

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, handler_class: type = None) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) while the block runs; yields the base URL.

    `handler_class`: a quiet SimpleHTTPRequestHandler by default (the audit passes one that gzips)."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
