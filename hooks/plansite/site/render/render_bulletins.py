"""HTML for a plan's loudspeaker bulletins (/ke-hoach/<plan>/ban-tin/): each bulletin to read on screen, its
length in time and a button that saves it as a plain-text file, and one file with all of them
(site/outreach/bulletins.py writes them).

Each bulletin's file is made in the reader's browser from the text on the page (docs/assets/plan-bulletins.js:
the section's heading and paragraphs, as `Bulletin.text` joins them), not published: a file per task was
40,000 files at a province's size. The plan's one file (ban-tin/tat-ca.txt) holds them all, for a browser
without scripts and for the loudspeaker room's computer.
"""

from __future__ import annotations

from ...addresses import appendix_uri, bulletins_file, bulletins_uri, plan_uri
from ...data.model import Plan
from ...kinds import PageKind
from ..html.identity import table_name
from ..html.labels import plan_title, short_title
from ..html.markup import attr, escape, heading, link, p
from ..html.page_writer import PageWriters
from ..outreach.bulletins import Bulletin
from ..parts.parts import crumbs, front_matter

SEPARATOR = "\n* * *\n\n"  # between two bulletins in the plan's one file: a pause, nothing to read aloud


def bulletin_files(plan: Plan, bulletins: list[Bulletin]) -> dict[str, bytes]:
    """Site path → all the plan's bulletins, in the page's order, as UTF-8 text with a byte order mark (so a
    phone or Notepad shows the marks)."""
    return {bulletins_file(plan): SEPARATOR.join(b.text for b in bulletins).encode("utf-8-sig")}


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
        "Mỗi bài tải về được thành tệp văn bản (.txt); "
        f"{link('tất cả các bài trong một tệp .txt', page, bulletins_file(plan))}."
    )
    # The save button is the script's (plan-bulletins.js): it is of no use without it, and the file it saves
    # is named from the section's id and made of its heading and paragraphs, so none of that is written here
    # again (51 bulletins a plan, 800 plans at a province).
    for bulletin in bulletins:
        out += f'<section class="ps-bulletin" id="{attr(bulletin.slug)}">\n'
        out += heading(page, 2, escape(bulletin.title))
        out += "".join(p(page.text(paragraph)) for paragraph in bulletin.paragraphs)
        out += p(f"khoảng {bulletin.seconds} giây đọc", "ps-bulletin__file")
        out += "</section>\n"
    return out
