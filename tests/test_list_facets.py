"""Filters on the lists of tasks, agencies and documents (site/parts/facets.py `list_filters`, parts.entries,
docs/assets/plan-facets.js): each item carries the model's ids; a page with several lists gets one filter
per list that could be narrowed; in Chromium a choice hides the other items, names its list, and lives in
the address."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, load_project, seed_plan
from plansite.site.index.relations import build_relations
from plansite.site.parts.facets import agency_ids, task_ids

AGENCY = "co-quan/phong-van-hoa-xa-hoi"  # leads three tasks of the seed plan, of two timing kinds


def soup_of(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def item_ids(item, data: dict) -> dict[str, list[str]]:
    """facet key → the ids of a list item: its attributes hold their positions in the blob's options."""
    options = {f["key"]: [o[0] for o in f["options"]] for f in data["facets"]}
    return {key: [options[key][int(n)] for n in item[f"data-{key}"].split()] for key in options}


def test_list_items_carry_the_ids_of_the_model(site):
    project = load_project(ROOT)
    rel = build_relations(project, None)
    plan = seed_plan(project)
    by_url = {f"{task.id}/": task_ids(plan, task, rel.cites, rel.progress) for task in plan.tasks}
    checked = 0
    all_keys = ("lead", "cites", "timing", "forms", "status")
    for path in (AGENCY, "co-quan/luc-luong-vu-trang-xa", "co-quan/phong-chuyen-mon-don-vi-truc-thuoc"):
        page = soup_of(site, path)
        for box in page.select(".ps-facets[data-blob]"):
            # an item carries the ids of the facets its list's filters show, and no others (dead weight)
            data = json.loads(page.find("script", id=box["data-blob"]).string)
            shown = [f["key"] for f in data["facets"]]
            assert shown and set(shown) <= set(all_keys), path
            for item in page.select(f"ul#{box['data-table']} > li"):
                ids = by_url[item.a["href"].rsplit("/", 2)[-2] + "/"]
                for key in all_keys:
                    if key in shown:
                        assert item_ids(item, data)[key] == list(ids[key]), (path, key)
                        checked += 1
                    else:
                        assert f"data-{key}" not in item.attrs, (path, key)
    assert checked >= 20
    agencies = {a.id: a for a in project.agencies}
    index = soup_of(site, "co-quan")
    lists = index.select("ul.ps-list")
    assert lists
    for ul in lists:
        data = json.loads(index.find("script", id=f"{ul['id']}-facets").string)
        for item in ul.select(":scope > li"):
            agency = agencies[item.a["href"].strip("/").rsplit("/", 1)[-1]]
            assert item_ids(item, data)["place"] == list(agency_ids(agency)["place"])


def test_a_list_gets_filters_only_where_they_narrow_it(site):
    page = soup_of(site, AGENCY)
    boxes = page.select(".ps-facets[data-blob]")
    assert [b["data-table"] for b in boxes] == ["ps-list-chu-tri"]  # its other lists hold one task or none
    blob = page.find("script", id=boxes[0]["data-blob"])
    assert blob["type"] == "application/json" and "<" not in blob.string
    facets = json.loads(blob.string)["facets"]
    items = page.select("#ps-list-chu-tri > li")
    assert len(facets) >= 2 and all(f["param"].startswith("chu-tri.") for f in facets)  # words of its own
    for facet in facets:  # each facet hides some item for some choice: none is there for nothing
        values = [set(item[f"data-{facet['key']}"].split()) for item in items]  # positions in the options
        assert any(0 < sum(str(n) in v for v in values) < len(items) for n in range(len(facet["options"]))), facet[
            "key"
        ]


@pytest.mark.browser
def test_choosing_a_document_hides_the_other_tasks_and_is_kept_in_the_address(site, serve, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(serve(site) + AGENCY + "/")
    items = page.locator("#ps-list-chu-tri > li")
    total = items.count()
    assert total >= 3
    form = page.locator("form.ps-facets__form")
    assert form.get_attribute("aria-label") == "Lọc nhiệm vụ: Nhiệm vụ chủ trì, thực hiện"
    page.locator("form.ps-facets__form summary").click()
    blob = json.loads(page.locator("#ps-list-chu-tri-facets").text_content())
    documents = next(f["options"] for f in blob["facets"] if f["key"] == "cites")
    cited = [[documents[int(n)][0] for n in item.get_attribute("data-cites").split()] for item in items.all()]
    options = page.locator("#ps-list-chu-tri-cites option").evaluate_all("os => os.map(o => o.value)")
    doc = next(o for o in options[1:] if 0 < sum(o in c for c in cited) < total)  # one that narrows the list
    page.select_option("#ps-list-chu-tri-cites", doc)
    shown = [i for i in range(total) if items.nth(i).is_visible()]
    expected = [i for i in range(total) if doc in cited[i]]
    assert shown == expected and 0 < len(shown) < total
    assert re.search(rf"Hiển thị {len(shown)}/{total} nhiệm vụ", page.locator(".ps-facets__status").inner_text())
    assert f"chu-tri.can-cu={doc}" in page.url
    page.reload()
    assert [i for i in range(total) if items.nth(i).is_visible()] == expected  # restored from the address
    assert not errors
