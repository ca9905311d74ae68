"""How records are named on pages: titles, numbers and the fixed labels of a task's parts."""

from __future__ import annotations

from ...data.model import LegalDocument, Plan, Task
from ...data.schema import DOCUMENT_TYPES

LEAD_LABEL, COORDINATING_LABEL = "Cơ quan thực hiện", "Cơ quan phối hợp"
FORMS_LABEL, TIMING_LABEL = "Hình thức", "Thời gian thực hiện"


def short_title(text: str, words: int = 12) -> str:
    """The first words of a long text, for titles and tables."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def task_number(plan: Plan, task: Task) -> str:
    """'1.a' for a lettered task, '2' for a section that is one task."""
    return plan.task_numbers[task.id]


def task_title(plan: Plan, task: Task) -> str:
    return f"Nhiệm vụ {task_number(plan, task)}: {short_title(task.text)}"


def plan_title(plan: Plan) -> str:
    return f"{plan.document_type.capitalize()} {plan.title}"


def document_label(doc: LegalDocument) -> str:
    """How a document is named in lists: 'Chỉ thị 33/CT-TTg' or its title when it has no number."""
    return f"{DOCUMENT_TYPES[doc.type]} {doc.number}" if doc.number else doc.title
