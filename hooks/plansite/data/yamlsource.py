"""Reading one YAML file safely, remembering where every value came from.

PyYAML's constructors are not used: they accept duplicate keys silently,
expand alias bombs, and (unsafe loaders) build Python objects. We compose the
node graph and convert it ourselves, with limits, keeping each node's line and
column in a side table keyed by its path inside the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath

import yaml

from ..i18n import N_, _
from ..text import CONTROL_CHARACTERS, control_name, nfc
from .encodings import guess_legacy_encoding, legacy_font_in_text, utf16_kind
from .problems import DataPath, Problem, describe, format_path

MAX_FILE_BYTES = 2 * 1024 * 1024  # a plan is ~50 KB; 2 MB is a mistake, not a plan
MAX_VALUES = 100_000  # values after alias expansion: stops "billion laughs" early
MAX_DEPTH = 40

_T = "tag:yaml.org,2002:"
# libyaml's parser when present: ~6× faster on a province's plans; same nodes, same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR_TAGS = {_T + "str", _T + "int", _T + "float", _T + "bool", _T + "null", _T + "timestamp"}


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: plain values plus the (line, column) of every path in it."""

    file: str
    value: object
    marks: dict = field(default_factory=dict, compare=False)

    def mark(self, path: DataPath) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: DataPath, message: str, hint: str = "", warning: bool = False) -> Problem:
        """A Problem (or, with `warning`, a warning) located at `path` in this file."""
        line, column = self.mark(path)
        return Problem(self.file, line, column, format_path(path), message, hint, warning)


def legacy_font_problem(font: str) -> tuple[str, str]:
    """(message, hint) for text typed in a legacy Vietnamese font encoding (TCVN3, VNI …)."""
    return (
        _("Expected Unicode Vietnamese but received text typed in the legacy {font} font encoding.").format(font=font),
        _("convert the text from {font} to Unicode (Unikey: 'Công cụ chuyển mã'), then paste it again.").format(
            font=font
        ),
    )


# PyYAML's own words for what stopped it (the phrases its scanner and parser say most), told to editors.
YAML_PHRASES = (
    N_("while scanning a simple key"),
    N_("could not find expected ':'"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("expected <block end>, but found '<block mapping start>'"),
    N_("expected <block end>, but found '<block sequence start>'"),
    N_("expected <block end>, but found '?'"),
    N_("expected <block end>, but found '-'"),
    N_("mapping values are not allowed here"),
    N_("while scanning a quoted scalar"),
    N_("found unexpected end of stream"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("expected ',' or ']', but got '<stream end>'"),
    N_("expected ',' or '}', but got '<stream end>'"),
    N_("while scanning for the next token"),
    N_("found character that cannot start any token"),
    N_("while parsing a block node"),
    N_("expected the node content, but found '<stream end>'"),
)


def yaml_detail(detail: str) -> str:
    """PyYAML's explanation, its known phrases in the reader's language (others as PyYAML writes them)."""
    for phrase in sorted(YAML_PHRASES, key=len, reverse=True):
        detail = detail.replace(phrase, _(phrase))
    return detail


class _Budget(Exception):
    pass


def read_yaml(fs_path: FsPath, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse one file. Returns (document or None, problems); a document with problems (control
    characters in values, taken out) is to be checked but never published."""

    def fail(line: int, column: int, message: str, hint: str = "") -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, column, format_path(()), message, hint)]

    raw = fs_path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return fail(
            1,
            1,
            _("Expected a file of at most {limit} KB but received {size} KB.").format(
                limit=MAX_FILE_BYTES // 1024, size=len(raw) // 1024
            ),
            _("split the data into several files, one plan per file."),
        )
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # a BOM from Windows editors is harmless
    if utf16_kind(raw):  # all-ASCII UTF-16 would even pass for UTF-8, with a NUL after each letter
        return fail(
            1,
            1,
            _("Expected UTF-8 text but the file looks like {encoding} text.").format(
                encoding=guess_legacy_encoding(raw)
            ),
            _("save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)."),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = guess_legacy_encoding(raw)
        return fail(
            line,
            column,
            _(
                "Expected UTF-8 text but received byte {byte}, which is not UTF-8; the file looks like {encoding} text."
            ).format(byte=f"0x{raw[exc.start]:02X}", encoding=guess),
            _(
                "convert the file from {encoding} to Unicode UTF-8 (for example with Unikey's "
                "'Công cụ chuyển mã'), then save it as UTF-8."
            ).format(encoding=guess),
        )
    text = nfc(text)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail(
            1,
            1,
            _("Expected YAML data but received an empty file."),
            _("fill in the file (see docs/huong-dan-bien-tap.md) or delete it."),
        )
    problems = _raw_controls(text, display)
    if problems:
        return None, problems
    for number, line_text in enumerate(text.splitlines(), 1):
        indent = re.match(r"^[ \t]*", line_text).group(0)
        if "\t" in indent:
            problems.append(
                Problem(
                    display,
                    number,
                    indent.index("\t") + 1,
                    format_path(()),
                    _("Expected spaces for indentation but received a tab."),
                    _("YAML does not allow tabs for indentation; use 2 spaces per level."),
                )
            )
    legacy = legacy_font_in_text(text)
    if legacy:
        line, column, font = legacy
        problems.append(Problem(display, line, column, format_path(()), *legacy_font_problem(font)))
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = ", ".join(x for x in (exc.context, exc.problem) if x)
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            detail += " " + _("(the construct started at line {line}, column {column})").format(
                line=exc.context_mark.line + 1, column=exc.context_mark.column + 1
            )
        return fail(
            mark.line + 1,
            mark.column + 1,
            _("Expected valid YAML but the parser stopped: {detail}.").format(detail=yaml_detail(detail)),
            _("check the indentation and the quoting on this line and the one before it."),
        )
    except yaml.YAMLError as exc:
        return fail(
            1, 1, _("Expected valid YAML but the parser stopped: {detail}.").format(detail=yaml_detail(str(exc)))
        )
    except RecursionError:
        return fail(1, 1, _("Expected YAML nested a few levels deep but received nesting too deep to read."))
    if node is None:
        return fail(1, 1, _("Expected YAML data but received an empty file."), _("fill in the file or delete it."))
    doc = YamlDocument(display, None, {})
    converter = _Converter(doc)
    try:
        value = converter.convert(node, ())
    except _Budget:
        return fail(
            1,
            1,
            _("Expected at most {limit} values but the YAML aliases (*name) in this file expand to more.").format(
                limit=MAX_VALUES
            ),
            _("write the values out in full; plan data does not need &anchors or *aliases."),
        )
    if converter.problems:
        return None, converter.problems
    # Control characters: told, and taken out of the values, so that the file's other checks still run.
    return YamlDocument(display, value, doc.marks), converter.controls


def read_text_problems(fs_path: FsPath, display: str) -> list[Problem]:
    """The problems of a plain text file that is published as it is (a plan's signed text): not UTF-8, or
    holding control characters (at their line and column)."""
    raw = fs_path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8") if not utf16_kind(raw) else None
    except UnicodeDecodeError:
        text = None
    if text is None:
        guess = guess_legacy_encoding(raw)
        return [
            Problem(
                display,
                1,
                1,
                format_path(()),
                _("Expected UTF-8 text but the file looks like {encoding} text.").format(encoding=guess),
                _(
                    "convert the file from {encoding} to Unicode UTF-8 (for example with Unikey's "
                    "'Công cụ chuyển mã'), then save it as UTF-8."
                ).format(encoding=guess),
            )
        ]
    return _raw_controls(text, display)


CONTROL_HINT = N_(
    "delete it: a control character (typed invisibly, or written \\0, \\a, \\e … in quotes) is not "
    "text. Only tabs and line breaks are allowed, in fields of several lines."
)


def _raw_controls(text: str, display: str) -> list[Problem]:
    """A problem at the line and column of every control character in the file's text itself."""
    problems = []
    for match in CONTROL_CHARACTERS.finditer(text):
        at = match.start()
        line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        problems.append(
            Problem(
                display,
                line,
                column,
                format_path(()),
                _("Expected text without control characters but received {found}.").format(
                    found=control_name(match.group())
                ),
                _(CONTROL_HINT),
            )
        )
    return problems


class _Converter:
    """Turns composed nodes into dicts, lists and scalars, within limits."""

    def __init__(self, doc: YamlDocument):
        self.doc = doc
        self.count = 0
        self.problems: list[Problem] = []
        self.controls: list[Problem] = []  # control characters in values: the values are checked without them

    def convert(self, node: yaml.Node, path: DataPath, depth: int = 0) -> object:
        self.count += 1
        if self.count > MAX_VALUES or depth > MAX_DEPTH:
            raise _Budget
        self.doc.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _T + "seq":
                return self._bad_tag(node, path)
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            return self._bad_tag(node, path)
        value = _scalar(node)
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            return self._control(node, path, value)
        return value

    def _control(self, node: yaml.Node, path: DataPath, value: str) -> str:
        """A value that holds a control character (written as an escape such as "\\e" in quotes): the
        problem, and the value without it."""
        at = CONTROL_CHARACTERS.search(value).start()
        self.controls.append(
            Problem(
                self.doc.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                format_path(path),
                _(
                    "Expected text without control characters but received {found} at character {position} of {value}."
                ).format(found=control_name(value[at]), position=at + 1, value=describe(value)),
                _(CONTROL_HINT),
            )
        )
        return CONTROL_CHARACTERS.sub("", value)

    def _mapping(self, node: yaml.MappingNode, path: DataPath, depth: int) -> dict:
        if node.tag != _T + "map":
            return self._bad_tag(node, path)
        result: dict = {}
        first_seen: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _T + "str":
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                merge = key_node.tag == _T + "merge"
                self.problems.append(
                    Problem(
                        self.doc.file,
                        line,
                        column,
                        format_path(path),
                        _("Expected a plain text key but received a merge key (<<).")
                        if merge
                        else _("Expected a plain text key but received a non-text key."),
                        _("write each key out as plain text."),
                    )
                )
                continue
            key = nfc(key_node.value)
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in first_seen:
                self.problems.append(
                    Problem(
                        self.doc.file,
                        line,
                        column,
                        format_path(path + (key,)),
                        _("Expected each key once but received '{key}' again (first at line {line}).").format(
                            key=key, line=first_seen[key]
                        ),
                        _("delete one of the two, or merge their contents."),
                    )
                )
                continue
            first_seen[key] = line
            self.doc.marks[path + (key,)] = (line, column)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def _bad_tag(self, node: yaml.Node, path: DataPath) -> None:
        tag = node.tag.replace(_T, "!!")
        self.problems.append(
            Problem(
                self.doc.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                format_path(path),
                _("Expected plain YAML values but received the tag '{tag}'.").format(tag=tag),
                _("remove the tag; plan data uses only text, numbers, lists and mappings."),
            )
        )
        return None


def _scalar(node: yaml.ScalarNode) -> object:
    """Scalars as Python values; dates stay text so validation can explain bad ones."""
    tag, raw = node.tag, node.value
    if tag == _T + "null":
        return None
    if tag == _T + "bool":
        return raw.lower() in ("true", "yes", "on", "y")
    if tag == _T + "int":
        try:
            return int(raw.replace("_", ""), 0)
        except ValueError:
            return nfc(raw)
    if tag == _T + "float":
        try:
            return float(raw.replace("_", ""))
        except ValueError:
            return nfc(raw)
    return nfc(raw)
