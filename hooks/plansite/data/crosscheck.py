"""Checks that span records and files: references, duplicate ids, alias collisions, relation cycles.

They run on the raw parsed values (with their positions), not on the built
model, so that one broken record does not hide the problems of the others.
"""

from __future__ import annotations

from .problems import Path, Problem, did_you_mean
from .schema import SYMMETRIC_RELATIONS
from .schema_kinds import Context
from .shape import PartKind, walk
from ..text import name_key
from .yamlsource import YamlDocument


def records(doc: YamlDocument | None, key: str) -> list[tuple[Path, dict]]:
    """(path, mapping) for each mapping in the list doc[key]; tolerant of malformed data."""
    if doc is None or not isinstance(doc.value, dict) or not isinstance(doc.value.get(key), list):
        return []
    return [((key, i), item) for i, item in enumerate(doc.value[key]) if isinstance(item, dict)]


def task_records(doc: YamlDocument) -> list[tuple[YamlDocument, Path, dict]]:
    """(doc, path, mapping) of every task of a plan file; tolerant of malformed data."""
    return [(doc, part.path, part.node) for part in walk(doc.value) if part.kind is PartKind.TASK]


def _ident(item: dict) -> str | None:
    value = item.get("id")
    return value.strip() if isinstance(value, str) else None


def duplicate_ids(entries: list[tuple[YamlDocument, Path, dict]], what: str) -> list[Problem]:
    """A problem for every record whose id was already used by an earlier one."""
    problems, first = [], {}
    for doc, path, item in entries:
        ident = _ident(item)
        if not ident:
            continue
        if ident in first:
            other_doc, other_path = first[ident]
            line = other_doc.mark(other_path + ("id",))[0]
            problems.append(doc.problem(path + ("id",), f"Expected a unique {what} id but received '{ident}', "
                                        f"already used at {other_doc.file}:{line}.",
                                        f"give one of them another id, e.g. '{ident}-2'."))
        else:
            first[ident] = (doc, path)
    return problems


def unresolved_refs(contexts: list[Context], known: dict[str, set[str] | None]) -> list[Problem]:
    """A problem for every reference to an agency or document that does not exist (None: registry unreadable)."""
    problems = []
    registry = {"agency": "plan_data/agencies.yaml", "legal": "plan_data/legal.yaml"}
    for ctx in contexts:
        for target, ident, path in ctx.refs:
            if known[target] is None or ident in known[target]:
                continue
            what = "agency" if target == "agency" else "legal document"
            hint = did_you_mean(ident, known[target]) or f"add the {what} to {registry[target]} first."
            problems.append(ctx.doc.problem(path, f"Expected the id of {'an' if what[0] == 'a' else 'a'} {what} "
                                            f"in {registry[target]} but received the unknown id '{ident}'.", hint))
    return problems


def alias_collisions(doc: YamlDocument | None, key: str, what: str) -> list[Problem]:
    """Names and aliases must identify one record: 'Uỷ ban' and 'Ủy ban' are the same name."""
    problems, owner = [], {}
    for path, item in records(doc, key):
        ident = _ident(item)
        names = [(path + ("name",), item.get("name")), (path + ("title",), item.get("title"))]
        aliases = item.get("aliases") if isinstance(item.get("aliases"), list) else []
        names += [(path + ("aliases", j), alias) for j, alias in enumerate(aliases)]
        for name_path, name in names:
            if not isinstance(name, str) or not name_key(name):
                continue
            key_ = name_key(name)
            if key_ in owner and owner[key_][0] != ident:
                other, other_path = owner[key_]
                line = doc.mark(other_path)[0]
                problems.append(doc.problem(name_path, f"Expected a name that identifies one {what} but received "
                                            f"'{name}', which is also a name of '{other}' (line {line}).",
                                            "names are compared ignoring case and tone-mark placement "
                                            "(Uỷ = Ủy); remove or change one of them."))
            else:
                owner.setdefault(key_, (ident, name_path))
    return problems


def relation_cycles(doc: YamlDocument | None) -> list[Problem]:
    """A document cannot, through directed relations, be based on itself."""
    edges: dict[str, list[tuple[str, Path]]] = {}
    for path, item in records(doc, "documents"):
        relations = item.get("relations") if isinstance(item.get("relations"), list) else []
        for j, rel in enumerate(relations):
            if isinstance(rel, dict) and rel.get("type") not in SYMMETRIC_RELATIONS and isinstance(rel.get("target"), str):
                edges.setdefault(_ident(item), []).append((rel["target"], path + ("relations", j)))
    problems, reported, state = [], set(), {}

    def visit(node: str, trail: list[tuple[str, Path]]) -> None:
        state[node] = "open"
        for target, rel_path in sorted(edges.get(node, [])):
            if state.get(target) == "open":
                names = [n for n, _ in trail] + [node]
                cycle = names[names.index(target):] + [target]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    problems.append(doc.problem(rel_path, "Expected relations without a cycle but received "
                                                f"the cycle {' → '.join(cycle)}.",
                                                "a document cannot be based on, amend or replace itself through "
                                                "other documents; remove one of these relations."))
            elif target not in state:
                visit(target, trail + [(node, rel_path)])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [])
    return problems
