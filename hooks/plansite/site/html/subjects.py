"""What each navigation page is about, in the words a reader types: the site's search indexes them as
the page's title words (front matter `keywords`), so the page comes first when a query is its subject
("hạn gửi báo cáo" → the reporting calendar), before the pages that only mention those words.

Only words that name what the page shows; never a fact about a plan or a body.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ...addresses import AGENCIES_INDEX, APPENDIX, CALENDAR, CHANGES, DOCUMENTS_INDEX, GLOSSARY, PROGRESS
from ...data.model import Agency

SUBJECTS: dict[str, tuple[str, ...]] = {
    CALENDAR: (
        "hạn gửi báo cáo",
        "thời hạn báo cáo",
        "kỳ báo cáo",
        "lịch nộp báo cáo",
        "báo cáo định kỳ",
        "báo cáo 6 tháng",
        "báo cáo năm",
        "quá hạn",
    ),
    AGENCIES_INDEX: ("danh sách cơ quan", "cơ quan đơn vị", "đơn vị thực hiện", "ai làm gì"),
    DOCUMENTS_INDEX: ("văn bản", "danh sách văn bản", "văn bản pháp luật", "căn cứ pháp lý", "văn bản dẫn chiếu"),
    GLOSSARY: ("chữ viết tắt", "viết tắt", "giải thích từ viết tắt", "thuật ngữ"),
    PROGRESS: ("tiến độ", "tình hình thực hiện", "kết quả thực hiện", "đã làm được gì"),
    APPENDIX: ("phụ lục", "bảng nhiệm vụ", "danh sách nhiệm vụ", "các nhiệm vụ"),
    CHANGES: ("thay đổi gần đây", "cập nhật mới", "tin mới"),
}


def subject_words(page: str) -> tuple[str, ...]:
    """The subject words of a navigation page (its address, or PROGRESS, APPENDIX, CHANGES); () for others."""
    return SUBJECTS.get(page, ())


def member_words(agency_ids: Iterable[str], agencies: Mapping[str, Agency]) -> tuple[str, ...]:
    """The names (and aliases) of the known members of these agencies (groups whose members a legal document
    lists: agencies.yaml `known_members`), in order, once each: a group's page and its tasks are found by
    the names of the bodies it holds ("Hội Nông dân" → the tasks of "các tổ chức chính trị - xã hội")."""
    out: dict[str, None] = {}
    for agency_id in agency_ids:
        for member in agencies[agency_id].known_members if agency_id in agencies else ():
            out.update(dict.fromkeys((member.name, *member.aliases)))
    return tuple(out)
