"""The real plan data: it loads, it is faithful to the signed text, and it is documented."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys

import jsonschema
import yaml
from fidelity import normalise, reconstruct, source_sentences, source_stream

from conftest import ROOT, SOURCE, load_project, seed_plan
from plansite.data import model, registry_model
from plansite.data.paths import data_files
from plansite.data.schema_kinds import List, Obj
from plansite.reports import model as report_model
from plansite.reports.project import FILE_KINDS, schema_documents
from plansite_mkdocs import runner

# Fields that hold the plan's own words (not ids, labels, vocabularies or editors' notes).
TEXT_FIELDS = {
    "text",
    "heading",
    "title",
    "preamble",
    "details",
    "closing",
    "name",
    "authority",
    "on_behalf",
    "position",
    "document_type",
}


def plan_texts(value, field_name=None):
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from plan_texts(getattr(value, f.name), f.name)
    elif isinstance(value, tuple):
        for item in value:
            yield from plan_texts(item, field_name)
    elif isinstance(value, str) and field_name in TEXT_FIELDS:
        yield value


def test_real_data_loads():
    project = load_project(ROOT)
    plan_files = [path for kind, path in data_files(ROOT) if kind == "plan"]
    assert len(project.plans) == len(plan_files) and all(plan.tasks for plan in project.plans)
    assert project.agencies and project.documents


def test_seed_plan_is_the_signed_plan():
    """The one place for exact counts: the seed plan as signed (other plans may be added beside it)."""
    plan = seed_plan(load_project(ROOT))
    assert [t.id for t in plan.tasks][:1] == ["quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van"]
    assert len(plan.tasks) == 5
    assert len(set(plan.basis) | {doc for task in plan.tasks for doc in task.cites}) == 8  # documents it cites
    assert plan.number is None and plan.issued_on is None  # the source text does not show them
    assert plan.source_text == SOURCE.name


def test_every_sentence_of_the_source_is_in_the_data():
    data = reconstruct(seed_plan(load_project(ROOT)))
    missing = [s for s in source_sentences(SOURCE) if s not in data]
    assert not missing, missing


def test_every_text_of_the_data_is_in_the_source():
    stream = normalise(source_stream(SOURCE).replace("\n", " "))
    missing = [t for t in plan_texts(seed_plan(load_project(ROOT))) if normalise(t) not in stream]
    assert not missing, missing


def test_source_slips_are_kept_word_for_word():
    texts = " ".join(plan_texts(seed_plan(load_project(ROOT))))
    assert "01-CTr/BXDĐ-UBNDP" in texts and "01- CTr/BXDĐ-UBNDX" in texts and "Uỷ ban nhân dân xã Kẻ Sặt" in texts


def test_check_command_passes_on_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--root", str(ROOT)],
        capture_output=True,
        text=True,
        env=runner.build_env(),
    )
    assert result.returncode == 0, result.stderr
    # The only warnings: the feedback offices with no contact in the data (tests/test_notice.py reads them),
    # in Vietnamese as editors read them.
    assert all(
        "Cảnh báo: Cần một cách để người dân liên hệ với" in line or line.startswith("  Gợi ý: ")
        for line in result.stderr.splitlines()
    ), result.stderr
    assert result.stdout.startswith("plan_data: Không có lỗi: "), result.stdout
    project = load_project(ROOT)
    expected = {
        "kế hoạch": len(project.plans),
        "nhiệm vụ": sum(len(plan.tasks) for plan in project.plans),
        "cơ quan": len(project.agencies),
        "văn bản": len(project.documents),
    }
    reported = {label: int(n) for n, label in re.findall(r"(\d+) (kế hoạch|nhiệm vụ|cơ quan|văn bản)", result.stdout)}
    assert reported == expected, result.stdout


def _specs(spec, seen=None):
    seen = seen if seen is not None else []
    if isinstance(spec, List):
        _specs(spec.item, seen)
    elif isinstance(spec, Obj) and spec not in seen:
        seen.append(spec)
        for f in spec.fields.values():
            _specs(f.kind, seen)
    return seen


ALL_SPECS = [s for root in FILE_KINDS.values() for s in _specs(root)]


def test_schema_and_model_have_the_same_fields():
    for spec in ALL_SPECS:
        model_fields = {f.name for f in dataclasses.fields(spec.cls)} - {"origin"}
        assert model_fields == set(spec.fields), spec.cls.__name__
    documented = {spec.cls for spec in ALL_SPECS}
    records = {
        c
        for module in (model, registry_model, report_model)
        for c in vars(module).values()
        if dataclasses.is_dataclass(c) and c.__module__ == module.__name__
    } - {model.Origin, model.Project, report_model.ReportedProject}
    assert records == documented


GUIDE = ROOT / "docs" / "huong-dan-bien-tap.md"
# The editor's guide's section for each kind of data file (FILE_KINDS); ### subsections belong to it.
GUIDE_SECTIONS = {
    "places": "## Thêm một địa phương",
    "agencies": "## Thêm một cơ quan",
    "legal": "## Thêm một văn bản pháp lý",
    "plan": "## Thêm một kế hoạch",
    "report": "## Thêm một báo cáo thực hiện",
    "glossary": "## Thêm từ viết tắt",
    **dict.fromkeys(("contact", "summary", "glossary-entry"), "## Mỗi mục một tệp"),
}


def guide_section(guide: str, heading: str) -> list[str]:
    """The lines of the section whose heading starts with `heading`, up to the next heading of its level or
    above; lines inside ``` code blocks are left out (they are examples, not documentation)."""
    level = len(heading.split()[0])
    lines, inside, in_code = [], False, False
    for line in guide.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if re.match(rf"#{{1,{level}}} ", line):
            if inside:
                break
            inside = line.startswith(heading)
        elif inside:
            lines.append(line)
    assert lines, f"no section {heading!r} in {GUIDE.name}"
    return lines


def test_every_field_is_documented_in_the_editors_guide():
    """Each field has a table row (a line starting with `|`) in the guide's section for its own file kind."""
    guide = GUIDE.read_text(encoding="utf-8")
    no_section = sorted(set(FILE_KINDS) - set(GUIDE_SECTIONS))
    assert not no_section, f"file kinds with no section in {GUIDE.name} (add one, and to GUIDE_SECTIONS): {no_section}"
    missing = []
    for kind, root in FILE_KINDS.items():
        rows = [line for line in guide_section(guide, GUIDE_SECTIONS[kind]) if line.startswith("|")]
        missing += [
            f"{kind}: {spec.cls.__name__}.{name}"
            for spec in _specs(root)
            for name in spec.fields
            if not any(f"`{name}`" in row for row in rows)
        ]
    assert not missing, f"fields with no table row in their section of {GUIDE.name}: {missing}"


def test_json_schemas_are_in_step_with_the_model():
    for name, text in schema_documents().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run `make schemas` ({name})"


FORM_FILE_KINDS = frozenset({"contact", "summary", "glossary-entry"})


def test_real_data_validates_against_the_json_schemas():
    files = data_files(ROOT)  # every data file the loader reads, with its kind
    assert files and {kind for kind, _ in files} <= set(FILE_KINDS)
    for kind, path in files:
        schema_doc = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        # The web form (Decap) writes its files of one record each without comments: no schema line there.
        assert text.startswith("# yaml-language-server: $schema=") or kind in FORM_FILE_KINDS, path
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))
        jsonschema.validate(data, schema_doc)
