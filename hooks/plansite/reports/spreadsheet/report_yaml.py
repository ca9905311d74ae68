"""Writing a report file (plan_data/reports/<plan>/<period>/<reporter>.yaml) as an editor would: keys in the
schema's order, block style, Vietnamese as is, multi-line text as literal blocks, nothing folded."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from ...data.schema_kinds import List, Obj
from ..schema import REPORT_FILE

SCHEMA_LINE = "# yaml-language-server: $schema=../../../../schemas/report.schema.json"  # from reports/<plan>/<period>/


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as the plan files are written."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(str, _text)
_Dumper.add_representer(dt.date, _date)


def in_schema_order(value, kind=REPORT_FILE):
    """`value` with every mapping's keys in the order the schema declares them; an unknown key is a bug."""
    if isinstance(kind, Obj) and isinstance(value, dict):
        unknown = set(value) - set(kind.fields)
        if unknown:
            raise ValueError(f"keys not in the report schema: {sorted(unknown)}")
        return {k: in_schema_order(value[k], f.kind) for k, f in kind.fields.items() if value.get(k) is not None}
    if isinstance(kind, List) and isinstance(value, (list, tuple)):
        return [in_schema_order(v, kind.item) for v in value]
    return value


def report_yaml(report: dict, source: str) -> str:
    """The text of a report file, with a header saying which CSV it was imported from."""
    source = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", " ", source)
    body = yaml.dump(
        in_schema_order(report),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
    )
    header = (
        f"{SCHEMA_LINE}\n"
        f"# Imported from {source} by `python -m plansite import-report`. Keys: docs/huong-dan-bien-tap.md.\n"
    )
    return header + body
