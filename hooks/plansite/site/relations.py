"""The who-does-what / who-cites-what index of the project, both ways, keyed by id.

Sorting happens here, in Python, once: every list arrives at the renderers in display order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..data.model import Agency, DutyItem, LegalDocument, Place, Plan, Project, Task
from ..data.schema import AGENCY_KINDS, DOCUMENT_TYPES
from ..data.shape import PartKind, part_texts, walk
from ..text import vi_sort_key
from ..reports.calendar import DueReport, due_reports
from ..reports.status import Progress, build_progress
from ..addresses import agency_uri, document_uri
from .identity import site_place, table_name, title_suffix
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


@dataclass
class Relations:
    """Who leads, coordinates, reports, cites and is cited, keyed by id; lists in display order."""

    places: dict[str, Place]
    agencies: dict[str, Agency]
    documents: dict[str, LegalDocument]
    mentions: Mentions
    leads: dict[str, list[tuple[Plan, Task]]] = field(default_factory=dict)
    coordinates: dict[str, list[tuple[Plan, Task]]] = field(default_factory=dict)
    mentioned_in: dict[str, list[tuple[Plan, Task]]] = field(default_factory=dict)
    duties: dict[str, list[tuple[Plan, DutyItem]]] = field(default_factory=dict)
    reported_to: dict[str, list[tuple[Plan, DutyItem]]] = field(default_factory=dict)
    groups_of: dict[str, list[Agency]] = field(default_factory=dict)
    issued: dict[str, list[LegalDocument]] = field(default_factory=dict)
    plans_issued: dict[str, list[Plan]] = field(default_factory=dict)
    cited_by_tasks: dict[str, list[tuple[Plan, Task]]] = field(default_factory=dict)
    basis_of: dict[str, list[Plan]] = field(default_factory=dict)
    cited_by_plans: dict[str, list[Plan]] = field(default_factory=dict)  # basis, or cited anywhere in the text
    plans_naming: dict[str, list[Plan]] = field(default_factory=dict)  # agencies named anywhere in a plan
    incoming: dict[str, list[tuple[str, LegalDocument]]] = field(default_factory=dict)
    task_documents: dict[tuple[str, str], list[LegalDocument]] = field(default_factory=dict)
    agencies_by_kind: dict[str, list[Agency]] = field(default_factory=dict)  # in Vietnamese order
    documents_by_type: dict[str, list[LegalDocument]] = field(default_factory=dict)  # by issuer, date, number
    plans_sorted: list[Plan] = field(default_factory=list)  # by issuer, then title
    plan_of_document: dict[str, Plan] = field(default_factory=dict)  # a plan's own record in the legal registry
    progress: Progress = field(default_factory=Progress)  # reports per task, newest first
    today: dt.date | None = None  # the build date (never the clock): for the reporting calendar
    due: list[DueReport] = field(default_factory=list)  # every due report, by date
    due_by_agency: dict[str, list[DueReport]] = field(default_factory=dict)  # as reporter or recipient
    site_place: str | None = None  # the site's place (identity.site_place, from the configured one)
    table_names: dict[str, str] = field(default_factory=dict)  # plan id → 'Phụ lục' or 'Bảng nhiệm vụ'
    replaced_plans: dict[str, list[Plan]] = field(default_factory=dict)  # document id → the plans it replaces

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


def _index_task(rel: Relations, plan: Plan, task: Task, doc_by_uri: dict, agency_by_uri: dict) -> set[str]:
    """Index one task; returns the ids of the agencies it assigns or mentions."""
    for agency_id in task.lead.agencies if task.lead else ():
        rel.leads.setdefault(agency_id, []).append((plan, task))
    for agency_id in task.coordinating.agencies if task.coordinating else ():
        rel.coordinates.setdefault(agency_id, []).append((plan, task))
    named = {a for x in (task.lead, task.coordinating) if x for a in x.agencies}
    cited = [rel.documents[d] for d in task.cites]
    for text in task_texts(task):
        for target in rel.linker(plan).targets(text):
            if target.uri in doc_by_uri and doc_by_uri[target.uri] not in cited:
                cited.append(doc_by_uri[target.uri])
            agency = agency_by_uri.get(target.uri)
            if agency:
                named.add(agency.id)
                if (plan, task) not in rel.mentioned_in.get(agency.id, []):
                    rel.mentioned_in.setdefault(agency.id, []).append((plan, task))
    rel.task_documents[(plan.id, task.id)] = cited
    for doc in cited:
        rel.cited_by_tasks.setdefault(doc.id, []).append((plan, task))
    return named


def _index_plan(rel: Relations, plan: Plan, doc_by_uri: dict, agency_by_uri: dict) -> None:
    rel.plans_issued.setdefault(plan.issuer, []).append(plan)
    for doc_id in plan.basis:
        rel.basis_of.setdefault(doc_id, []).append(plan)
    named = {plan.issuer} | {a for r in plan.recipients for a in r.agencies}
    for task in plan.tasks:
        named |= _index_task(rel, plan, task, doc_by_uri, agency_by_uri)
    cited = set(plan.basis) | {d.id for t in plan.tasks for d in rel.task_documents[(plan.id, t.id)]}
    for text in plan_texts(plan):
        for target in rel.linker(plan).targets(text):
            if target.uri in doc_by_uri:
                cited.add(doc_by_uri[target.uri].id)
            elif target.uri in agency_by_uri:
                named.add(agency_by_uri[target.uri].id)
    named |= {agency_by_uri[t.uri].id for r in plan.recipients for t in rel.linker(plan).targets(r.text)
              if t.uri in agency_by_uri}
    for doc_id in sorted(cited):
        rel.cited_by_plans.setdefault(doc_id, []).append(plan)
    for item in plan.implementation.items:
        named.update(item.agencies)
        for agency_id in item.agencies:
            rel.duties.setdefault(agency_id, []).append((plan, item))
        for duty in item.duties:
            for agency_id in duty.reports_to:
                if (plan, item) not in rel.reported_to.get(agency_id, []):
                    rel.reported_to.setdefault(agency_id, []).append((plan, item))
    for agency_id in sorted(named):
        rel.plans_naming.setdefault(agency_id, []).append(plan)


def _by_issuer_date_number(rel: Relations):
    return lambda d: (vi_sort_key(rel.agency_name(d.issuers[0]) if d.issuers else "~"),
                      d.issued_on.isoformat() if d.issued_on else "", vi_sort_key(d.number or d.title))


def build_relations(project: Project, today: dt.date | None = None, configured_place: str | None = None) -> Relations:
    """Index the project both ways; every list sorted for display and determinism. `configured_place`: the
    site's place as mkdocs.yml names it (identity.site_place)."""
    rel = Relations({p.id: p for p in project.places}, {a.id: a for a in project.agencies},
                    {d.id: d for d in project.documents}, Mentions(project))
    doc_by_uri = {document_uri(d.id): d for d in project.documents}
    agency_by_uri = {agency_uri(a.id): a for a in project.agencies}
    for plan in project.plans:  # plans arrive sorted by id, so every list of plans is in id order
        _index_plan(rel, plan, doc_by_uri, agency_by_uri)
    rel.plan_of_document = {p.document: p for p in project.plans if p.document}
    rel.site_place = site_place(project, configured_place)
    rel.table_names = {plan.id: table_name(plan) for plan in project.plans}
    for plan in project.plans:
        if plan.life and plan.life.replaced_by:
            rel.replaced_plans.setdefault(plan.life.replaced_by, []).append(plan)
    for agency in project.agencies:
        for member in agency.members:
            rel.groups_of.setdefault(member, []).append(agency)
    for doc in project.documents:
        for issuer in doc.issuers:
            rel.issued.setdefault(issuer, []).append(doc)
        for relation in doc.relations:
            rel.incoming.setdefault(relation.target, []).append((relation.type, doc))
    for groups in rel.groups_of.values():
        groups.sort(key=lambda a: vi_sort_key(a.name))
    for docs in rel.issued.values():
        docs.sort(key=lambda d: (d.issued_on is None, d.issued_on or 0, d.id))
    by_name = sorted(project.agencies, key=lambda a: vi_sort_key(a.name))
    rel.agencies_by_kind = {kind: [a for a in by_name if a.kind == kind] for kind in AGENCY_KINDS}
    by_issuer = sorted(project.documents, key=_by_issuer_date_number(rel))
    rel.documents_by_type = {t: [d for d in by_issuer if d.type == t] for t in DOCUMENT_TYPES}
    rel.progress, rel.today, rel.due = build_progress(project), today, due_reports(project, today)
    for due in rel.due:
        for agency_id in dict.fromkeys((due.reporter, *due.recipients)):
            rel.due_by_agency.setdefault(agency_id, []).append(due)
    rel.plans_sorted = sorted(project.plans, key=lambda p: (vi_sort_key(rel.agency_name(p.issuer)),
                                                            vi_sort_key(p.title), p.id))
    return rel
