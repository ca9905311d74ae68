"""Markdown for a plan: the whole document in its official order, and its appendix table (Phụ lục)."""

from __future__ import annotations

import html

from ..data.model import Assignment, Plan, Task
from ..kinds import PageKind
from ..text import date_prose
from .addresses import agency_uri, appendix_uri, plan_uri, progress_uri, source_uri, task_uri
from .labels import COORDINATING_LABEL, FORMS_LABEL, LEAD_LABEL, TIMING_LABEL, plan_title, task_number
from .markup import escape, link, relative
from .previews import plan_preview
from .parts import crumbs, front_matter
from .relations import Relations
from .statuses import status_tag


def _assignment_line(label: str, assignment: Assignment | None, rel: Relations, plan: Plan, uri: str) -> str:
    """The source's wording, linked only where a mention is one of the bodies the data names by id."""
    if not assignment or not assignment.text:
        return ""
    named = frozenset(agency_uri(a) for a in assignment.agencies)
    return f"- {label}: {rel.linker(plan).linkify(assignment.text, uri, only=named)}\n"


def _task_block(plan: Plan, task: Task, rel: Relations, uri: str, heading: str) -> str:
    """A task as it stands in the plan: a short heading linking to its page, then its lines.

    The heading holds only the number: the table of contents repeats every heading, and
    a plan of 50 tasks would otherwise carry its whole text twice.
    """
    out = f"{heading} [Nhiệm vụ {escape(task_number(plan, task))}]({relative(uri, task_uri(plan, task))})\n\n"
    out += f"Tình trạng: {status_tag(rel.progress.status(plan, task.id))}\n\n"
    out += f"{rel.linker(plan).linkify(task.text, uri)}\n\n"
    out += "".join(f"- {rel.linker(plan).linkify(d, uri)}\n" for d in task.details)
    out += _assignment_line(LEAD_LABEL, task.lead, rel, plan, uri)
    out += _assignment_line(COORDINATING_LABEL, task.coordinating, rel, plan, uri)
    if task.forms:
        out += f"- {FORMS_LABEL}: {rel.linker(plan).linkify(task.forms.text, uri)}\n"
    if task.timing:
        out += f"- {TIMING_LABEL}: {escape(task.timing.text)}\n"
    return out + "\n"


def plan_keywords(plan: Plan, rel: Relations) -> tuple[str, ...]:
    """Words that name the plan besides its title, for search: its place and who issued it."""
    place = rel.places[rel.agencies[plan.issuer].place].name
    return tuple(k for k in (plan.place, place, rel.agency_name(plan.issuer)) if k)


def render_plan(plan: Plan, rel: Relations) -> str:
    """The whole plan, faithful to the signed text, in its official order."""
    uri = plan_uri(plan)
    issuer = rel.agencies[plan.issuer]
    out = front_matter(plan_title(plan), PageKind.PLAN, plan_keywords(plan, rel), (plan.number,) if plan.number else (),
                       plan_preview(plan, rel))
    out += crumbs(uri, here="Kế hoạch")
    facts = [link(issuer.name, uri, agency_uri(issuer.id))]
    facts.append(f"Số: {escape(plan.number)}" if plan.number else "Số: (văn bản nguồn không ghi)")
    if plan.issued_on:
        # Nghị định 30/2020: "Kẻ Sặt, ngày 11 tháng 11 năm 2025"
        facts.append(f"{escape(plan.place)}, {date_prose(plan.issued_on)}" if plan.place else date_prose(plan.issued_on))
    facts.append(link("Phụ lục: bảng nhiệm vụ", uri, appendix_uri(plan)))
    facts.append(link("Tiến độ thực hiện", uri, progress_uri(plan)))
    facts.append(_source_link(plan, uri))
    out += " · ".join(facts) + "\n\n"
    out += f'<p class="plan-doctype">{html.escape(plan.document_type)}</p>\n\n'
    out += f"# {escape(plan.title)}\n\n"
    out += "".join(f"{rel.linker(plan).linkify(p, uri)}\n\n" for p in plan.preamble)
    out += f"## I. {escape(plan.purpose.heading)}\n\n"
    for group in plan.purpose.groups:
        out += f"### {escape(group.number)}. {escape(group.heading)}\n\n"
        out += "".join(f"{escape(c.label)}) {rel.linker(plan).linkify(c.text, uri)}\n\n" if c.label else
                       f"- {rel.linker(plan).linkify(c.text, uri)}\n\n" for c in group.clauses)
    out += f"## II. {escape(plan.content.heading)}\n\n"
    for section in plan.content.sections:
        if section.heading:
            out += f"### {escape(section.number)}. {rel.linker(plan).linkify(section.heading, uri)}\n\n"
            if section.note:
                out += f"{escape(section.note)} ({link('xem Phụ lục', uri, appendix_uri(plan))})\n\n"
            for task in section.tasks:
                out += _task_block(plan, task, rel, uri, "####")
        else:
            out += "".join(_task_block(plan, task, rel, uri, "###") for task in section.tasks)
    out += f"## III. {escape(plan.implementation.heading)}\n\n"
    for item in plan.implementation.items:
        if item.heading:
            out += f"### {escape(item.number)}. {rel.linker(plan).linkify(item.heading, uri)}\n\n"
        if item.text:
            out += f"{escape(item.number)}\\. {rel.linker(plan).linkify(item.text, uri)}\n\n"
        out += "".join(f"- {rel.linker(plan).linkify(d.text, uri)}\n" for d in item.duties) + "\n"
    if plan.closing:
        out += f"{rel.linker(plan).linkify(plan.closing, uri)}\n\n"
    out += '<div class="plan-end" markdown>\n\n<div class="plan-recipients" markdown>\n\n**Nơi nhận:**\n\n'
    out += "".join(f"- {rel.linker(plan).linkify(r.text, uri)}\n" for r in plan.recipients)
    out += '\n</div>\n\n<div class="plan-signature" markdown>\n\n'
    sig = plan.signature
    out += "".join(f"**{escape(line)}**  \n" for line in (sig.authority, sig.on_behalf, sig.position) if line)
    out += f"\n{escape(sig.name)}\n\n</div>\n\n</div>\n"
    if plan.note:
        out += f'\n!!! note "Ghi chú của biên tập viên"\n    {escape(plan.note)}\n'
    return out


def _source_link(plan: Plan, uri: str) -> str:
    """A download of the signed text as received (exact bytes), so readers can compare the site with it."""
    if not plan.source_text:
        return "Văn bản gốc: chưa có tệp"
    href = html.escape(relative(uri, source_uri(plan)), quote=True)
    name = html.escape(f"{plan.id}.txt", quote=True)
    return f'<a href="{href}" download="{name}" type="text/plain">Văn bản gốc (tệp .txt)</a>'
