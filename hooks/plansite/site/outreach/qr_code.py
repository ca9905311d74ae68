"""QR codes for the notices (site/render/render_notice.py): a page's address as one line of SVG.

segno draws them (`qr_code`, the reference). Its own path from text to SVG costs about 1.5 ms an address in
pure Python, a minute of CPU for a province's 40,000 notices when nothing is cached: bits held one a byte and
turned into codewords and back through generators, the error correction a multiplication per coefficient,
the data mask applied cell by cell, each bit looked for in the matrix, the writer going through every module.
`qr_svg` gives the same bytes in a third of the time: segno still chooses the segments, the version and the
error level and writes the data codewords, but the error correction words come from a table of the
generator polynomial's multiples, and the symbol is a template per (version, error level) — every function
pattern, the format and version information and the fixed mask over an all-zero message — in which each
1 bit of the message flips its module (a data module is bit XOR mask). The path is written from the runs
of dark modules found by a regex over each row. tests/test_notice.py compares the bytes with segno's for
addresses of every symbol version from 1 to 19.
"""

from __future__ import annotations

import functools
import html
import io
import re
from itertools import zip_longest

import segno
from segno import consts, encoder

QR_LABEL = "Mã QR tới trang nhiệm vụ"
# The data mask is fixed: segno's choice (scoring all eight masks in Python) was 5 ms of a notice's 6, a
# third of a build's CPU time with site_url set (40,000 notices at the province). Mask 0 decoded 300 of 300
# sample addresses in OpenCV where the scored choice decoded 290 to 299 (tests/test_notice.py).
QR_MASK = 0
ERROR = "m"  # at least 15 % (a worn or soiled notice still scans), raised when the symbol has room (boost)
BORDER = 4  # modules of quiet zone
_DARK_RUNS = re.compile(b"\x01+")
_AS_DIGITS, _AS_BITS = bytes.maketrans(b"\0\1", b"01"), bytes.maketrans(b"01", b"\0\1")


def qr_code(url: str) -> segno.QRCode:
    """`url` as a QR code, by segno alone. Error correction at least M, raised as far as the smallest symbol
    for the address allows; the data mask fixed (QR_MASK)."""
    return segno.make_qr(url, error=ERROR, boost_error=True, mask=QR_MASK)


def reference_svg(url: str) -> str:
    """`url` as the notice's SVG, drawn and written by segno (what `qr_svg` must equal, byte for byte)."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        nl=False,
        omitsize=True,
        scale=1,
        border=BORDER,
        dark="#000",
        light="#fff",
        title=QR_LABEL,
        svgclass="ps-qr__code",
        lineclass=None,
    )
    return _labelled(buffer.getvalue().decode("utf-8"))


def qr_svg(url: str) -> str:
    """`url` as a QR code: one line of SVG, black on white, four modules of quiet zone, scaled by CSS; the
    same bytes as `reference_svg`, so the same address always gives the same bytes."""
    rows = qr_matrix(url)
    size = len(rows) + 2 * BORDER
    path, x, y = [], 0, 0.0  # segno's moves: relative to the end of the run before, y on the modules' middle
    for number, row in enumerate(rows):
        spans = [run.span() for run in _DARK_RUNS.finditer(row)]
        if not spans:
            continue
        dy, y = BORDER + number + 0.5 - y, BORDER + number + 0.5
        start, end = spans[0]
        path.append(f"m{start + BORDER - x} {int(dy) if dy == int(dy) else dy}h{end - start}")
        path.extend(f"m{start - before} 0h{end - start}" for (_, before), (start, end) in zip(spans, spans[1:]))
        x = spans[-1][1] + BORDER
    title = html.escape(QR_LABEL, quote=False)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="ps-qr__code">'
        f'<title>{title}</title><path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
        f'<path stroke="#000" d="M{"".join(path)[1:]}"/></svg>'
    )
    return _labelled(svg)


def _labelled(svg: str) -> str:
    """The SVG with its role, its name for screen readers and crisp edges."""
    label = html.escape(QR_LABEL, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" shape-rendering="crispEdges" ', 1)


def qr_matrix(url: str) -> tuple[bytes, ...]:
    """The symbol of `url` (qr_code's modules, without the quiet zone): one bytes object a row, 1 dark."""
    segments = encoder.prepare_data(url, None, None)
    version = encoder.find_version(segments, consts.ERROR_LEVEL_M, eci=False, micro=False)
    error = encoder.boost_error_level(version, consts.ERROR_LEVEL_M, segments, False)
    bits = _message(segments, version, error)
    template, places = _template(version, error)
    rows = [bytearray(row) for row in template]
    for bit, (i, j) in zip(bits, places):
        if bit:
            rows[i][j] ^= 1
    return tuple(bytes(row) for row in rows)


def _message(segments, version: int, error: int) -> bytes:
    """The final message's bits (data and error correction codewords interleaved, remainder bits), as segno's
    encoder._encode builds them for a QR code (not Micro, no ECI, no structured append)."""
    buff = encoder.Buffer()
    for segment in segments:
        encoder.write_segment(buff, segment, None, encoder.version_range(version), False)
    capacity = consts.SYMBOL_CAPACITY[version][error]
    encoder.write_terminator(buff, capacity, None, len(buff))
    encoder.write_padding_bits(buff, version, len(buff))
    encoder.write_pad_codewords(buff, version, capacity, len(buff))
    # encoder.make_final_message, with the bits turned into bytes and back by int() and format(), not a
    # generator a bit, and the error correction words by a table a generator polynomial (_error_words); its
    # remainder bits (zeros) are left out: a zero flips no module.
    data = bytes(buff.getbits())
    codewords = int(data.translate(_AS_DIGITS), 2).to_bytes(len(data) // 8, "big")
    data_blocks, error_blocks, start = [], [], 0
    for info in consts.ECC[version][error]:
        for _ in range(info.num_blocks):
            data_blocks.append(codewords[start : start + info.num_data])
            error_blocks.append(_error_words(data_blocks[-1], info.num_total - info.num_data))
            start += info.num_data
    final = bytes(_interleaved(data_blocks) + _interleaved(error_blocks))
    return format(int.from_bytes(final, "big"), f"0{8 * len(final)}b").encode("ascii").translate(_AS_BITS)


@functools.cache
def _products(count: int) -> tuple[int, ...]:
    """For each byte c: the generator polynomial of `count` error correction words (segno's, its first
    coefficient 1 left out) times c in GF(256), as one integer of `count` bytes."""
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    return (0,) + tuple(
        int.from_bytes(bytes(exp[log[c] + g] for g in consts.GEN_POLY[count]), "big") for c in range(1, 256)
    )


def _error_words(block: bytes, count: int) -> bytes:
    """The block's Reed-Solomon error correction words: the remainder of its division by the generator
    polynomial (segno's make_blocks), a byte at a time with the remainder held as one integer."""
    products, shift, mask = _products(count), 8 * (count - 1), (1 << 8 * count) - 1
    remainder = 0
    for byte in block:
        remainder = ((remainder << 8) & mask) ^ products[byte ^ (remainder >> shift)]
    return remainder.to_bytes(count, "big")


def _interleaved(blocks: list[bytes]) -> list[int]:
    """The blocks' codewords taken in turn, a shorter block's turn skipped once it is used up."""
    return [word for column in zip_longest(*blocks) for word in column if word is not None]


@functools.cache
def _template(version: int, error: int) -> tuple[tuple[bytes, ...], tuple[tuple[int, int], ...]]:
    """The symbol of an all-zero message (function patterns, format and version information, the mask) and
    the module each message bit goes to, in order: drawn once per version and error level by segno."""
    size = encoder.calc_matrix_size(version)
    blank = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(blank, size, size)
    encoder.add_alignment_patterns(blank, size, size)
    count = sum(row.count(0x2) for row in blank)
    order = [list(row) for row in blank]  # markers 3… tell where add_codewords puts each bit
    encoder.add_codewords(order, list(range(3, 3 + count)), version)
    places = sorted(((value - 3, (i, j)) for i, row in enumerate(order) for j, value in enumerate(row) if value >= 3))
    matrix = tuple(bytearray(row) for row in blank)
    encoder.add_codewords(matrix, bytes(count), version)
    _, matrix = encoder.find_and_apply_best_mask(matrix, size, size, QR_MASK)
    encoder.add_format_info(matrix, version, error, QR_MASK)
    encoder.add_version_info(matrix, version)
    return tuple(bytes(row) for row in matrix), tuple(place for _, place in places)
