"""A small declarative schema: each kind of value checks itself and describes itself as JSON Schema.

One description serves three readers: the validator (problems with paths and
hints), the JSON Schemas in `schemas/` (completion in editors) and the test
that keeps the editor's guide complete.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
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


def _wrong(ctx: Context, path: Path, expected: str, value: object, hint: str = "") -> None:
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
        _wrong(ctx, path, self.expected, value, hint)

    def json_schema(self):
        return {"type": "string", "minLength": 1}


class Line(Text):
    """Text on one line: names, numbers, titles. Line breaks and other control characters are refused
    (a name with a line break could forge lines in the calendar and CSV exports)."""

    expected = "text on one line"

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        bad = next((i for i, ch in enumerate(text) if unicodedata.category(ch) in ("Cc", "Zl", "Zp")), None)
        if bad is None:
            return text
        code = f"U+{ord(text[bad]):04X}"
        ctx.fail(path, f"Expected {self.expected} but received a control character ({code}, "
                       f"{'a line break' if text[bad] in chr(10) + chr(13) + chr(0x2028) + chr(0x2029) else 'not printable'}) "
                       f"at character {bad + 1} of {describe(text)}.",
                 "names, ids, numbers and titles are one line; replace line breaks with a space and delete other "
                 "control characters.")
        return None

    def json_schema(self):
        return {**super().json_schema(), "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"}


class SourceFile(Text):
    """The file name of a plan's signed text in plan_data/sources/; the file must exist."""

    expected = "a file name in plan_data/sources/ ending in .txt"

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*\.txt", text):
            _wrong(ctx, path, self.expected, text, "write only the file name, e.g. 'ke-hoach-294.txt', "
                                                   "and keep the file in plan_data/sources/.")
            return None
        if ctx.data_dir is not None and not (ctx.data_dir / "sources" / text).is_file():
            ctx.fail(path, f"Expected the file plan_data/sources/{text} but it does not exist.",
                     "put the signed text, as received, in plan_data/sources/ under this name.")
            return None
        return text

    def json_schema(self):
        return {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*\.txt$"}


class Slug(Text):
    """A stable id: lower-case ASCII words joined by '-', used in addresses."""

    expected = "an id of lower-case ASCII letters, digits and '-'"

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is not None and not is_slug(text):
            suggestion = slugify(text)
            _wrong(ctx, path, self.expected, text,
                   f"ids become web addresses; write '{suggestion}'." if suggestion else "use letters a-z and digits.")
            return None
        return text

    def json_schema(self):
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


class Id(Slug):
    """A record's own id: a slug that is not one of the words the site uses for its own pages
    ('danh-sach', 'trang-2', 'phu-luc' …), which would collide with or shadow those pages."""

    def __init__(self, reserved: frozenset[str], reserved_pattern: str):
        self.reserved, self.reserved_pattern = reserved, reserved_pattern

    def check(self, value, ctx, path):
        ident = super().check(value, ctx, path)
        if ident is not None and (ident in self.reserved or re.fullmatch(self.reserved_pattern, ident)):
            _wrong(ctx, path, "an id that is not a word the site uses in its own addresses", ident,
                   f"add a word, e.g. '{ident}-1' or a name: the site uses '{ident}' for its own pages.")
            return None
        return ident

    def json_schema(self):
        reserved = {"anyOf": [{"enum": sorted(self.reserved)}, {"pattern": f"^{self.reserved_pattern}$"}]}
        return {**super().json_schema(), "not": reserved}


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


class Int(Kind):
    """A whole number (used for years)."""

    expected = "a year such as 2025"

    def check(self, value, ctx, path):
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return value
        _wrong(ctx, path, self.expected, value, "write the year as four digits, without quotes.")

    def json_schema(self):
        return {"type": "integer", "minimum": 1900, "maximum": 2200}


class Number(Kind):
    """A number within bounds: a quantity, a percentage, a month or quarter."""

    def __init__(self, low: float, high: float, integer: bool = False, expected: str = "a number"):
        self.low, self.high, self.integer = low, high, integer
        self.expected = expected

    def check(self, value, ctx, path):
        ok_type = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if ok_type and not isinstance(value, bool) and self.low <= value <= self.high:
            return value
        hint = f"write a {'whole ' if self.integer else ''}number from {self.low:g} to {self.high:g}, without quotes."
        _wrong(ctx, path, self.expected, value, hint)

    def json_schema(self):
        return {"type": "integer" if self.integer else "number", "minimum": self.low, "maximum": self.high}


class Bool(Kind):
    """yes/no, written true or false."""

    expected = "true or false"

    def check(self, value, ctx, path):
        if isinstance(value, bool):
            return value
        _wrong(ctx, path, self.expected, value, "write true or false, without quotes.")

    def json_schema(self):
        return {"type": "boolean"}


class Date(Kind):
    """A calendar date written yyyy-mm-dd."""

    expected = "a date written yyyy-mm-dd"

    def check(self, value, ctx, path):
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return _wrong(ctx, path, "a date that exists", text, "check the day and month.")
        dmy = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text) if isinstance(text, str) else None
        if dmy:
            day, month, year = (int(g) for g in dmy.groups())
            try:
                iso = dt.date(year, month, day).isoformat()
                hint = f"it is written dd/mm/yyyy; write '{iso}'."
            except ValueError:
                hint = "it is written dd/mm/yyyy, and that day does not exist either; check the source."
            return _wrong(ctx, path, self.expected, text, hint)
        _wrong(ctx, path, self.expected, text, "for 11 November 2025 write '2025-11-11'.")

    def json_schema(self):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


class Url(Text):
    """An http(s) address or a site-relative path; nothing else may become a link."""

    expected = "an address starting with https://, http:// or /"

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        if re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s<>\"'`]*)?", text) or re.fullmatch(
                r"/(?!/)[^\s<>\"'`\\]*", text):
            return text
        _wrong(ctx, path, self.expected, text, "only web links (http/https) and site paths are allowed.")

    def json_schema(self):
        return {"type": "string", "pattern": "^(https?://|/(?!/))"}


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
        _wrong(ctx, path, self.expected, text, hint)

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
            return _wrong(ctx, path, self.expected, value, f"write a list, one item per line: '- {example}'.")
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
            return _wrong(ctx, path, f"a mapping with the keys {', '.join(required)}", value,
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
