"""Decap CMS fields from the schema kinds (data/schema_kinds.py, data/value_kinds.py): the same keys, kinds,
required keys, choices, bounds and patterns that `make check` applies, so the form and the check agree.

A reference to a record (`Ref`) becomes a choice among the records of the loaded project, named as the
site names them; `make check` still checks every value the form writes.
"""

from __future__ import annotations

from ..data.model import Project
from ..data.schema_kinds import Enum, Kind, List, Obj, Ref, Slug, Text
from ..data.value_kinds import Bool, Date, Int, Line, Number, Url
from ..site.html.labels import plan_title, task_title
from .labels import PATTERN_MESSAGES


def choices(project: Project) -> dict[str, list[dict]]:
    """What a reference may name, as {label, value} options, in the project's order."""
    plans = {p.id: p for p in project.plans}
    tasks = {}
    for plan in project.plans:
        for task in plan.tasks:
            tasks.setdefault(
                task.id, f"{task_title(plan, task)} ({task.id})" + (f" — {plan.id}" if len(plans) > 1 else "")
            )
    return {
        "agency": [{"label": f"{a.name} ({a.id})", "value": a.id} for a in project.agencies],
        "place": [{"label": f"{p.name} ({p.id})", "value": p.id} for p in project.places],
        "legal": [{"label": f"{d.title} ({d.id})", "value": d.id} for d in project.documents],
        "plan": [{"label": f"{plan_title(p)} ({p.id})", "value": p.id} for p in plans.values()],
        "task": [{"label": label, "value": ident} for ident, label in tasks.items()],
    }


def _widget(kind: Kind, options: dict[str, list[dict]], refers_to: str | None) -> dict:
    """The widget settings of one kind (without name, label, hint)."""
    if isinstance(kind, Enum):
        return {
            "widget": "select",
            "options": [{"label": f"{label} ({value})", "value": value} for value, label in kind.choices.items()],
        }
    target = kind.target if isinstance(kind, Ref) else refers_to
    if target and options.get(target):
        return {"widget": "select", "options": options[target]}
    if isinstance(kind, Bool):
        return {"widget": "boolean"}
    if isinstance(kind, Date):
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    if isinstance(kind, (Number, Int)):
        schema = kind.json_schema()
        return {
            "widget": "number",
            "value_type": "int" if schema["type"] == "integer" else "float",
            "min": schema["minimum"],
            "max": schema["maximum"],
        }
    widget = {"widget": "string" if isinstance(kind, (Line, Slug, Url)) else "text"}  # an address is one line
    pattern = kind.json_schema().get("pattern") if isinstance(kind, Text) else None
    message = next((PATTERN_MESSAGES[c.__name__] for c in type(kind).__mro__ if c.__name__ in PATTERN_MESSAGES), None)
    if pattern and message:
        widget["pattern"] = [pattern, message]
    return widget


def form_fields(
    obj: Obj,
    labels: dict[str, tuple[str, str]],
    options: dict[str, list[dict]],
    leave_out: frozenset[str] = frozenset(),
    refers: dict[str, str] | None = None,
    prefix: str = "",
) -> list[dict]:
    """The Decap fields of a mapping, in the schema's order; KeyError names a field without a label."""
    out = []
    for name, spec in obj.fields.items():
        path = f"{prefix}{name}"
        if path in leave_out:
            continue
        if path not in labels:
            raise KeyError(f"the form has no Vietnamese label for the schema field '{path}' (cms/labels.py)")
        label, hint = labels[path]
        field = {"name": name, "label": label, "required": spec.required, **({"hint": hint} if hint else {})}
        kind = spec.kind
        if isinstance(kind, Obj):
            field |= {
                "widget": "object",
                "collapsed": False,
                "fields": form_fields(kind, labels, options, leave_out, refers, f"{path}."),
            }
        elif isinstance(kind, List) and isinstance(kind.item, Obj):
            field |= {
                "widget": "list",
                "collapsed": False,
                "minimize_collapsed": False,
                "fields": form_fields(kind.item, labels, options, leave_out, refers, f"{path}."),
            }
        elif isinstance(kind, List):
            item = _widget(kind.item, options, (refers or {}).get(path))
            field |= (
                {**item, "multiple": True}
                if item["widget"] == "select"
                else {"widget": "list", "field": {"name": name, "label": label, **item}}
            )
        else:
            field |= _widget(kind, options, (refers or {}).get(path))
        out.append(field)
    return out
