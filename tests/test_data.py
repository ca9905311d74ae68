"""The real plan data: it loads, it is faithful to the signed text, and it is documented."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import jsonschema
import yaml

from conftest import ROOT, SOURCE
from fidelity import normalise, reconstruct, source_sentences, source_stream
from plansite.data import model, schema
from plansite.__main__ import schema_documents
from plansite.data.load import load_project
from plansite.data.schema_kinds import List, Obj

# Fields that hold the plan's own words (not ids, labels, vocabularies or editors' notes).
TEXT_FIELDS = {"text", "heading", "title", "preamble", "details", "closing", "name", "authority", "on_behalf",
               "position", "document_type"}


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
    plan = project.plans[0]
    assert [t.id for t in plan.tasks][:1] == ["quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van"]
    assert len(plan.tasks) == 5 and len(project.documents) == 8
    assert plan.number is None and plan.issued_on is None  # the source text does not show them


def test_every_sentence_of_the_source_is_in_the_data():
    data = reconstruct(load_project(ROOT).plans[0])
    missing = [s for s in source_sentences(SOURCE) if s not in data]
    assert not missing, missing


def test_every_text_of_the_data_is_in_the_source():
    stream = normalise(source_stream(SOURCE).replace("\n", " "))
    missing = [t for t in plan_texts(load_project(ROOT).plans[0]) if normalise(t) not in stream]
    assert not missing, missing


def test_source_slips_are_kept_word_for_word():
    texts = " ".join(plan_texts(load_project(ROOT).plans[0]))
    assert "01-CTr/BXDĐ-UBNDP" in texts and "01- CTr/BXDĐ-UBNDX" in texts and "Uỷ ban nhân dân xã Kẻ Sặt" in texts


def test_check_command_passes_on_real_data():
    result = subprocess.run([sys.executable, "-m", "plansite", "check", "--root", str(ROOT)],
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("plan_data: OK: 1 plan(s), 5 tasks")
    assert result.stderr == ""


def _specs(spec, seen=None):
    seen = seen if seen is not None else []
    if isinstance(spec, List):
        _specs(spec.item, seen)
    elif isinstance(spec, Obj) and spec not in seen:
        seen.append(spec)
        for f in spec.fields.values():
            _specs(f.kind, seen)
    return seen


ALL_SPECS = [s for root in schema.FILE_KINDS.values() for s in _specs(root)]


def test_schema_and_model_have_the_same_fields():
    for spec in ALL_SPECS:
        model_fields = {f.name for f in dataclasses.fields(spec.cls)} - {"origin"}
        assert model_fields == set(spec.fields), spec.cls.__name__
    documented = {spec.cls for spec in ALL_SPECS}
    records = {c for c in vars(model).values() if dataclasses.is_dataclass(c)} - {model.Origin, model.Project}
    assert records == documented


def test_every_field_is_documented_in_the_editors_guide():
    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    missing = sorted({name for spec in ALL_SPECS for name in spec.fields if f"`{name}`" not in guide})
    assert not missing, f"fields not documented in docs/huong-dan-bien-tap.md: {missing}"


def test_json_schemas_are_in_step_with_the_model():
    for name, text in schema_documents().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, f"run `make schemas` ({name})"


def test_real_data_validates_against_the_json_schemas():
    files = {"agencies": [ROOT / "plan_data/agencies.yaml"], "legal": [ROOT / "plan_data/legal.yaml"],
             "plan": sorted((ROOT / "plan_data/plans").glob("*.yaml"))}
    for kind, paths in files.items():
        schema_doc = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for path in paths:
            text = path.read_text(encoding="utf-8")
            assert text.startswith("# yaml-language-server: $schema=")
            data = json.loads(json.dumps(yaml.safe_load(text), default=str))
            jsonschema.validate(data, schema_doc)
