"""Facets: what the rows of a plan's appendix (Phụ lục) and the entries of the lists of tasks, agencies and
documents can be narrowed by, as ids and labels.

The options of each facet (id and label of every value some row has) travel once per table or list in a
JSON blob (`facets_script` for the Phụ lục, `list_filters` for a list), each as an [id, label] pair; each
row or list item carries, as `data-*` attributes (`row_attributes`), the positions of its values in its
facet's options ("0 3"), not the ids again: a list of a hundred tasks would repeat each id in every row.
docs/assets/plan-facets.js reads both to build the filters; the address keeps ids. Without JavaScript
neither does anything: the table or list is the whole of it. A list gets filters only where one could
narrow it (`can_narrow`).

The blob sits in `<script type="application/json">`, which the browser never runs but ends at the first
`</script`: every '<', '>' and '&' of the JSON is written as \\u003c, \\u003e, \\u0026, so no name in
the data can close the element or open a comment, and `JSON.parse` still reads the same text.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from ...data.model import Agency, LegalDocument, Plan, Task
from ...data.schema import AGENCY_KINDS, DOCUMENT_STATUSES, DOCUMENT_TYPES, FORM_KINDS, TIMING_KINDS
from ...reports.status import STATUS_LABELS, Progress
from ...text import vi_sort_key
from ..html.labels import document_label
from ..html.markup import visible
from ..index.relations import Citations, Names

SCRIPT_ID = "ps-facets"  # the id of the JSON blob, which plan-facets.js looks up


@dataclass(frozen=True)
class Facet:
    """One way to narrow the table: its row attribute (`data-<key>`), its word in the address, its label."""

    key: str
    param: str
    label: str


FACETS = (  # a task's (the Phụ lục's table, every list of tasks)
    Facet("lead", "chu-tri", "Cơ quan chủ trì"),
    Facet("cites", "can-cu", "Căn cứ (văn bản được dẫn)"),
    Facet("timing", "thoi-gian", "Thời gian thực hiện"),
    Facet("forms", "hinh-thuc", "Hình thức"),
    Facet("status", "tinh-trang", "Tình trạng"),
)
AGENCY_FACETS = (Facet("kind", "loai", "Loại cơ quan"), Facet("place", "dia-ban", "Địa bàn"))
DOCUMENT_FACETS = (
    Facet("type", "loai", "Loại văn bản"),
    Facet("issuer", "co-quan", "Cơ quan ban hành"),
    Facet("validity", "hieu-luc", "Tình trạng hiệu lực"),
)


def task_ids(plan: Plan, task: Task, cites: Citations, progress: Progress) -> dict[str, tuple[str, ...]]:
    """facet key → the ids of this task for it, in the order the row shows them.

    `cites` are the documents of the row's Căn cứ column: those the task cites and those its text names.
    """
    return {
        "lead": task.lead.agencies if task.lead else (),
        "cites": tuple(d.id for d in cites.task_documents[(plan.id, task.id)]),
        "timing": (task.timing.kind,) if task.timing else (),
        "forms": task.forms.kinds if task.forms else (),
        "status": (progress.status(plan, task.id),),
    }


def agency_ids(agency: Agency) -> dict[str, tuple[str, ...]]:
    """facet key → ids of an agency in a list of agencies: its kind and its place."""
    return {"kind": (agency.kind,), "place": (agency.place,)}


def document_ids(doc: LegalDocument) -> dict[str, tuple[str, ...]]:
    """facet key → ids of a document in a list of documents: its type, issuers and legal status."""
    return {"type": (doc.type,), "issuer": tuple(doc.issuers), "validity": (doc.status,) if doc.status else ()}


Positions = dict[str, dict[str, int]]  # facet key → option id → its position in the facet's options


def positions(data: dict) -> Positions:
    """Where each option sits in its facet's options, as `facets_data` wrote them."""
    return {f["key"]: {option[0]: n for n, option in enumerate(f["options"])} for f in data["facets"]}


def row_attributes(ids: dict[str, tuple[str, ...]], facets: tuple[Facet, ...], at: Positions) -> str:
    """The `data-*` attributes of a row: the positions of its ids in the options, e.g. ` data-lead="0 4"`."""
    return "".join(f' data-{f.key}="{" ".join(str(at[f.key][i]) for i in ids.get(f.key, ()))}"' for f in facets)


def _ordered(present: set[str], labels: dict[str, str]) -> list[tuple[str, str]]:
    """(id, label) of the ids present, in the order of `labels` (a schema's own order)."""
    return [(k, label) for k, label in labels.items() if k in present]


# The same few thousand agency and document names are sorted in every list of every page: their keys once.
_name_key = functools.lru_cache(maxsize=1 << 16)(vi_sort_key)


def _by_name(present: set[str], name) -> list[tuple[str, str]]:
    """(id, label) of the ids present, in Vietnamese alphabetical order of their labels."""
    return sorted(((i, name(i)) for i in present), key=lambda pair: (_name_key(pair[1]), pair[0]))


def options(
    facets: tuple[Facet, ...], rows: list[dict[str, tuple[str, ...]]], names: Names
) -> dict[str, list[tuple[str, str]]]:
    """facet key → (id, label) of every value some row has, in display order."""
    present = {f.key: {i for row in rows for i in row.get(f.key, ())} for f in facets}
    order = {
        "lead": lambda ids: _by_name(ids, names.agency_name),
        "cites": lambda ids: _by_name(ids, lambda d: document_label(names.documents[d])),
        "timing": lambda ids: _ordered(ids, TIMING_KINDS),
        "forms": lambda ids: _ordered(ids, FORM_KINDS),
        "status": lambda ids: _ordered(ids, STATUS_LABELS),
        "kind": lambda ids: _ordered(ids, AGENCY_KINDS),
        "place": lambda ids: _by_name(ids, lambda p: names.places[p].name),
        "type": lambda ids: _ordered(ids, DOCUMENT_TYPES),
        "issuer": lambda ids: _by_name(ids, names.agency_name),
        "validity": lambda ids: _ordered(ids, DOCUMENT_STATUSES),
    }
    return {f.key: order[f.key](present[f.key]) for f in facets}


def facets_data(
    facets: tuple[Facet, ...],
    rows: list[dict[str, tuple[str, ...]]],
    names: Names,
    noun: str = "nhiệm vụ",
    prefix: str = "",
) -> dict:
    """What the filters are built from: each facet with its options ([id, label] of the values some row has),
    the noun the counts name, and the prefix of its words in the address (several lists on one page)."""
    found = options(facets, rows, names)
    data = {
        "facets": [
            {
                "key": f.key,
                "param": prefix + f.param,
                "label": f.label,
                "options": [[i, visible(label)] for i, label in found[f.key]],
            }
            for f in facets
        ],
    }
    return {**data, "noun": noun} if noun != "nhiệm vụ" or prefix else data


def script_json(value) -> str:
    """JSON that is inert inside `<script type="application/json">`: no '<', '>' or '&' left as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def facets_script(plan: Plan, names: Names, cites: Citations, progress: Progress) -> tuple[str, list[str]]:
    """The Phụ lục's JSON blob of the filters' options, as an HTML element (data only; nothing runs), and
    each task's row attributes, in the plan's order."""
    rows = [task_ids(plan, task, cites, progress) for task in plan.tasks]
    data = facets_data(FACETS, rows, names)
    at = positions(data)
    blob = f'<script type="application/json" id="{SCRIPT_ID}">{script_json(data)}</script>'
    return blob, [row_attributes(ids, FACETS, at) for ids in rows]


def can_narrow(facets: tuple[Facet, ...], rows: list[dict[str, tuple[str, ...]]]) -> bool:
    """True when some facet would hide some row but not all: a list where a filter is worth its space."""
    for f in facets:  # some row has a value, and not every row the same (one set of sets: not each pair)
        values = {frozenset(row.get(f.key, ())) for row in rows}
        if len(values) > 1 and any(values):
            return True
    return False


def narrowing(facets: tuple[Facet, ...], rows: list[dict[str, tuple[str, ...]]]) -> tuple[Facet, ...]:
    """The facets that could narrow a list: the only ones its filters show, so the only ids its items carry."""
    return tuple(f for f in facets if can_narrow((f,), rows))


def list_filters(
    list_id: str,
    facets: tuple[Facet, ...],
    rows: list[dict[str, tuple[str, ...]]],
    names: Names,
    noun: str,
    prefix: str,
) -> tuple[str, list[str]]:
    """The place of a list's filters and their options (plan-facets.js builds them), and each item's
    attributes, for the facets that could narrow the list (the ids of another would be dead weight);
    ("", []) when none could."""
    useful = narrowing(facets, rows)
    if len(rows) < 2 or not useful:
        return "", []
    data, blob = facets_data(useful, rows, names, noun, prefix), f"{list_id}-facets"
    at = positions(data)
    box = (
        f'<div class="ps-facets" data-table="{list_id}" data-blob="{blob}"></div>\n'
        f'<script type="application/json" id="{blob}">{script_json(data)}</script>\n'
    )
    return box, [row_attributes(ids, useful, at) for ids in rows]
