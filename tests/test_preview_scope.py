"""A preview scoped to one plan (`make serve PLAN=<id>`, PLANSITE_PREVIEW_PLAN): every registry, that plan
and its reports, checked by the build's own loader; every page says it is a preview of one plan."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SEED_PLAN, WARNING_LINE, copy_project, load_project
from plansite.data.problems import DataError
from plansite.data.scope import PREVIEW_ENV
from plansite.reports.project import load_scoped
from plansite_mkdocs import runner

OTHER_PLAN = "ke-sat-ban-sao"  # a second plan: the seed plan under another id
UNUSED_AGENCY = "ban-khong-duoc-nhac"  # an agency no plan names


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory) -> Path:
    """The project with a second plan, an agency that no plan names, and (made-up, demo) reports for each
    of the two plans."""
    project = copy_project(tmp_path_factory.mktemp("scope"))
    agencies = project / "plan_data" / "agencies.yaml"
    agencies.write_text(
        agencies.read_text(encoding="utf-8").replace(
            "agencies:\n",
            f"""agencies:
  - id: {UNUSED_AGENCY}
    name: Ban Chưa được nhắc đến xã
    kind: state
    place: ke-sat

""",
            1,
        ),
        encoding="utf-8",
    )
    plans = project / "plan_data" / "plans"
    seed = (plans / f"{SEED_PLAN}.yaml").read_text(encoding="utf-8")
    (plans / f"{OTHER_PLAN}.yaml").write_text(
        seed.replace(f"id: {SEED_PLAN}", f"id: {OTHER_PLAN}", 1), encoding="utf-8"
    )
    for plan in (SEED_PLAN, OTHER_PLAN):
        reports = project / "plan_data" / "reports" / plan
        shutil.copytree(ROOT / "demo" / "plan_data" / "reports" / SEED_PLAN, reports)
        for report in reports.rglob("*.yaml"):
            report.write_text(
                report.read_text(encoding="utf-8").replace(f"plan: {SEED_PLAN}", f"plan: {plan}"), encoding="utf-8"
            )
    return project


def scoped_build(project: Path, out: Path, plan_id: str) -> subprocess.CompletedProcess:
    """`mkdocs build` of `project` with PLANSITE_PREVIEW_PLAN=plan_id (what `make serve PLAN=…` sets)."""
    return subprocess.run(
        runner.build_command(project / "mkdocs.yml", out),
        cwd=project,
        capture_output=True,
        text=True,
        env={**runner.build_env(), PREVIEW_ENV: plan_id},
    )


def test_scoped_load_has_every_registry_and_only_that_plan_and_its_reports(two_plans):
    full = load_project(two_plans)
    scoped, _ = load_scoped(two_plans, SEED_PLAN)
    assert [plan.id for plan in scoped.plans] == [SEED_PLAN]
    assert {report.plan for report in full.reports} == {SEED_PLAN, OTHER_PLAN}
    assert scoped.reports and {report.plan for report in scoped.reports} == {SEED_PLAN}
    assert len(scoped.reports) == sum(1 for report in full.reports if report.plan == SEED_PLAN)
    assert (scoped.places, scoped.agencies, scoped.documents, scoped.glossary) == (
        full.places,
        full.agencies,
        full.documents,
        full.glossary,
    )
    # Problems name the project's own files, as in the full build
    assert scoped.plans[0].origin.file == f"plan_data/plans/{SEED_PLAN}.yaml"


def test_scoped_load_checks_the_registries_and_the_plan_not_the_other_plans(tmp_path):
    project = copy_project(tmp_path)
    plans = project / "plan_data" / "plans"
    seed = (plans / f"{SEED_PLAN}.yaml").read_text(encoding="utf-8")
    (plans / f"{OTHER_PLAN}.yaml").write_text(
        seed.replace(f"id: {SEED_PLAN}", f"id: {OTHER_PLAN}", 1).replace(
            "issuer: ubnd-xa-ke-sat", "issuer: ubnd-xa-ke-sad"
        ),
        "utf-8",
    )
    with pytest.raises(DataError):  # the full build refuses the other plan's unknown issuer
        load_project(project)
    assert [plan.id for plan in load_scoped(project, SEED_PLAN)[0].plans] == [SEED_PLAN]
    with pytest.raises(DataError) as error:
        load_scoped(project, OTHER_PLAN)
    assert f"plan_data/plans/{OTHER_PLAN}.yaml:" in error.value.report() and "'ubnd-xa-ke-sat'" in error.value.report()
    agencies = project / "plan_data" / "agencies.yaml"
    agencies.write_text(
        agencies.read_text(encoding="utf-8").replace("kind: public-service", "kind: public-servise"), encoding="utf-8"
    )
    with pytest.raises(DataError) as error:  # a registry is checked whichever plan is previewed
        load_scoped(project, SEED_PLAN)
    assert "plan_data/agencies.yaml:" in error.value.report() and "public-service" in error.value.report()


def test_scoped_build_has_only_that_plan_and_a_banner_on_every_page(two_plans, tmp_path):
    result = scoped_build(two_plans, tmp_path / "site", SEED_PLAN)
    assert result.returncode == 0, result.stderr
    assert not [line for line in (result.stdout + result.stderr).splitlines() if WARNING_LINE.search(line)]
    site = tmp_path / "site"
    assert (site / "ke-hoach" / SEED_PLAN / "index.html").is_file()
    assert (site / "ke-hoach" / SEED_PLAN / "phu-luc" / "index.html").is_file()
    assert not (site / "ke-hoach" / OTHER_PLAN).exists()
    assert OTHER_PLAN not in (site / "ke-hoach" / "index.html").read_text(encoding="utf-8")
    # Agencies and documents: the pages that the plan's pages link to; not the others
    plan_page = (site / "ke-hoach" / SEED_PLAN / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="(?:\.\./)*((?:co-quan|van-ban)/[\w-]+)/"', plan_page))
    assert "co-quan/ubnd-xa-ke-sat" in linked and any(uri.startswith("van-ban/") for uri in linked)
    assert [uri for uri in linked if not (site / uri / "index.html").is_file()] == []
    assert not (site / "co-quan" / UNUSED_AGENCY).exists()
    # Exactly the records that the pages outside the registries link to have their pages (from the relations)
    outside = [page for page in site.rglob("*.html") if page.relative_to(site).parts[0] not in ("co-quan", "van-ban")]
    linked_anywhere = {
        uri
        for page in outside
        for uri in re.findall(r'href="(?:\.\./)*((?:co-quan|van-ban)/[\w-]+)/"', page.read_text(encoding="utf-8"))
    }
    built = {
        f"{folder}/{record.name}"
        for folder in ("co-quan", "van-ban")
        for record in (site / folder).iterdir()
        if (record / "index.html").is_file()
    }
    assert len(built) > 10 and built == linked_anywhere, (built - linked_anywhere, linked_anywhere - built)
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count('class="ps-demo-banner ps-preview-banner"') == 1, page
        assert f"<code>{SEED_PLAN}</code>" in text and "Bản xem trước một kế hoạch" in text, page


def test_a_build_without_the_variable_has_every_plan_and_no_preview_banner(two_plans, tmp_path, monkeypatch):
    monkeypatch.delenv(PREVIEW_ENV, raising=False)
    result = runner.build(two_plans, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "ke-hoach" / SEED_PLAN / "index.html").is_file()
    assert (site / "ke-hoach" / OTHER_PLAN / "index.html").is_file()
    assert (site / "co-quan" / UNUSED_AGENCY / "index.html").is_file()
    assert not [page for page in site.rglob("index.html") if "ps-preview-banner" in page.read_text(encoding="utf-8")]


def test_unknown_plan_is_a_clear_error_not_a_traceback(tmp_path):
    project = copy_project(tmp_path)
    result = scoped_build(project, tmp_path / "site", "ke-sat-tuyen-giao")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"({PREVIEW_ENV}): Cần mã một kế hoạch trong plan_data/plans/ nhưng nhận được 'ke-sat-tuyen-giao'" in output
    assert f"các mã kế hoạch hiện có là '{SEED_PLAN}'" in output
    assert f"Gợi ý: có phải là '{SEED_PLAN}'?" in output and "make serve PLAN=<mã kế hoạch>" in output
    assert not (tmp_path / "site" / "index.html").exists()


def make_dry_run(*args: str) -> str:
    """The commands `make` would run (`make -n`), nothing run."""
    return subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_builds_that_publish_never_scope():
    """`make build`, `demo`, `offline`, `bench` and the tests clear the variable before building, even if the
    editor's shell exports it; only `make serve PLAN=…` sets it."""
    for target in ("build", "demo", "offline", "bench", "test", "test-quick"):
        assert f"env -u {PREVIEW_ENV} " in make_dry_run(target, "PLAN=x"), target
    assert f'env -u {PREVIEW_ENV} {PREVIEW_ENV}="{SEED_PLAN}" ' in make_dry_run("serve", f"PLAN={SEED_PLAN}")
    assert f"{PREVIEW_ENV}=" not in make_dry_run("serve")
