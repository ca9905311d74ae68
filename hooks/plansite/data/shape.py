"""The one walker of a plan's shape: every part of a plan, in document order, with its path.

Parts nest: purpose groups hold clauses, sections hold tasks, implementation items hold
duties, and recipients stand alone. The walker works on the typed model and on the raw
parsed YAML alike (cross-checks run on raw values, so that one broken record does not
hide the problems of the others); parts that are not records are skipped.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from dataclasses import dataclass


class PartKind(enum.Enum):
    """The kinds of part a plan is made of."""

    GROUP = "group"  # I.1, I.2: numbered group of purpose clauses
    CLAUSE = "clause"  # a), b) … under a group
    SECTION = "section"  # II.1, II.2 …
    TASK = "task"  # a task under a section
    ITEM = "item"  # III.1, III.2 …: bodies and their duties
    DUTY = "duty"  # one '-' line of an item
    RECIPIENT = "recipient"  # one line of Nơi nhận


@dataclass(frozen=True)
class PlanPart:
    """One part: its kind, its path from the plan's root, the record, and the record it sits in."""

    kind: PartKind
    path: tuple
    node: object
    parent: object | None = None


# (keys from the enclosing record to the list, kind of its items, the items' own children)
_TREE = (
    (("purpose", "groups"), PartKind.GROUP, ((("clauses",), PartKind.CLAUSE, ()),)),
    (("content", "sections"), PartKind.SECTION, ((("tasks",), PartKind.TASK, ()),)),
    (("implementation", "items"), PartKind.ITEM, ((("duties",), PartKind.DUTY, ()),)),
    (("recipients",), PartKind.RECIPIENT, ()),
)

# The fields of each part that hold the plan's words, in reading order.
TEXT_FIELDS = {
    PartKind.GROUP: ("heading",),
    PartKind.CLAUSE: ("text",),
    PartKind.SECTION: ("heading", "note"),
    PartKind.TASK: ("text", "details"),
    PartKind.ITEM: ("heading", "text"),
    PartKind.DUTY: ("text",),
    PartKind.RECIPIENT: ("text",),
}


def get(node: object, key: str) -> object:
    """`node[key]` of a raw mapping or `node.key` of a model record; None when absent."""
    if isinstance(node, dict):
        return node.get(key)
    return getattr(node, key, None) if dataclasses.is_dataclass(node) else None


def _is_record(node: object) -> bool:
    return isinstance(node, dict) or dataclasses.is_dataclass(node)


def _walk(node: object, path: tuple, tree: tuple, parent: object | None) -> Iterator[PlanPart]:
    for keys, kind, children in tree:
        items = node
        for key in keys:
            items = get(items, key)
        if not isinstance(items, (list, tuple)):
            continue
        for i, item in enumerate(items):
            if _is_record(item):
                item_path = path + keys + (i,)
                yield PlanPart(kind, item_path, item, parent)
                yield from _walk(item, item_path, children, item)


def walk(plan: object) -> Iterator[PlanPart]:
    """Every part of `plan` (a model Plan or a raw mapping), in the order of the signed text."""
    if _is_record(plan):
        yield from _walk(plan, (), _TREE, None)


def part_texts(part: PlanPart) -> list[str]:
    """The texts of one part, in reading order (a field may hold one text or a list of them)."""
    out = []
    for name in TEXT_FIELDS[part.kind]:
        value = get(part.node, name)
        out += (
            [v for v in value if isinstance(v, str)]
            if isinstance(value, (list, tuple))
            else ([value] if isinstance(value, str) else [])
        )
    return out


def task_timings(plan: object) -> Iterator[tuple[tuple, object]]:
    """(path of its `timing`, the timing) of every task of a plan (the model) that has one."""
    for part in walk(plan):
        timing = part.node.timing if part.kind is PartKind.TASK else None
        if timing is not None:
            yield part.path + ("timing",), timing
