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

from ..i18n import N_, _, named
from ..text import is_slug, slugify
from .model import Origin
from .problems import DataPath, Problem, describe, did_you_mean
from .yamlsource import YamlDocument


@dataclass
class Context:
    """What checking one file accumulates: problems, and references to resolve later."""

    doc: YamlDocument
    data_dir: FsPath | None = None  # plan_data/, for checks that look at other files
    problems: list[Problem] = field(default_factory=list)
    refs: list[tuple[str, str, DataPath]] = field(default_factory=list)  # (target kind, id, path)

    def fail(self, path: DataPath, message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(path, message, hint))

    def origin(self, path: DataPath) -> Origin:
        return Origin(self.doc.file, *self.doc.mark(path))


def wrong(ctx: Context, path: DataPath, expected: str, value: object, hint: str = "") -> None:
    """The problem 'Expected … but received …'; `expected` is already in the reader's language."""
    ctx.fail(
        path, _("Expected {expected} but received {found}.").format(expected=expected, found=describe(value)), hint
    )


def key_phrase(key: str) -> str:
    """ "the key 'reason'": how messages name a key, so that the report import can name its column instead."""
    return _("the key '{key}'").format(key=key)


def key_example(key: str) -> str:
    """ "'reason: …'": a key's line to write, as a hint shows it (the report import names the column instead)."""
    return _("'{key}: …'").format(key=key)


def remove_phrase(key: str) -> str:
    """ "remove 'progress'": a hint to delete a key (the report import says to empty its column instead)."""
    return _("remove '{key}'").format(key=key)


class Kind:
    """Base of all value kinds. `expected` is an English msgid (N_), translated by `expecting()` when shown."""

    expected = N_("a value")

    def expecting(self) -> str:
        """What this kind expects, in the reader's language."""
        return _(self.expected)

    def check(self, value: object, ctx: Context, path: DataPath) -> object:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


class Text(Kind):
    """Plain text, shown as text (never as HTML or Markdown)."""

    expected = N_("text")

    def check(self, value, ctx, path):
        if isinstance(value, str):
            return value.strip() or None
        hint = (
            _("put the value in quotes, e.g. '294'.")
            if isinstance(value, (int, float, bool))
            else (
                _("write it as one text; lists are only allowed where the guide says so.")
                if isinstance(value, list)
                else ""
            )
        )
        wrong(ctx, path, self.expecting(), value, hint)

    def json_schema(self):
        return {"type": "string", "minLength": 1}


class Slug(Text):
    """A stable id: lower-case ASCII words joined by '-', used in addresses."""

    expected = N_("an id of lower-case ASCII letters, digits and '-'")

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is not None and not is_slug(text):
            suggestion = slugify(text)
            wrong(
                ctx,
                path,
                self.expecting(),
                text,
                _("ids become web addresses; write '{suggestion}'.").format(suggestion=suggestion)
                if suggestion
                else _("use letters a-z and digits."),
            )
            return None
        return text

    def json_schema(self):
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


# What a reference names, and where such records live: the id expected, the record to add (msgids), the
# file or folder (or both: see `ref_places`).
REF_TARGETS = {
    "agency": (N_("the id of an agency"), N_("the agency"), ("plan_data/agencies.yaml", "plan_data/agencies/")),
    "legal": (N_("the id of a legal document"), N_("the legal document"), ("plan_data/legal.yaml", "plan_data/legal/")),
    "place": (N_("the id of a place"), N_("the place"), ("plan_data/places.yaml",)),
    "plan": (N_("the id of a plan"), N_("the plan"), ("plan_data/plans/",)),
}


def ref_places(target: str) -> str:
    """Where records of a kind live: 'plan_data/agencies.yaml or plan_data/agencies/', in the reader's language."""
    places = REF_TARGETS[target][2]
    return places[0] if len(places) == 1 else _(" or ").join(places)


class Ref(Slug):
    """The id of a record in a registry (agencies.yaml or legal.yaml), resolved after loading."""

    def __init__(self, target: str):
        self.target = target
        self.expected = REF_TARGETS[target][0]

    def check(self, value, ctx, path):
        ident = super().check(value, ctx, path)
        if ident is not None:
            ctx.refs.append((self.target, ident, path))
        return ident


class Enum(Text):
    """One of a fixed set of values; `choices` maps each value to its Vietnamese label."""

    def __init__(self, choices: dict[str, str], aliases: dict[str, str] | None = None):
        self.choices, self.aliases = choices, aliases or {}  # aliases: words people write → the value meant

    def expecting(self) -> str:
        """'one of …', each value with its label: "thường xuyên (`ongoing`)"."""
        return _("one of {choices}").format(choices=", ".join(named(c, label) for c, label in self.choices.items()))

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None or text in self.choices:
            return text
        meant = self.aliases.get(text)
        close = did_you_mean(text, self.choices)
        hint = _("write {value}.").format(value=named(meant, self.choices[meant])) if meant else close
        wrong(ctx, path, self.expecting(), text, hint)

    def json_schema(self):
        return {"enum": list(self.choices)}


class List(Kind):
    """A YAML list of items of one kind."""

    def __init__(self, item: Kind):
        self.item = item

    def expecting(self) -> str:
        return _("a list, each item {item}").format(item=self.item.expecting())

    def check(self, value, ctx, path):
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "..."
            return wrong(
                ctx,
                path,
                self.expecting(),
                value,
                _("write a list, one item per line: '- {example}'.").format(example=example),
            )
        items = [self.item.check(v, ctx, path + (i,)) for i, v in enumerate(value)]
        return tuple(x for x in items if x is not None)

    def json_schema(self):
        return {"type": "array", "items": self.item.json_schema()}


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its kind, whether it is required, and what it means. `doc` is an English
    msgid (extracted by `make messages`); '{choices}' in it stands for the values of the kind's
    vocabulary, and `params` fills any other field it names, e.g. (("limit", 300),)."""

    kind: Kind
    doc: str
    required: bool = False
    params: tuple = ()

    def meaning(self, translated: bool = True) -> str:
        """What the key means: in the reader's language (values with their labels), or as the JSON
        Schemas describe it (English, the values' ids)."""
        choices = getattr(self.kind, "choices", None) or getattr(getattr(self.kind, "item", None), "choices", {})
        if not translated:
            return self.doc.format(choices=", ".join(choices), **dict(self.params))
        listed = ", ".join(named(c, label) for c, label in choices.items())
        return _(self.doc).format(choices=listed, **dict(self.params))


class Obj(Kind):
    """A mapping with known keys, built into the dataclass `cls`."""

    def __init__(self, cls: type, fields: dict[str, Field]):
        self.cls, self.fields = cls, fields

    def expecting(self) -> str:
        return _("a mapping with keys {keys}").format(keys=", ".join(self.fields))

    def check(self, value, ctx, path):
        if not isinstance(value, dict):
            required = [k for k, f in self.fields.items() if f.required] or list(self.fields)[:1]
            return wrong(
                ctx,
                path,
                _("a mapping with the keys {keys}").format(keys=", ".join(required)),
                value,
                _("write it as key: value lines, e.g. '{key}: ...'.").format(key=required[0]),
            )
        before = len(ctx.problems)
        for key in value:
            if key not in self.fields:
                hint = did_you_mean(key, self.fields) or _("allowed keys: {keys}.").format(keys=", ".join(self.fields))
                ctx.fail(
                    path + (key,),
                    _("Expected one of the keys {keys} but received the unknown key '{key}'.").format(
                        keys=", ".join(self.fields), key=key
                    ),
                    hint,
                )
        built = {}
        for name, spec in self.fields.items():
            seen = len(ctx.problems)
            checked = spec.kind.check(value[name], ctx, path + (name,)) if value.get(name) is not None else None
            if checked is None and spec.required and len(ctx.problems) == seen:
                ctx.fail(
                    path,
                    _("Expected {the_key} ({meaning}) but it is missing or empty.").format(
                        the_key=key_phrase(name), meaning=spec.meaning().rstrip(".")
                    ),
                    _("add a line '{key}: ...' to this item.").format(key=name),
                )
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
    return {**schema, "description": spec.meaning(translated=False)}
