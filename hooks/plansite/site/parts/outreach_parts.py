"""What a task's page says to citizens beside the signed text: a plain summary, and where to give feedback.

The summary is the editors' words, labelled as such; the feedback office is the one the plan names,
with the contact details the data has (never made up; a missing one is left out, and `make check` lists it).
"""

from __future__ import annotations

from urllib.parse import quote

from ...addresses import agency_uri
from ...data.model import Agency, Plan, Task
from ..html.labels import task_title
from ..html.markup import admonition, external_link, heading, link, p, ul
from ..html.page_writer import PageWriter
from ..index.relations import Names
from ..options import SiteOptions


def summary_box(task: Task, page: PageWriter) -> str:
    """The plain summary as a labelled box, or nothing."""
    if not task.summary:
        return ""
    return admonition(
        "abstract", "Tóm tắt dễ hiểu (do biên tập viên viết, không phải nguyên văn kế hoạch)", page.text(task.summary)
    )


def _contacts(agency: Agency, subject: str, page: PageWriter) -> list[str]:
    out = []
    if agency.address:
        out.append(f"Địa chỉ: {page.text(agency.address)}")
    if agency.phone:
        out.append(
            f"Điện thoại: {external_link(agency.phone, 'tel:' + ''.join(c for c in agency.phone if c.isdigit() or c == '+'))}"  # noqa: E501
        )
    if agency.email:
        out.append(f"Thư điện tử: {external_link(agency.email, f'mailto:{agency.email}?subject={quote(subject)}')}")
    if agency.website:
        out.append(f"Trang web: {external_link(agency.website, agency.website)}")
    return out


def feedback_section(plan: Plan, task: Task, names: Names, page: PageWriter, options: SiteOptions) -> str:
    """'Góp ý, phản ánh': the office the plan names, its known contacts, and the configured channel."""
    out = heading(page, 2, "Góp ý, phản ánh")
    if plan.feedback and plan.feedback.agencies:
        offices = [names.agencies[a] for a in plan.feedback.agencies]
        out += p(f"Theo kế hoạch, khó khăn, vướng mắc và ý kiến phản ánh về {page.text(plan.feedback.text or '')}:")
        subject = f"Góp ý: {task_title(plan, task)}"
        lines = []
        for office in offices:
            contacts = _contacts(office, subject, page)
            detail = f": {'; '.join(contacts)}" if contacts else ""  # what the data has; `make check` tells the gap
            lines.append(f"{link(office.name, page, agency_uri(office.id))}{detail}")
        out += ul(lines)
    else:
        out += p("Kế hoạch không nêu nơi nhận góp ý, phản ánh.")
    if options.feedback_url:
        # On the printed notice the stylesheet writes the address after the link's words (a.ps-url).
        channel = external_link("kênh góp ý chính thức", options.feedback_url, cls="ps-url")
        out += p(f"Gửi góp ý trực tuyến: {channel}")
    return out
