"""All generated pages of the site as {source path: Markdown}, from a validated Project.

Plain Python: the MkDocs hook only registers these strings as virtual files.
"""

from __future__ import annotations

from .model import Project
from .relations import HOME, appendix_uri, build_relations, plan_uri, task_uri
from .render_plan import render_appendix, render_plan, render_task
from .render_lists import agencies_index, documents_index, plans_index
from .render_registry import render_agency, render_document, render_home


def generate_pages(project: Project, edit_url: str | None = None) -> dict[str, str]:
    """Every generated page, keyed by its source path (which fixes its address), sorted."""
    rel = build_relations(project)
    pages = {HOME: render_home(project, rel)}
    pages.update(plans_index(project, rel))
    pages.update(agencies_index(project, rel))
    pages.update(documents_index(project, rel))
    for plan in project.plans:
        pages[plan_uri(plan)] = render_plan(plan, rel)
        pages[appendix_uri(plan)] = render_appendix(plan, rel)
        for task in plan.tasks:
            pages[task_uri(plan, task)] = render_task(plan, task, rel, edit_url)
    for agency in project.agencies:
        pages.update(render_agency(agency, rel))
    for doc in project.documents:
        pages.update(render_document(doc, rel))
    return dict(sorted(pages.items()))
