"""The web form (Decap CMS on bien-tap/): its fields come from the report schema, it writes the file that
`report_path` names, only its own page loads its code, and its code is package.json's pinned version."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT, load_project
from plansite.cms.config import cms_config, host_from_env, report_location
from plansite.cms.fields import form_fields
from plansite.cms.labels import CONTACT, GLOSSARY_ENTRY, REPORT, SUMMARY
from plansite.data.paths import CONTACT_PATH, GLOSSARY_ENTRY_PATH, SUMMARY_PATH
from plansite.data.schema import ABBREVIATION, CONTACT_FILE, SUMMARY_FILE, SUMMARY_LIMIT
from plansite.data.schema_kinds import Field, Obj
from plansite.data.value_kinds import Line
from plansite.reports.schema import REPORT_FILE, STATUSES
from plansite.reports.spreadsheet.names import report_path

PLAN = "ke-sat-tuyen-giao-dan-van-2025-2030"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def compile_decap(template: str, data: dict) -> str:
    """Decap's string templates as far as the report's path uses them: {{a.b}} and `| ternary('x', 'y')`."""

    def value(match):
        key, _, flt = match.group(1).partition("|")
        found = data
        for part in key.strip().split("."):
            found = found.get(part) if isinstance(found, dict) else None
        if flt.strip():
            yes, no = re.fullmatch(r"ternary\('(.*)',\s*'(.*)'\)", flt.strip()).groups()
            return yes if found else no
        return "" if found is None else str(found)

    return re.sub(r"\{\{(.+?)\}\}", value, template)


def decap_file(entry: dict) -> str:
    """The file Decap writes for a new entry: folder / path, with {{slug}} the compiled slug, + .yaml."""
    folder, path, slug = report_location()
    return f"{folder}/{compile_decap(path, {**entry, 'slug': compile_decap(slug, entry)})}.yaml"


@pytest.mark.parametrize(
    "kind, number", [("6-thang", None), ("nam", None), ("quy", 2), ("thang", 11), ("chuyen-de", None)]
)
def test_the_form_writes_the_file_report_path_names(kind, number):
    entry = {
        "plan": PLAN,
        "reporter": "phong-van-hoa-xa-hoi",
        "period": {"kind": kind, "year": 2026, **({"number": number} if number else {})},
    }
    assert decap_file(entry) == report_path(PLAN, (kind, 2026, number), "phong-van-hoa-xa-hoi")


def test_every_report_field_is_in_the_form_as_the_schema_has_it(project):
    collection = cms_config(project, None)["collections"][0]
    fields = {f["name"]: f for f in collection["fields"]}
    assert list(fields) == [name for name in REPORT_FILE.fields if name != "example"]  # example: demo data only
    for name, spec in REPORT_FILE.fields.items():
        if name != "example":
            assert fields[name]["required"] == spec.required, name
    task = {f["name"]: f for f in fields["tasks"]["fields"]}
    assert [o["value"] for o in task["status"]["options"]] == list(STATUSES)
    assert task["status"]["options"][3]["label"] == "Thực hiện thường xuyên (thuong-xuyen)"
    assert {o["value"] for o in task["task"]["options"]} == {t.id for p in project.plans for t in p.tasks}
    assert task["progress"].items() >= {"widget": "number", "value_type": "int", "min": 0, "max": 100}.items()
    assert [o["value"] for o in fields["reporter"]["options"]] == [a.id for a in project.agencies]
    outputs = {f["name"]: f for f in task["outputs"]["fields"]}
    assert outputs["unit"]["required"] and not outputs["what"]["required"]
    assert outputs["unit"]["pattern"][1] == "Chỉ viết trên một dòng, không xuống dòng."
    assert fields["submitted_on"]["format"] == "YYYY-MM-DD"
    # Every label and hint is Vietnamese text the labels table holds; none is left English.
    assert set(REPORT) == {path for path in _paths(REPORT_FILE) if path != "example"}


def _paths(obj: Obj, prefix: str = "") -> list[str]:
    out = []
    for name, spec in obj.fields.items():
        out.append(prefix + name)
        inner = spec.kind.item if hasattr(spec.kind, "item") else spec.kind
        if isinstance(inner, Obj):
            out += _paths(inner, f"{prefix}{name}.")
    return out


def test_a_schema_field_without_a_vietnamese_label_stops_the_form(project):
    grown = Obj(dict, {**REPORT_FILE.fields, "signer": Field(Line(), "Who signed the report.")})
    with pytest.raises(KeyError, match="signer"):
        form_fields(grown, REPORT, {}, frozenset({"example"}))


def test_the_review_workflow_opens_a_pull_request_on_the_host(project):
    config = cms_config(project, host_from_env({}, {"GITHUB_REPOSITORY": "xa-ke-sat/ke-hoach"}))
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"].items() >= {"name": "github", "repo": "xa-ke-sat/ke-hoach", "branch": "main"}.items()
    gitlab = cms_config(
        project,
        host_from_env(
            {},
            {
                "CI_PROJECT_PATH": "ubnd/ke-sat",
                "CI_DEFAULT_BRANCH": "chinh",
                "CI_API_V4_URL": "https://gitlab.com/api/v4",
            },
        ),
    )["backend"]
    assert gitlab.items() >= {"name": "gitlab", "repo": "ubnd/ke-sat", "branch": "chinh", "auth_type": "pkce"}.items()
    assert "api_root" not in gitlab
    named = host_from_env({"backend": "gitlab", "repo": "so/ke-hoach", "app_id": "abc"}, {"GITHUB_REPOSITORY": "x/y"})
    assert cms_config(project, named)["backend"]["app_id"] == "abc"  # mkdocs.yml's extra.cms wins
    on_gitlab = host_from_env({"app_id": "xyz"}, {"CI_PROJECT_PATH": "ubnd/ke-sat"})  # the id, from mkdocs.yml
    assert cms_config(project, on_gitlab)["backend"]["app_id"] == "xyz"
    assert cms_config(project, on_gitlab)["backend"]["repo"] == "ubnd/ke-sat"
    assert host_from_env({"app_id": "xyz"}, {}) is None  # no repository named anywhere
    local = cms_config(project, host_from_env({}, {}))
    assert local["backend"]["name"] == "proxy" and local["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}


def test_only_the_form_page_loads_the_cms(site):
    page = site / "bien-tap" / "index.html"
    script = re.search(r'<script src="([^"]+)"', page.read_text(encoding="utf-8")).group(1)
    assert script == "decap-cms-3.16.3/decap-cms.js" and (page.parent / script).is_file()
    config = yaml.safe_load((site / "bien-tap" / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["folder"] == "plan_data/reports"
    public = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "bien-tap"]
    assert len(public) > 30
    assert [p for p in public if "decap" in p.read_text(encoding="utf-8").lower()] == []
    sitemaps = [p.read_text(encoding="utf-8") for p in site.glob("sitemap*.xml")]  # the index and its parts
    assert len(sitemaps) >= 1 and not any("bien-tap" in text for text in sitemaps)
    assert not any("bien-tap" in p.name for p in (site / "search").rglob("*"))


def test_the_vendored_cms_is_the_pinned_npm_package():
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["decap-cms"]
    vendored = json.loads((ROOT / "vendor/decap-cms/package.json").read_text(encoding="utf-8"))["version"]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert pinned == vendored == lock["node_modules/decap-cms"]["version"] == "3.16.3"
    dist = ROOT / "node_modules/decap-cms/dist"
    assert json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    copied = sorted(p.name for p in (ROOT / "vendor/decap-cms").iterdir() if p.name != "package.json")
    assert copied == sorted(
        p.name
        for p in dist.iterdir()
        if p.name.endswith((".decap-cms.js", ".wasm")) or p.name in ("decap-cms.js", "decap-cms.js.LICENSE.txt")
    )
    assert all((ROOT / "vendor/decap-cms" / name).read_bytes() == (dist / name).read_bytes() for name in copied)


def collections(project) -> dict[str, dict]:
    return {c["name"]: c for c in cms_config(project, None)["collections"]}


def decap_record_file(collection: dict, entry: dict) -> str:
    """The file Decap writes for a new entry of a collection: folder / path ({{slug}}: the compiled slug) .yaml."""
    slug = compile_decap(collection["slug"], entry)
    return f"{collection['folder']}/{compile_decap(collection['path'], {**entry, 'slug': slug})}.yaml"


def test_the_form_writes_the_files_of_one_record_the_loader_reads(project):
    found = collections(project)
    assert list(found) == ["bao-cao", "lien-he", "tom-tat", "tu-viet-tat"]
    assert (
        decap_record_file(found["lien-he"], {"agency": "phong-van-hoa-xa-hoi"})
        == CONTACT_PATH.format(agency="phong-van-hoa-xa-hoi")
        == "plan_data/contacts/phong-van-hoa-xa-hoi.yaml"
    )
    task = "quan-triet-cong-tac-dan-toc"
    assert (
        decap_record_file(found["tom-tat"], {"plan": PLAN, "task": task})
        == SUMMARY_PATH.format(plan=PLAN, task=task)
        == f"plan_data/summaries/{PLAN}/{task}.yaml"
    )
    # A glossary entry's file is named by Decap's slug of the abbreviation; the loader reads any name there.
    assert decap_record_file(found["tu-viet-tat"], {"abbr": "ubnd"}) == GLOSSARY_ENTRY_PATH.format(name="ubnd")
    for name in ("lien-he", "tom-tat", "tu-viet-tat"):
        assert found[name]["delete"] is False and found[name]["format"] == "yaml"  # never a shared file


@pytest.mark.parametrize(
    "name, schema, labels",
    [
        ("lien-he", CONTACT_FILE, CONTACT),
        ("tom-tat", SUMMARY_FILE, SUMMARY),
        ("tu-viet-tat", ABBREVIATION, GLOSSARY_ENTRY),
    ],
)
def test_each_record_form_has_the_schema_fields_with_vietnamese_labels(project, name, schema, labels):
    fields = {f["name"]: f for f in collections(project)[name]["fields"]}
    assert list(fields) == list(schema.fields) == list(labels)
    for key, spec in schema.fields.items():
        assert fields[key]["required"] == spec.required, key
        assert fields[key]["label"] == labels[key][0]


def test_the_ids_a_record_form_names_are_chosen_from_the_data(project):
    found = collections(project)
    agency = {f["name"]: f for f in found["lien-he"]["fields"]}["agency"]
    assert agency["widget"] == "select" and [o["value"] for o in agency["options"]] == [a.id for a in project.agencies]
    summary = {f["name"]: f for f in found["tom-tat"]["fields"]}
    assert summary["plan"]["widget"] == summary["task"]["widget"] == "select"
    assert [o["value"] for o in summary["plan"]["options"]] == [p.id for p in project.plans]
    assert {o["value"] for o in summary["task"]["options"]} == {t.id for p in project.plans for t in p.tasks}
    # The form stops a summary past the limit (the check's own bound), before anything is saved.
    pattern = re.compile(summary["summary"]["pattern"][0])
    assert pattern.match("x" * SUMMARY_LIMIT) and not pattern.match("x" * (SUMMARY_LIMIT + 1))
    email = {f["name"]: f for f in found["lien-he"]["fields"]}["email"]
    assert re.match(email["pattern"][0], "vi-du@example.gov.vn") and not re.match(email["pattern"][0], "vi-du@")
    abbr = {f["name"]: f for f in found["tu-viet-tat"]["fields"]}["abbr"]
    assert re.match(abbr["pattern"][0], "QĐ/TW") and not re.match(abbr["pattern"][0], "UBND (xã)")
    assert abbr["pattern"][1].startswith("Viết đúng chữ viết tắt")
