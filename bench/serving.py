"""Serving a built folder on 127.0.0.1 while a block runs: for the browser tests and the benchmark
(never for publishing: `make serve` is MkDocs' own server)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


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
