"""What every page of a plan says about the plan's life: ended, replaced (and by what), tracked from when.

An ended or replaced plan stays on the site and in search; each of its pages says so at the top, so
that nobody follows a task that is no longer carried out without knowing it.
"""

from __future__ import annotations

from ...addresses import document_uri, plan_uri
from ...data.model import Plan
from ...data.schema import PLAN_STATUSES
from ...text import date_numeric
from ..html.labels import document_label, plan_title
from ..html.markup import admonition, link, p
from ..html.page_writer import PageWriter
from ..index.relations import Citations, Names


def replacement_link(plan: Plan, names: Names, cites: Citations, page: PageWriter) -> str:
    """The plan or document that replaces `plan`, linked: the plan's page when it is published here."""
    target = plan.life.replaced_by
    replacing = cites.plan_of_document.get(target)
    if replacing:
        return link(plan_title(replacing), page, plan_uri(replacing))
    return link(document_label(names.documents[target]), page, document_uri(target))


def life_notice(plan: Plan, names: Names, cites: Citations, page: PageWriter) -> str:
    """A warning box for an ended or replaced plan (nothing for a plan in force)."""
    life = plan.life
    if life is None or life.status == "in-force":
        return ""
    when = f" từ ngày {date_numeric(life.ended_on)}" if life.ended_on else ""
    if life.status == "replaced":
        text = f"Kế hoạch này đã được thay thế{when} bởi {replacement_link(plan, names, cites, page)}."
    else:
        text = f"Kế hoạch này đã kết thúc{when}."
    text += " Nội dung dưới đây giữ để tra cứu; các nhiệm vụ không còn được theo dõi."
    text += f" Nguồn: {page.text(life.source)}." if life.source else ""
    return admonition("warning", PLAN_STATUSES[life.status], text)


def tracking_line(plan: Plan) -> str:
    """From when the site follows the plan's reports, where the data says so."""
    if plan.life is None or plan.life.tracked_from is None:
        return ""
    return p(
        f"Trang này theo dõi việc thực hiện kế hoạch từ ngày {date_numeric(plan.life.tracked_from)}: lịch báo "
        "cáo không liệt kê các kỳ trước ngày đó."
    )


def status_words(plan: Plan) -> str:
    """' (đã kết thúc)' or ' (đã được thay thế)' after a plan's name in lists; nothing for a plan in force."""
    if plan.life is None or plan.life.status == "in-force":
        return ""
    return f" ({PLAN_STATUSES[plan.life.status].lower()})"
