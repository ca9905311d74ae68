"""Whose site and whose plan: the words that follow the data's places and levels.

A site holds the plans of one place and the places under it: a commune's site, or a district's or
province's site carrying its communes' plans. Its place is the nearest place above every plan's issuer.
A page of a plan whose issuer is of another place than the site's names that issuer in its title; the
notice board is the commune's ("bảng tin của xã"), the ward's, the district's or the province's, by the
level and name of the issuer's place; a plan's task table is its "Phụ lục" only where the source
promises one.
"""

from __future__ import annotations

from ...data.model import Agency, Place, Plan, Project
from ...data.shape import PartKind, part_texts, walk
from ...text import name_key

# The word a place's name starts with, longest first ("thị xã" before "xã"), by level.
_LEVEL_WORDS = {
    "xa": ("thị trấn", "phường", "xã"),
    "huyen": ("thành phố", "thị xã", "quận", "huyện"),
    "tinh": ("thành phố", "tỉnh"),
    "trung-uong": (),
}
_DEFAULT_WORD = {"xa": "xã", "huyen": "huyện", "tinh": "tỉnh"}
APPENDIX, TASK_TABLE = "Phụ lục", "Bảng nhiệm vụ"
_APPENDIX_KEY = name_key(APPENDIX)


def level_word(place: Place) -> str:
    """'xã', 'phường', 'thị trấn', 'huyện', 'tỉnh', 'thành phố' … as the place's name says; '' for the nation."""
    name = place.name.casefold()
    return next(
        (w for w in _LEVEL_WORDS.get(place.level, ()) if name.startswith(w + " ")), _DEFAULT_WORD.get(place.level, "")
    )


def proper_name(place: Place) -> str:
    """The place's name without its level word: 'Kẻ Sặt' of 'xã Kẻ Sặt', 'Hải Phòng' of 'thành phố Hải Phòng'."""
    word = level_word(place)
    return place.name[len(word) :].strip() if word and place.name.casefold().startswith(word + " ") else place.name


def notice_board(place: Place) -> str:
    """Whose notice board a printed notice is for: 'bảng tin của xã', '… của tỉnh'; an office's for the nation."""
    word = level_word(place)
    return f"bảng tin của {word}" if word else "bảng tin của cơ quan, đơn vị"


def site_web(place: Place) -> str:
    """How a printed notice names this site: 'trang web của xã' for a commune's site."""
    word = level_word(place)
    return f"trang web của {word}" if word else "trang web"


def _above(places: dict[str, Place], place: str | None) -> list[str]:
    out = []
    while place and place not in out:
        out.append(place)
        place = places[place].parent if place in places else None
    return out


def site_place(project: Project, configured: str | None = None) -> str | None:
    """The site's place: `configured` (mkdocs.yml `extra.site_place`) while every plan's issuer is of it or a
    place under it; otherwise the nearest place at or above every plan's issuer (None without plans)."""
    places = {p.id: p for p in project.places}
    agencies = {a.id: a for a in project.agencies}
    chains = [_above(places, agencies[plan.issuer].place) for plan in project.plans]
    if not chains:
        return configured
    if configured and all(configured in chain for chain in chains):
        return configured
    common = set(chains[0]).intersection(*map(set, chains[1:]))
    return next((place for place in chains[0] if place in common), None)


def site_name(project: Project, configured_name: str, configured_place: str | None, heading: str) -> str:
    """The site's name: the configured one while every plan is of its place (`site_place` in mkdocs.yml's
    `extra`) or a place under it; otherwise one made from the data, so that no page calls a province's plan a
    commune's."""
    place, places = site_place(project, configured_place), {p.id: p for p in project.places}
    if place is None or configured_place is None or place == configured_place:
        return configured_name
    found = places[place]
    return f"{heading} {found.name}" if found.level != "trung-uong" else f"{heading} của các địa phương"


def issuer_label(issuer: Agency, place: Place) -> str:
    """The issuer's name, with its place when the name does not carry it ('Ủy ban Mặt trận … xã (xã Kẻ Sặt)')."""
    bare = proper_name(place)
    if place.level == "trung-uong" or name_key(bare) in name_key(issuer.name):
        return issuer.name
    return f"{issuer.name} ({place.name})"


def title_suffix(plan: Plan, issuer: Agency, place: Place, site: str | None) -> str:
    """What a plan's page titles add after their own words: ' – <issuer>' when the plan is of another place
    than the site's (on a commune's own site its own plans need no such words)."""
    return "" if place.id == site else f" – {issuer_label(issuer, place)}"


def promises_appendix(plan: Plan) -> bool:
    """The source promises an appendix: its words outside the tasks say 'Phụ lục' (e.g. '(Có Phụ lục chi tiết
    kèm theo)')."""
    texts = [*plan.preamble, plan.closing or ""]
    texts += [t for part in walk(plan) if part.kind is not PartKind.TASK for t in part_texts(part)]
    return any(_APPENDIX_KEY in name_key(text) for text in texts)


def table_name(plan: Plan) -> str:
    """'Phụ lục' where the source promises one, 'Bảng nhiệm vụ' otherwise."""
    return APPENDIX if promises_appendix(plan) else TASK_TABLE
