"""The web form's files of one record each (data/records.py): an agency's contact details, a task's plain
summary and a glossary entry, each in a file of its own, reach the same pages as the shared files' values;
the shared files are never written. All contact details here are made up, in a scratch copy only."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SEED_PLAN, build_site, copy_project
from plansite.data.paths import CONTACT_PATH, GLOSSARY_ENTRY_PATH, SUMMARY_PATH
from plansite.data.problems import DataError
from plansite.reports.project import load_checked, load_scoped

TASK = "quan-triet-cong-tac-dan-toc"
OFFICE = "phong-van-hoa-xa-hoi"  # the plan sends citizens' feedback there: its contacts show on every task page
SUMMARY = "(Ví dụ) Tóm tắt viết trong biểu mẫu cho nhiệm vụ quán triệt công tác dân tộc."
EMAIL = "vi-du@example.gov.vn"


def without_summary(plan_text: str, task: str) -> str:
    """The plan file's text with the `summary:` block of one task removed (as an editor moving it to the form)."""
    lines, out, i = plan_text.splitlines(keepends=True), [], 0
    seen_task = False
    while i < len(lines):
        line = lines[i]
        seen_task = seen_task or line.strip() == f"- id: {task}"
        if seen_task and line.strip().startswith("summary:"):
            indent = len(line) - len(line.lstrip())
            i += 1
            while i < len(lines) and len(lines[i]) - len(lines[i].lstrip()) > indent:
                i += 1
            seen_task = False
            continue
        out.append(line)
        i += 1
    return "".join(out)


def write(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def project_with_form_files(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("form-records"))
    plan_file = root / "plan_data" / "plans" / f"{SEED_PLAN}.yaml"
    plan_file.write_text(without_summary(plan_file.read_text(encoding="utf-8"), TASK), encoding="utf-8")
    write(
        root,
        CONTACT_PATH.format(agency=OFFICE),
        f"agency: {OFFICE}\naddress: (Ví dụ) Số 1 đường Ví Dụ\nemail: {EMAIL}\n",
    )
    write(
        root, SUMMARY_PATH.format(plan=SEED_PLAN, task=TASK), f"plan: {SEED_PLAN}\ntask: {TASK}\nsummary: {SUMMARY}\n"
    )
    write(root, GLOSSARY_ENTRY_PATH.format(name="vd"), "abbr: VD\nfull: Ví dụ\n")
    return root


def test_the_form_files_merge_into_the_model(project_with_form_files):
    shared = {p: p.read_bytes() for p in (project_with_form_files / "plan_data").glob("*.yaml")}
    project, _warnings = load_checked(project_with_form_files)
    office = next(a for a in project.agencies if a.id == OFFICE)
    assert (office.address, office.email, office.phone) == ("(Ví dụ) Số 1 đường Ví Dụ", EMAIL, None)
    plan = next(p for p in project.plans if p.id == SEED_PLAN)
    assert {t.id: t.summary for t in plan.tasks}[TASK] == SUMMARY
    assert sum(t.summary is not None for t in plan.tasks) == len(plan.tasks)  # the others keep the plan file's
    assert ("VD", "Ví dụ") in [(e.abbr, e.full) for e in project.glossary]
    assert {p: p.read_bytes() for p in shared} == shared  # loading never writes a shared file


def test_the_built_pages_show_what_the_form_files_hold(project_with_form_files, tmp_path):
    out = tmp_path / "site"
    result = build_site(project_with_form_files, out)
    assert result.returncode == 0, result.stderr

    def text(*parts: str) -> str:
        html = (out.joinpath(*parts) / "index.html").read_text(encoding="utf-8")
        return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())

    task_page = text("ke-hoach", SEED_PLAN, "nhiem-vu", TASK)
    assert SUMMARY in task_page
    assert f"Thư điện tử: {EMAIL}" in task_page and "Địa chỉ: (Ví dụ) Số 1 đường Ví Dụ" in task_page
    glossary = BeautifulSoup((out / "tu-viet-tat" / "index.html").read_text(encoding="utf-8"), "lxml")
    rows = [[" ".join(c.get_text(" ").split()) for c in tr.find_all(["td", "th"])] for tr in glossary.find_all("tr")]
    assert any(row[:2] == ["VD", "Ví dụ"] for row in rows), rows


def test_the_one_plan_preview_reads_the_plan_s_summaries(project_with_form_files):
    project, _warnings = load_scoped(project_with_form_files, SEED_PLAN)
    assert {t.id: t.summary for t in project.plans[0].tasks}[TASK] == SUMMARY


def test_a_summary_in_both_places_stops_the_load_and_names_both(project_with_form_files, tmp_path):
    root = copy_project(tmp_path)  # the plan file still has the task's summary
    write(
        root, SUMMARY_PATH.format(plan=SEED_PLAN, task=TASK), f"plan: {SEED_PLAN}\ntask: {TASK}\nsummary: {SUMMARY}\n"
    )
    with pytest.raises(DataError) as error:
        load_checked(root)
    [problem] = error.value.problems
    assert problem.file == SUMMARY_PATH.format(plan=SEED_PLAN, task=TASK) and problem.line == 3
    assert f"plan_data/plans/{SEED_PLAN}.yaml:129:" in problem.message and ".summary)" in problem.message
