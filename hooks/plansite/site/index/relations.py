"""The who-does-what / who-cites-what index of the project, both ways, keyed by id.

Built once by `build_relations`, as a few small frozen parts grouped by what they answer (names, who does
what, who cites what, display orders, progress, the reporting calendar): each renderer is given the parts it
reads. Sorting happens here, in Python, once: every list arrives at the renderers in display order, as a
tuple in a read-only mapping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...addresses import agency_uri, document_uri
from ...data.model import Agency, DutyItem, LegalDocument, Place, Plan, Project, Task
from ...data.schema import AGENCY_KINDS, DOCUMENT_TYPES
from ...data.shape import PartKind, part_texts, walk
from ...reports.calendar import DueReport, due_reports
from ...reports.status import Progress, build_progress
from ...text import vi_sort_key
from ..html.identity import site_place, table_name, title_suffix
from .linking import Linker, Mentions


def plan_texts(plan: Plan) -> list[str]:
    """Every text of a plan outside its tasks in which citations are looked for."""
    texts = [plan.title, *plan.preamble, plan.closing or ""]
    for part in walk(plan):
        if part.kind is PartKind.SECTION:
            texts += [part.node.heading] if part.node.heading else []
        elif part.kind in (PartKind.CLAUSE, PartKind.ITEM, PartKind.DUTY):
            texts += part_texts(part)
    return texts


def task_texts(task: Task) -> list[str]:
    """Every text of a task in which mentions are looked for."""
    texts = [task.text, *task.details]
    texts += [a.text for a in (task.lead, task.coordinating) if a and a.text]
    return texts


Pair = tuple[Plan, Task]


@dataclass(frozen=True)
class Names:
    """What each id is called and where it is: the registries, the site's place, each plan's task table, and
    the mentions found in text (resolved in the place of a plan's issuer)."""

    places: Mapping[str, Place]
    agencies: Mapping[str, Agency]
    documents: Mapping[str, LegalDocument]
    mentions: Mentions
    site_place: str | None  # the site's place (identity.site_place, from the configured one)
    table_names: Mapping[str, str]  # plan id → 'Phụ lục' or 'Bảng nhiệm vụ'

    def agency_name(self, agency_id: str) -> str:
        return self.agencies[agency_id].name

    def agency_names(self, agency_ids) -> str:
        """The bodies' names, in the given order, joined by commas (as a sentence lists them)."""
        return ", ".join(self.agency_name(a) for a in agency_ids)

    def plan_place(self, plan: Plan) -> Place:
        """The place of the plan's issuer."""
        return self.places[self.agencies[plan.issuer].place]

    def table_name(self, plan: Plan) -> str:
        """'Phụ lục' where the plan's source promises one, 'Bảng nhiệm vụ' otherwise (identity.table_name, read
        once per plan: every task page and notice names it)."""
        return self.table_names[plan.id]

    def title_suffix(self, plan: Plan) -> str:
        """' – <issuer>' for the page titles of a plan of another place than the site's (identity.title_suffix)."""
        return title_suffix(plan, self.agencies[plan.issuer], self.plan_place(plan), self.site_place)

    def linker(self, plan: Plan) -> Linker:
        """Mentions in a plan's text resolve in the place of its issuer, then upward."""
        return self.mentions.linker(self.agencies[plan.issuer].place)


@dataclass(frozen=True)
class Assignments:
    """Who does what, by agency id: tasks led, coordinated and mentioned, duties, reports received, groups,
    plans issued and plans naming the agency; each list in the plans' order (by id), then the plan's."""

    leads: Mapping[str, tuple[Pair, ...]]
    coordinates: Mapping[str, tuple[Pair, ...]]
    mentioned_in: Mapping[str, tuple[Pair, ...]]  # tasks whose text names the agency
    duties: Mapping[str, tuple[tuple[Plan, DutyItem], ...]]
    reported_to: Mapping[str, tuple[tuple[Plan, DutyItem], ...]]  # items whose duties report to the agency
    groups_of: Mapping[str, tuple[Agency, ...]]  # the groups an agency is a member of, by name
    plans_issued: Mapping[str, tuple[Plan, ...]]
    plans_naming: Mapping[str, tuple[Plan, ...]]  # agencies named anywhere in a plan


@dataclass(frozen=True)
class Citations:
    """Who cites what, both ways: the legal basis of tasks and plans, documents' relations and issuers."""

    task_documents: Mapping[tuple[str, str], tuple[LegalDocument, ...]]  # (plan id, task id) → cited or named
    cited_by_tasks: Mapping[str, tuple[Pair, ...]]
    basis_of: Mapping[str, tuple[Plan, ...]]
    cited_by_plans: Mapping[str, tuple[Plan, ...]]  # basis, or cited anywhere in the text
    incoming: Mapping[str, tuple[tuple[str, LegalDocument], ...]]  # (relation type, the document that relates)
    issued: Mapping[str, tuple[LegalDocument, ...]]  # by agency id, by date
    plan_of_document: Mapping[str, Plan]  # a plan's own record in the legal registry
    replaced_plans: Mapping[str, tuple[Plan, ...]]  # document id → the plans it replaces


@dataclass(frozen=True)
class Orders:
    """The indexes' display orders."""

    agencies_by_kind: Mapping[str, tuple[Agency, ...]]  # in Vietnamese order
    documents_by_type: Mapping[str, tuple[LegalDocument, ...]]  # by issuer, date, number
    plans_sorted: tuple[Plan, ...]  # by issuer, then title


@dataclass(frozen=True)
class Calendar:
    """The reporting calendar as of the build date (never the clock)."""

    today: dt.date | None
    due: tuple[DueReport, ...]  # every due report, by date
    due_by_agency: Mapping[str, tuple[DueReport, ...]]  # as reporter or recipient


@dataclass(frozen=True)
class Relations:
    """The project indexed once (`build_relations`), in small parts by what they answer; a renderer is given
    the parts it reads."""

    names: Names
    who: Assignments
    cites: Citations
    orders: Orders
    progress: Progress  # reports per task, newest first
    calendar: Calendar


def _frozen(index: dict[str, list]) -> MappingProxyType:
    """A read-only index of tuples (built with lists, handed out frozen)."""
    return MappingProxyType({key: tuple(values) for key, values in index.items()})


class _Index:
    """The lists being built: each keyed index, with a set per list where duplicates must be kept out (a
    membership test on the list itself grows with the square of a province's data)."""

    def __init__(self):
        self.lists: dict[str, dict] = {}
        self._seen: dict[str, set] = {}

    def add(self, name: str, key, value) -> None:
        self.lists.setdefault(name, {}).setdefault(key, []).append(value)

    def add_once(self, name: str, key, value, identity) -> None:
        seen = self._seen.setdefault(name, set())
        if (key, identity) not in seen:
            seen.add((key, identity))
            self.add(name, key, value)

    def get(self, name: str) -> dict:
        return self.lists.get(name, {})


def _index_task(ix: _Index, names: Names, plan: Plan, task: Task, doc_by_uri: dict, agency_by_uri: dict) -> set[str]:
    """Index one task; returns the ids of the agencies it assigns or mentions."""
    for agency_id in task.lead.agencies if task.lead else ():
        ix.add("leads", agency_id, (plan, task))
    for agency_id in task.coordinating.agencies if task.coordinating else ():
        ix.add("coordinates", agency_id, (plan, task))
    named = {a for x in (task.lead, task.coordinating) if x for a in x.agencies}
    cited = [names.documents[d] for d in task.cites]  # as the data lists them, then those named in the text
    cited_ids = set(task.cites)
    linker = names.linker(plan)
    for text in task_texts(task):
        for target in linker.targets(text):
            doc = doc_by_uri.get(target.uri)
            if doc and doc.id not in cited_ids:
                cited_ids.add(doc.id)
                cited.append(doc)
            agency = agency_by_uri.get(target.uri)
            if agency:
                named.add(agency.id)
                ix.add_once("mentioned_in", agency.id, (plan, task), (plan.id, task.id))
    ix.lists.setdefault("task_documents", {})[(plan.id, task.id)] = cited
    for doc in cited:
        ix.add("cited_by_tasks", doc.id, (plan, task))
    return named


def _index_plan(ix: _Index, names: Names, plan: Plan, doc_by_uri: dict, agency_by_uri: dict) -> None:
    ix.add("plans_issued", plan.issuer, plan)
    for doc_id in plan.basis:
        ix.add("basis_of", doc_id, plan)
    named = {plan.issuer} | {a for r in plan.recipients for a in r.agencies}
    for task in plan.tasks:
        named |= _index_task(ix, names, plan, task, doc_by_uri, agency_by_uri)
    task_documents = ix.get("task_documents")
    cited = set(plan.basis) | {d.id for t in plan.tasks for d in task_documents[(plan.id, t.id)]}
    linker = names.linker(plan)
    for text in plan_texts(plan):
        for target in linker.targets(text):
            if target.uri in doc_by_uri:
                cited.add(doc_by_uri[target.uri].id)
            elif target.uri in agency_by_uri:
                named.add(agency_by_uri[target.uri].id)
    named |= {
        agency_by_uri[t.uri].id for r in plan.recipients for t in linker.targets(r.text) if t.uri in agency_by_uri
    }
    for doc_id in sorted(cited):
        ix.add("cited_by_plans", doc_id, plan)
    for n, item in enumerate(plan.implementation.items):
        named.update(item.agencies)
        for agency_id in item.agencies:
            ix.add("duties", agency_id, (plan, item))
        for duty in item.duties:
            for agency_id in duty.reports_to:
                ix.add_once("reported_to", agency_id, (plan, item), (plan.id, n))
    for agency_id in sorted(named):
        ix.add("plans_naming", agency_id, plan)


def _by_issuer_date_number(names: Names):
    return lambda d: (
        vi_sort_key(names.agency_name(d.issuers[0]) if d.issuers else "~"),
        d.issued_on.isoformat() if d.issued_on else "",
        vi_sort_key(d.number or d.title),
    )


def build_relations(project: Project, today: dt.date | None = None, configured_place: str | None = None) -> Relations:
    """Index the project both ways, once; every list sorted for display and determinism. `configured_place`:
    the site's place as mkdocs.yml names it (identity.site_place)."""
    names = Names(
        MappingProxyType({p.id: p for p in project.places}),
        MappingProxyType({a.id: a for a in project.agencies}),
        MappingProxyType({d.id: d for d in project.documents}),
        Mentions(project),
        site_place(project, configured_place),
        MappingProxyType({plan.id: table_name(plan) for plan in project.plans}),
    )
    doc_by_uri = {document_uri(d.id): d for d in project.documents}
    agency_by_uri = {agency_uri(a.id): a for a in project.agencies}
    ix = _Index()
    for plan in project.plans:  # plans arrive sorted by id, so every list of plans is in id order
        _index_plan(ix, names, plan, doc_by_uri, agency_by_uri)
    for plan in project.plans:
        if plan.life and plan.life.replaced_by:
            ix.add("replaced_plans", plan.life.replaced_by, plan)
    for agency in sorted(project.agencies, key=lambda a: vi_sort_key(a.name)):  # each group list by name
        for member in agency.members:
            ix.add("groups_of", member, agency)
    for doc in sorted(project.documents, key=lambda d: (d.issued_on is None, d.issued_on or 0, d.id)):
        for issuer in doc.issuers:
            ix.add("issued", issuer, doc)
    for doc in project.documents:
        for relation in doc.relations:
            ix.add("incoming", relation.target, (relation.type, doc))
    who = Assignments(
        *(
            _frozen(ix.get(name))
            for name in (
                "leads",
                "coordinates",
                "mentioned_in",
                "duties",
                "reported_to",
                "groups_of",
                "plans_issued",
                "plans_naming",
            )
        )
    )
    cites = Citations(
        _frozen(ix.get("task_documents")),
        _frozen(ix.get("cited_by_tasks")),
        _frozen(ix.get("basis_of")),
        _frozen(ix.get("cited_by_plans")),
        _frozen(ix.get("incoming")),
        _frozen(ix.get("issued")),
        MappingProxyType({p.document: p for p in project.plans if p.document}),
        _frozen(ix.get("replaced_plans")),
    )
    by_name = sorted(project.agencies, key=lambda a: vi_sort_key(a.name))
    by_issuer = sorted(project.documents, key=_by_issuer_date_number(names))
    orders = Orders(
        MappingProxyType({kind: tuple(a for a in by_name if a.kind == kind) for kind in AGENCY_KINDS}),
        MappingProxyType({t: tuple(d for d in by_issuer if d.type == t) for t in DOCUMENT_TYPES}),
        tuple(
            sorted(project.plans, key=lambda p: (vi_sort_key(names.agency_name(p.issuer)), vi_sort_key(p.title), p.id))
        ),
    )
    due = tuple(due_reports(project, today))
    for report in due:
        for agency_id in dict.fromkeys((report.reporter, *report.recipients)):
            ix.add("due_by_agency", agency_id, report)
    calendar = Calendar(today, due, _frozen(ix.get("due_by_agency")))
    return Relations(names, who, cites, orders, build_progress(project), calendar)
