"""Facets of a plan's appendix (Phụ lục): what each task row can be narrowed by, as ids and labels.

Each row of the table carries its ids as `data-*` attributes (`row_attributes`); the labels of those
ids travel once per page in a JSON blob (`facets_script`) that docs/assets/plan-facets.js reads to
build the filters. Without JavaScript neither does anything: the table is the whole table.

The blob sits in `<script type="application/json">`, which the browser never runs but ends at the first
`</script`: every '<', '>' and '&' of the JSON is written as \\u003c, \\u003e, \\u0026, so no name in
the data can close the element or open a comment, and `JSON.parse` still reads the same text.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from ..data.model import Plan, Task
from ..data.schema import FORM_KINDS, TIMING_KINDS
from ..reports.status import STATUS_LABELS
from ..text import vi_sort_key
from .labels import document_label
from .markup import visible
from .relations import Relations

SCRIPT_ID = "ps-facets"  # the id of the JSON blob, which plan-facets.js looks up


@dataclass(frozen=True)
class Facet:
    """One way to narrow the table: its row attribute (`data-<key>`), its word in the address, its label."""

    key: str
    param: str
    label: str


FACETS = (
    Facet("lead", "chu-tri", "Cơ quan chủ trì"),
    Facet("cites", "can-cu", "Căn cứ (văn bản được dẫn)"),
    Facet("timing", "thoi-gian", "Thời gian thực hiện"),
    Facet("forms", "hinh-thuc", "Hình thức"),
    Facet("status", "tinh-trang", "Tình trạng"),
)


def task_ids(plan: Plan, task: Task, rel: Relations) -> dict[str, tuple[str, ...]]:
    """facet key → the ids of this task for it, in the order the row shows them.

    `cites` are the documents of the row's Căn cứ column: those the task cites and those its text names.
    """
    return {
        "lead": task.lead.agencies if task.lead else (),
        "cites": tuple(d.id for d in rel.task_documents[(plan.id, task.id)]),
        "timing": (task.timing.kind,) if task.timing else (),
        "forms": task.forms.kinds if task.forms else (),
        "status": (rel.progress.status(plan, task.id),),
    }


def row_attributes(ids: dict[str, tuple[str, ...]]) -> str:
    """The `data-*` attributes of a row (ids are slugs; escaped all the same), e.g. ` data-lead="a b"`."""
    return "".join(f' data-{f.key}="{html.escape(" ".join(ids[f.key]), quote=True)}"' for f in FACETS)


def _labels(plan: Plan, rel: Relations) -> dict[str, list[tuple[str, str]]]:
    """facet key → (id, label) of every value some task of the plan has, in display order."""
    rows = [task_ids(plan, task, rel) for task in plan.tasks]
    present = {f.key: {i for row in rows for i in row[f.key]} for f in FACETS}
    agencies = sorted(present["lead"], key=lambda a: (vi_sort_key(rel.agency_name(a)), a))
    documents = sorted(present["cites"], key=lambda d: (vi_sort_key(document_label(rel.documents[d])), d))
    return {
        "lead": [(a, rel.agency_name(a)) for a in agencies],
        "cites": [(d, document_label(rel.documents[d])) for d in documents],
        "timing": [(k, label) for k, label in TIMING_KINDS.items() if k in present["timing"]],
        "forms": [(k, label) for k, label in FORM_KINDS.items() if k in present["forms"]],
        "status": [(k, label) for k, label in STATUS_LABELS.items() if k in present["status"]],
    }


def facets_data(plan: Plan, rel: Relations) -> dict:
    """What the filters are built from: each facet with its options (only values some task has)."""
    labels = _labels(plan, rel)
    return {"total": len(plan.tasks),
            "facets": [{"key": f.key, "param": f.param, "label": f.label,
                        "options": [{"id": i, "label": visible(label)} for i, label in labels[f.key]]}
                       for f in FACETS]}


def script_json(value) -> str:
    """JSON that is inert inside `<script type="application/json">`: no '<', '>' or '&' left as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def facets_script(plan: Plan, rel: Relations) -> str:
    """The JSON blob of the filters' labels, as an HTML element (data only; nothing runs)."""
    return f'<script type="application/json" id="{SCRIPT_ID}">{script_json(facets_data(plan, rel))}</script>'
