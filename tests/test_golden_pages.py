"""Golden page cases (tests/golden/pages/*.yaml, see tests/golden_pages.py): every page of every case reads
exactly as its case says, rendered from the case's tiny project without MkDocs and without writing a site."""

from __future__ import annotations

import difflib

import pytest

from golden_pages import PAGE_CASES, read_case, rendered_pages


def _diff(expected: str, found: str, uri: str) -> str:
    return "".join(
        difflib.unified_diff(expected.splitlines(True), found.splitlines(True), f"expected {uri}", f"rendered {uri}")
    )


@pytest.mark.parametrize("case_path", PAGE_CASES, ids=[p.stem for p in PAGE_CASES])
def test_golden_pages(case_path, tmp_path):
    case = read_case(case_path)
    found = rendered_pages(case, tmp_path)
    differing = {
        uri: _diff(expected, found[uri], uri) for uri, expected in case["pages"].items() if found[uri] != expected
    }
    assert not differing, (
        "pages differ from the golden case (python tests/golden_pages.py --update after a "
        "deliberate change):\n" + "\n".join(differing.values())
    )


def test_cases_cover_every_page_kind():
    """A case for each kind of page: plan, task table, task (its notice at the end), progress, bulletins, agency, legal
    document, the indexes, the calendar, home and abbreviations; with and without a report; hostile text;
    lists with filters; plans of two places (indexes by place)."""
    uris = {uri for path in PAGE_CASES for uri in read_case(path)["pages"]}
    assert {
        "index.md",
        "ke-hoach/index.md",
        "co-quan/index.md",
        "van-ban/index.md",
        "bao-cao/index.md",
        "tu-viet-tat.md",
        "ke-hoach/mau/index.md",
        "ke-hoach/mau/phu-luc.md",
        "ke-hoach/mau/tien-do.md",
        "ke-hoach/mau/ban-tin.md",
        "ke-hoach/mau/nhiem-vu/tuyen-truyen.md",
        "co-quan/phong-van-hoa-xa-hoi.md",
        "van-ban/chi-thi-33.md",
    } <= uris
    assert {p.stem for p in PAGE_CASES} >= {
        "plan-without-reports",
        "task-with-report",
        "hostile-text",
        "agency-lists",
        "two-places",
    }


def test_a_change_of_markup_fails_the_case(tmp_path, monkeypatch):
    """The comparison sees a renderer's markup change: the task page's headings given another level."""
    from plansite.site.html.markup import heading
    from plansite.site.render import render_task

    monkeypatch.setattr(render_task, "heading", lambda page, level, text: heading(page, min(level + 1, 6), text))
    case = read_case(next(p for p in PAGE_CASES if p.stem == "plan-without-reports"))
    found = rendered_pages(case, tmp_path)
    uri = "ke-hoach/mau/nhiem-vu/tuyen-truyen.md"
    assert found[uri] != case["pages"][uri]
    assert '<h3 id="co-quan-thuc-hien">' in found[uri] and '<h2 id="co-quan-thuc-hien">' in case["pages"][uri]
    assert all(found[u] == case["pages"][u] for u in case["pages"] if u != uri)  # only the task page changed
