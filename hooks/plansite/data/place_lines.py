"""Place integrity: a plan names bodies of its own line of places, and agencies/<place>.yaml holds that place.

A place's line is the place, the places above it up to the nation, and the places below it. A plan of
tỉnh Thái Lâm may name the nation's bodies, its districts' and communes' bodies, but not Hải Phòng's:
"Sở Nội vụ" of another province in a plan's lead is a slip that would link the wrong office. The checks
run on the raw values (like `crosscheck`), so one broken record does not hide the others' problems.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..i18n import _
from .paths import REGISTRIES, YAML_SUFFIXES
from .problems import DataPath, Problem, did_you_mean
from .schema_kinds import Context
from .yamlsource import YamlDocument

# Plan fields whose agency ids must be of the plan's line (the issuer itself may be any registered body).
_ISSUER_PATH = ("issuer",)


class PlaceLines:
    """The places' tree, and each agency's place, from the raw registries."""

    def __init__(
        self, places: list[tuple[YamlDocument, DataPath, dict]], agencies: list[tuple[YamlDocument, DataPath, dict]]
    ):
        self.parent = {_text(p.get("id")): _text(p.get("parent")) for _, _, p in places if _text(p.get("id"))}
        self.name = {
            _text(p.get("id")): _text(p.get("name")) or _text(p.get("id")) for _, _, p in places if _text(p.get("id"))
        }
        self.place_of = {_text(a.get("id")): _text(a.get("place")) for _, _, a in agencies if _text(a.get("id"))}

    def above(self, place: str | None) -> list[str]:
        """The place and every place above it, nearest first (stops at a cycle, which is reported elsewhere)."""
        out = []
        while place and place not in out:
            out.append(place)
            place = self.parent.get(place)
        return out

    def on_line(self, place: str | None, other: str | None) -> bool:
        """`other` is `place`, above it or below it."""
        if not place or not other:
            return True  # an unknown place is reported by the reference check
        return other in self.above(place) or place in self.above(other)

    def valid_for(self, place: str | None) -> set[str]:
        """The agency ids a plan of `place` may name."""
        return {a for a, p in self.place_of.items() if self.on_line(place, p)}

    def label(self, place: str | None) -> str:
        # Not i18n.named: a place's name is a proper name, its first letter kept as written.
        return _("'{id}' ({name})").format(id=place, name=self.name.get(place, place)) if place else _("(no place)")


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def plan_place(lines: PlaceLines, ctx: Context) -> str | None:
    """The place of the plan's issuer, for a plan file's context; None for other files or an unknown issuer."""
    value = ctx.doc.value
    if not isinstance(value, dict) or "content" not in value:
        return None
    return lines.place_of.get(_text(value.get("issuer")))


def hint_choices(lines: PlaceLines, ctx: Context, target: str, path: DataPath, choices: set[str]) -> set[str]:
    """The ids a 'did you mean' may offer at `path`: for an agency named by a plan, only its line's."""
    if target != "agency" or path == _ISSUER_PATH:
        return choices
    place = plan_place(lines, ctx)
    return choices & lines.valid_for(place) if place else choices


def cross_line_agencies(lines: PlaceLines, contexts: list[Context]) -> list[Problem]:
    """Every agency a plan names (lead, coordinating, duties, recipients, feedback) is of the issuer's line."""
    problems = []
    for ctx in contexts:
        place = plan_place(lines, ctx)
        if place is None:
            continue
        issuer = _text(ctx.doc.value.get("issuer"))
        for target, ident, path in ctx.refs:
            other = lines.place_of.get(ident)
            if target != "agency" or path == _ISSUER_PATH or other is None or lines.on_line(place, other):
                continue
            hint = did_you_mean(ident, lines.valid_for(place))
            problems.append(
                ctx.doc.problem(
                    path,
                    _(
                        "Expected an agency of {place}, the place of the issuer '{issuer}', or of a place above or "
                        "below it, but received '{id}' of {other}."
                    ).format(place=lines.label(place), issuer=issuer, id=ident, other=lines.label(other)),
                    (hint + " " if hint else "")
                    + _(
                        "a plan names the bodies of its own place, of the places above it "
                        "and of the places under it; if the issuer's place is wrong, fix "
                        "'place' in its agencies file."
                    ),
                )
            )
    return problems


def agency_files(lines: PlaceLines, docs: list[YamlDocument]) -> list[Problem]:
    """agencies/<place>.yaml holds the bodies of <place> only (agencies.yaml may hold any)."""
    problems = []
    for doc in docs:
        path = PurePosixPath(doc.file)
        if path.parent.name != REGISTRIES["agencies"][1] or path.suffix not in YAML_SUFFIXES:
            continue
        stem = path.stem
        agencies = doc.value.get("agencies") if isinstance(doc.value, dict) else None
        if stem not in lines.parent:
            hint = did_you_mean(stem, lines.parent)
            problems.append(
                doc.problem(
                    (),
                    _(
                        "Expected a file named after a place id of places.yaml "
                        "(agencies/<place>.yaml) but received '{name}'."
                    ).format(name=path.name),
                    hint
                    or _(
                        "rename the file to the id of the place whose bodies it holds, or "
                        "move its bodies to agencies.yaml."
                    ),
                )
            )
            continue
        for i, item in enumerate(agencies if isinstance(agencies, list) else []):
            place = _text(item.get("place")) if isinstance(item, dict) else None
            if place and place != stem:
                problems.append(
                    doc.problem(
                        ("agencies", i, "place"),
                        _("Expected a body of {place} in {file} but received the place {other}.").format(
                            place=lines.label(stem), file=f"agencies/{path.name}", other=lines.label(place)
                        ),
                        _("move the body to {file}, or correct its place to '{id}'.").format(
                            file=f"agencies/{place}.yaml", id=stem
                        ),
                    )
                )
    return problems
