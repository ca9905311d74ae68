"""A small declarative schema: each kind of value checks itself and describes itself as JSON Schema.

This module holds the structure (context, text, ids, references, choices, lists, mappings);
`value_kinds` holds the kinds of single values (one-line text, numbers, dates, addresses, files).

One description serves three readers: the validator (problems with paths and
hints), the JSON Schemas in `schemas/` (completion in editors) and the test
that keeps the editor's guide complete.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from .model import Origin
from .problems import Path, Problem, describe, did_you_mean
from ..text import is_slug, slugify
from .yamlsource import YamlDocument


@dataclass
class Context:
    """What checking one file accumulates: problems, and references to resolve later."""

    doc: YamlDocument
    data_dir: FsPath | None = None  # plan_data/, for checks that look at other files
    problems: list[Problem] = field(default_factory=list)
    refs: list[tuple[str, str, Path]] = field(default_factory=list)  # (target kind, id, path)

    def fail(self, path: Path, message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(path, message, hint))

    def origin(self, path: Path) -> Origin:
        return Origin(self.doc.file, *self.doc.mark(path))


def wrong(ctx: Context, path: Path, expected: str, value: object, hint: str = "") -> None:
    ctx.fail(path, f"Expected {expected} but received {describe(value)}.", hint)


class Kind:
    """Base of all value kinds."""

    expected = "a value"

    def check(self, value: object, ctx: Context, path: Path) -> object:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


class Text(Kind):
    """Plain text, shown as text (never as HTML or Markdown)."""

    expected = "text"

    def check(self, value, ctx, path):
        if isinstance(value, str):
            return value.strip() or None
        hint = "put the value in quotes, e.g. '294'." if isinstance(value, (int, float, bool)) else (
            "write it as one text; lists are only allowed where the guide says so." if isinstance(value, list) else "")
        wrong(ctx, path, self.expected, value, hint)

    def json_schema(self):
        return {"type": "string", "minLength": 1}


class Slug(Text):
    """A stable id: lower-case ASCII words joined by '-', used in addresses."""

    expected = "an id of lower-case ASCII letters, digits and '-'"

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is not None and not is_slug(text):
            suggestion = slugify(text)
            wrong(ctx, path, self.expected, text,
                   f"ids become web addresses; write '{suggestion}'." if suggestion else "use letters a-z and digits.")
            return None
        return text

    def json_schema(self):
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


# What a reference names, and where such records live.
REF_TARGETS = {
    "agency": ("an agency", "plan_data/agencies.yaml or plan_data/agencies/"),
    "legal": ("a legal document", "plan_data/legal.yaml or plan_data/legal/"),
    "place": ("a place", "plan_data/places.yaml"),
    "plan": ("a plan", "plan_data/plans/"),
}


class Ref(Slug):
    """The id of a record in a registry (agencies.yaml or legal.yaml), resolved after loading."""

    def __init__(self, target: str):
        self.target = target
        self.expected = f"the id of {REF_TARGETS[target][0]}"

    def check(self, value, ctx, path):
        ident = super().check(value, ctx, path)
        if ident is not None:
            ctx.refs.append((self.target, ident, path))
        return ident


class Enum(Text):
    """One of a fixed set of values; `choices` maps each value to its Vietnamese label."""

    def __init__(self, choices: dict[str, str], aliases: dict[str, str] | None = None):
        self.choices, self.aliases = choices, aliases or {}  # aliases: words people write → the value meant
        self.expected = "one of " + ", ".join(repr(c) for c in choices)

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None or text in self.choices:
            return text
        meant = self.aliases.get(text)
        hint = f"write '{meant}' ({self.choices[meant]})." if meant else did_you_mean(text, self.choices)
        wrong(ctx, path, self.expected, text, hint)

    def json_schema(self):
        return {"enum": list(self.choices)}


class List(Kind):
    """A YAML list of items of one kind."""

    def __init__(self, item: Kind):
        self.item = item
        self.expected = f"a list of {item.expected.removeprefix('a ').removeprefix('an ')}"

    def check(self, value, ctx, path):
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "..."
            return wrong(ctx, path, self.expected, value, f"write a list, one item per line: '- {example}'.")
        items = [self.item.check(v, ctx, path + (i,)) for i, v in enumerate(value)]
        return tuple(x for x in items if x is not None)

    def json_schema(self):
        return {"type": "array", "items": self.item.json_schema()}


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its kind, whether it is required, and what it means."""

    kind: Kind
    doc: str
    required: bool = False


class Obj(Kind):
    """A mapping with known keys, built into the dataclass `cls`."""

    def __init__(self, cls: type, fields: dict[str, Field]):
        self.cls, self.fields = cls, fields
        self.expected = f"a mapping with keys {', '.join(fields)}"

    def check(self, value, ctx, path):
        if not isinstance(value, dict):
            required = [k for k, f in self.fields.items() if f.required] or list(self.fields)[:1]
            return wrong(ctx, path, f"a mapping with the keys {', '.join(required)}", value,
                          f"write it as key: value lines, e.g. '{required[0]}: ...'.")
        before = len(ctx.problems)
        for key in value:
            if key not in self.fields:
                hint = did_you_mean(key, self.fields) or f"allowed keys: {', '.join(self.fields)}."
                ctx.fail(path + (key,), f"Expected one of the keys {', '.join(self.fields)} but received "
                         f"the unknown key '{key}'.", hint)
        built = {}
        for name, spec in self.fields.items():
            seen = len(ctx.problems)
            checked = spec.kind.check(value[name], ctx, path + (name,)) if value.get(name) is not None else None
            if checked is None and spec.required and len(ctx.problems) == seen:
                ctx.fail(path, f"Expected the key '{name}' ({spec.doc.rstrip('.')}) but it is missing or empty.",
                         f"add a line '{name}: ...' to this item.")
            if checked is not None:
                built[name] = checked
        if len(ctx.problems) > before:
            return None
        names = {f.name for f in dataclasses.fields(self.cls)}
        return self.cls(**built, **({"origin": ctx.origin(path)} if "origin" in names else {}))

    def json_schema(self):
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [k for k, f in self.fields.items() if f.required],
            "properties": {k: _described(f) for k, f in self.fields.items()},
        }


def _described(spec: Field) -> dict:
    """JSON Schema of one key; optional keys may also be left empty (null)."""
    schema = spec.kind.json_schema()
    if not spec.required:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "description": spec.doc}
