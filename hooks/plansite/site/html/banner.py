"""Banners above every page: example data (the demo build), and the data's problems in a preview.

Editors often do not watch the terminal: under `mkdocs serve` the last good pages stay up,
and this banner says, on each of them, what is wrong and where. Every text is escaped.
"""

from __future__ import annotations

import html

from ...data.problems import Problem
from ...i18n import _, ngettext


def problems_banner(problems: list[Problem]) -> str:
    """HTML of the banner: one item per problem (file:line:col, path, message, hint)."""
    errors = [p for p in problems if not p.warning]
    items = []
    for p in problems:
        where = html.escape(f"{p.file}:{p.line}:{p.column}: {p.path}")
        hint = (
            f'<br><span class="data-problems__hint">{html.escape(_("Hint: {hint}").format(hint=p.hint))}</span>'
            if p.hint
            else ""
        )
        warning = html.escape(_("Warning: ")) if p.warning else ""
        items.append(f"<li><code>{where}</code><br>{warning}{html.escape(p.message)}{hint}</li>")
    count = html.escape(
        ngettext("The data has {count} problem", "The data has {count} problems", len(errors)).format(count=len(errors))
    )
    intro = html.escape(
        _(
            "the pages below are the last good version, without the latest changes. Fix these "
            "problems, then save the file:"
        )
    )
    return (
        f'<div class="data-problems" role="alert"><p><strong>{count}</strong>: {intro}</p>'
        f"<ol>{''.join(items)}</ol></div>\n"
    )


# Every page of a build that holds made-up example reports says so, before anything else.
DEMO_BANNER = (
    '<div class="ps-demo-banner" role="note">Dữ liệu minh họa — không phải báo cáo thật. '
    "Các báo cáo, tình trạng và số liệu trên trang này được đặt ra để trình diễn.</div>\n"
)


def preview_banner(plan_id: str, plan_title: str | None = None) -> str:
    """Every page of a preview scoped to one plan (`make serve PLAN=<id>`) says so, what it holds and what
    it checked: every registry and this plan; the published build has and checks every plan."""
    named = (
        f"{html.escape(plan_title)} (<code>{html.escape(plan_id)}</code>)"
        if plan_title
        else f"kế hoạch <code>{html.escape(plan_id)}</code>"
    )
    return (
        '<div class="ps-demo-banner ps-preview-banner" role="note">Bản xem trước một kế hoạch: chỉ có '
        f"{named}, các báo cáo của kế hoạch này và trang của những cơ quan, văn bản mà các trang của nó "
        "liên kết tới. Đã kiểm tra mọi danh mục (địa bàn, cơ quan, văn bản, từ viết tắt) và kế hoạch này; "
        "các kế hoạch khác không được đọc. Bản xuất bản (make build) có và kiểm tra mọi kế hoạch.</div>\n"
    )
