"""The Vietnamese catalogue is complete and faithful: every message in the code has a translation, each
translation keeps its msgid's placeholders, and the developer switch gives English.

A new message fails `test_every_message_in_the_code_is_translated` with the list of its msgids: run
`make messages` (adds them to the .po), translate them in hooks/plansite/locale/vi/LC_MESSAGES/plansite.po.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from plansite import i18n
from plansite.data.schema_kinds import Field, List, Obj
from plansite.i18n_extract import all_messages, schema_texts
from plansite.reports.project import FILE_KINDS

ROOT = Path(__file__).resolve().parent.parent


def _catalogue():
    with i18n.po_path().open("rb") as po:
        return read_po(po, locale="vi")


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(message.id) and not message.fuzzy and all(s.strip() for s in strings)


def _key(message) -> str:
    return message if isinstance(message, str) else message[0]


def test_every_message_in_the_code_is_translated():
    catalogue = _catalogue()
    done = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue if _translated(m)}
    untranslated = sorted({_key(m) for m in all_messages()} - done)
    assert not untranslated, (
        f"{len(untranslated)} message(s) without a Vietnamese translation; run `make messages`, then translate "
        f"them in {i18n.po_path().relative_to(ROOT)}:\n" + "\n".join(f"  msgid {m!r}" for m in untranslated)
    )


def test_the_schema_texts_are_found():
    """The walk finds the docs nested inside other Fields (which Babel's extraction alone misses)."""
    texts = schema_texts()
    assert "Stable id of the place, e.g. 'ke-sat', 'hai-phong'." in texts and "a number of days" in texts
    assert len(texts) > 120


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)\}", text) + re.findall(r"%(?:\((\w+)\))?[sdr]", text))


def test_translations_keep_the_placeholders():
    wrong = []
    for message in _catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if string and _fields(string) != _fields(ids[-1]) and _fields(string) != _fields(ids[0]):
                wrong.append(f"  msgid {ids[0]!r}: {_fields(ids[0])} but the translation has {_fields(string)}")
    assert not wrong, "translations whose {fields} differ from their msgid's:\n" + "\n".join(wrong)


def test_no_translation_is_left_over_from_a_removed_message():
    code = {_key(m) for m in all_messages()}
    assert [_key(m.id) for m in _catalogue() if m.id and _key(m.id) not in code] == []


def test_every_schema_meaning_formats_in_both_languages(monkeypatch):
    """A Field's meaning is formatted (choices, limits) in Vietnamese, with the ids and their labels."""
    for lang in ("vi", "en"):
        monkeypatch.setenv(i18n.LANG_ENV, lang)
        stack = list(FILE_KINDS.values())
        while stack:
            kind = stack.pop()
            if isinstance(kind, Obj):
                for spec in kind.fields.values():
                    assert isinstance(spec, Field) and "{" not in spec.meaning()
                    stack.append(spec.kind)
            elif isinstance(kind, List):
                stack.append(kind.item)
    monkeypatch.setenv(i18n.LANG_ENV, "vi")
    kind = FILE_KINDS["plan"].fields["content"].kind.fields["sections"].kind.item.fields["tasks"].kind.item
    timing = kind.fields["timing"].kind.fields["kind"]
    assert "thường xuyên (`ongoing`)" in timing.meaning()


@pytest.mark.parametrize(
    "lang, expected",
    [
        (None, "Cần"),  # the default: what editors read
        ("vi", "Cần"),
        ("en", "Expected at least one plan file"),
        ("EN ", "Expected at least one plan file"),
    ],
)
def test_the_one_switch_picks_the_language(tmp_path, lang, expected):
    (tmp_path / "plan_data" / "plans").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k != i18n.LANG_ENV} | {"PYTHONPATH": str(ROOT / "hooks")}
    if lang is not None:
        env[i18n.LANG_ENV] = lang
    result = subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    if expected.startswith("Cần"):
        assert "Cần ít nhất một tệp kế hoạch (*.yaml)" in result.stderr and "Expected" not in result.stderr
        assert "Gợi ý: " in result.stderr
    else:
        assert expected in result.stderr and "Hint: " in result.stderr


# Calls that take a message or hint an editor reads: a text written straight into them is not in the catalogue.
_MESSAGE_CALLS = {"problem", "fail", "Problem", "CsvProblem", "UsageError", "wrong", "print", "error"}
_TRANSLATING_CALLS = {"_", "N_", "ngettext", "N_plural"}


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _prose(node: ast.AST) -> str:
    """The literal text of a str constant or f-string that reads as a sentence, else ''."""
    parts = [node] if isinstance(node, ast.Constant) else node.values if isinstance(node, ast.JoinedStr) else []
    text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    return text if len(text.split()) >= 3 else ""


def test_no_message_is_written_outside_the_catalogue():
    """A message written as a plain (f-)string where editors read it, e.g. a new check's
    `doc.problem(path, f"Expected …")`, is listed here: wrap it in _() and run `make messages`."""
    found = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        translated = {
            id(arg)
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and _name(call) in _TRANSLATING_CALLS
            for arg in call.args
        }
        translated |= {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            literal = (
                [a for a in call.args if id(a) not in translated and _prose(a)] if _name(call) in _MESSAGE_CALLS else []
            )
            literal += [
                n
                for n in ast.walk(call)
                if isinstance(n, (ast.Constant, ast.JoinedStr))
                and id(n) not in translated
                and _prose(n).startswith("Expected ")
            ]
            found += [f"  {path.relative_to(ROOT)}:{n.lineno}: {_prose(n)[:70]!r}" for n in literal]
    assert not found, "messages outside the catalogue (wrap them in _()):\n" + "\n".join(sorted(set(found)))
