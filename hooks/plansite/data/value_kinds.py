"""Kinds of single values: one-line text, reserved-word ids, numbers, yes/no, dates, addresses, files.

Each checks itself (problems with paths and hints) and describes itself as JSON Schema, like the
structural kinds in `schema_kinds`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..i18n import N_, _
from .paths import SOURCES_DIR
from .problems import describe
from .schema_kinds import Kind, Slug, Text, wrong


class Line(Text):
    """Text on one line: names, numbers, titles. Line breaks and other control characters are refused
    (a name with a line break could forge lines in the calendar and CSV exports)."""

    expected = N_("text on one line")

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        bad = next((i for i, ch in enumerate(text) if unicodedata.category(ch) in ("Cc", "Zl", "Zp")), None)
        if bad is None:
            return text
        kind = _("a line break") if text[bad] in chr(10) + chr(13) + chr(0x2028) + chr(0x2029) else _("not printable")
        ctx.fail(
            path,
            _(
                "Expected {expected} but received a control character ({code}, {kind}) at character "
                "{position} of {found}."
            ).format(
                expected=self.expecting(),
                code=f"U+{ord(text[bad]):04X}",
                kind=kind,
                position=bad + 1,
                found=describe(text),
            ),
            _(
                "names, ids, numbers and titles are one line; replace line breaks with a space and delete other "
                "control characters."
            ),
        )
        return None

    def json_schema(self):
        return {**super().json_schema(), "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"}


class Label(Line):
    """A letter or number that labels a clause or task ('a', 'b', 'đ', '1'). A dash item has no label:
    "-" written as a label would render as "-) …" and number the task "1.-"."""

    expected = N_("a letter or number such as 'a' (no label for a dash item)")

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None or any(ch.isalnum() for ch in text):
            return text
        wrong(
            ctx,
            path,
            self.expecting(),
            text,
            _(
                "a dash item ('- …' in the source) has no label: delete the line "
                "'label: …'; the site shows it as a dash list."
            ),
        )
        return None

    def json_schema(self):
        # Not only dashes, bullets and dots (JSON Schema has no portable "letter" class).
        return {
            **super().json_schema(),
            "pattern": "^(?![-\u2013\u2014\u2022+*.)\\s]*$)[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$",
        }


class SourceFile(Text):
    """The file name of a plan's signed text in plan_data/sources/; the file must exist."""

    expected = N_("a file name in plan_data/sources/ ending in .txt")

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*\.txt", text):
            wrong(
                ctx,
                path,
                self.expecting(),
                text,
                _("write only the file name, e.g. 'ke-hoach-294.txt', and keep the file in plan_data/sources/."),
            )
            return None
        if ctx.data_dir is not None and not (ctx.data_dir / SOURCES_DIR / text).is_file():
            ctx.fail(
                path,
                _("Expected the file {file} but it does not exist.").format(file=f"plan_data/sources/{text}"),
                _("put the signed text, as received, in plan_data/sources/ under this name."),
            )
            return None
        return text

    def json_schema(self):
        return {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*\.txt$"}


class Id(Slug):
    """A record's own id: a slug that is not one of the words the site uses for its own pages
    ('danh-sach', 'trang-2', 'phu-luc' …), which would collide with or shadow those pages."""

    def __init__(self, reserved: frozenset[str], reserved_pattern: str):
        self.reserved, self.reserved_pattern = reserved, reserved_pattern

    def check(self, value, ctx, path):
        ident = super().check(value, ctx, path)
        if ident is not None and (ident in self.reserved or re.fullmatch(self.reserved_pattern, ident)):
            wrong(
                ctx,
                path,
                _("an id that is not a word the site uses in its own addresses"),
                ident,
                _("add a word, e.g. '{id}-1' or a name: the site uses '{id}' for its own pages.").format(id=ident),
            )
            return None
        return ident

    def json_schema(self):
        reserved = {"anyOf": [{"enum": sorted(self.reserved)}, {"pattern": f"^{self.reserved_pattern}$"}]}
        return {**super().json_schema(), "not": reserved}


class Int(Kind):
    """A whole number (used for years)."""

    expected = N_("a year such as 2025")

    def check(self, value, ctx, path):
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
            return value
        wrong(ctx, path, self.expecting(), value, _("write the year as four digits, without quotes."))

    def json_schema(self):
        return {"type": "integer", "minimum": 1900, "maximum": 2200}


class Number(Kind):
    """A number within bounds: a quantity, a percentage, a month or quarter."""

    def __init__(self, low: float, high: float, integer: bool = False, expected: str = N_("a number")):
        self.low, self.high, self.integer = low, high, integer
        self.expected = expected

    def check(self, value, ctx, path):
        ok_type = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if ok_type and not isinstance(value, bool) and self.low <= value <= self.high:
            return value
        hint = (
            _("write a whole number from {low} to {high}, without quotes.")
            if self.integer
            else _("write a number from {low} to {high}, without quotes.")
        ).format(low=f"{self.low:g}", high=f"{self.high:g}")
        wrong(ctx, path, self.expecting(), value, hint)

    def json_schema(self):
        return {"type": "integer" if self.integer else "number", "minimum": self.low, "maximum": self.high}


class Bool(Kind):
    """yes/no, written true or false."""

    expected = N_("true or false")

    def check(self, value, ctx, path):
        if isinstance(value, bool):
            return value
        wrong(ctx, path, self.expecting(), value, _("write true or false, without quotes."))

    def json_schema(self):
        return {"type": "boolean"}


class Date(Kind):
    """A calendar date written yyyy-mm-dd."""

    expected = N_("a date written yyyy-mm-dd")

    def check(self, value, ctx, path):
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return wrong(ctx, path, _("a date that exists"), text, _("check the day and month."))
        dmy = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text) if isinstance(text, str) else None
        if dmy:
            day, month, year = (int(g) for g in dmy.groups())
            try:
                iso = dt.date(year, month, day).isoformat()
                hint = _("it is written dd/mm/yyyy; write '{iso}'.").format(iso=iso)
            except ValueError:
                hint = _("it is written dd/mm/yyyy, and that day does not exist either; check the source.")
            return wrong(ctx, path, self.expecting(), text, hint)
        wrong(ctx, path, self.expecting(), text, _("for 11 November 2025 write '2025-11-11'."))

    def json_schema(self):
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


class Url(Text):
    """An http(s) address or a site-relative path; nothing else may become a link."""

    expected = N_("an address starting with https://, http:// or /")

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None:
            return None
        if re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?(/[^\s<>\"'`]*)?", text) or re.fullmatch(
            r"/(?!/)[^\s<>\"'`\\]*", text
        ):
            return text
        wrong(ctx, path, self.expecting(), text, _("only web links (http/https) and site paths are allowed."))

    def json_schema(self):
        return {"type": "string", "pattern": "^(https?://|/(?!/))"}


class Email(Line):
    """An e-mail address (for a mailto: link)."""

    expected = N_("an e-mail address such as ten@example.gov.vn")

    def check(self, value, ctx, path):
        text = super().check(value, ctx, path)
        if text is None or re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", text):
            return text
        wrong(ctx, path, self.expecting(), text, _("write the address alone, without 'mailto:' or a name."))

    def json_schema(self):
        return {"type": "string", "pattern": r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"}
