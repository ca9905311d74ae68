"""The loader under random input (hypothesis). Atomic publishing is tested in test_publish.py."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, load_project
from plansite.data.problems import DataError

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=30),
    st.sampled_from(["2025-02-31", "11/11/2025", "state", "ubnd-xa", "../x", "javascript:x"]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["id", "name", "kind", "aliases", "agencies", "documents", "title", "type", "relations", "target", "content"]
    ),
)
trees = st.recursive(
    scalars, lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(keys, kids, max_size=5)), max_leaves=25
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agencies=trees, legal=trees)
def test_random_yaml_ends_in_a_model_or_a_clean_error(tmp_path_factory, agencies, legal):
    project = tmp_path_factory.mktemp("fuzz")
    (project / "plan_data" / "plans").mkdir(parents=True)
    base = ROOT / "tests/golden/base/plan_data"
    (project / "plan_data/plans/mau.yaml").write_bytes((base / "plans/mau.yaml").read_bytes())
    (project / "plan_data/agencies.yaml").write_text(yaml.safe_dump(agencies, allow_unicode=True), encoding="utf-8")
    (project / "plan_data/legal.yaml").write_text(yaml.safe_dump(legal, allow_unicode=True), encoding="utf-8")
    try:
        load_project(project)
    except DataError as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
def test_random_bytes_end_in_a_clean_error(tmp_path_factory, raw):
    project = tmp_path_factory.mktemp("fuzzbytes")
    base = ROOT / "tests/golden/base"
    for name in ("plan_data/agencies.yaml", "plan_data/plans/mau.yaml"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes((base / name).read_bytes())
    (project / "plan_data/legal.yaml").write_bytes(raw)
    try:
        load_project(project)
    except DataError as error:
        assert error.problems
