"""QR codes cached by content, beside the link-preview pictures (.cache/qr/ next to .cache/og/).

A notice's QR code is a pure function of its address and of how it is drawn (qr_code.py). A province has
40,000; each costs about 1.5 ms to draw (segno, pure Python) and a few microseconds to read back, so a
rebuild draws only the codes whose address is new, e.g. the tasks an edit added or renamed. The file name is a hash of
everything the bytes depend on: the address, segno's version, every drawing parameter and DESIGN (bumped
when our writer changes). A file is written whole or not at all (og_image.store: a temporary file, then a
rename); one that does not look like a whole PNG is drawn again, and a failed write only costs a redraw on
the next build. Without a folder (tests, the page renderers used alone) the codes are drawn every time.

The folder is set by the MkDocs adapter (plansite_mkdocs/previews.py) for the build under way: the page
renderers are pure functions of the model and the site's options, and a cache must not change what they
write, only what it costs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import segno

from .og_batch import run_behind
from .og_image import store
from .qr_code import BORDER, ERROR, PNG_END, PNG_START, QR_MASK, SCALE, qr_img, qr_png

# Bump when qr_code.qr_png's drawing changes (segno's version is in the key too); 1: SVG, 2: PNG, 4: 4 px a module.
DESIGN = "4"
_KEY_PARTS = [DESIGN, segno.__version__, ERROR, "boost", QR_MASK, BORDER, SCALE]


POOL_FROM = 200  # fewer missing codes than this are drawn by the pages as they render (a pool costs ~0.5 s)
CHUNK = 250  # codes a task of a helper draws


class _State:
    folder: Path | None = None
    drawn = 0  # codes drawn in this process since the folder was set (the tests count them)


def use_folder(folder: Path | None) -> None:
    """Where the codes are kept from now on (None: nowhere); the count of codes drawn starts again."""
    _State.folder, _State.drawn = (Path(folder) if folder else None), 0


def drawn() -> int:
    """How many codes were drawn (not read from the folder) since `use_folder`."""
    return _State.drawn


def file_name(url: str) -> str:
    """The cached code's file name: 16 hex digits of the SHA-256 of what its bytes depend on, then '.png'."""
    key = json.dumps([*_KEY_PARTS, url], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16] + ".png"


def cached_qr_img(url: str) -> str:
    """qr_code.qr_img(qr_png(url)): the PNG read from the folder when it holds it, else drawn and kept there."""
    return qr_img(cached_qr_png(url))


def cached_qr_png(url: str) -> bytes:
    """qr_code.qr_png(url), read from the folder when it holds it whole, else drawn and kept there."""
    folder = _State.folder
    if folder is None:
        _State.drawn += 1
        return qr_png(url)
    path = folder / file_name(url)
    try:
        kept = path.read_bytes()
    except OSError:
        kept = b""
    if kept.startswith(PNG_START) and kept.endswith(PNG_END):
        return kept
    png = qr_png(url)
    _State.drawn += 1
    try:
        store(path, png, prefix=".qr-")
    except OSError:
        pass  # a read-only or full disk: the page is still right, the next build draws it again
    return png


def draw_into(folder: str, urls: tuple[str, ...]) -> int:
    """Each code of `urls` not yet in `folder` drawn and kept there (a task of a helper process); how many."""
    run_behind()
    drawn = 0
    for url in urls:
        path = Path(folder) / file_name(url)
        if not path.is_file():  # the pages may have drawn it meanwhile (`missing_chunks`)
            store(path, qr_png(url), prefix=".qr-")
            drawn += 1
    return drawn


def missing_chunks(urls: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The `draw_into` jobs for the codes of `urls` not yet in the folder, last address first: the build's
    own process renders the pages from the first while helpers draw from the last, so each code is drawn
    once, by whichever reaches it first (a page reads a code a helper kept; a helper skips one a page
    drew), and the build never waits for the codes. None without a folder or with too few missing
    (fewer than POOL_FROM: the pages draw them)."""
    folder = _State.folder
    if folder is None:
        return []
    missing = sorted({url for url in urls if not (folder / file_name(url)).is_file()}, reverse=True)
    if len(missing) < POOL_FROM:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    return [(str(folder), tuple(missing[i : i + CHUNK])) for i in range(0, len(missing), CHUNK)]
