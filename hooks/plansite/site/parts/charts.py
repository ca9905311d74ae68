"""Build-time bar charts of task statuses, as HTML: no chart library in the browser, no drawing shrunk to fit.

A chart drawn as one SVG shrinks with the screen (13 px text in a 600-unit drawing is 7.8 px on a 358 px
phone). These charts are lists: every label, count and status is real text at the page's size, which wraps
on a narrow screen; the bars are decoration (aria-hidden) whose widths are percentages. Every chart says
each status in words beside its count and carries a legend, so nothing is told by colour alone. Only
numbers and escaped labels go into the markup; the labels are running text of the page being written
(`page.text`: an abbreviation's first use on the page is marked).
"""

from __future__ import annotations

from ...reports.status import STATUS_LABELS
from ..html.page_writer import PageWriter


def _bar(counts: dict[str, int], whole: int = 0) -> str:
    """The stacked bar: one coloured segment per status with tasks, its width the share of `whole` (by
    default the row's own total)."""
    total = whole or sum(counts.values())
    segments = (
        "".join(
            f'<span class="ps-bar__part ps-tag--{status}" style="width:{100 * count / total:.2f}%"></span>'
            for status, count in counts.items()
            if count
        )
        if total
        else ""
    )
    return f'<span class="ps-bar" aria-hidden="true">{segments}</span>'


def _in_words(counts: dict[str, int], page: PageWriter) -> str:
    """'2 thực hiện thường xuyên, 3 chưa có báo cáo': every status with tasks, in words."""
    return (
        ", ".join(f"{n} {page.text(STATUS_LABELS[s].lower())}" for s, n in counts.items() if n) or "không có nhiệm vụ"
    )


def _legend(statuses: list[str], page: PageWriter) -> str:
    items = "".join(
        f'<li><span class="ps-swatch ps-tag--{s}" aria-hidden="true"></span>{page.text(STATUS_LABELS[s])}</li>'
        for s in statuses
    )
    return f'<ul class="ps-legend" aria-label="Chú giải màu">{items}</ul>\n'


def status_bars(title: str, counts: dict[str, int], page: PageWriter) -> str:
    """One bar per status: its name, its count, and a bar as long as its share of the whole."""
    whole = sum(counts.values())
    caption = page.text(title)  # read before the rows
    rows = "".join(
        f'<li><span class="ps-chart__label">{page.text(STATUS_LABELS[status])}: '
        f"<strong>{count} nhiệm vụ</strong></span>"
        f"{_bar({status: count}, whole)}</li>\n"
        for status, count in counts.items()
    )
    return (
        f'<figure class="ps-chart"><figcaption>{caption}</figcaption>\n'
        f'<ul class="ps-chart__rows">\n{rows}</ul></figure>\n'
    )


def stacked_bars(title: str, rows: list[tuple[str, dict[str, int]]], page: PageWriter) -> str:
    """One stacked bar per row (a section, an agency): its name, its total and every status in words."""
    used = [s for s in STATUS_LABELS if any(counts.get(s) for _, counts in rows)]
    caption, legend = page.text(title), _legend(used, page)  # read before the rows
    items = "".join(
        f'<li><span class="ps-chart__label"><strong>{page.text(label)}</strong>: {sum(counts.values())} nhiệm vụ '
        f"({_in_words(counts, page)})</span>{_bar(counts)}</li>\n"
        for label, counts in rows
    )
    return (
        f'<figure class="ps-chart"><figcaption>{caption}</figcaption>\n{legend}'
        f'<ul class="ps-chart__rows">\n{items}</ul></figure>\n'
    )
