"""Markdown for the home page: what the site holds, key figures, and ways in for each kind of reader."""

from __future__ import annotations

from ..data.model import Project
from ..kinds import PageKind
from .addresses import AGENCIES_INDEX, DOCUMENTS_INDEX, GUIDE, HOME, PLANS_INDEX, agency_uri, appendix_uri, plan_uri
from .labels import plan_title
from .markup import escape, link
from .parts import front_matter
from .relations import Relations


def render_home(project: Project, rel: Relations, heading: str) -> str:
    """What the site holds, key figures, and ways in for citizens and staff."""
    out = front_matter("Trang chủ", PageKind.HOME)
    tasks = sum(len(p.tasks) for p in project.plans)
    out += f"# {escape(heading)}\n\n"
    if len(project.plans) == 1:
        plan = project.plans[0]
        period = "" if not plan.period else (f" giai đoạn {plan.period.start}–{plan.period.end}" if plan.period.end
                                             else f" từ năm {plan.period.start}")
        out += (f"{link(plan_title(plan), HOME, plan_uri(plan))}, do "
                f"{link(rel.agency_name(plan.issuer), HOME, agency_uri(plan.issuer))} ban hành{escape(period)}.\n\n")
    out += (f"- **{len(project.plans)}** kế hoạch · **{tasks}** nhiệm vụ · **{len(project.agencies)}** cơ quan, đơn vị "
            f"· **{len(project.documents)}** văn bản được dẫn\n\n")
    out += "## Dành cho người dân\n\n"
    whole = plan_uri(project.plans[0]) if len(project.plans) == 1 else PLANS_INDEX
    out += f"- {link('Đọc toàn văn kế hoạch', HOME, whole)}\n"
    out += "- Tìm kiếm: gõ có dấu hoặc không dấu, ví dụ “dan van”, “thuong xuyen”.\n\n"
    out += "## Dành cho cán bộ, công chức\n\n"
    out += f"- {link('Ai làm gì: các cơ quan, đơn vị', HOME, AGENCIES_INDEX)}\n"
    out += f"- {link('Căn cứ pháp lý: các văn bản được dẫn', HOME, DOCUMENTS_INDEX)}\n"
    out += "".join(f"- {link('Phụ lục nhiệm vụ: ' + p.title, HOME, appendix_uri(p))}\n" for p in project.plans[:5])
    out += f"\n## Dành cho biên tập viên\n\n- {link('Hướng dẫn biên tập dữ liệu', HOME, GUIDE)}\n"
    return out
