"""All generated pages of the site as {source path: Markdown}, and the files published beside them.

Plain Python: the MkDocs hook only registers these as virtual files.
"""

from __future__ import annotations

from pathlib import Path

from ..data.load import DATA_DIR
from ..data.model import Project
from .addresses import HOME, appendix_uri, plan_uri, source_uri, task_uri
from .relations import build_relations
from .render_agency import render_agency
from .render_document import render_document
from .render_home import HOME_HEADING, render_home
from .render_indexes import agencies_index, documents_index, plans_index
from .render_plan import render_appendix, render_plan
from .render_task import render_task


def generate_pages(project: Project, edit_url: str | None = None, home_heading: str | None = None) -> dict[str, str]:
    """Every generated page, keyed by its source path (which fixes its address), sorted.

    `edit_url`: the repository's edit address, for "sửa" links to the YAML; `home_heading`: the
    site's heading on the home page (mkdocs.yml `extra`), the plans' common subject by default.
    """
    rel = build_relations(project)
    pages = {HOME: render_home(project, rel, home_heading or HOME_HEADING)}
    pages.update(plans_index(rel))
    pages.update(agencies_index(rel))
    pages.update(documents_index(rel))
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


def published_files(project: Project, root: Path) -> dict[str, Path]:
    """Files published as they are, keyed by site path: each plan's signed text ("Văn bản gốc")."""
    files = {source_uri(plan): Path(root) / DATA_DIR / "sources" / plan.source_text
             for plan in project.plans if plan.source_text}
    return dict(sorted(files.items()))
