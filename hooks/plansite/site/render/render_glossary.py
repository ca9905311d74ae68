"""HTML for the page 'Từ viết tắt': every abbreviation of plan_data/glossary.yaml with its full form,
in Vietnamese alphabetical order.

It is the explanation that works everywhere: hover tooltips (site/html/glossary.py) need a mouse, and the
navigation links this page from every page, for touch and keyboard users. Each abbreviation in the
table is itself an <abbr title>, which is also how the search index learns the site's abbreviations
(search/expand.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...addresses import GLOSSARY
from ...data.model import Abbreviation
from ...kinds import PageKind
from ...text import vi_sort_key
from ..html.glossary import abbr_tag
from ..html.markup import escape, heading, p, table
from ..html.page_writer import PageWriters
from ..html.subjects import subject_words
from ..parts.parts import crumbs, front_matter

TITLE = "Từ viết tắt"
INTRO = (
    "Các chữ viết tắt mà kế hoạch và các văn bản được dẫn sử dụng, xếp theo thứ tự chữ cái. Ở các trang khác, "
    "lần đầu một chữ viết tắt xuất hiện trong nội dung (trừ tiêu đề và đường liên kết) có gạch chấm bên dưới: "
    "di chuột lên chữ đó để xem dạng đầy đủ; trên điện thoại, tra ở bảng này."
)


def render_glossary(glossary: Iterable[Abbreviation], writers: PageWriters) -> str:
    """The glossary page: a table of abbreviation, full form and note, sorted by the abbreviation."""
    page = writers.page(GLOSSARY)
    out = (
        front_matter(TITLE, PageKind.LIST, subject_words(GLOSSARY)) + crumbs(page, here=TITLE) + heading(page, 1, TITLE)
    )
    entries = sorted(glossary, key=lambda entry: vi_sort_key(entry.abbr))
    if not entries:
        return out + p("Chưa có chữ viết tắt nào được giải thích.")
    rows = [(abbr_tag(escape(e.abbr), e.full), escape(e.full), escape(e.note) if e.note else "") for e in entries]
    return out + p(escape(INTRO)) + table(("Viết tắt", "Viết đầy đủ", "Ghi chú"), rows)
