"""QR codes for the notices (site/render/render_notice.py): a page's address as a small PNG, drawn by segno, written
into the page as an <img> with a data: address.

segno (pinned) encodes them; a province has 40,000, about 1 ms each in pure Python, so they are
kept by content in .cache/qr/ (qr_cache.py) and a rebuild draws only the addresses it has not seen.

Why a PNG and not SVG: the SVG was 2.4 KB of every task page (a tenth of it; 95 MB at the province), the PNG
about 0.5 KB. The PNG is drawn at SCALE pixels a module, so it stays sharp on paper whatever the viewer does:
Chromium prints it as a 360-pixel image with no smoothing asked for (about 180 dpi at 5 cm), and even a
viewer that smooths it anyway leaves under a tenth of its pixels grey, where one pixel a module left half of
them grey and did not decode after a cubic upscale (tests/test_notice.py decodes it from the printed PDF).
On screen CSS scales it with `image-rendering: pixelated`.
"""

from __future__ import annotations

import base64
import html
import zlib

import segno

QR_LABEL = "Mã QR tới trang nhiệm vụ"
# The data mask is fixed: segno's choice (scoring all eight masks in Python) was 5 ms of a notice's 6, a
# third of a build's CPU time with site_url set (40,000 notices at the province). Mask 0 decoded 300 of 300
# sample addresses in OpenCV where the scored choice decoded 290 to 299 (tests/test_notice.py).
QR_MASK = 0
ERROR = "m"  # at least 15 % (a worn or soiled notice still scans), raised when the symbol has room (boost)
BORDER = 4  # modules of quiet zone
SCALE = 8  # pixels a module: about 480 bytes for a 45-module code, 640 in base64 (blurred when smoothed at 1 px)
PNG_START, PNG_END = b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82"  # a whole PNG begins and ends with these
assert SCALE == 8  # qr_png writes a module as one byte of eight 1-bit pixels
_LIGHT = b"\xff"  # eight white pixels
_PIXELS_OF_MODULE = bytes([255, 0]) + bytes(254)  # segno's 0 (light) / 1 (dark) → eight white / black pixels
_FILTER_NONE = b"\x00"  # PNG's filter type before each row
_IEND = (0).to_bytes(4, "big") + PNG_END


def qr_code(url: str) -> segno.QRCode:
    """`url` as a QR code, by segno alone. Error correction at least M, raised as far as the smallest symbol
    for the address allows; the data mask fixed (QR_MASK)."""
    return segno.make_qr(url, error=ERROR, boost_error=True, mask=QR_MASK)


def qr_png(url: str) -> bytes:
    """`url` as a 1-bit PNG, black on white, SCALE pixels a module, four modules of quiet zone; the same
    address always gives the same bytes, and the same pixels as segno's own PNG writer (`save(kind="png",
    scale=SCALE, border=BORDER)`; tests/test_notice.py).

    segno encodes; the PNG is written here, because at 8 pixels a module and one bit a pixel a module is
    exactly one byte, so a row of pixels is the row of modules translated (`_PIXELS_OF_MODULE`), repeated
    SCALE times, with PNG's filter 0 before it. segno's writer packs the pixels one by one in Python (5 ms a
    code); Pillow's, used until 2026-12-08, filters each row adaptively, which these rows of long runs
    compress worse: 680 bytes a code against 490 here (40,000 codes: about 10 MB of base64 in the province's
    task pages), and 0.5 ms against 0.15. zlib at level 5: levels 8 and 9 give 30 bytes more, 1 to 3 smaller
    ones 300 to 400 more (measured on 200 task addresses)."""
    matrix = qr_code(url).matrix  # rows of 0 (light) and 1 (dark), without the quiet zone
    side = (len(matrix) + 2 * BORDER) * SCALE
    margin = _LIGHT * BORDER
    quiet = (_FILTER_NONE + _LIGHT * (side // SCALE)) * (BORDER * SCALE)
    pixels = (margin + bytes(row).translate(_PIXELS_OF_MODULE) + margin for row in matrix)
    rows = b"".join((_FILTER_NONE + line) * SCALE for line in pixels)
    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])  # width, height, 1 bit, greyscale, no interlace
    return PNG_START + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(quiet + rows + quiet, 5)) + _IEND


def _chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, kind, data, CRC-32 of kind and data."""
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def qr_img(png: bytes) -> str:
    """The PNG of `qr_png` as the notice's <img>: named for screen readers, its size in pixels (CSS sets the
    size it is shown at), one line."""
    side = _side(png)
    label = html.escape(QR_LABEL, quote=True)
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{label}" width="{side}" height="{side}">'


def _side(png: bytes) -> int:
    """The width of a PNG in pixels (its IHDR chunk; a QR code is square)."""
    return int.from_bytes(png[16:20], "big")
