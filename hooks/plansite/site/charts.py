"""Build-time SVG bar charts of task statuses: no chart library in the browser.

Every bar has its number and its label written beside it as text, so the chart reads without
colour, and the SVG is an image with a title and a description for screen readers. Only
numbers and escaped labels go into the markup.
"""

from __future__ import annotations

import html

from ..reports.status import STATUS_LABELS
from .statuses import STATUS_COLOURS

ROW, BAR_X, BAR_WIDTH, WIDTH = 26, 190, 300, 600


def _text(x: float, y: float, value: str, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return (f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" dominant-baseline="middle"{weight}>'
            f"{html.escape(value)}</text>")


def _svg(title: str, description: str, height: int, body: list[str]) -> str:
    return (f'<div class="ps-chart"><svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" font-size="13" font-family="sans-serif" fill="#0b0c0c">'
            f"<title>{html.escape(title)}</title><desc>{html.escape(description)}</desc>"
            + "".join(body) + "</svg></div>\n\n")


def status_bars(title: str, counts: dict[str, int]) -> str:
    """One horizontal bar per status, its label on the left and its count on the right."""
    total = sum(counts.values()) or 1
    body, y = [], 4
    for status, count in counts.items():
        fg, bg = STATUS_COLOURS[status]
        width = BAR_WIDTH * count / total
        body.append(_text(0, y + ROW / 2 - 2, STATUS_LABELS[status]))
        body.append(f'<rect x="{BAR_X}" y="{y}" width="{width:.1f}" height="{ROW - 8}" fill="{bg}" stroke="{fg}"/>')
        body.append(_text(BAR_X + width + 6, y + ROW / 2 - 2, f"{count} nhiệm vụ", bold=True))
        y += ROW
    description = "; ".join(f"{STATUS_LABELS[s]}: {n}" for s, n in counts.items())
    return _svg(title, description, y + 4, body)


def stacked_bars(title: str, rows: list[tuple[str, dict[str, int]]]) -> str:
    """One stacked bar per row (a section, an agency) with its total beside it; the page's table
    beside the chart gives every count in words."""
    body, y = [], 4
    for label, counts in rows:
        total, x = sum(counts.values()) or 1, float(BAR_X)
        body.append(_text(0, y + ROW / 2 - 2, label if len(label) <= 28 else label[:27] + "…"))
        for status, count in counts.items():
            if count:
                fg, bg = STATUS_COLOURS[status]
                width = BAR_WIDTH * count / total
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 8}" fill="{bg}" '
                            f'stroke="{fg}"/>')
                x += width
        body.append(_text(BAR_X + BAR_WIDTH + 6, y + ROW / 2 - 2, f"{sum(counts.values())} nhiệm vụ", bold=True))
        y += ROW
    description = "; ".join(f"{label}: " + ", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items() if n)
                            for label, counts in rows)
    return _svg(title, description, y + 4, body)
