"""Status shown as text plus colour (GOV.UK tag pattern), never colour alone.

The colours are GOV.UK's tag colours, in docs/assets/plan-site.css (.ps-tag--<status>): dark text on a
light tint, each pair above WCAG AA contrast.
"""

from __future__ import annotations

import html

from ...reports.calendar import STATES
from ...reports.status import STATUS_LABELS


def status_tag(status: str) -> str:
    """Inline HTML tag for a task's status; the class carries the colour, the words carry the meaning."""
    return f'<strong class="ps-tag ps-tag--{status}">{html.escape(STATUS_LABELS[status])}</strong>'


def state_tag(state: str) -> str:
    """Inline HTML tag for a due report's state (received, overdue …)."""
    return f'<strong class="ps-tag ps-tag--{state}">{html.escape(STATES[state])}</strong>'
