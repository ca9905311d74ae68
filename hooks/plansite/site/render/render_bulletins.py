"""HTML for a plan's loudspeaker bulletins (/ke-hoach/<plan>/ban-tin/): each bulletin to read on screen, its
length in time and a button that saves it as a plain-text file, and a button that saves all of them in one
(site/outreach/bulletins.py writes them).

The files are made in the reader's browser from the text on the page (docs/assets/plan-bulletins.js: each
section's heading and paragraphs, as `Bulletin.text` joins them), not published: a file per task was 40,000
files at a province's size, and the plan's one file (ban-tin/tat-ca.txt until 2026-12-08) 29 MB. Without
scripts the page itself is the text to read, copy or print.
"""

from __future__ import annotations

from ...addresses import appendix_uri, bulletins_uri, plan_uri
from ...data.model import Plan
from ...kinds import PageKind
from ..html.identity import table_name
from ..html.labels import plan_title, short_title
from ..html.markup import attr, escape, heading, p
from ..html.page_writer import PageWriters
from ..outreach.bulletins import Bulletin
from ..parts.parts import crumbs, front_matter


def render_bulletins(plan: Plan, bulletins: list[Bulletin], writers: PageWriters) -> str:
    uri = bulletins_uri(plan)
    page = writers.page(uri)
    out = front_matter(f"Bản tin phát thanh: {plan_title(plan)}", PageKind.BULLETIN)
    out += crumbs(
        page,
        (short_title(plan.title, 8), plan_uri(plan)),
        (table_name(plan), appendix_uri(plan)),
        here="Bản tin phát thanh",
    )
    out += heading(page, 1, "Bản tin phát thanh") + p(page.text(plan_title(plan)))
    out += p(
        "Các bài để đọc trên loa truyền thanh, viết từ dữ liệu của kế hoạch và phần tóm tắt của biên tập viên: "
        "chữ viết tắt đã viết đầy đủ, ngày tháng và số văn bản viết như khi đọc, mỗi bài khoảng một phút. "
        "Mỗi bài tải về được thành tệp văn bản (.txt), từng bài hoặc tất cả các bài trong một tệp.",
        "ps-bulletins__intro",
    )
    # The save buttons are the script's (plan-bulletins.js): they are of no use without it, and the files they
    # save are named from the section's id (the plan's for all of them) and made of the headings and
    # paragraphs, so none of that is written here again (51 bulletins a plan, 800 plans at a province).
    for bulletin in bulletins:
        out += f'<section class="ps-bulletin" id="{attr(bulletin.slug)}">\n'
        out += heading(page, 2, escape(bulletin.title))
        out += "".join(p(page.text(paragraph)) for paragraph in bulletin.paragraphs)
        out += p(f"khoảng {bulletin.seconds} giây đọc", "ps-bulletin__file")
        out += "</section>\n"
    return out
