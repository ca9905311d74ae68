"""Addresses of every page, and the who-does-what / who-cites-what index both ways.

Sorting happens here, in Python; renderers only loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .markup import Linker, Target
from .model import Agency, DutyItem, LegalDocument, Plan, Project, Task
from .schema import DOCUMENT_TYPES
from .text import vi_sort_key

HOME = "index.md"
PLANS_INDEX = "ke-hoach/index.md"
AGENCIES_INDEX = "co-quan/index.md"
DOCUMENTS_INDEX = "van-ban/index.md"


def plan_uri(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/index.md"


def appendix_uri(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/phu-luc.md"


def task_uri(plan: Plan, task: Task) -> str:
    return f"ke-hoach/{plan.id}/nhiem-vu/{task.id}.md"


def agency_uri(agency_id: str) -> str:
    return f"co-quan/{agency_id}.md"


def document_uri(document_id: str) -> str:
    return f"van-ban/{document_id}.md"


def document_label(doc: LegalDocument) -> str:
    """How a document is named in lists: 'Chỉ thị 33/CT-TTg' or its title when it has no number."""
    return f"{DOCUMENT_TYPES[doc.type]} {doc.number}" if doc.number else doc.title


def task_number(plan: Plan, task: Task) -> str:
    """'1.a' for a lettered task, '2' for a section that is one task."""
    return plan.task_numbers[task.id]


def plan_texts(plan: Plan) -> list[str]:
    """Every text of a plan outside its tasks in which citations are looked for."""
    texts = [plan.title, *plan.preamble, plan.closing or ""]
    texts += [c.text for g in plan.purpose.groups for c in g.clauses]
    texts += [s.heading for s in plan.content.sections if s.heading]
    for item in plan.implementation.items:
        texts += [x for x in (item.heading, item.text) if x] + [d.text for d in item.duties]
    return texts


def task_texts(task: Task) -> list[str]:
    """Every text of a task in which mentions are looked for."""
    texts = [task.text, *task.details]
    texts += [a.text for a in (task.lead, task.coordinating) if a and a.text]
    return texts


@dataclass
class Relations:
    """Who leads, coordinates, reports, cites and is cited, keyed by id; lists in display order."""

    agencies: dict[str, Agency]
    documents: dict[str, LegalDocument]
    linker: Linker
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

    def agency_name(self, agency_id: str) -> str:
        return self.agencies[agency_id].name


def agencies_of_task(task: Task, rel: "Relations", agency_by_uri: dict) -> list[Agency]:
    """Agencies a task assigns or mentions."""
    ids = [a for x in (task.lead, task.coordinating) if x for a in x.agencies]
    found = [rel.agencies[i] for i in ids]
    found += [agency_by_uri[t.uri] for text in task_texts(task) for t in rel.linker.targets(text) if t.uri in agency_by_uri]
    return found


def mention_names(project: Project) -> list[tuple[str, Target]]:
    """Every name under which an agency or a document may be mentioned, with its page."""
    names: list[tuple[str, Target]] = []
    for agency in project.agencies:
        target = Target(agency_uri(agency.id), agency.name)
        names += [(agency.name, target)] + [(alias, target) for alias in agency.aliases]
    for doc in project.documents:
        target = Target(document_uri(doc.id), document_label(doc))
        # A law is cited by its name; other titles ("Về tiếp tục …") are descriptions, not names.
        written = [*doc.aliases] + ([doc.title] if doc.type == "luat" or not doc.number else [])
        kind = DOCUMENT_TYPES[doc.type]
        # Numbers (and number-like aliases) are also cited as "Chỉ thị 33/…" and "Chỉ thị số 33/…".
        for number in [doc.number or ""] + [a for a in doc.aliases if "/" in a]:
            if number:
                written += [number, f"{kind} {number}", f"{kind} số {number}"]
        names += [(text, target) for text in written]
    return names


def build_relations(project: Project) -> Relations:
    """Index the project both ways; every list sorted for display and determinism."""
    rel = Relations({a.id: a for a in project.agencies}, {d.id: d for d in project.documents},
                    Linker(mention_names(project)))
    doc_by_uri = {document_uri(d.id): d for d in project.documents}
    agency_by_uri = {agency_uri(a.id): a for a in project.agencies}
    for plan in project.plans:
        rel.plans_issued.setdefault(plan.issuer, []).append(plan)
        for doc_id in plan.basis:
            rel.basis_of.setdefault(doc_id, []).append(plan)
        for task in plan.tasks:
            for agency_id in task.lead.agencies if task.lead else ():
                rel.leads.setdefault(agency_id, []).append((plan, task))
            for agency_id in task.coordinating.agencies if task.coordinating else ():
                rel.coordinates.setdefault(agency_id, []).append((plan, task))
            cited = [rel.documents[d] for d in task.cites]
            for text in task_texts(task):
                for target in rel.linker.targets(text):
                    if target.uri in doc_by_uri and doc_by_uri[target.uri] not in cited:
                        cited.append(doc_by_uri[target.uri])
                    agency = agency_by_uri.get(target.uri)
                    if agency and (plan, task) not in rel.mentioned_in.get(agency.id, []):
                        rel.mentioned_in.setdefault(agency.id, []).append((plan, task))
            rel.task_documents[(plan.id, task.id)] = cited
            for doc in cited:
                rel.cited_by_tasks.setdefault(doc.id, []).append((plan, task))
        cited_ids = list(plan.basis) + [d.id for t in plan.tasks for d in rel.task_documents[(plan.id, t.id)]]
        cited_ids += [doc_by_uri[target.uri].id for text in plan_texts(plan)
                      for target in rel.linker.targets(text) if target.uri in doc_by_uri]
        for doc_id in dict.fromkeys(cited_ids):  # first-seen order, no repeats
            rel.cited_by_plans.setdefault(doc_id, []).append(plan)
        named = [plan.issuer] + [a for r in plan.recipients for a in r.agencies]
        named += [a for i in plan.implementation.items for a in i.agencies]
        named += [agency_by_uri[t.uri].id for text in plan_texts(plan) + [r.text for r in plan.recipients]
                  for t in rel.linker.targets(text) if t.uri in agency_by_uri]
        named += [a.id for t in plan.tasks for a in agencies_of_task(t, rel, agency_by_uri)]
        for agency_id in dict.fromkeys(named):
            rel.plans_naming.setdefault(agency_id, []).append(plan)
        for item in plan.implementation.items:
            for agency_id in item.agencies:
                rel.duties.setdefault(agency_id, []).append((plan, item))
            for duty in item.duties:
                for agency_id in duty.reports_to:
                    if (plan, item) not in rel.reported_to.get(agency_id, []):
                        rel.reported_to.setdefault(agency_id, []).append((plan, item))
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
    for key in rel.issued:
        rel.issued[key].sort(key=lambda d: (d.issued_on is None, d.issued_on or 0, d.id))
    return rel
