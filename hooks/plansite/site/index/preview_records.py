"""The registry pages a one-plan preview keeps (`make serve PLAN=<id>`), read from the indexes.

A preview loads every registry but one plan (data/scope.py). Its pages outside the registries (the plan's
pages, the home page, the calendar, …) link to a few agencies and documents; the pages of those records are
built, the hundreds of others are left out (MkDocs' templates cost a few milliseconds a page). Which records
the pages link to is what the relations already index, so nothing is read back from rendered pages:

- agencies: every body the plan names (issuer, recipients, leads, coordinators, bodies mentioned in its
  text, bodies with reporting duties: `plans_naming`), and every body of the reporting calendar, as reporter
  or recipient (`due_by_agency`);
- documents: every document the plan cites (basis, a task's `cites`, a mention in its text: `cited_by_plans`),
  and the document that replaces it when no published plan is that document (life_notice.replacement_link).

The indexes of the registries stay, and list every record; tests/test_preview_scope.py checks that every
agency and document the plan's pages link to has its page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .relations import Relations


@dataclass(frozen=True)
class LinkedRecords:
    """The ids of the agencies and documents whose pages a one-plan preview keeps."""

    agencies: frozenset[str]
    documents: frozenset[str]


def linked_records(rel: Relations) -> LinkedRecords:
    """The records the pages outside the registries link to (see the module), from the relations."""
    agencies = {a for a, plans in rel.who.plans_naming.items() if plans} | set(rel.calendar.due_by_agency)
    documents = {d for d, plans in rel.cites.cited_by_plans.items() if plans}
    for plan in rel.orders.plans_sorted:
        replacing = plan.life.replaced_by if plan.life else None
        if replacing and replacing not in rel.cites.plan_of_document:
            documents.add(replacing)
    return LinkedRecords(frozenset(agencies), frozenset(documents))
