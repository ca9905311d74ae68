"""HTML for a plan's loudspeaker bulletins (/ke-hoach/<plan>/ban-tin/): each bulletin to read on screen, its
length in time, and its plain-text file to download (site/bulletins.py writes them)."""

from __future__ import annotations

from ..data.model import Plan
from ..kinds import PageKind
from ..addresses import appendix_uri, bulletin_file, bulletins_uri, plan_uri
from .bulletins import Bulletin
from .identity import table_name
from .labels import plan_title, short_title
from .markup import escape, heading, link, p
from .parts import crumbs, front_matter


def bulletin_files(plan: Plan, bulletins: list[Bulletin]) -> dict[str, bytes]:
    """Site path → the bulletin as UTF-8 text with a byte order mark (so a phone or Notepad shows the marks)."""
    return {bulletin_file(plan, b.slug): b.text.encode("utf-8-sig") for b in bulletins}


def render_bulletins(plan: Plan, bulletins: list[Bulletin]) -> str:
    uri = bulletins_uri(plan)
    out = front_matter(f"Bản tin phát thanh: {plan_title(plan)}", PageKind.BULLETIN)
    out += crumbs(uri, (short_title(plan.title, 8), plan_uri(plan)), (table_name(plan), appendix_uri(plan)),
                  here="Bản tin phát thanh")
    out += heading(1, "Bản tin phát thanh") + p(escape(plan_title(plan)))
    out += p("Các bài để đọc trên loa truyền thanh, viết từ dữ liệu của kế hoạch và phần tóm tắt của biên tập viên: "
             "chữ viết tắt đã viết đầy đủ, ngày tháng và số văn bản viết như khi đọc, mỗi bài khoảng một phút. "
             "Mỗi bài có tệp văn bản (.txt) để tải về.")
    for bulletin in bulletins:
        out += heading(2, escape(bulletin.title))
        out += "".join(p(escape(paragraph)) for paragraph in bulletin.paragraphs)
        out += p(f"{link('Tải bản tin (tệp .txt)', uri, bulletin_file(plan, bulletin.slug))} · khoảng "
                 f"{bulletin.seconds} giây đọc", "ps-bulletin__file")
    return out
