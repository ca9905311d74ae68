"""The ready-to-paste message of "Gửi qua Zalo" for a plan's page: its title, who issued it and when, how many
tasks, short enough for a chat, built from the data only. A task page's message (what will be done, by whom and
when) is read from the page itself by docs/assets/plan-share.js, which mirrors `_fit` and previews.first_sentence:
a province's 40,000 task pages do not carry their facts twice. `timing_words` is the bulletins' (outreach/).

The page's address is added in the browser (docs/assets/plan-share.js), so a filtered view is sent as seen
and a site without `site_url` still sends a working link. Plain text: the share partial escapes it into an
attribute, and the clipboard receives text, never markup.
"""

from __future__ import annotations

from ...data.model import Plan, Task
from ...data.schema import EVERY, TIMING_KINDS
from ...text import date_numeric
from ..html.labels import plan_title
from ..index.relations import Names
from .previews import first_sentence

CHAT_LIMIT = 400  # characters before the link: about what a chat shows without "xem thêm"


def timing_words(task: Task) -> str:
    """'Thường xuyên', 'Hạn hoàn thành 30/06/2026', 'Định kỳ (hằng năm)': when, as the data says it."""
    timing = task.timing
    if not timing:
        return ""
    words = TIMING_KINDS[timing.kind]
    if timing.kind == "deadline" and timing.due:
        return f"{words} {date_numeric(timing.due)}"
    years = "–".join(str(y) for y in (timing.start_year, timing.end_year) if y)
    if timing.kind == "from-year" and timing.start_year:
        return f"Từ năm {timing.start_year}"
    detail = [years] if years else []
    detail += [EVERY[timing.every].lower()] if timing.every else []
    return words + (f" ({', '.join(detail)})" if detail else "")


def plan_message(plan: Plan, names: Names) -> str:
    """'<Kế hoạch …>, do … ban hành ngày …; n nhiệm vụ.' (no link)."""
    issued = f" ngày {date_numeric(plan.issued_on)}" if plan.issued_on else ""
    lines = [
        first_sentence(plan_title(plan), 200),
        f"Do {names.agency_name(plan.issuer)} ban hành{issued}; {len(plan.tasks)} nhiệm vụ.",
    ]
    return _fit(lines)


def _fit(lines: list[str]) -> str:
    """The lines; when longer than a chat shows, the first line (the plan's title) shortened to its first
    words, then the whole cut at a word."""
    text = "\n".join(lines)
    if len(text) > CHAT_LIMIT:
        text = "\n".join([" ".join(lines[0].split()[:4]) + "…", *lines[1:]])
    if len(text) > CHAT_LIMIT:
        text = text[:CHAT_LIMIT].rsplit(" ", 1)[0] + "…"
    return text
