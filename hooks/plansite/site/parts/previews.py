"""What a shared link shows (Zalo, Facebook, the notice board's QR): a description and the picture's words.

A page's preview is carried in its front matter; the adapter turns it into Open Graph and Twitter
meta tags and a picture (og_image), escaping every value.

Pictures are shared where pages show the same thing (`picture_words`): every page of a plan shows its
kind and the plan, every agency page its kind and its place, every document page its kind and the site.
The page's own words are in og:title and og:description, which link previews print beside the picture.
A province's site (800 plans, 97,000 pages) then has about 5,000 pictures, not one per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...data.model import Agency, LegalDocument, Plan, Task
from ...kinds import PageKind
from ..html.labels import short_title
from ..index.relations import Assignments, Names

DESCRIPTION_LIMIT = 160  # characters: about what search results and Zalo/Facebook cards show before cutting them;
# every page carries it twice (description, og:description), so a longer one only weighs on the province (50,000 pages)
SUMMARY_PREVIEW_LIMIT = 200  # an editor's plain summary, written to be shared: its first sentence is cut later
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s")


@dataclass(frozen=True)
class Preview:
    """A page's description, and the plan and place its picture names (empty when not about one); `label`:
    the picture's name for the kind of page when its kind's label is too general ("Tiến độ", a list); `of`:
    the kind of the page whose picture a page shares (an agency's or a document's paged lists)."""

    description: str = ""
    plan: str = ""
    place: str = ""
    label: str = ""
    of: PageKind | None = None


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
    return Preview(
        first_sentence(f"{plan.document_type.capitalize()} {plan.title} của {names.agency_name(plan.issuer)}."),
        short_title(plan.title, 14),
        place,
    )


def task_preview(plan: Plan, task: Task, names: Names) -> Preview:
    """The plain summary's first sentence, or the first sentence of the task's own words (cut shorter)."""
    return Preview(
        first_sentence(task.summary, SUMMARY_PREVIEW_LIMIT) if task.summary else first_sentence(task.text),
        short_title(plan.title, 14),
        place_line(names, names.agencies[plan.issuer].place),
    )


def plan_page_preview(plan: Plan, names: Names, label: str = "") -> Preview:
    """A page of a plan that has no words of its own for a preview (the appendix, a notice, the progress):
    the plan and its place, for the plan's shared picture."""
    return Preview("", short_title(plan.title, 14), place_line(names, names.agencies[plan.issuer].place), label)


def picture_words(
    kind: PageKind, title: str, plan: str, place: str, site_name: str, label: str = ""
) -> tuple[str, str, str, str]:
    """What a page's picture draws: (kind, title, plan line, place line); `label` names the kind if given.

    A page of a plan: its kind and the plan's short title over its place, one picture per plan and kind.
    An agency: its kind and its place over the site's name, one per place. A legal document: its kind and
    the site's name, one for all. Any other page (home, lists, hand-written pages): its own title."""
    label = label or kind.label
    if plan:
        return label, plan, "", place
    if kind is PageKind.AGENCY and place:
        return label, place, site_name, ""
    if kind in (PageKind.AGENCY, PageKind.DOCUMENT):
        return label, site_name, "", ""
    return label, title, "", place


def list_picture(owner: Preview, kind: PageKind) -> Preview:
    """The preview of a long list's own pages (an agency's tasks, a document's plans): its owner's picture,
    no description of its own."""
    return Preview("", owner.plan, owner.place, owner.label, kind)


def agency_preview(agency: Agency, names: Names, who: Assignments) -> Preview:
    count = len(who.leads.get(agency.id, ())) + len(who.coordinates.get(agency.id, ()))
    return Preview(
        f"{agency.name}: {count} nhiệm vụ chủ trì hoặc phối hợp, trách nhiệm và báo cáo theo kế hoạch.",
        "",
        place_line(names, agency.place),
    )


def document_preview(doc: LegalDocument) -> Preview:
    return Preview(first_sentence(doc.title), "", "")
