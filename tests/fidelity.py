"""Splitting the signed source text into the sentences the site must reproduce."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# List markers at the start of a source line: "- ", "a) ", "b)", "1. ", "II. ".
_MARKER = re.compile(r"^(?:-\s+|[a-z]\)\s*|\d+\.\s+|[IVX]+\.\s+)")
_BREAK = re.compile(r"(?<=[.;:])\s+")


def normalise(text: str) -> str:
    """NFC and single spaces, the form in which texts are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def source_stream(path: Path) -> str:
    """The source as one line: markers removed, line breaks joined (a word split after '-' rejoined)."""
    out = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        line = _MARKER.sub("\n", line)
        out += line if re.search(r"\S-$", out) else " " + line
    return out


def source_sentences(path: Path) -> list[str]:
    """Every sentence (and clause ended by ';' or ':') of the source, normalised."""
    pieces = []
    for block in source_stream(path).split("\n"):
        pieces += [normalise(p) for p in _BREAK.split(block)]
    return [p for p in pieces if p]


def reconstruct(plan) -> str:
    """The plan's text rebuilt from the data in the source's order, with the source's fixed labels."""
    parts = [plan.document_type, plan.title, *plan.preamble, plan.purpose.heading]
    for group in plan.purpose.groups:
        parts += [group.heading, *(c.text for c in group.clauses)]
    parts.append(plan.content.heading)
    for section in plan.content.sections:
        parts += [x for x in (section.heading, section.note) if x]
        for task in section.tasks:
            parts += [task.text, *task.details]
            for label, value in (
                ("Cơ quan thực hiện:", task.lead),
                ("Cơ quan phối hợp:", task.coordinating),
                ("Hình thức:", task.forms),
                ("Thời gian thực hiện:", task.timing),
            ):
                if value is not None and value.text:
                    parts.append(f"{label} {value.text}")
    parts.append(plan.implementation.heading)
    for item in plan.implementation.items:
        parts += [x for x in (item.heading, item.text) if x] + [d.text for d in item.duties]
    parts += [plan.closing or "", "Nơi nhận:", *(r.text for r in plan.recipients)]
    sig = plan.signature
    parts += [x for x in (sig.authority, sig.on_behalf, sig.position, sig.name) if x]
    return normalise(" ".join(parts))
