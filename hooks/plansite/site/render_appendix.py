"""Markdown for a plan's appendix (Phụ lục): the table of its tasks, who, when, basis and status."""

from __future__ import annotations

from ..data.model import Plan
from ..kinds import PageKind
from .addresses import agency_uri, appendix_uri, document_uri, plan_uri, task_uri
from .labels import document_label, plan_title, short_title, task_number
from .markup import escape, link
from .parts import crumbs, front_matter
from .relations import Relations
from .statuses import status_tag


def render_appendix(plan: Plan, rel: Relations) -> str:
    """Phụ lục: the task table."""
    uri = appendix_uri(plan)
    out = front_matter(f"Phụ lục nhiệm vụ: {plan_title(plan)}", PageKind.APPENDIX)
    out += crumbs(uri, (short_title(plan.title, 8), plan_uri(plan)), here="Phụ lục")
    out += f"# Phụ lục: các nhiệm vụ\n\n{link(plan_title(plan), uri, plan_uri(plan))}\n\n"
    promised = [s for s in plan.content.sections if s.note and "phụ lục" in s.note.casefold() and not s.tasks]
    out += "".join(f"Bảng dưới đây lập từ mục II của Kế hoạch. Văn bản nguồn ghi \"{escape(s.note)}\" "
                   "nhưng không kèm nội dung Phụ lục.\n\n" for s in promised[:1])
    out += "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | Căn cứ | Tình trạng |\n"
    out += "| --- | --- | --- | --- | --- | --- | --- |\n"
    for task in plan.tasks:
        lead = "<br>".join(link(rel.agency_name(a), uri, agency_uri(a)) for a in (task.lead.agencies if task.lead else ()))
        coord = "<br>".join(link(rel.agency_name(a), uri, agency_uri(a))
                            for a in (task.coordinating.agencies if task.coordinating else ()))
        docs = "<br>".join(link(document_label(d), uri, document_uri(d.id)) for d in rel.task_documents[(plan.id, task.id)])
        timing = escape(task.timing.text) if task.timing else ""
        out += (f"| {escape(task_number(plan, task))} | {link(short_title(task.text, 20), uri, task_uri(plan, task))} "
                f"| {lead} | {coord} | {timing} | {docs} | {status_tag(rel.progress.status(plan, task.id))} |\n")
    return out
