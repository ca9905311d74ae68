"""The typed model of the plan data: frozen dataclasses, one per kind of record (registries: registry_model).

Field meanings are documented once, in `schema.py` (which also generates the
JSON Schemas and is checked against these classes by a test). Every record
that an editor can get wrong keeps its `origin` so that later checks and the
site's "edit" links can point at the exact line.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from .registry_model import (
    Abbreviation,
    Agency,
    AgencyRegistry,
    ContactDetails,
    Glossary,
    KnownMember,
    LegalDocument,
    LegalRegistry,
    Origin,
    Place,
    PlaceRegistry,
    Relation,
    TaskSummary,
)
from .shape import PartKind, walk

# The registries' records, re-exported: `model` names every record of the data.
__all__ = [
    "Abbreviation",
    "Agency",
    "AgencyRegistry",
    "ContactDetails",
    "TaskSummary",
    "Glossary",
    "KnownMember",
    "LegalDocument",
    "LegalRegistry",
    "Origin",
    "Place",
    "PlaceRegistry",
    "Relation",
    "Assignment",
    "Forms",
    "Timing",
    "Task",
    "Section",
    "Clause",
    "ClauseGroup",
    "Purpose",
    "Content",
    "Duty",
    "DutyItem",
    "Implementation",
    "Recipient",
    "Signature",
    "Period",
    "Life",
    "Plan",
    "Project",
]


# --- plans/<plan>.yaml -------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    """Who does a task: the source's wording and the agencies it names."""

    text: str | None = None
    agencies: tuple[str, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Forms:
    """Forms of outreach (hình thức): the source's wording and its kinds."""

    text: str
    kinds: tuple[str, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Timing:
    """When a task is done: a structured kind plus the source's wording."""

    kind: str
    text: str
    start_year: int | None = None
    end_year: int | None = None
    every: str | None = None
    due: dt.date | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Task:
    """One task (nhiệm vụ) of section II."""

    id: str
    text: str
    label: str | None = None
    details: tuple[str, ...] = ()
    lead: Assignment | None = None
    coordinating: Assignment | None = None
    forms: Forms | None = None
    timing: Timing | None = None
    cites: tuple[str, ...] = ()
    summary: str | None = None
    note: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Section:
    """A numbered section of II. Nội dung, holding tasks."""

    number: str
    heading: str | None = None
    note: str | None = None
    tasks: tuple[Task, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Clause:
    """A clause of I. Mục đích, yêu cầu: lettered (a, b, c …) or a dash item (no label)."""

    text: str
    label: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class ClauseGroup:
    """A numbered group of clauses (1. Mục đích; 2. Yêu cầu)."""

    number: str
    heading: str
    clauses: tuple[Clause, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Purpose:
    """Part I of the plan."""

    heading: str
    groups: tuple[ClauseGroup, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Content:
    """Part II of the plan."""

    heading: str
    sections: tuple[Section, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Duty:
    """One duty under III. Tổ chức thực hiện; reporting duties name a recipient and a frequency."""

    text: str
    reports_to: tuple[str, ...] = ()
    frequency: tuple[str, ...] = ()
    deadline_days: int | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class DutyItem:
    """A numbered item of III: the bodies it addresses and their duties."""

    number: str
    agencies: tuple[str, ...]
    heading: str | None = None
    text: str | None = None
    duties: tuple[Duty, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Implementation:
    """Part III of the plan."""

    heading: str
    items: tuple[DutyItem, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Recipient:
    """One line of Nơi nhận."""

    text: str
    agencies: tuple[str, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Signature:
    """The signature block (thẩm quyền ký)."""

    name: str
    authority: str | None = None
    on_behalf: str | None = None
    position: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Period:
    """The years a plan covers; an open-ended plan ("từ năm 2013") has no end."""

    start: int
    end: int | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Life:
    """Whether a plan is still carried out, and from when the site follows it (its reporting calendar)."""

    status: str = "in-force"  # schema.PLAN_STATUSES
    ended_on: dt.date | None = None
    replaced_by: str | None = None  # a legal document id: the plan or document that replaces this one
    tracked_from: dt.date | None = None  # the site tracks reports from this date, not from the plan's start
    source: str | None = None  # where the facts above come from
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Plan:
    """A whole plan document (Kế hoạch), faithful to the signed text."""

    id: str
    document_type: str
    title: str
    issuer: str
    purpose: Purpose
    content: Content
    implementation: Implementation
    signature: Signature
    number: str | None = None
    issued_on: dt.date | None = None
    place: str | None = None
    period: Period | None = None
    life: Life | None = None
    document: str | None = None
    basis: tuple[str, ...] = ()
    preamble: tuple[str, ...] = ()
    closing: str | None = None
    recipients: tuple[Recipient, ...] = ()
    feedback: Assignment | None = None
    source_text: str | None = None
    note: str | None = None
    origin: Origin = field(default=None, compare=False)

    # cached_property writes the instance __dict__ directly, so it works on frozen dataclasses.
    @functools.cached_property
    def tasks(self) -> tuple[Task, ...]:
        """All tasks of II, in the plan's order."""
        return tuple(part.node for part in walk(self) if part.kind is PartKind.TASK)

    @functools.cached_property
    def task_numbers(self) -> dict[str, str]:
        """Task id → its number in the plan, unique within it.

        '1.a' for a lettered task; '2' for a section that is one unlettered task; several
        unlettered (dash) tasks of one section are '1 (gạch đầu dòng 2)', counted in source order.
        """
        tasks = [part for part in walk(self) if part.kind is PartKind.TASK]
        dashes: dict[int, list[Task]] = {}  # id(section) → its unlettered tasks, in order
        for part in tasks:
            if not part.node.label:
                dashes.setdefault(id(part.parent), []).append(part.node)
        numbers = {}
        for part in tasks:
            task, section, siblings = part.node, part.parent, dashes.get(id(part.parent), [])
            if task.label:
                numbers[task.id] = f"{section.number}.{task.label}"
            elif len(siblings) == 1:
                numbers[task.id] = section.number
            else:
                numbers[task.id] = f"{section.number} (gạch đầu dòng {siblings.index(task) + 1})"
        return numbers


@dataclass(frozen=True)
class Project:
    """The registries and plans of plan_data/, validated and cross-checked (reports/model.py's
    ReportedProject adds the reports)."""

    places: tuple[Place, ...]
    agencies: tuple[Agency, ...]
    documents: tuple[LegalDocument, ...]
    plans: tuple[Plan, ...]
    glossary: tuple[Abbreviation, ...] = ()  # glossary.yaml (optional), in the file's order
