"""What a shared link shows (Zalo, Facebook, the notice board's QR): a description and the picture's words.

A page's preview is carried in its front matter; the adapter turns it into Open Graph and Twitter
meta tags and a picture (og_image), escaping every value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.model import Agency, LegalDocument, Plan, Task
from .labels import short_title
from .relations import Assignments, Names

DESCRIPTION_LIMIT = 200  # characters: what link previews show before cutting
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s")


@dataclass(frozen=True)
class Preview:
    """A page's description, and the plan and place its picture names (empty when not about one)."""

    description: str = ""
    plan: str = ""
    place: str = ""


def first_sentence(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The first sentence of `text`, cut to `limit` characters at a word."""
    sentence = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


def place_line(names: Names, place_id: str) -> str:
    """'xã Kẻ Sặt, thành phố Hải Phòng': the place and the places above it, without the nation."""
    words, place = [], names.places.get(place_id)
    while place and place.level != "trung-uong":
        words.append(place.name)
        place = names.places.get(place.parent) if place.parent else None
    return ", ".join(words)


def plan_preview(plan: Plan, names: Names) -> Preview:
    place = place_line(names, names.agencies[plan.issuer].place)
    return Preview(first_sentence(f"{plan.document_type.capitalize()} {plan.title} của {names.agency_name(plan.issuer)}."),
                   short_title(plan.title, 14), place)


def task_preview(plan: Plan, task: Task, names: Names) -> Preview:
    """The plain summary, or the first sentence of the task's own words."""
    return Preview(first_sentence(task.summary or task.text), short_title(plan.title, 14),
                   place_line(names, names.agencies[plan.issuer].place))


def agency_preview(agency: Agency, names: Names, who: Assignments) -> Preview:
    count = len(who.leads.get(agency.id, ())) + len(who.coordinates.get(agency.id, ()))
    return Preview(f"{agency.name}: {count} nhiệm vụ chủ trì hoặc phối hợp, trách nhiệm và báo cáo theo kế hoạch.",
                   "", place_line(names, agency.place))


def document_preview(doc: LegalDocument) -> Preview:
    return Preview(first_sentence(doc.title), "", "")
