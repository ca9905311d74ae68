"""HTML for a plan: the whole document in its official order, and its appendix table (Phụ lục)."""

from __future__ import annotations

from ...addresses import agency_uri, appendix_uri, bulletins_uri, plan_uri, progress_uri, source_uri, task_uri
from ...data.model import Assignment, Plan, Task
from ...kinds import PageKind
from ...reports.status import Progress
from ...text import date_prose
from ..html.identity import APPENDIX, proper_name
from ..html.labels import COORDINATING_LABEL, FORMS_LABEL, LEAD_LABEL, TIMING_LABEL, plan_title, task_number
from ..html.markup import DASHES, admonition, attr, escape, heading, link, link_html, p, ul
from ..html.page_writer import PageWriter, PageWriters
from ..html.statuses import status_tag
from ..index.relations import Citations, Names
from ..parts.chat_message import plan_message
from ..parts.life_notice import life_notice, tracking_line
from ..parts.parts import crumbs, front_matter
from ..parts.previews import plan_preview


def _assignment_line(
    label: str, assignment: Assignment | None, names: Names, plan: Plan, page: PageWriter
) -> list[str]:
    """The source's wording, linked only where a mention is one of the bodies the data names by id."""
    if not assignment or not assignment.text:
        return []
    named = frozenset(agency_uri(a) for a in assignment.agencies)
    return [f"{label}: {names.linker(plan).linkify(assignment.text, page, only=named)}"]


def _task_block(plan: Plan, task: Task, names: Names, progress: Progress, page: PageWriter, level: int) -> str:
    """A task as it stands in the plan: a short heading linking to its page, then its lines.

    The heading holds only the number: the table of contents repeats every heading, and
    a plan of 50 tasks would otherwise carry its whole text twice.
    """
    out = heading(page, level, link_html(f"Nhiệm vụ {escape(task_number(plan, task))}", page, task_uri(plan, task)))
    out += p(f"Tình trạng: {status_tag(progress.status(plan, task.id))}", "ps-web-only")
    linkify = names.linker(plan).linkify
    out += p(linkify(task.text, page))
    # The task's own '-' lines, as dashes, apart from the labelled lines about it (who, how, when).
    out += ul((linkify(d, page) for d in task.details), DASHES)
    lines = _assignment_line(LEAD_LABEL, task.lead, names, plan, page)
    lines += _assignment_line(COORDINATING_LABEL, task.coordinating, names, plan, page)
    if task.forms:
        lines.append(f"{FORMS_LABEL}: {linkify(task.forms.text, page)}")
    if task.timing:
        lines.append(f"{TIMING_LABEL}: {page.text(task.timing.text)}")
    return out + ul(lines)


def _clauses(clauses, linkify, page: PageWriter) -> str:
    """Lettered clauses as paragraphs "a) …", runs of dash clauses as lists, in the source's order."""
    out, dashes = "", []
    for clause in clauses:
        if clause.label:
            out += ul(dashes, DASHES) + p(f"{page.text(clause.label)}) {linkify(clause.text, page)}")
            dashes = []
        else:
            dashes.append(linkify(clause.text, page))
    return out + ul(dashes, DASHES)


def plan_keywords(plan: Plan, names: Names) -> tuple[str, ...]:
    """Words that name the plan besides its title, for search: who issued it and who signed it."""
    place = names.plan_place(plan).name
    return (names.agency_name(plan.issuer),) + signer_keywords(plan, place)


def plan_subjects(plan: Plan, names: Names) -> tuple[str, ...]:
    """What the plan is about besides its title, for search: its place ("ke hoach thai lam", "ke sat" find
    the plan before the many bodies of that place whose short names hold the same words)."""
    place = proper_name(names.plan_place(plan))  # "Thái Lâm": the level word is everywhere
    return tuple(dict.fromkeys(k for k in (plan.place, place) if k))


def signer_keywords(plan: Plan, place: str) -> tuple[str, ...]:
    """Who signed the plan and as what, for search: the name, and the position with the issuer's place
    ("PHÓ CHỦ TỊCH" + "xã Kẻ Sặt": a reader types "phó chủ tịch xã")."""
    sig = plan.signature
    if not sig or not sig.name:
        return ()
    return (sig.name,) + ((f"{sig.position} {place}",) if sig.position else ())


def render_plan(plan: Plan, names: Names, cites: Citations, progress: Progress, writers: PageWriters) -> str:
    """The whole plan, faithful to the signed text, in its official order."""
    uri = plan_uri(plan)
    page = writers.page(uri)
    issuer = names.agencies[plan.issuer]
    out = front_matter(
        plan_title(plan) + names.title_suffix(plan),
        PageKind.PLAN,
        plan_keywords(plan, names),
        (plan.number,) if plan.number else (),
        plan_preview(plan, names),
        share=plan_message(plan, names),
        subjects=plan_subjects(plan, names),
    )
    out += crumbs(page, here="Kế hoạch") + life_notice(plan, names, cites, page)
    facts = [link(issuer.name, page, agency_uri(issuer.id))]
    facts.append(f"Số: {page.text(plan.number)}" if plan.number else "Số: (văn bản nguồn không ghi)")
    if plan.issued_on:
        # Nghị định 30/2020: "Kẻ Sặt, ngày 11 tháng 11 năm 2025"
        facts.append(
            f"{page.text(plan.place)}, {date_prose(plan.issued_on)}" if plan.place else date_prose(plan.issued_on)
        )
    out += p(" · ".join(facts)) + tracking_line(plan)
    for replaced in cites.replaced_plans.get(plan.document, ()) if plan.document else ():  # life.replaced_by, back
        out += p(f"Kế hoạch này thay thế {link(plan_title(replaced), page, plan_uri(replaced))}.")
    table = names.table_name(plan)
    web = [
        link("Phụ lục: bảng nhiệm vụ" if table == APPENDIX else table, page, appendix_uri(plan)),
        link("Tiến độ thực hiện", page, progress_uri(plan)),
        link("Bản tin phát thanh", page, bulletins_uri(plan)),
        _source_link(plan, page),
    ]
    out += p(" · ".join(web), "ps-web-only")  # pages of the site: not printed with the plan
    out += p(page.text(plan.document_type), "plan-doctype")
    out += heading(page, 1, escape(plan.title))
    linkify = names.linker(plan).linkify
    out += "".join(p(linkify(para, page)) for para in plan.preamble)
    out += heading(page, 2, f"I. {escape(plan.purpose.heading)}")
    for group in plan.purpose.groups:
        out += heading(page, 3, f"{escape(group.number)}. {escape(group.heading)}")
        out += _clauses(group.clauses, linkify, page)
    out += heading(page, 2, f"II. {escape(plan.content.heading)}")
    for section in plan.content.sections:
        if section.heading:
            out += heading(page, 3, f"{escape(section.number)}. {linkify(section.heading, page, plain=True)}")
            if section.note:
                out += p(f"{page.text(section.note)} ({link(f'xem {table}', page, appendix_uri(plan))})")
            out += "".join(_task_block(plan, task, names, progress, page, 4) for task in section.tasks)
        else:
            out += "".join(_task_block(plan, task, names, progress, page, 3) for task in section.tasks)
    out += heading(page, 2, f"III. {escape(plan.implementation.heading)}")
    for item in plan.implementation.items:
        if item.heading:
            out += heading(page, 3, f"{escape(item.number)}. {linkify(item.heading, page, plain=True)}")
        if item.text:
            out += p(f"{page.text(item.number)}. {linkify(item.text, page)}")
        out += ul((linkify(d.text, page) for d in item.duties), DASHES)
    if plan.closing:
        out += p(linkify(plan.closing, page))
    out += '<div class="plan-end">\n<div class="plan-recipients">\n' + p("<strong>Nơi nhận:</strong>")
    out += ul(linkify(r.text, page) for r in plan.recipients)
    out += '</div>\n<div class="plan-signature">\n'
    sig = plan.signature
    lines = [f"<strong>{page.text(line)}</strong>" for line in (sig.authority, sig.on_behalf, sig.position) if line]
    out += p("<br>\n".join(lines)) + p(page.text(sig.name)) + "</div>\n</div>\n"
    if plan.note:
        out += admonition("note", "Ghi chú của biên tập viên", page.text(plan.note))
    return out


def _source_link(plan: Plan, page: PageWriter) -> str:
    """A download of the signed text as received (exact bytes), so readers can compare the site with it."""
    if not plan.source_text:
        return "Văn bản gốc: chưa có tệp"
    href, name = attr(page.href(source_uri(plan))), attr(f"{plan.id}.txt")
    return f'<a href="{href}" download="{name}" type="text/plain">Văn bản gốc (tệp .txt)</a>'
