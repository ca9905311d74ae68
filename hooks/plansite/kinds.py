"""Kinds of page. A kind is the key (search boosts, front matter); its label is only for display."""

from __future__ import annotations

import enum


class PageKind(enum.Enum):
    """What a page is about. The value is written in front matter; `label` is what readers see."""

    HOME = "home"
    PLAN = "plan"
    APPENDIX = "appendix"
    TASK = "task"
    AGENCY = "agency"
    DOCUMENT = "document"
    LIST = "list"
    BULLETIN = "bulletin"  # a plan's loudspeaker bulletins: the same facts as the pages search finds
    PAGE = "page"  # a hand-written page in docs/

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def searchable(self) -> bool:
        return self is not PageKind.BULLETIN

    @property
    def search_boost(self) -> int:
        """How much a match on this kind of page counts: a task, agency or document page outranks
        a long page (the whole plan, an index) that merely mentions the same words."""
        return _BOOSTS.get(self, 1)


_LABELS = {
    PageKind.HOME: "Trang",
    PageKind.PLAN: "Kế hoạch",
    PageKind.APPENDIX: "Phụ lục",
    PageKind.TASK: "Nhiệm vụ",
    PageKind.AGENCY: "Cơ quan",
    PageKind.DOCUMENT: "Văn bản",
    PageKind.LIST: "Danh mục",
    PageKind.BULLETIN: "Bản tin",
    PageKind.PAGE: "Trang",
}
_BOOSTS = {PageKind.DOCUMENT: 4, PageKind.AGENCY: 4, PageKind.TASK: 3}
