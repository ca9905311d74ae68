"""QR codes for the notices (site/render/render_notice.py): a page's address as one line of SVG, drawn by segno.

segno (pinned) encodes and writes them; a province has 40,000, about 1.5 ms each in pure Python, so they are
kept by content in .cache/qr/ (qr_cache.py) and a rebuild draws only the addresses it has not seen.
"""

from __future__ import annotations

import html
import io

import segno

QR_LABEL = "Mã QR tới trang nhiệm vụ"
# The data mask is fixed: segno's choice (scoring all eight masks in Python) was 5 ms of a notice's 6, a
# third of a build's CPU time with site_url set (40,000 notices at the province). Mask 0 decoded 300 of 300
# sample addresses in OpenCV where the scored choice decoded 290 to 299 (tests/test_notice.py).
QR_MASK = 0
ERROR = "m"  # at least 15 % (a worn or soiled notice still scans), raised when the symbol has room (boost)
BORDER = 4  # modules of quiet zone


def qr_code(url: str) -> segno.QRCode:
    """`url` as a QR code, by segno alone. Error correction at least M, raised as far as the smallest symbol
    for the address allows; the data mask fixed (QR_MASK)."""
    return segno.make_qr(url, error=ERROR, boost_error=True, mask=QR_MASK)


def qr_svg(url: str) -> str:
    """`url` as the notice's QR code: one line of SVG, black on white, four modules of quiet zone, scaled by
    CSS; the same address always gives the same bytes."""
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


def _labelled(svg: str) -> str:
    """The SVG with its role, its name for screen readers and crisp edges."""
    label = html.escape(QR_LABEL, quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" shape-rendering="crispEdges" ', 1)
