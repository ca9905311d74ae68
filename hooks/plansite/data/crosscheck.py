"""Checks that span records and files: references, duplicate ids and abbreviations, name collisions, cycles.

They run on the raw parsed values (with their positions), not on the built
model, so that one broken record does not hide the problems of the others.
"""

from __future__ import annotations

from ..i18n import N_, _
from ..text import name_key, nfc
from .place_lines import PlaceLines, agency_files, cross_line_agencies, hint_choices
from .problems import DataPath, Problem, did_you_mean
from .schema import SYMMETRIC_RELATIONS
from .schema_kinds import REF_TARGETS, Context, ref_places
from .shape import PartKind, walk
from .yamlsource import YamlDocument


def records(doc: YamlDocument | None, key: str) -> list[tuple[DataPath, dict]]:
    """(path, mapping) for each mapping in the list doc[key]; tolerant of malformed data."""
    if doc is None or not isinstance(doc.value, dict) or not isinstance(doc.value.get(key), list):
        return []
    return [((key, i), item) for i, item in enumerate(doc.value[key]) if isinstance(item, dict)]


def all_records(docs: list[YamlDocument], key: str) -> list[tuple[YamlDocument, DataPath, dict]]:
    """(doc, path, mapping) of every record of a registry kept in one or several files."""
    return [(doc, path, item) for doc in docs for path, item in records(doc, key)]


def task_records(doc: YamlDocument) -> list[tuple[YamlDocument, DataPath, dict]]:
    """(doc, path, mapping) of every task of a plan file; tolerant of malformed data."""
    return [(doc, part.path, part.node) for part in walk(doc.value) if part.kind is PartKind.TASK]


def _ident(item: dict) -> str | None:
    value = item.get("id")
    return value.strip() if isinstance(value, str) else None


# The message for an id used twice, by kind of record (msgids: the sentence differs with the noun).
_DUPLICATE = {
    "place": N_("Expected a unique place id but received '{id}', already used at {where}."),
    "agency": N_("Expected a unique agency id but received '{id}', already used at {where}."),
    "document": N_("Expected a unique document id but received '{id}', already used at {where}."),
    "plan": N_("Expected a unique plan id but received '{id}', already used at {where}."),
    "task": N_("Expected a unique task id but received '{id}', already used at {where}."),
}


def duplicate_ids(entries: list[tuple[YamlDocument, DataPath, dict]], what: str) -> list[Problem]:
    """A problem for every record whose id was already used by an earlier one; `what`: its message (msgid)."""
    problems, first = [], {}
    for doc, path, item in entries:
        ident = _ident(item)
        if not ident:
            continue
        if ident in first:
            other_doc, other_path = first[ident]
            line = other_doc.mark(other_path + ("id",))[0]
            problems.append(
                doc.problem(
                    path + ("id",),
                    _(what).format(id=ident, where=f"{other_doc.file}:{line}"),
                    _("give one of them another id, e.g. '{id}-2'.").format(id=ident),
                )
            )
        else:
            first[ident] = (doc, path)
    return problems


def unresolved_refs(contexts: list[Context], known: dict[str, set[str] | None], lines: PlaceLines) -> list[Problem]:
    """A problem for every reference to a record that does not exist (None: a registry file was unreadable).
    The hint offers only ids that would be valid there (a plan's agencies: its place's line)."""
    problems = []
    for ctx in contexts:
        for target, ident, path in ctx.refs:
            if known[target] is None or ident in known[target]:
                continue
            expected, record, where = *REF_TARGETS[target][:2], ref_places(target)
            hint = did_you_mean(ident, hint_choices(lines, ctx, target, path, known[target])) or _(
                "add {record} '{id}' to {where} first."
            ).format(record=_(record), id=ident, where=where)
            problems.append(
                ctx.doc.problem(
                    path,
                    _("Expected {expected} in {where} but received the unknown id '{id}'.").format(
                        expected=_(expected), where=where, id=ident
                    ),
                    hint,
                )
            )
    return problems


def _scope(item: dict, scoped: bool) -> str | None:
    place = item.get("place") if scoped else None
    return place.strip() if isinstance(place, str) else None


def name_collisions(entries: list[tuple[YamlDocument, DataPath, dict]], what: str, scoped: bool) -> list[Problem]:
    """Names and aliases must identify one record ('Uỷ ban' and 'Ủy ban' are the same name); `what` is the
    message (msgid).

    For agencies (`scoped`) only within one place: 'Sở Nội vụ' of two provinces are two bodies,
    told apart by the place of the plan that names them.
    """
    problems, owner = [], {}
    for doc, path, item in entries:
        ident = _ident(item)
        names = [(path + ("name",), item.get("name")), (path + ("title",), item.get("title"))]
        aliases = item.get("aliases") if isinstance(item.get("aliases"), list) else []
        names += [(path + ("aliases", j), alias) for j, alias in enumerate(aliases)]
        for name_path, name in names:
            if not isinstance(name, str) or not name_key(name):
                continue
            key = (_scope(item, scoped), name_key(name))
            if key in owner and owner[key][0] != ident:
                other, other_doc, other_path = owner[key]
                where = (
                    _("line {line}").format(line=other_doc.mark(other_path)[0])
                    if other_doc is doc
                    else f"{other_doc.file}:{other_doc.mark(other_path)[0]}"
                )
                problems.append(
                    doc.problem(
                        name_path,
                        _(what).format(place=key[0], name=name, other=other, where=where),
                        _(
                            "names are compared ignoring case and tone-mark placement (Uỷ = Ủy); "
                            "remove the name from '{id}' or from '{other}', or change one of them."
                        ).format(id=ident, other=other),
                    )
                )
            else:
                owner.setdefault(key, (ident, doc, name_path))
    return problems


def duplicate_abbreviations(entries: list[tuple[YamlDocument, DataPath, dict]]) -> list[Problem]:
    """Each abbreviation is listed once, so that it has one full form. Compared as written, case and
    punctuation included ('KT.' and 'KT', 'TT' and 'Tt' are different words in a text), after only what
    an editor cannot see: Unicode form and runs of spaces."""
    problems, first = [], {}
    for doc, path, item in entries:
        abbr = item.get("abbr")
        if not isinstance(abbr, str) or not abbr.strip():
            continue
        key = " ".join(nfc(abbr).split())
        if key in first:
            other_doc, other_path = first[key]
            where = f"{other_doc.file}:{other_doc.mark(other_path)[0]}"
            problems.append(
                doc.problem(
                    path + ("abbr",),
                    _("Expected an abbreviation listed once but received '{abbr}', already listed at {where}.").format(
                        abbr=key, where=where
                    ),
                    _(
                        "keep one entry per abbreviation, with one full form (put other meanings "
                        "in its 'note'); abbreviations are compared as written: 'KT.' and 'KT' "
                        "are two abbreviations, 'UBND' and 'Ubnd' too."
                    ),
                )
            )
        else:
            first[key] = (doc, path + ("abbr",))
    return problems


def place_cycles(entries: list[tuple[YamlDocument, DataPath, dict]]) -> list[Problem]:
    """A place cannot lie inside itself: following `parent` must end at the nation."""
    parent = {_ident(item): (doc, path, item.get("parent")) for doc, path, item in entries if _ident(item)}
    problems, reported = [], set()
    for start in sorted(parent):
        trail, node = [], start
        while node in parent and node not in trail:
            trail.append(node)
            node = parent[node][2]
        if node in trail and frozenset(trail[trail.index(node) :]) not in reported:
            cycle = trail[trail.index(node) :]
            reported.add(frozenset(cycle))
            doc, path, _parent = parent[cycle[0]]
            problems.append(
                doc.problem(
                    path + ("parent",),
                    _("Expected places that end at the nation but received the cycle {cycle}.").format(
                        cycle=" → ".join(cycle + [cycle[0]])
                    ),
                    _("each place lies in one larger place; the nation has no parent."),
                )
            )
    return problems


def relation_cycles(entries: list[tuple[YamlDocument, DataPath, dict]]) -> list[Problem]:
    """A document cannot, through directed relations, be based on itself."""
    edges: dict[str, list[tuple[str, DataPath]]] = {}
    where: dict[DataPath, YamlDocument] = {}
    for doc, path, item in entries:
        relations = item.get("relations") if isinstance(item.get("relations"), list) else []
        for j, rel in enumerate(relations):
            if (
                isinstance(rel, dict)
                and rel.get("type") not in SYMMETRIC_RELATIONS
                and isinstance(rel.get("target"), str)
            ):
                edges.setdefault(_ident(item), []).append((rel["target"], path + ("relations", j)))
                where[path + ("relations", j)] = doc
    problems, reported, state = [], set(), {}

    def visit(node: str, trail: list[tuple[str, DataPath]]) -> None:
        state[node] = "open"
        for target, rel_path in sorted(edges.get(node, []), key=lambda e: (e[0], str(e[1]))):
            if state.get(target) == "open":
                names = [n for n, _ in trail] + [node]
                cycle = names[names.index(target) :] + [target]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    problems.append(
                        where[rel_path].problem(
                            rel_path,
                            _("Expected relations without a cycle but received the cycle {cycle}.").format(
                                cycle=" → ".join(cycle)
                            ),
                            _(
                                "a document cannot be based on, amend or replace itself through other documents; remove "  # noqa: E501
                                "one of these relations."
                            ),
                        )
                    )
            elif target not in state:
                visit(target, trail + [(node, rel_path)])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [])
    return problems


def check_all(docs: dict[str, list[YamlDocument]], contexts: list[Context], unreadable: set[str]) -> list[Problem]:
    """Every check across records and files, on the raw values of all readable files."""
    places, agencies = all_records(docs["places"], "places"), all_records(docs["agencies"], "agencies")
    documents = all_records(docs["legal"], "documents")
    known = {
        kind: None if registry in unreadable else {i for _, _, r in entries if (i := _ident(r))}
        for kind, registry, entries in (
            ("place", "places", places),
            ("agency", "agencies", agencies),
            ("legal", "legal", documents),
        )
    }
    known["plan"] = (
        None
        if "plan" in unreadable
        else {i for d in docs["plan"] if isinstance(d.value, dict) and (i := _ident(d.value))}
    )
    lines = PlaceLines(places, agencies)
    problems = unresolved_refs(contexts, known, lines)
    problems += cross_line_agencies(lines, contexts) + agency_files(lines, docs["agencies"])
    problems += duplicate_ids(places, _DUPLICATE["place"]) + duplicate_ids(agencies, _DUPLICATE["agency"])
    problems += duplicate_ids(documents, _DUPLICATE["document"])
    problems += duplicate_ids([(d, (), d.value) for d in docs["plan"] if isinstance(d.value, dict)], _DUPLICATE["plan"])
    for doc in docs["plan"]:
        problems += duplicate_ids(task_records(doc), _DUPLICATE["task"])
    problems += name_collisions(
        agencies,
        N_(
            "Expected a name that identifies one agency in the place '{place}' but "
            "received '{name}', which is also a name of '{other}' ({where})."
        ),
        scoped=True,
    )
    problems += name_collisions(
        documents,
        N_(
            "Expected a name that identifies one legal document but received "
            "'{name}', which is also a name of '{other}' ({where})."
        ),
        scoped=False,
    )
    problems += place_cycles(places) + relation_cycles(documents)
    problems += duplicate_abbreviations(all_records(docs.get("glossary", []), "abbreviations"))
    return problems
