"""QR codes cached by content, beside the link-preview pictures (.cache/qr/ next to .cache/og/).

A notice's QR code is a pure function of its address and of how it is drawn (qr_code.py). A province has
40,000; each costs about 1.5 ms to draw (segno, pure Python) and a few microseconds to read back, so a
rebuild draws only the codes whose address is new, e.g. the tasks an edit added or renamed. The file name is a hash of
everything the bytes depend on: the address, segno's version, every drawing parameter and DESIGN (bumped
when our writer changes). A file is written whole or not at all (og_image.store: a temporary file, then a
rename); one that does not look like a whole PNG is drawn again, and a failed write only costs a redraw on
the next build. Without a folder (tests, the page renderers used alone) the codes are drawn every time.

Two kinds of file, because creating a file costs about half a millisecond of CPU on its own (as much as
drawing the code with Pillow): a code a page drew is kept alone, `<name>.png` (a few, the pages draw only
what the helpers have not reached); the codes a helper process draws (`draw_into`, most of a cold build's)
are kept together, one pack `<hash>.qrs` per task of CHUNK codes: a cold 7k build creates 20 files where it
created 5,000. A page looks a code up in the packs' index first (made once, renewed when the folder changes),
then in its own file, then draws it. A pack is records of the code's name (16 ASCII hex digits), its length
(4 bytes, big-endian) and its PNG; a record that does not hold a whole PNG ends the pack's reading, and
the codes from it on are drawn again. The index holds where each code is, not its bytes (about 200 bytes a
code in the build's own process; a page reads its code from the pack).

The folder is set by the MkDocs adapter (plansite_mkdocs/previews.py) for the build under way: the page
renderers are pure functions of the model and the site's options, and a cache must not change what they
write, only what it costs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import segno

from .og_batch import run_behind
from .og_image import DIGEST_LENGTH, digest, is_digest, remove_leftovers, remove_quietly, store
from .qr_code import BORDER, ERROR, PNG_END, PNG_START, QR_MASK, SCALE, qr_img, qr_png

# Bump when qr_code.qr_png's drawing changes (segno's version and SCALE are in the key too); 1: SVG, 2: PNG. (4 was
# 4 px a module, taken back: its smoothed print was greyer than the notice test allows.) 5: the same pixels, written
# without Pillow's adaptive row filters (smaller bytes, so a code kept by 3 would not be the one drawn now).
DESIGN = "5"
_KEY_PARTS = [DESIGN, segno.__version__, ERROR, "boost", QR_MASK, BORDER, SCALE]


POOL_FROM = 200  # fewer missing codes than this are drawn by the pages as they render (a pool costs ~0.5 s)
CHUNK = 250  # codes a task of a helper draws


PACK = ".qrs"  # a helper's codes in one file
_TEMPORARY = ".qr-"  # how a code's or a pack's temporary file (og_image.store) begins its name
_NAME, _LENGTH = DIGEST_LENGTH, 4  # a record's head: the code's name, then its PNG's length


class _State:
    folder: Path | None = None
    drawn = 0  # codes drawn in this process since the folder was set (the tests count them)
    used: set[str] = set()  # the names of the codes the pages asked for since the folder was set (`prune`)
    packed: dict[str, tuple[str, int, int]] = {}  # a code's name → (its pack, offset, length)
    packs: set[str] = set()  # the packs indexed
    seen = -1  # the folder's modification time when its packs were last indexed


def use_folder(folder: Path | None) -> None:
    """Where the codes are kept from now on (None: nowhere); the count of codes drawn starts again, and the
    packs are indexed afresh on the first look-up."""
    _State.folder, _State.drawn, _State.used = (Path(folder) if folder else None), 0, set()
    _State.packed, _State.packs, _State.seen = {}, set(), -1


def _index_packs(folder: Path) -> None:
    """Index the packs added to `folder` since the last call (none when the folder has not changed: a pack is
    renamed into it whole, which changes its modification time). A pack missed (two renames within the
    clock's tick) only costs a code drawn again by the page that wanted it."""
    try:
        changed = os.stat(folder).st_mtime_ns
    except OSError:
        return
    if changed == _State.seen:
        return
    _State.seen = changed
    try:
        with os.scandir(folder) as entries:
            new = sorted(e.name for e in entries if e.name.endswith(PACK) and e.name not in _State.packs)
    except OSError:
        return
    for name in new:
        _State.packs.add(name)
        path = str(folder / name)
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError:
            continue
        for code, offset, length in records(data):
            _State.packed.setdefault(code, (path, offset, length))


def _whole(png: bytes) -> bool:
    """Whether `png` looks like a whole PNG (a write cut short, or a record of a broken pack, does not)."""
    return png.startswith(PNG_START) and png.endswith(PNG_END)


def records(data: bytes) -> list[tuple[str, int, int]]:
    """The whole records of a pack: (name, offset of its PNG, length); the first broken one ends the list."""
    found, at = [], 0
    while at + _NAME + _LENGTH <= len(data):
        name = data[at : at + _NAME].decode("ascii", "replace")
        length = int.from_bytes(data[at + _NAME : at + _NAME + _LENGTH], "big")
        start = at + _NAME + _LENGTH
        png = data[start : start + length]
        if len(png) != length or not _whole(png):
            break
        found.append((name, start, length))
        at = start + length
    return found


def _packed(name: str) -> bytes | None:
    """The code `name` read from its pack, or None when no pack holds it (whole)."""
    where = _State.packed.get(name)
    if where is None:
        return None
    path, offset, length = where
    try:
        with open(path, "rb") as file:
            file.seek(offset)
            png = file.read(length)
    except OSError:
        return None
    return png if len(png) == length and _whole(png) else None


def drawn() -> int:
    """How many codes were drawn (not read from the folder) since `use_folder`."""
    return _State.drawn


def code_name(url: str) -> str:
    """The cached code's name: 16 hex digits of the SHA-256 of what its bytes depend on."""
    return digest(json.dumps([*_KEY_PARTS, url], ensure_ascii=False))


def file_name(url: str) -> str:
    """The file of a code a page drew: its name, then '.png'."""
    return _alone(code_name(url))


def _alone(code: str) -> str:
    """The file name of the code named `code` when it is kept alone (a page drew it), not in a pack."""
    return code + ".png"


def cached_qr_img(url: str) -> str:
    """qr_code.qr_img(qr_png(url)): the PNG read from the folder when it holds it, else drawn and kept there."""
    return qr_img(cached_qr_png(url))


def cached_qr_png(url: str) -> bytes:
    """qr_code.qr_png(url), read from the folder when it holds it whole, else drawn and kept there."""
    folder = _State.folder
    if folder is None:
        _State.drawn += 1
        return qr_png(url)
    code = code_name(url)
    _State.used.add(code)
    if _State.seen == -1:
        _index_packs(folder)  # the packs of earlier builds, once
    packed = _packed(code)
    if packed is not None:
        return packed
    path = folder / _alone(code)
    try:
        kept = path.read_bytes()
    except OSError:
        kept = b""
    if _whole(kept):
        return kept
    _index_packs(folder)  # a helper may have packed it meanwhile
    packed = _packed(code)
    if packed is not None:
        return packed
    png = qr_png(url)
    _State.drawn += 1
    try:
        store(path, png, prefix=_TEMPORARY)
    except OSError:
        pass  # a read-only or full disk: the page is still right, the next build draws it again
    return png


def prune(before: float) -> int:
    """Remove from the folder the codes no page asked for since `use_folder` (addresses gone, an earlier DESIGN):
    a lone code's file, or a pack none of whose codes was read, and temporary files older than the time `before`
    (the build's start); how many files. Only after a whole build that published its pages
    (plansite_mkdocs/previews.py): the folder then keeps what the next build reads, and a host's cache (CI
    saves the folder after every build) stops growing with every edit and every new design. A pack with some
    codes read is kept whole. Only the cache's own names are touched."""
    folder = _State.folder
    if folder is None or not _State.used:
        return 0
    _index_packs(folder)
    read = {Path(_State.packed[code][0]).name for code in _State.used if code in _State.packed}
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:
        return 0
    stale = []
    for name in names:
        code, _, suffix = name.partition(".")
        unused_alone = suffix == "png" and code not in _State.used
        unread_pack = suffix == PACK[1:] and name not in read
        if is_digest(code) and (unused_alone or unread_pack):
            stale.append(folder / name)
    removed = remove_leftovers(folder, _TEMPORARY, before) + sum(map(remove_quietly, stale))
    _State.packed, _State.packs, _State.seen = {}, set(), -1  # indexed afresh if a code is asked for again
    return removed


def draw_into(folder: str, urls: tuple[str, ...]) -> int:
    """Each code of `urls` not yet in `folder` drawn and kept there, all in one pack (a task of a helper
    process); how many."""
    run_behind()
    pack = []
    for url in urls:
        code = code_name(url)
        if not (Path(folder) / _alone(code)).is_file():  # the pages may have drawn it meanwhile (`missing_chunks`)
            png = qr_png(url)
            pack.append(code.encode("ascii") + len(png).to_bytes(_LENGTH, "big") + png)
    if pack:
        name = hashlib.sha256(b"".join(record[:_NAME] for record in pack)).hexdigest()[:_NAME] + PACK
        store(Path(folder) / name, b"".join(pack), prefix=_TEMPORARY)
    return len(pack)


def missing_chunks(urls: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The `draw_into` jobs for the codes of `urls` not yet in the folder, last address first: the build's
    own process renders the pages from the first while helpers draw from the last, so each code is drawn
    once, by whichever reaches it first (a page reads a code a helper kept; a helper skips one a page
    drew), and the build never waits for the codes. None without a folder or with too few missing
    (fewer than POOL_FROM: the pages draw them)."""
    folder = _State.folder
    if folder is None:
        return []
    _index_packs(folder)
    missing = sorted(
        {url for url in urls if code_name(url) not in _State.packed and not (folder / file_name(url)).is_file()},
        reverse=True,
    )
    if len(missing) < POOL_FROM:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    return [(str(folder), tuple(missing[i : i + CHUNK])) for i in range(0, len(missing), CHUNK)]
