"""The catalogue's template: every msgid the code can show, for `make messages` and tests/test_messages.py.

    python -m plansite.i18n_extract .cache/plansite.pot

Two sources, one list: Babel's extraction from the source (`_`, `N_`, `ngettext`, `N_plural`, and the
doc of a `Field(kind, doc)`), and the schema texts found by walking the file kinds at run time, since
Babel does not look inside a keyword call nested in another (a Field within a Field's kind).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import write_po

HOOKS = Path(__file__).resolve().parent.parent
KEYWORDS = {**DEFAULT_KEYWORDS, "N_plural": (1, 2), "Field": (2,)}


def source_messages() -> set[str | tuple[str, str]]:
    """The msgids written in hooks/ (a plural as (singular, plural))."""
    found = extract_from_dir(str(HOOKS), method_map=[("**.py", "python")], keywords=KEYWORDS)
    return {message for _, _, message, _, _ in found if message}


def schema_texts() -> set[str]:
    """Every Field doc and every kind's `expected` msgid reachable from the data file kinds."""
    from .data.schema_kinds import List, Obj
    from .reports.project import FILE_KINDS

    found, seen, stack = set(), set(), list(FILE_KINDS.values())
    while stack:
        kind = stack.pop()
        if id(kind) in seen:
            continue
        seen.add(id(kind))
        if isinstance(getattr(kind, "expected", None), str):
            found.add(kind.expected)
        if isinstance(kind, Obj):
            for spec in kind.fields.values():
                found.add(spec.doc)
                stack.append(spec.kind)
        elif isinstance(kind, List):
            stack.append(kind.item)
    return found


def all_messages() -> set[str | tuple[str, str]]:
    """Every msgid of the catalogue: the source's and the schema's."""
    return source_messages() | schema_texts()


def write_template(path: Path) -> None:
    """The .pot file, msgids sorted and without source locations (fewer conflicts between branches)."""
    catalog = Catalog(project="plansite", charset="utf-8")
    for message in sorted(all_messages(), key=lambda m: m if isinstance(m, str) else m[0]):
        catalog.add(message)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, sort_output=True, omit_header=False)


if __name__ == "__main__":
    write_template(Path(sys.argv[1] if len(sys.argv) > 1 else ".cache/plansite.pot"))
