"""Loader behaviour that golden texts alone don't show: NFC on load, positions, speed limits."""

from __future__ import annotations

import shutil
import unicodedata

from conftest import ROOT, load_project, seed_plan
from plansite.data.yamlsource import read_yaml


def test_nfd_input_is_normalised_to_nfc(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(ROOT / "tests/golden/base", project)
    agencies = project / "plan_data/agencies.yaml"
    agencies.write_text(unicodedata.normalize("NFD", agencies.read_text(encoding="utf-8")), encoding="utf-8")
    names = [a.name for a in load_project(project).agencies]
    assert names == ["Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội xã"]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_records_remember_file_line_and_column():
    plan = seed_plan(load_project(ROOT))
    task = plan.tasks[1]
    assert task.origin.file == "plan_data/plans/ke-sat-tuyen-giao-dan-van-2025-2030.yaml"
    line = task.origin.line
    text = (ROOT / task.origin.file).read_text(encoding="utf-8").splitlines()[line - 1]
    assert text.strip() == "- id: quan-triet-cong-tac-dan-toc"


def test_alias_bomb_is_refused_quickly(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    bomb.write_text("\n".join(lines) + "\n")
    # Expanded, this is 10^9 values; returning at all shows the loader stopped at its bound.
    doc, problems = read_yaml(bomb, "bomb.yaml")
    assert doc is None and "bí danh YAML" in problems[0].message
