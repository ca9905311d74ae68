"""The ranking set (tests/search_ranking.yaml): what readers type (phrases, subjects, loosely typed numbers,
people, questions, names), each with the page that must be among the first three results (or first), run
through the site's own search in headless Chromium on the seed site. `make bench` runs the same queries
through Pagefind for comparison; nothing here compares with it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SEED_PLAN

CASES = yaml.safe_load((Path(__file__).parent / "search_ranking.yaml").read_text(encoding="utf-8"))
PLAN = f"ke-hoach/{SEED_PLAN}/"


def expected(case: dict) -> str:
    """The page a case names, its 'P' standing for the seed plan's folder."""
    return PLAN if case["page"] == "P" else case["page"].replace("P/", PLAN, 1)


@pytest.fixture(scope="module")
def ranked(site, serve, browser):
    """query → the URLs of the results the header's box shows, in order (one tab for the whole set)."""
    tab = browser.new_page()
    try:
        tab.goto(serve(site))
        queries = [case["query"] for case in CASES]
        got = tab.evaluate(
            "qs => Promise.all(qs.map(q => window.planSearch(q).then(rs => rs.map(r => r.url))))", queries
        )
    finally:
        tab.close()
    return dict(zip(queries, got))


def test_the_set_is_large_and_covers_every_kind_of_query():
    assert len(CASES) >= 40
    assert {case["kind"] for case in CASES} == {"phrase", "subject", "number", "person", "question", "name"}
    assert len({case["query"] for case in CASES}) == len(CASES)


@pytest.mark.browser
@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}:{c['query']}" for c in CASES])
def test_the_page_a_reader_means_is_in_the_first_three(ranked, case):
    urls = ranked[case["query"]]
    page = expected(case)
    if case.get("first"):
        assert urls[:1] == [page], urls[:3]
    else:
        assert page in urls[:3], urls[:3]
