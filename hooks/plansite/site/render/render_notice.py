"""HTML for one task's printable notice: an A4 page for the commune's notice board (thông báo để niêm yết).

Large type, one task: who issued the plan, the task in plain words, who does it and when, where to give
feedback, and a QR code that opens the task's page. Every text from the data is escaped. The QR code's box is
written empty: the browser draws the code into it when the notice is opened (docs/assets/plan-notice.js, from
the page's canonical address). Drawn here, the province's 40,000 codes were 27 MB of its pages and a sixth of
a cold build's CPU, for the few notices anyone prints; a browser without JavaScript prints the address alone.

The notice is the task page's own layout for paper, not a page nor a second copy of the task: the page's
sections that a notice shows (the plain summary, else the first sentence of the signed text; who does it,
with whom, when; where feedback goes) carry the class IN_NOTICE (render_task.py), and this module writes only
what the notice adds around them: a head (the issuer, "Thông báo", which plan; on screen a way back and how to
print) and an end (the address and its QR code). Both are hidden until the address names the notice
(…/nhiem-vu/<task>/#thong-bao, the task page's "In thông báo" link): then the stylesheet shows the head, the
task's heading, the IN_NOTICE sections and the end, in that order, and nothing else of the page, on screen
and on paper, on one A4 sheet (docs/assets/plan-site.css, the notice's section). A browser without :has()
shows the head and the end after the task's text. The head's headings carry a class, so they get no id and
stay out of the page's table of contents, and `data-ps-print-only` keeps the head and the end out of the
page's search text (search/excerpt.py: the page's text ends where they begin).
(A province has 40,000 tasks: a notice page each was 40,000 files and 600 MB; a copy of the task's facts in
each task page, about 1 KB a page.)
"""

from __future__ import annotations

import re

from ...addresses import GUIDE, NOTICE_ID, page_url, task_uri
from ...data.model import Plan, Task
from ...text import date_prose
from ..html.identity import notice_board, site_web
from ..html.labels import plan_title, short_title, task_number
from ..html.markup import link, p
from ..html.page_writer import PageWriter
from ..index.relations import Names
from ..options import SiteOptions

IN_NOTICE = "ps-n"  # a section of the task's page that its notice shows
NOTICE_FIRST = "ps-n--first"  # the text's paragraph when there is no summary: its first sentence is shown
NOTICE_REST = "ps-n__rest"  # ... and the rest of it is not
# On screen above the notice: how to print it in one line, the full how-to in the guide (GUIDE_PRINTING), not
# 0.45 KB of it on each of a province's 40,000 task pages.
PRINT_HINT = "để niêm yết trên {board}. Bấm Ctrl+P (điện thoại: “In” trong trình đơn), khổ A4 dọc."
# The guide's section on the notice (docs/huong-dan-bien-tap.md, "Thông báo in để niêm yết"): its id as MkDocs
# makes it (the default slug drops "đ"), kept so that links to it from before still land there.
GUIDE_PRINTING = GUIDE + "#thong-bao-in-e-niem-yet"
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def in_notice(html: str) -> str:
    """`html` (blocks of the task's page) as a section its notice shows; nothing for nothing."""
    return f'<div class="{IN_NOTICE}">\n{html}</div>\n' if html else ""


def render_notice(plan: Plan, names: Names, task: Task, options: SiteOptions, page: PageWriter) -> str:
    """The head and the end of one task's notice, as the HTML blocks the task's page (written by `page`) ends
    with (a pure function of its arguments)."""
    uri, number = task_uri(plan, task), task_number(plan, task)
    out = f'<div class="ps-notice" id="{NOTICE_ID}" data-ps-print-only>\n<div class="ps-notice__screen">\n'
    out += p(link(f"‹ Về trang nhiệm vụ {number}", page, uri))
    hint = page.text(PRINT_HINT.format(board=notice_board(names.plan_place(plan))))
    out += p(f"<strong>In thông báo</strong> {hint} {link('Cách in', page, GUIDE_PRINTING)}") + "</div>\n"
    issuer = page.text(names.agency_name(plan.issuer))
    out += f'<div class="ps-notice__issuer">\n{p(f"<strong>{issuer}</strong>")}</div>\n'
    out += _heading(1, "Thông báo")
    out += p(f"<strong>Về nhiệm vụ {page.text(number)} của {page.text(_plan_name(plan))}</strong>") + "</div>\n"
    web = site_web(names.places[names.site_place]) if names.site_place else "trang web"
    out += '<div class="ps-notice__end" data-ps-print-only>\n' + _heading(2, "Xem trên mạng")
    return out + _where_online(plan, task, options.site_url, web, page) + "</div>\n"


def _heading(level: int, content: str) -> str:
    """A heading of the notice: with a class and no id (no table of contents entry)."""
    return f'<h{level} class="ps-notice__heading">{content}</h{level}>\n'


def first_sentence(text: str) -> str:
    """The text up to its first full stop (or ! ? …) followed by a space or the end; all of it if none."""
    end = _SENTENCE_END.search(text.strip())
    return text.strip()[: end.end()] if end else text.strip()


def task_url(site_url: str, plan: Plan, task: Task) -> str:
    """The task page's absolute address (directory URLs): site_url + ke-hoach/<plan>/nhiem-vu/<task>/."""
    return f"{site_url.rstrip('/')}/{page_url(task_uri(plan, task))}"


def _plan_name(plan: Plan) -> str:
    """'Kế hoạch …', with its number and date when the data has them."""
    name = plan_title(plan)
    name += f" số {plan.number}" if plan.number else ""
    return name + (f" {date_prose(plan.issued_on)}" if plan.issued_on else "")


def _where_online(plan: Plan, task: Task, site_url: str | None, web: str, page: PageWriter) -> str:
    """With the site's address: a QR code and the address in full. Without it: the way there through the menu."""
    number = task_number(plan, task)
    if site_url:
        url = task_url(site_url, plan, task)
        return (
            '<div class="ps-notice__online">\n<div class="ps-qr"></div>\n'
            + p(
                f"Quét mã QR bằng điện thoại để đọc toàn văn nhiệm vụ {page.text(number)}, "
                f"hoặc mở địa chỉ: {page.text(url)}"
            )
            + "</div>\n"
        )
    path = "/" + page_url(task_uri(plan, task))
    return p(
        f"Xem trên {page.text(web)}: mục <strong>Kế hoạch › {page.text(short_title(plan_title(plan), 10))} › "
        f"Nhiệm vụ {page.text(number)}</strong> (đường dẫn {page.text(path)})."
    )
