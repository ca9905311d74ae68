"""The both-way index (site/index/relations.py) is built once into small frozen parts, and keeps each entry once
however often a text names it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import ROOT, load_project
from golden_pages import case_project
from plansite.site.index.relations import build_relations


@pytest.fixture(scope="module")
def seed():
    return load_project(ROOT)


def test_every_part_is_frozen_and_read_only(seed):
    rel = build_relations(seed, None)
    parts = [getattr(rel, f.name) for f in dataclasses.fields(rel)]
    assert [type(p).__name__ for p in parts] == ["Names", "Assignments", "Citations", "Orders", "Progress", "Calendar"]
    for part in [rel, *parts]:
        field = dataclasses.fields(part)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(part, field, None)
    agency = next(iter(rel.who.leads))
    with pytest.raises(TypeError):
        rel.who.leads[agency] = ()  # read-only mappings ...
    assert isinstance(rel.who.leads[agency], tuple)  # ... of tuples
    with pytest.raises(TypeError):
        rel.progress.timelines[("x", "y")] = ()


def test_a_task_naming_an_agency_twice_is_listed_once(tmp_path):
    """A task whose text and details name the same body several times is one entry of its 'mentioned in'."""
    plan = (Path(__file__).parent / "golden" / "base" / "plan_data" / "plans" / "mau.yaml").read_text(encoding="utf-8")
    plan = plan.replace(
        "          text: Tuyên truyền Chỉ thị số 33/CT-TTg.\n",
        "          text: Ủy ban nhân dân xã tuyên truyền Chỉ thị số 33/CT-TTg; Ủy ban nhân dân xã chủ trì.\n"
        "          details: [Ủy ban nhân dân xã báo cáo., Chỉ thị số 33/CT-TTg được phổ biến.]\n",
    )
    project = load_project(case_project({"files": {"plan_data/plans/mau.yaml": plan}}, tmp_path))
    rel = build_relations(project, None)
    mau = project.plans[0]
    assert [(p.id, t.id) for p, t in rel.who.mentioned_in["ubnd-xa"]] == [("mau", "tuyen-truyen")]
    assert [d.id for d in rel.cites.task_documents[("mau", "tuyen-truyen")]] == ["chi-thi-33"]  # cited, and named twice
    assert [(p.id, t.id) for p, t in rel.cites.cited_by_tasks["chi-thi-33"]] == [("mau", "tuyen-truyen")]
    assert [(p.id, item.number) for p, item in rel.who.reported_to["ubnd-xa"]] == [("mau", "1")]
    assert rel.cites.cited_by_plans["chi-thi-33"] == (mau,)
