"""HTML for one task's printable notice: an A4 page for the commune's notice board (thông báo để niêm yết).

Large type, one task: who issued the plan, the task in plain words, who does it and when, where to give
feedback, and a QR code that opens the task's page. The QR code is the only raw HTML: a PNG drawn from the
page's address (modules, not text; site/outreach/qr_code.py, cached by qr_cache.py); every text from the data
is escaped.

The notice is a block at the end of the task's own page, not a page of its own (a province has 40,000
tasks: a page each was 40,000 files and 600 MB). It is hidden until the address names it
(…/nhiem-vu/<task>/#thong-bao, the task page's "In thông báo" link): then the screen shows it alone,
with a way back to the task, and paper gets it alone, on one A4 sheet (docs/assets/plan-site.css, the
notice's section). Its headings carry a class, so they get no id and stay out of the page's table of
contents, and `data-ps-print-only` keeps its words out of the page's search text (search/excerpt.py).
"""

from __future__ import annotations

import re

from ...addresses import NOTICE_ID, agency_uri, page_url, task_uri
from ...data.model import Agency, Assignment, Plan, Task
from ...text import date_prose
from ..html.identity import notice_board, site_web
from ..html.labels import COORDINATING_LABEL, LEAD_LABEL, TIMING_LABEL, plan_title, short_title, task_number
from ..html.markup import admonition, escape, link, p, ul
from ..html.page_writer import PageWriter
from ..index.relations import Citations, Names
from ..options import SiteOptions
from ..outreach.qr_cache import cached_qr_img
from ..parts.life_notice import life_notice

SUMMARY_LABEL = "Tóm tắt dễ hiểu (do biên tập viên viết, không phải nguyên văn kế hoạch)"
FIRST_SENTENCE_LABEL = "Câu đầu của nhiệm vụ (nguyên văn kế hoạch; chưa có tóm tắt dễ hiểu)"
PRINT_HINT = (
    "Trang này là thông báo khổ A4 để niêm yết trên {board}. Để in: trên máy tính bấm Ctrl+P; "
    "trên điện thoại chọn “In” (hoặc “Chia sẻ” › “In”) trong trình đơn của trình duyệt. "
    "Chọn khổ giấy A4, hướng dọc."
)
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def render_notice(
    plan: Plan, task: Task, names: Names, cites: Citations, options: SiteOptions, page: PageWriter
) -> str:
    """The notice of one task, as the HTML block the task's page (written by `page`) ends with (a pure
    function of its arguments)."""
    uri, number = task_uri(plan, task), task_number(plan, task)
    out = f'<div class="ps-notice" id="{NOTICE_ID}" data-ps-print-only>\n<div class="ps-notice__screen">\n'
    out += p(link(f"‹ Về trang nhiệm vụ {number}", page, uri))
    hint = PRINT_HINT.format(board=notice_board(names.plan_place(plan)))
    out += admonition("tip", "In để niêm yết", page.text(hint)) + "</div>\n"
    issuer = page.text(names.agency_name(plan.issuer))
    out += f'<div class="ps-notice__issuer">\n{p(f"<strong>{issuer}</strong>")}</div>\n'
    out += life_notice(plan, names, cites, page)
    out += _heading(1, "Thông báo")
    out += p(f"<strong>Về nhiệm vụ {page.text(number)} của {page.text(_plan_name(plan))}</strong>")
    label, text = plain_summary(task)
    out += _heading(2, f"Nhiệm vụ {escape(number)}") + p(f"<em>{page.text(label)}:</em> {page.text(text)}")
    for who, assignment in ((LEAD_LABEL, task.lead), (COORDINATING_LABEL, task.coordinating)):
        out += p(f"<strong>{who}:</strong> {_agencies(assignment, names, page)}")
    out += p(f"<strong>{TIMING_LABEL}:</strong> {_timing(task, page)}")
    out += _heading(2, "Góp ý, phản ánh") + _feedback(plan, names, options, page)
    web = site_web(names.places[names.site_place]) if names.site_place else "trang web"
    out += _heading(2, "Xem trên mạng") + _where_online(plan, task, options.site_url, web, page)
    return out + "</div>\n"


def _heading(level: int, content: str) -> str:
    """A heading of the notice: with a class and no id (no table of contents entry)."""
    return f'<h{level} class="ps-notice__heading">{content}</h{level}>\n'


def plain_summary(task: Task) -> tuple[str, str]:
    """(label, text): the editors' plain summary, or else the first sentence of the signed text, each
    labelled as what it is."""
    if task.summary:
        return SUMMARY_LABEL, task.summary
    return FIRST_SENTENCE_LABEL, first_sentence(task.text)


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


def _agencies(assignment: Assignment | None, names: Names, page: PageWriter) -> str:
    """The agencies' names in the plan's order, on one line."""
    if not assignment or not assignment.agencies:
        return "văn bản không ghi."
    return "; ".join(link(names.agency_name(a), page, agency_uri(a)) for a in assignment.agencies) + "."


def _timing(task: Task, page: PageWriter) -> str:
    """The plan's own wording of when (its structured kind is on the task's page)."""
    if not task.timing:
        return "văn bản không ghi."
    return f"“{page.text(task.timing.text)}” (nguyên văn kế hoạch)"


def _contacts(agency: Agency, page: PageWriter) -> list[str]:
    """The contact details the data has, as printed text (never made up)."""
    fields = (
        ("Địa chỉ", agency.address),
        ("Điện thoại", agency.phone),
        ("Thư điện tử", agency.email),
        ("Trang web", agency.website),
    )
    return [f"{label}: {page.text(value)}" for label, value in fields if value]


def _feedback(plan: Plan, names: Names, options: SiteOptions, page: PageWriter) -> str:
    """Where the plan says feedback goes (see outreach_parts.feedback_section), in print form."""
    if plan.feedback and plan.feedback.agencies:
        out = p(f"Theo kế hoạch, khó khăn, vướng mắc và ý kiến phản ánh về {page.text(plan.feedback.text or '')}:")
        lines = []
        for office in (names.agencies[a] for a in plan.feedback.agencies):
            contacts = _contacts(office, page)
            detail = f": {'; '.join(contacts)}" if contacts else ""  # on a public board, never "the data lacks …"
            lines.append(f"<strong>{page.text(office.name)}</strong>{detail}")
        out += ul(lines)
    else:
        out = p("Kế hoạch không nêu nơi nhận góp ý, phản ánh.")
    if options.feedback_url:
        out += p(f"Góp ý trực tuyến: {page.text(options.feedback_url)}")
    return out


def _where_online(plan: Plan, task: Task, site_url: str | None, web: str, page: PageWriter) -> str:
    """With the site's address: a QR code and the address in full. Without it: the way there through the menu."""
    number = task_number(plan, task)
    if site_url:
        url = task_url(site_url, plan, task)
        return (
            f'<div class="ps-notice__online">\n<div class="ps-qr">{cached_qr_img(url)}</div>\n'
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
