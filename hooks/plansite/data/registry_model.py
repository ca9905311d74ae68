"""The typed model of the registries: places, agencies, legal documents and the glossary of abbreviations
(and where records were written).

Field meanings are documented once, in `schema.py`. The plan's own records are in `model.py`,
which re-exports these so that `model` names every record of the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Origin:
    """Where a record was written: file (relative to the project), line and column."""

    file: str
    line: int
    column: int


# --- places.yaml -------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A place with its level (xã, huyện, tỉnh, trung ương); places form a tree up to the nation."""

    id: str
    name: str
    level: str
    parent: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class PlaceRegistry:
    """The whole places.yaml file."""

    places: tuple[Place, ...]
    origin: Origin = field(default=None, compare=False)


# --- agencies.yaml, agencies/<place>.yaml ------------------------------------------


@dataclass(frozen=True)
class KnownMember:
    """A body a group holds that no plan names alone, as a legal document lists it ("các tổ chức chính trị -
    xã hội": the organisations a law names). Its names find the group's page and tasks in search."""

    name: str
    source: str  # id of the legal document that lists it (legal.yaml): a member is never guessed
    aliases: tuple[str, ...] = ()
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Agency:
    """A body (UBND xã, Phòng Văn hóa - Xã hội …) or a group of bodies named by the plan."""

    id: str
    name: str
    kind: str
    place: str
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    known_members: tuple[KnownMember, ...] = ()
    parent: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    note: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class AgencyRegistry:
    """One agencies file (agencies.yaml or agencies/<place>.yaml)."""

    agencies: tuple[Agency, ...]
    origin: Origin = field(default=None, compare=False)


# --- legal.yaml --------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """A link from one legal document to another (căn cứ, sửa đổi, cùng ban hành …)."""

    type: str
    target: str
    note: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class LegalDocument:
    """A legal or Party document that plans and tasks cite."""

    id: str
    type: str
    title: str
    number: str | None = None
    issued_on: dt.date | None = None
    issuers: tuple[str, ...] = ()
    signer: str | None = None
    status: str | None = None
    status_source: str | None = None  # where the status was looked up (an official database, a later document)
    status_checked_on: dt.date | None = None  # when it was looked up
    url: str | None = None
    aliases: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    source: str | None = None
    note: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class LegalRegistry:
    """One legal documents file (legal.yaml or legal/<name>.yaml)."""

    documents: tuple[LegalDocument, ...]
    origin: Origin = field(default=None, compare=False)


# --- glossary.yaml -----------------------------------------------------------------


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation (từ viết tắt) exactly as the texts write it ('UBND', 'KT.', 'QĐ/TW') and its full form."""

    abbr: str
    full: str
    note: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class Glossary:
    """The whole glossary.yaml file (optional: a project without it has no abbreviations explained)."""

    abbreviations: tuple[Abbreviation, ...]
    origin: Origin = field(default=None, compare=False)


# --- the web form's files of one record each (data/records.py merges them) --------


@dataclass(frozen=True)
class ContactDetails:
    """contacts/<agency-id>.yaml: an agency's contact details, kept apart from agencies.yaml for the form."""

    agency: str
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    origin: Origin = field(default=None, compare=False)


@dataclass(frozen=True)
class TaskSummary:
    """summaries/<plan-id>/<task-id>.yaml: a task's plain summary, kept apart from the plan file for the form."""

    plan: str
    task: str
    summary: str
    origin: Origin = field(default=None, compare=False)
