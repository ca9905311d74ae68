"""Markdown for a plan: the whole document in official order, its appendix table, and one page per task."""

from __future__ import annotations

import html
import json

from .markup import escape, external_link, link, relative, visible
from .model import Assignment, Plan, Task
from .relations import (HOME, Relations, agency_uri, appendix_uri, document_label, document_uri, plan_uri,
                        task_number, task_uri)
from .schema import FORM_KINDS, TIMING_KINDS
from .text import date_numeric, date_prose

LEAD_LABEL, COORDINATING_LABEL = "Cơ quan thực hiện", "Cơ quan phối hợp"
FORMS_LABEL, TIMING_LABEL = "Hình thức", "Thời gian thực hiện"


def front_matter(title: str, kind: str) -> str:
    """YAML front matter: the page title and its kind (for search). Material prints `page.meta.title`
    unescaped, so overrides/main.html and overrides/partials/header.html escape it."""
    return f"---\ntitle: {json.dumps(visible(title), ensure_ascii=False)}\nkind: {kind}\n---\n\n"


def short_title(text: str, words: int = 12) -> str:
    """The first words of a long text, for titles and tables."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def task_title(plan: Plan, task: Task) -> str:
    return f"Nhiệm vụ {task_number(plan, task)}: {short_title(task.text)}"


def plan_title(plan: Plan) -> str:
    return f"{plan.document_type.capitalize()} {plan.title}"


def _assignment_line(label: str, assignment: Assignment | None, rel: Relations, uri: str) -> str:
    return f"- {label}: {rel.linker.linkify(assignment.text, uri)}\n" if assignment and assignment.text else ""


def _task_block(plan: Plan, task: Task, rel: Relations, uri: str, heading: str) -> str:
    """A task as it stands in the plan: a short heading linking to its page, then its lines.

    The heading holds only the number: the table of contents repeats every heading, and
    a plan of 50 tasks would otherwise carry its whole text twice.
    """
    out = f"{heading} [Nhiệm vụ {escape(task_number(plan, task))}]({relative(uri, task_uri(plan, task))})\n\n"
    out += f"{rel.linker.linkify(task.text, uri)}\n\n"
    out += "".join(f"- {rel.linker.linkify(d, uri)}\n" for d in task.details)
    out += _assignment_line(LEAD_LABEL, task.lead, rel, uri)
    out += _assignment_line(COORDINATING_LABEL, task.coordinating, rel, uri)
    if task.forms:
        out += f"- {FORMS_LABEL}: {rel.linker.linkify(task.forms.text, uri)}\n"
    if task.timing:
        out += f"- {TIMING_LABEL}: {escape(task.timing.text)}\n"
    return out + "\n"


def render_plan(plan: Plan, rel: Relations) -> str:
    """The whole plan, faithful to the signed text, in its official order."""
    uri = plan_uri(plan)
    issuer = rel.agencies[plan.issuer]
    out = front_matter(plan_title(plan), "Kế hoạch")
    out += f"{link('Trang chủ', uri, HOME)} › Kế hoạch\n\n"
    facts = [link(issuer.name, uri, agency_uri(issuer.id))]
    facts.append(f"Số: {escape(plan.number)}" if plan.number else "Số: (văn bản nguồn không ghi)")
    if plan.issued_on:
        facts.append(f"{escape(plan.place or '')} {date_prose(plan.issued_on)}".strip())
    facts.append(link("Phụ lục: bảng nhiệm vụ", uri, appendix_uri(plan)))
    out += " · ".join(facts) + "\n\n"
    out += f'<p class="plan-doctype">{html.escape(plan.document_type)}</p>\n\n'
    out += f"# {escape(plan.title)}\n\n"
    out += "".join(f"{rel.linker.linkify(p, uri)}\n\n" for p in plan.preamble)
    out += f"## I. {escape(plan.purpose.heading)}\n\n"
    for group in plan.purpose.groups:
        out += f"### {escape(group.number)}. {escape(group.heading)}\n\n"
        out += "".join(f"{escape(c.label)}) {rel.linker.linkify(c.text, uri)}\n\n" for c in group.clauses)
    out += f"## II. {escape(plan.content.heading)}\n\n"
    for section in plan.content.sections:
        if section.heading:
            out += f"### {escape(section.number)}. {rel.linker.linkify(section.heading, uri)}\n\n"
            if section.note:
                out += f"{escape(section.note)} ({link('xem Phụ lục', uri, appendix_uri(plan))})\n\n"
            for task in section.tasks:
                out += _task_block(plan, task, rel, uri, "####")
        else:
            out += "".join(_task_block(plan, task, rel, uri, "###") for task in section.tasks)
    out += f"## III. {escape(plan.implementation.heading)}\n\n"
    for item in plan.implementation.items:
        if item.heading:
            out += f"### {escape(item.number)}. {rel.linker.linkify(item.heading, uri)}\n\n"
        if item.text:
            out += f"{escape(item.number)}\\. {rel.linker.linkify(item.text, uri)}\n\n"
        out += "".join(f"- {rel.linker.linkify(d.text, uri)}\n" for d in item.duties) + "\n"
    if plan.closing:
        out += f"{rel.linker.linkify(plan.closing, uri)}\n\n"
    out += '<div class="plan-end" markdown>\n\n<div class="plan-recipients" markdown>\n\n**Nơi nhận:**\n\n'
    out += "".join(f"- {rel.linker.linkify(r.text, uri)}\n" for r in plan.recipients)
    out += '\n</div>\n\n<div class="plan-signature" markdown>\n\n'
    sig = plan.signature
    out += "".join(f"**{escape(line)}**  \n" for line in (sig.authority, sig.on_behalf, sig.position) if line)
    out += f"\n{escape(sig.name)}\n\n</div>\n\n</div>\n"
    if plan.note:
        out += f'\n!!! note "Ghi chú của biên tập viên"\n    {escape(plan.note)}\n'
    return out


def render_appendix(plan: Plan, rel: Relations) -> str:
    """Phụ lục: the task table."""
    uri = appendix_uri(plan)
    out = front_matter(f"Phụ lục nhiệm vụ: {plan_title(plan)}", "Phụ lục")
    out += f"{link('Trang chủ', uri, HOME)} › {link(short_title(plan.title, 8), uri, plan_uri(plan))} › Phụ lục\n\n"
    out += f"# Phụ lục: các nhiệm vụ\n\n{link(plan_title(plan), uri, plan_uri(plan))}\n\n"
    out += ("Bảng dưới đây lập từ mục II của Kế hoạch. Văn bản nguồn ghi \"(Có Phụ lục chi tiết kèm theo)\" "
            "nhưng không kèm nội dung Phụ lục.\n\n") if not any(s.tasks for s in plan.content.sections if s.note) else ""
    out += "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Căn cứ |\n"
    out += "| --- | --- | --- | --- | --- | --- |\n"
    for task in plan.tasks:
        lead = "<br>".join(link(rel.agency_name(a), uri, agency_uri(a)) for a in (task.lead.agencies if task.lead else ()))
        coord = "<br>".join(link(rel.agency_name(a), uri, agency_uri(a))
                            for a in (task.coordinating.agencies if task.coordinating else ()))
        docs = "<br>".join(link(document_label(d), uri, document_uri(d.id)) for d in rel.task_documents[(plan.id, task.id)])
        timing = escape(task.timing.text) if task.timing else ""
        out += (f"| {escape(task_number(plan, task))} | {link(short_title(task.text, 20), uri, task_uri(plan, task))} "
                f"| {lead} | {coord} | {timing} | {docs} |\n")
    return out


def render_task(plan: Plan, task: Task, rel: Relations, edit_url: str | None) -> str:
    """One task: text, who, how, when, legal basis, and where it sits in the plan."""
    uri = task_uri(plan, task)
    out = front_matter(task_title(plan, task), "Nhiệm vụ")
    out += (f"{link('Trang chủ', uri, HOME)} › {link(short_title(plan.title, 8), uri, plan_uri(plan))} › "
            f"{link('Phụ lục', uri, appendix_uri(plan))} › Nhiệm vụ {escape(task_number(plan, task))}\n\n")
    out += f"# {escape(task_title(plan, task))}\n\n"
    out += f"{rel.linker.linkify(task.text, uri)}\n\n"
    out += "".join(f"- {rel.linker.linkify(d, uri)}\n" for d in task.details) + ("\n" if task.details else "")
    for label, assignment in ((LEAD_LABEL, task.lead), (COORDINATING_LABEL, task.coordinating)):
        out += f"## {label}\n\n"
        if not assignment or not assignment.agencies:
            out += "Văn bản không ghi.\n\n"
            continue
        out += "".join(f"- {link(rel.agency_name(a), uri, agency_uri(a))}\n" for a in assignment.agencies)
        out += f"\nNguyên văn: “{escape(assignment.text)}”\n\n" if assignment.text else "\n"
    if task.forms:
        out += f"## {FORMS_LABEL}\n\n" + "".join(f"- {escape(FORM_KINDS[k])}\n" for k in task.forms.kinds)
        out += f"\nNguyên văn: “{escape(task.forms.text)}”\n\n"
    if task.timing:
        years = [str(y) for y in (task.timing.start_year, task.timing.end_year) if y]
        out += f"## {TIMING_LABEL}\n\n**{escape(TIMING_KINDS[task.timing.kind])}**"
        out += f" ({'–'.join(years)})" if years else ""
        out += f": “{escape(task.timing.text)}”\n\n"
    docs = rel.task_documents[(plan.id, task.id)]
    out += "## Căn cứ, văn bản được dẫn\n\n"
    out += "".join(f"- {link(document_label(d), uri, document_uri(d.id))}"
                   f"{' ngày ' + date_numeric(d.issued_on) if d.issued_on else ''}: {escape(d.title)}\n" for d in docs)
    out += "\n" if docs else "Nhiệm vụ không dẫn văn bản nào.\n\n"
    if task.note:
        out += f'!!! note "Ghi chú của biên tập viên"\n    {escape(task.note)}\n\n'
    out += f"## Vị trí trong kế hoạch\n\nMục II, nhiệm vụ {escape(task_number(plan, task))} của "
    out += f"{link(plan_title(plan), uri, plan_uri(plan))}.\n\n"
    source = f"{task.origin.file}, dòng {task.origin.line}"
    out += f"<small>Dữ liệu: {external_link_or_text(source, edit_url, task.origin)}</small>\n"
    return out


def external_link_or_text(label: str, edit_url: str | None, origin) -> str:
    """An edit link to the YAML line when the site knows its repository; the file and line otherwise."""
    if not edit_url:
        return escape(label)
    return external_link(f"{label} (sửa)", f"{edit_url.rstrip('/')}/{origin.file}#L{origin.line}")
