"""HTML for one task's page: text, who, how, when, legal basis, and where it sits in the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...addresses import NOTICE_ID, agency_uri, appendix_uri, bulletins_uri, document_uri, plan_uri, task_uri
from ...data.model import Origin, Plan, Task, Timing
from ...data.schema import EVERY, FORM_KINDS, TIMING_KINDS
from ...kinds import PageKind
from ...reports.status import Progress
from ...text import date_numeric
from ..html.identity import notice_board
from ..html.labels import (
    COORDINATING_LABEL,
    FORMS_LABEL,
    LEAD_LABEL,
    TIMING_LABEL,
    document_label,
    plan_title,
    short_title,
    task_number,
    task_title,
)
from ..html.markup import DASHES, admonition, escape, external_link, heading, link, p, ul
from ..html.page_writer import PageWriter, PageWriters
from ..html.subjects import member_words
from ..index.relations import Citations, Names
from ..options import SiteOptions
from ..outreach.bulletins import task_bulletin_slug
from ..parts.life_notice import life_notice
from ..parts.outreach_parts import feedback_section, summary_box
from ..parts.parts import crumbs, front_matter
from ..parts.previews import task_preview
from ..parts.report_parts import status_line, timeline
from .render_notice import IN_NOTICE, NOTICE_FIRST, NOTICE_REST, first_sentence, in_notice, render_notice


def render_task(
    plan: Plan,
    task: Task,
    names: Names,
    cites: Citations,
    progress: Progress,
    options: SiteOptions,
    updated: dt.date | None,
    writers: PageWriters,
) -> str:
    """One task: text, who, how, when, legal basis, and where it sits in the plan."""
    uri = task_uri(plan, task)
    page = writers.page(uri)
    who = [a for assignment in (task.lead, task.coordinating) if assignment for a in assignment.agencies]
    out = front_matter(
        task_title(plan, task) + names.title_suffix(plan),
        PageKind.TASK,
        member_words(who, names.agencies),
        preview=task_preview(plan, task, names),
    )  # no `share`: "Gửi qua Zalo" reads the message from the page (docs/assets/plan-share.js)
    out += crumbs(
        page,
        (short_title(plan.title, 8), plan_uri(plan)),
        (names.table_name(plan), appendix_uri(plan)),
        here=f"Nhiệm vụ {task_number(plan, task)}",
    )
    out += in_notice(life_notice(plan, names, cites, page)) + heading(page, 1, escape(task_title(plan, task)))
    out += status_line(plan, task, progress)
    out += in_notice(summary_box(task, page))
    linkify = names.linker(plan).linkify
    out += text_paragraph(task, lambda text: linkify(text, page))
    out += ul((linkify(d, page) for d in task.details), DASHES)
    for label, assignment in ((LEAD_LABEL, task.lead), (COORDINATING_LABEL, task.coordinating)):
        if not assignment or not assignment.agencies:
            out += in_notice(heading(page, 2, label) + p("Văn bản không ghi."))
            continue
        who = ul(link(names.agency_name(a), page, agency_uri(a)) for a in assignment.agencies)
        out += in_notice(heading(page, 2, label) + who)
        out += p(f"Nguyên văn: “{page.text(assignment.text)}”") if assignment.text else ""
    if task.forms:
        out += heading(page, 2, FORMS_LABEL) + ul(page.text(FORM_KINDS[k]) for k in task.forms.kinds)
        out += p(f"Nguyên văn: “{page.text(task.forms.text)}”")
    if task.timing:
        when = (
            f"<strong>{page.text(TIMING_KINDS[task.timing.kind])}</strong>{_timing_detail(task.timing)}"
            f": “{page.text(task.timing.text)}”"
        )
        out += in_notice(heading(page, 2, TIMING_LABEL) + p(when))
    else:
        out += in_notice(heading(page, 2, TIMING_LABEL) + p("Văn bản không ghi."))
    docs = cites.task_documents[(plan.id, task.id)]
    out += heading(page, 2, "Căn cứ, văn bản được dẫn")
    out += ul(
        f"{link(document_label(d), page, document_uri(d.id))}"
        f"{' ngày ' + date_numeric(d.issued_on) if d.issued_on else ''}: {page.text(d.title)}"
        for d in docs
    )
    out += "" if docs else p("Nhiệm vụ không dẫn văn bản nào.")
    if task.note:
        out += admonition("note", "Ghi chú của biên tập viên", page.text(task.note))
    out += timeline(plan, task, names, progress, page)
    out += in_notice(feedback_section(plan, task, names, page, options))
    board = notice_board(names.plan_place(plan))
    out += p(f'<a href="#{NOTICE_ID}">In thông báo để niêm yết</a> (khổ A4, cho {board})')
    own = f"{bulletins_uri(plan)}#{task_bulletin_slug(task)}"  # its section, with the button that saves it as .txt
    out += p(
        f"{link('Bản tin phát thanh', page, bulletins_uri(plan))} để đọc trên loa truyền thanh "
        f"({link('bản tin của nhiệm vụ này, tải được thành tệp .txt', page, own)})"
    )
    out += heading(page, 2, "Vị trí trong kế hoạch")
    where = page.text(f"Mục II, nhiệm vụ {task_number(plan, task)}")  # all running text: 'II' too
    out += p(f"{where} của {link(plan_title(plan), page, plan_uri(plan))}.")
    source = f"{task.origin.file}, dòng {task.origin.line}"
    changed = f"Cập nhật lần cuối: {date_numeric(updated)}" if updated else "Cập nhật lần cuối: không rõ ngày"
    out += p(f"<small>{changed} · Dữ liệu: {_edit_link(source, options.edit_url, task.origin, page)}</small>")
    return out + render_notice(plan, names, task, options, page)  # the notice's own parts, at #thong-bao


def text_paragraph(task: Task, linkify: Callable[[str], str]) -> str:
    """The signed text. Without the editors' summary, the notice shows its first sentence alone (labelled as
    such by the stylesheet): the rest is its own span."""
    if task.summary:
        return p(linkify(task.text))
    first = first_sentence(task.text)
    rest = task.text.strip()[len(first) :]
    rest = f'<span class="{NOTICE_REST}">{linkify(rest)}</span>' if rest.strip() else ""
    return p(linkify(first) + rest, f"{IN_NOTICE} {NOTICE_FIRST}")


def _timing_detail(timing: Timing) -> str:
    """What the structured timing adds to its kind: years, how often, the deadline."""
    years = [str(y) for y in (timing.start_year, timing.end_year) if y]
    details = ["–".join(years)] if years else []
    details += [EVERY[timing.every].lower()] if timing.every else []
    details += [f"hạn {date_numeric(timing.due)}"] if timing.due else []
    return f" ({', '.join(details)})" if details else ""


def _edit_link(label: str, edit_url: str | None, origin: Origin, page: PageWriter) -> str:
    """An edit link to the YAML line when the site knows its repository; the file and line otherwise."""
    if not edit_url:
        return page.text(label)
    return external_link(f"{label} (sửa)", f"{edit_url.rstrip('/')}/{origin.file}#L{origin.line}")
