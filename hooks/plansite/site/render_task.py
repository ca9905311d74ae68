"""Markdown for one task's page: text, who, how, when, legal basis, and where it sits in the plan."""

from __future__ import annotations

import datetime as dt

from ..data.model import Origin, Plan, Task, Timing
from ..data.schema import EVERY, FORM_KINDS, TIMING_KINDS
from ..kinds import PageKind
from ..text import date_numeric
from .addresses import agency_uri, appendix_uri, document_uri, notice_uri, plan_uri, task_uri
from .labels import (COORDINATING_LABEL, FORMS_LABEL, LEAD_LABEL, TIMING_LABEL, document_label, plan_title,
                     short_title, task_number, task_title)
from .markup import escape, external_link, link
from .previews import task_preview
from .parts import crumbs, front_matter
from .options import SiteOptions
from .outreach_parts import feedback_section, summary_box
from .relations import Relations
from .report_parts import status_line, timeline


def render_task(plan: Plan, task: Task, rel: Relations, options: SiteOptions, updated: dt.date | None) -> str:
    """One task: text, who, how, when, legal basis, and where it sits in the plan."""
    uri = task_uri(plan, task)
    out = front_matter(task_title(plan, task), PageKind.TASK, preview=task_preview(plan, task, rel))
    out += crumbs(uri, (short_title(plan.title, 8), plan_uri(plan)), ("Phụ lục", appendix_uri(plan)),
                  here=f"Nhiệm vụ {task_number(plan, task)}")
    out += f"# {escape(task_title(plan, task))}\n\n"
    out += status_line(plan, task, rel)
    out += summary_box(task)
    out += f"{rel.linker(plan).linkify(task.text, uri)}\n\n"
    out += "".join(f"- {rel.linker(plan).linkify(d, uri)}\n" for d in task.details) + ("\n" if task.details else "")
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
        out += f"## {TIMING_LABEL}\n\n**{escape(TIMING_KINDS[task.timing.kind])}**{_timing_detail(task.timing)}"
        out += f": “{escape(task.timing.text)}”\n\n"
    docs = rel.task_documents[(plan.id, task.id)]
    out += "## Căn cứ, văn bản được dẫn\n\n"
    out += "".join(f"- {link(document_label(d), uri, document_uri(d.id))}"
                   f"{' ngày ' + date_numeric(d.issued_on) if d.issued_on else ''}: {escape(d.title)}\n" for d in docs)
    out += "\n" if docs else "Nhiệm vụ không dẫn văn bản nào.\n\n"
    if task.note:
        out += f'!!! note "Ghi chú của biên tập viên"\n    {escape(task.note)}\n\n'
    out += timeline(plan, task, rel, uri)
    out += feedback_section(plan, task, rel, uri, options)
    out += f"{link('In thông báo để niêm yết', uri, notice_uri(plan, task))} (khổ A4, cho bảng tin của xã)\n\n"
    out += f"## Vị trí trong kế hoạch\n\nMục II, nhiệm vụ {escape(task_number(plan, task))} của "
    out += f"{link(plan_title(plan), uri, plan_uri(plan))}.\n\n"
    source = f"{task.origin.file}, dòng {task.origin.line}"
    changed = f"Cập nhật lần cuối: {date_numeric(updated)}" if updated else "Cập nhật lần cuối: không rõ ngày"
    out += f"<small>{changed} · Dữ liệu: {_edit_link(source, options.edit_url, task.origin)}</small>\n"
    return out


def _timing_detail(timing: Timing) -> str:
    """What the structured timing adds to its kind: years, how often, the deadline."""
    years = [str(y) for y in (timing.start_year, timing.end_year) if y]
    details = ["–".join(years)] if years else []
    details += [EVERY[timing.every].lower()] if timing.every else []
    details += [f"hạn {date_numeric(timing.due)}"] if timing.due else []
    return f" ({', '.join(details)})" if details else ""


def _edit_link(label: str, edit_url: str | None, origin: Origin) -> str:
    """An edit link to the YAML line when the site knows its repository; the file and line otherwise."""
    if not edit_url:
        return escape(label)
    return external_link(f"{label} (sửa)", f"{edit_url.rstrip('/')}/{origin.file}#L{origin.line}")
