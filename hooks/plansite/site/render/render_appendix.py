"""A plan's appendix (Phụ lục): the table of its tasks, who, when, basis and status.

A cell can hold a real list (several agencies, several documents) and each row carries its facets (`data-*`
ids, see `facets`). The columns' names are written once, on the table, as CSS custom properties (`--ps-c1`
…): on a phone docs/assets/plan-site.css shows each row as a card of "label: value" lines, each cell's
label read from its column's property, not from an attribute repeated in every cell.
"""

from __future__ import annotations

import html
import re

from ...addresses import agency_uri, appendix_uri, document_uri, plan_uri, task_uri
from ...data.model import Assignment, Plan, Task
from ...kinds import PageKind
from ...reports.status import Progress
from ..html import subjects
from ..html.identity import APPENDIX
from ..html.labels import COORDINATING_LABEL, TIMING_LABEL, document_label, plan_title, short_title, task_number
from ..html.markup import escape, heading, link, link_html, p
from ..html.page_writer import PageWriter, PageWriters
from ..html.statuses import status_tag
from ..html.subjects import subject_words
from ..index.relations import Citations, Names
from ..parts.facets import facets_script
from ..parts.life_notice import life_notice
from ..parts.parts import crumbs, front_matter
from ..parts.previews import plan_page_preview

TABLE_ID = "ps-appendix"
COLUMNS = (
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    COORDINATING_LABEL,
    TIMING_LABEL,
    "Căn cứ",
    "Tình trạng",
)  # STT first, the status last, as before


def cell_list(links: list[str]) -> str:
    """One link as it is; several as a list, so they never run together; none as nothing."""
    if len(links) > 1:
        return '<ul class="ps-cell-list">' + "".join(f"<li>{a}</li>" for a in links) + "</ul>"
    return "".join(links)


def column_labels() -> str:
    """The table's style attribute: each column's name as a CSS string (`--ps-c1:'STT'` …), the cards' labels
    on a phone. The names are this module's own constants; escaped all the same, for CSS and then HTML."""
    quoted = ("'" + c.replace("\\", "\\\\").replace("'", "\\'") + "'" for c in COLUMNS)
    style = ";".join(f"--ps-c{i}:{q}" for i, q in enumerate(quoted, 1))
    return html.escape(style, quote=False).replace('"', "&quot;")


def agencies_cell(assignment: Assignment | None, names: Names, page: PageWriter) -> str:
    """The agencies a task assigns (lead or coordinating), linked to their pages."""
    ids = assignment.agencies if assignment else ()
    return cell_list([link(names.agency_name(a), page, agency_uri(a)) for a in ids])


def documents_cell(plan: Plan, task: Task, cites: Citations, page: PageWriter) -> str:
    """The documents a task cites or names, linked to their pages."""
    documents = cites.task_documents[(plan.id, task.id)]
    return cell_list([link(document_label(d), page, document_uri(d.id)) for d in documents])


SHORT_WORDS = 20  # words of a task's text in its link on screen
_FIRST_WORDS = re.compile(rf"\s*(?:\S+\s+){{{SHORT_WORDS - 1}}}\S+")


def _task_link(plan: Plan, task: Task, page: PageWriter) -> str:
    """The task's first words linking to its page, then "…"; on paper its whole text. Each word is written
    once: the rest of the text ends the link, shown on paper only, the "…" on screen only (plan-site.css:
    .ps-more, .ps-rest; a hidden part is no part of the link's name on screen). Inside the link, as the
    whole text was, the rest is no running text whose abbreviations the page marks."""
    first = _FIRST_WORDS.match(task.text)
    rest = task.text[first.end() :].split() if first else ()
    if not rest:
        return link(short_title(task.text, SHORT_WORDS), page, task_uri(plan, task))
    words, rest_words = escape(" ".join(first.group().split())), escape(" ".join(rest))
    content = f'{words}<span class="ps-more">…</span><span class="ps-rest"> {rest_words}</span>'
    return link_html(content, page, task_uri(plan, task))


def task_row(
    plan: Plan, task: Task, names: Names, cites: Citations, progress: Progress, page: PageWriter, attributes: str
) -> str:
    """One task: number, title (linked), lead and coordinating agencies, timing, documents, status;
    `attributes`: its facets' (`facets.row_attributes`)."""
    cells = (
        page.text(task_number(plan, task)),
        _task_link(plan, task, page),
        agencies_cell(task.lead, names, page),
        agencies_cell(task.coordinating, names, page),
        page.text(task.timing.text) if task.timing else "",
        documents_cell(plan, task, cites, page),
        status_tag(progress.status(plan, task.id)),
    )
    row = "".join(f"<td>{content}</td>" for content in cells)
    return f"<tr{attributes}>{row}</tr>\n"


def task_table(plan: Plan, names: Names, cites: Citations, progress: Progress, page: PageWriter) -> str:
    """The table as one HTML block: the filters' place and labels, then the table in a scrollable region."""
    head = "".join(f'<th scope="col">{page.text(c)}</th>' for c in COLUMNS)  # running text: 'STT' too
    caption = f"Các nhiệm vụ của Kế hoạch ({len(plan.tasks)} nhiệm vụ)"
    blob, attributes = facets_script(plan, names, cites, progress)
    return (
        '<div class="ps-appendix-block">\n'
        f'<div class="ps-facets" data-table="{TABLE_ID}"></div>\n'
        f"{blob}\n"
        f'<div class="ps-appendix-wrap" role="region" aria-labelledby="{TABLE_ID}-caption" tabindex="0">\n'
        f'<table class="ps-appendix" id="{TABLE_ID}" style="{column_labels()}">\n'
        f'<caption id="{TABLE_ID}-caption">{html.escape(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "".join(task_row(plan, t, names, cites, progress, page, a) for t, a in zip(plan.tasks, attributes))
        + "</tbody>\n</table>\n</div>\n</div>\n"
    )


def render_appendix(plan: Plan, names: Names, cites: Citations, progress: Progress, writers: PageWriters) -> str:
    """The task table: the plan's Phụ lục where its source promises one, its "Bảng nhiệm vụ" otherwise."""
    uri, name = appendix_uri(plan), names.table_name(plan)
    page = writers.page(uri)
    title = f"Phụ lục nhiệm vụ: {plan_title(plan)}" if name == APPENDIX else f"{name}: {plan_title(plan)}"
    out = front_matter(
        title + names.title_suffix(plan),
        PageKind.APPENDIX,
        subject_words(subjects.APPENDIX),
        preview=plan_page_preview(plan, names),
    )
    out += crumbs(page, (short_title(plan.title, 8), plan_uri(plan)), here=name) + life_notice(plan, names, cites, page)
    out += heading(page, 1, "Phụ lục: các nhiệm vụ" if name == APPENDIX else name)
    out += p(link(plan_title(plan), page, plan_uri(plan)))
    promised = [s for s in plan.content.sections if s.note and "phụ lục" in s.note.casefold() and not s.tasks]
    out += "".join(
        p(
            page.marked('Bảng dưới đây lập từ mục II của Kế hoạch. Văn bản nguồn ghi "')  # 'II' may be a glossary's
            + f'{page.text(s.note)}" '
            "nhưng không kèm nội dung Phụ lục."
        )
        for s in promised[:1]
    )
    return out + task_table(plan, names, cites, progress, page)
