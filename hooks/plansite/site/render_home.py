"""HTML for the home page: what the site holds, key figures, and ways in for each kind of reader."""

from __future__ import annotations

from ..data.model import Project
from ..kinds import PageKind
from .addresses import AGENCIES_INDEX, DOCUMENTS_INDEX, GUIDE, HOME, PLANS_INDEX, agency_uri, appendix_uri, plan_uri
from .labels import plan_title
from .identity import APPENDIX, table_name
from .markup import escape, heading, link, p, ul
from .parts import front_matter
from .relations import Relations


def render_home(project: Project, rel: Relations, title: str) -> str:
    """What the site holds, key figures, and ways in for citizens and staff."""
    out = front_matter("Trang chủ", PageKind.HOME)
    tasks = sum(len(p.tasks) for p in project.plans)
    out += heading(1, escape(title))
    if len(project.plans) == 1:
        plan = project.plans[0]
        period = "" if not plan.period else (f" giai đoạn {plan.period.start}–{plan.period.end}" if plan.period.end
                                             else f" từ năm {plan.period.start}")
        out += p(f"{link(plan_title(plan), HOME, plan_uri(plan))}, do "
                 f"{link(rel.agency_name(plan.issuer), HOME, agency_uri(plan.issuer))} ban hành{escape(period)}.")
    out += ul([f"<strong>{len(project.plans)}</strong> kế hoạch · <strong>{tasks}</strong> nhiệm vụ · "
               f"<strong>{len(project.agencies)}</strong> cơ quan, đơn vị · <strong>{len(project.documents)}</strong> "
               "văn bản được dẫn"])
    out += heading(2, "Dành cho người dân")
    whole = plan_uri(project.plans[0]) if len(project.plans) == 1 else PLANS_INDEX
    out += ul([link("Đọc toàn văn kế hoạch", HOME, whole),
               "Tìm kiếm: gõ có dấu hoặc không dấu, ví dụ “dan van”, “thuong xuyen”."])
    out += heading(2, "Dành cho cán bộ, công chức")
    out += ul([link("Ai làm gì: các cơ quan, đơn vị", HOME, AGENCIES_INDEX),
               link("Căn cứ pháp lý: các văn bản được dẫn", HOME, DOCUMENTS_INDEX)]
              + [link(_table_label(pl) + pl.title, HOME, appendix_uri(pl)) for pl in project.plans[:5]])
    out += heading(2, "Dành cho biên tập viên") + ul([link("Hướng dẫn biên tập dữ liệu", HOME, GUIDE)])
    return out


def _table_label(plan) -> str:
    """'Phụ lục nhiệm vụ: ' where the source promises an appendix, 'Bảng nhiệm vụ: ' otherwise."""
    return "Phụ lục nhiệm vụ: " if table_name(plan) == APPENDIX else "Bảng nhiệm vụ: "
