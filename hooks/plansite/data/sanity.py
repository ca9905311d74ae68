"""Checks of the built project as a whole: time, bases and titles that no single record can check.

They run only on data that passed every other check, so values are typed and references
resolve; positions come from the plan files' YAML (the model's paths are the YAML's paths).
"""

from __future__ import annotations

from ..i18n import _, named
from ..text import date_numeric, name_key
from . import plan_life, timing_words
from .model import Plan, Project
from .problems import DataPath, Problem
from .schema import SUMMARY_LIMIT, TIMING_KINDS
from .schema_kinds import key_phrase
from .shape import PartKind, task_timings, walk
from .yamlsource import YamlDocument

# Timing kinds that need one more key, and which.
_TIMING_NEEDS = {"periodic": "every", "periodic-and-on-demand": "every", "deadline": "due"}


def _period(plan: Plan, doc: YamlDocument) -> list[Problem]:
    period = plan.period
    if period and period.end is not None and period.end < period.start:
        return [
            doc.problem(
                ("period", "end"),
                _("Expected an end year not before the start year {start} but received {end}.").format(
                    start=period.start, end=period.end
                ),
                _("swap the two years, or check the source."),
            )
        ]
    return []


def _timings(plan: Plan, doc: YamlDocument) -> list[Problem]:
    problems = []
    for path, timing in task_timings(plan):
        needed = _TIMING_NEEDS.get(timing.kind)
        if needed and getattr(timing, needed) is None:
            example = "every: hang-thang" if needed == "every" else "due: 2026-06-30"
            problems.append(
                doc.problem(
                    path,
                    _("Expected {the_key} for timing of kind {kind} but it is missing.").format(
                        the_key=key_phrase(needed), kind=named(timing.kind, TIMING_KINDS[timing.kind])
                    ),
                    _("add a line '{example}' that matches the wording.").format(example=example),
                )
            )
        if timing.start_year and timing.end_year and timing.end_year < timing.start_year:
            problems.append(
                doc.problem(
                    path + ("end_year",),
                    _("Expected an end year not before {start} but received {end}.").format(
                        start=timing.start_year, end=timing.end_year
                    ),
                    _("check the years against the wording."),
                )
            )
    return problems


def _citations(plan: Plan) -> list[tuple[DataPath, str]]:
    """(path, document id) of every document the plan's data bases itself on or cites."""
    found = [(("basis", k), doc_id) for k, doc_id in enumerate(plan.basis)]
    for part in walk(plan):
        if part.kind is PartKind.TASK:
            found += [(part.path + ("cites", k), doc_id) for k, doc_id in enumerate(part.node.cites)]
    return found


def _later_documents(plan: Plan, doc: YamlDocument, project: Project) -> list[Problem]:
    """A plan cannot carry out, or cite, a document issued after the plan itself."""
    if plan.issued_on is None:
        return []
    documents = {d.id: d for d in project.documents}
    problems = []
    for path, doc_id in _citations(plan):
        cited = documents[doc_id]
        if cited.issued_on and cited.issued_on > plan.issued_on and doc_id != plan.document:
            problems.append(
                doc.problem(
                    path,
                    _(
                        "Expected a document issued before the plan ({plan_date}) but received '{id}', issued {date}."
                    ).format(plan_date=date_numeric(plan.issued_on), id=doc_id, date=date_numeric(cited.issued_on)),
                    _("check the plan's issued_on and the document's issued_on, or the id cited."),
                )
            )
    return problems


def _path_to(graph: dict[str, tuple[str, ...]], start: str, goal: str) -> list[str] | None:
    """A path start → … → goal following `graph`, or None (depth-first, first basis first)."""
    stack, seen = [[start]], set()
    while stack:
        trail = stack.pop()
        if trail[-1] == goal:
            return trail
        if trail[-1] in seen:
            continue
        seen.add(trail[-1])
        stack += [trail + [nxt] for nxt in reversed(graph.get(trail[-1], ()))]
    return None


def _basis_cycles(project: Project, docs: dict[str, YamlDocument]) -> list[Problem]:
    """A plan cannot be based on itself, directly or through other plans' bases."""
    graph = {p.document: p.basis for p in project.plans if p.document}  # a plan's record → its bases
    problems = []
    for plan in project.plans:
        for k, basis in enumerate(plan.basis if plan.document else ()):
            trail = _path_to(graph, basis, plan.document)
            if trail:
                problems.append(
                    docs[plan.origin.file].problem(
                        ("basis", k),
                        _("Expected a basis other than the plan itself but received the cycle {cycle}.").format(
                            cycle=" → ".join([plan.document] + trail)
                        ),
                        _("a plan is based on earlier documents; remove this basis or the one that leads back here."),
                    )
                )
    return problems


def _title(plan: Plan, doc: YamlDocument) -> list[Problem]:
    """Titles are stored without the type word, which the site adds: 'Kế hoạch Kế hoạch …' otherwise."""
    words = name_key(plan.title).split()
    type_words = name_key(plan.document_type).split()
    if type_words and words[: len(type_words)] == type_words:
        return [
            doc.problem(
                ("title",),
                _("Expected a title without the document type '{type}' but received '{title}'.").format(
                    type=plan.document_type, title=plan.title[:60]
                ),
                _("the site writes the type before the title; remove it from 'title'."),
                warning=True,
            )
        ]
    return []


def summary_too_long(doc: YamlDocument, path: DataPath, summary: str) -> list[Problem]:
    """A summary past the limit, in a plan file or in the web form's summary file (data/records.py)."""
    if len(summary) <= SUMMARY_LIMIT:
        return []
    return [
        doc.problem(
            path,
            _("Expected a summary of at most {limit} characters but received {count}.").format(
                limit=SUMMARY_LIMIT, count=len(summary)
            ),
            _("one or two plain sentences; the full text is on the page anyway."),
        )
    ]


def _summaries(plan: Plan, doc: YamlDocument) -> list[Problem]:
    """Summaries are short (an error past the limit); a plan whose tasks lack one gets one warning."""
    problems, missing = [], []
    for part in walk(plan):
        if part.kind is not PartKind.TASK:
            continue
        summary = part.node.summary
        if summary is None:
            missing.append(part.node.id)
        else:
            problems += summary_too_long(doc, part.path + ("summary",), summary)
    if missing:
        shown = ", ".join(missing[:5]) + (
            " " + _("and {count} more").format(count=len(missing) - 5) if len(missing) > 5 else ""
        )
        problems.append(
            doc.problem(
                ("content",),
                _("Expected a plain summary (summary) for every task but {count} have none: {ids}.").format(
                    count=len(missing), ids=shown
                ),
                _("write one or two sentences a citizen understands; see the guide."),
                warning=True,
            )
        )
    return problems


def unreachable_offices(project: Project) -> list[Problem]:
    """Warnings for `make check` (not the build, which publishes as before): each office a plan sends citizens'
    feedback to that has no address, phone, email or website in the data. The site shows only what the data
    has and never says what it lacks, so this is where the gap is told."""
    agencies = {a.id: a for a in project.agencies}
    sent_to: dict[str, list[str]] = {}
    for plan in project.plans:
        if plan.feedback:
            for agency_id in plan.feedback.agencies:
                sent_to.setdefault(agency_id, []).append(f"{plan.origin.file}:{plan.feedback.origin.line}")
    problems = []
    for agency_id, where in sorted(sent_to.items()):
        agency = agencies[agency_id]
        if not (agency.address or agency.phone or agency.email or agency.website):
            problems.append(
                Problem(
                    agency.origin.file,
                    agency.origin.line,
                    agency.origin.column,
                    agency_id,
                    _(
                        "Expected a way for citizens to reach '{name}' (plans send feedback there: "
                        "{where}) but received no address, phone, email or website."
                    ).format(name=agency.name, where=", ".join(where)),
                    _("add what the office itself publishes (never a guess); the site shows only what the data has."),
                    warning=True,
                )
            )
    return problems


def check(project: Project, docs: dict[str, YamlDocument]) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) about the project as a whole."""
    problems: list[Problem] = []
    for plan in project.plans:
        doc = docs[plan.origin.file]
        problems += _period(plan, doc) + _timings(plan, doc) + _later_documents(plan, doc, project) + _title(plan, doc)
        problems += _summaries(plan, doc) + timing_words.check(plan, doc) + plan_life.check(plan, doc)
    problems += _basis_cycles(project, docs)
    return [p for p in problems if not p.warning], [p for p in problems if p.warning]
