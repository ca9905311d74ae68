"""Status shown as text plus colour (GOV.UK tag pattern), never colour alone.

Colours are GOV.UK's tag colours: dark text on a light tint, each pair above WCAG AA contrast.
"""

from __future__ import annotations

import html

from ..reports.calendar import STATES
from ..reports.status import STATUS_LABELS

# status → (text colour, background)
STATUS_COLOURS = {
    "chua-trien-khai": ("#383f43", "#eeefef"),
    "dang-thuc-hien": ("#0c2d4a", "#bbd4ea"),
    "da-hoan-thanh": ("#005a30", "#cce2d8"),
    "thuong-xuyen": ("#10403c", "#bfe3e0"),
    "cham-tien-do": ("#6e3619", "#fcd6c3"),
    "khong-thuc-hien": ("#2a0b06", "#f6d7d2"),
    "chua-co-bao-cao": ("#0b0c0c", "#f3f2f1"),
}


def status_tag(status: str) -> str:
    """Inline HTML tag for a task's status; the class carries the colour, the words carry the meaning."""
    return f'<strong class="ps-tag ps-tag--{status}">{html.escape(STATUS_LABELS[status])}</strong>'


def state_tag(state: str) -> str:
    """Inline HTML tag for a due report's state (received, overdue …)."""
    return f'<strong class="ps-tag ps-tag--{state}">{html.escape(STATES[state])}</strong>'
