"""From a push to the published site: the CI configurations (GitHub Actions, GitLab CI) are valid against the
JSON Schemas check-jsonschema ships, check then build, publish only from main; `make check` puts its problems
beside the changed lines (GitHub's ::error workflow command, GitLab's Code Quality report); pre-commit runs
the check when a data file is staged."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github/workflows/site.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}


def validate(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("schema, path", [("vendor.github-workflows", GITHUB), ("vendor.gitlab-ci", GITLAB)])
def test_ci_configurations_are_valid_against_their_published_schemas(schema, path, tmp_path):
    result = validate(schema, path)
    assert result.returncode == 0, result.stdout + result.stderr
    # The validator does fail on a broken file: the same configuration with a job's key misspelt.
    broken = tmp_path / path.name
    text = path.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("runs-on:", "run-on:", 1)
        if path == GITHUB
        else text.replace("  script:\n    - make check", "  scripts:\n    - make check", 1),
        encoding="utf-8",
    )
    assert broken.read_text(encoding="utf-8") != text
    assert validate(schema, broken).returncode != 0


def _steps(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) + str(step.get("uses", "")) for step in job["steps"])


def test_github_checks_every_pull_request_then_builds_and_publishes_main_only():
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    events = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in events and events["push"]["branches"] == ["main"]
    build, publish = workflow["jobs"]["check-and-build"], workflow["jobs"]["publish"]
    runs = _steps(build)
    assert runs.index("make check ANNOTATIONS=github") < runs.index("make build")
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/" and "refs/heads/main" in upload["if"]
    assert "refs/heads/main" in publish["if"] and publish["needs"] == "check-and-build"
    assert "actions/deploy-pages" in _steps(publish) and publish["permissions"]["pages"] == "write"
    make_build = next(s for s in build["steps"] if s.get("run") == "make build")
    assert "steps.pages.outputs.base_url" in make_build["env"]["SITE_URL"]


def test_gitlab_checks_every_merge_request_and_publishes_with_a_pages_job():
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert config["check"]["script"] == ["make check ANNOTATIONS=gitlab"]
    assert config["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    pages = config["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert 'SITE_URL="$CI_PAGES_URL" make build' in pages["script"]
    assert config["build"]["rules"] == [{"if": "$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH"}]
    assert config["stages"].index(pages["stage"]) > config["stages"].index(config["check"]["stage"])


def _bad_copy(tmp_path: Path) -> Path:
    """plan_data/ with one wrong value: agency kind 'nope', on line 10 (column 5: the key) of agencies.yaml."""
    shutil.copytree(ROOT / "plan_data", tmp_path / "plan_data")
    agencies = tmp_path / "plan_data/agencies.yaml"
    lines = agencies.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[9] == "    kind: state\n"
    lines[9] = "    kind: stat\n"
    agencies.write_text("".join(lines), encoding="utf-8")
    return tmp_path


def check(root: Path, host: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "plansite", "check", "--root", str(root), "--annotations", host],
        capture_output=True,
        text=True,
        env=ENV,
    )


def test_github_annotations_put_each_problem_at_its_file_line_and_column(tmp_path):
    result = check(_bad_copy(tmp_path), "github")
    assert result.returncode == 1
    problem = next(line for line in result.stderr.splitlines() if line.startswith("plan_data/agencies.yaml:10:5:"))
    annotations = result.stdout.splitlines()
    assert len(annotations) == 1
    match = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)", annotations[0])
    assert match and match.groups()[:4] == ("plan_data/agencies.yaml", "10", "5", "agencies[0].kind")
    message = match.group(5).replace("%0A", "\n").replace("%25", "%")
    assert message.splitlines()[0] == problem.removeprefix("plan_data/agencies.yaml:10:5: ")
    assert "'stat'" in message and "'state'" in message.splitlines()[-1]  # the hint: did you mean 'state'?


def test_gitlab_code_quality_report_names_file_and_line(tmp_path):
    root = _bad_copy(tmp_path)
    assert check(root, "gitlab").returncode == 1
    [finding] = json.loads((root / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert finding["location"] == {"path": "plan_data/agencies.yaml", "lines": {"begin": 10}}
    assert finding["severity"] == "major" and "'stat'" in finding["description"]
    clean = tmp_path / "clean"
    shutil.copytree(ROOT / "plan_data", clean / "plan_data")
    result = check(clean, "gitlab")
    assert result.returncode == 0
    # Clean data: no error, and the warnings the check prints (offices citizens cannot reach), no more, no less.
    findings = json.loads((clean / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    printed = [line for line in result.stderr.splitlines() if ": Cảnh báo: " in line]
    assert {f["severity"] for f in findings} <= {"minor"}
    assert sorted(f"{f['location']['path']}:{f['location']['lines']['begin']}" for f in findings) == sorted(
        line.split(":", 2)[0] + ":" + line.split(":", 2)[1] for line in printed
    )


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={
            **ENV,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
    )


def test_pre_commit_runs_the_check_on_staged_data_files(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", ".pre-commit-config.yaml"):
        shutil.copy2(ROOT / name, repo / name)  # copy2: mtimes kept, so `make` finds the .venv up to date
    for name in ("hooks", "plan_data", "docs"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    (repo / ".venv").symlink_to(ROOT / ".venv")
    assert _git(repo, "init", "-q").returncode == 0
    assert _git(repo, "add", "-A").returncode == 0
    pre_commit = [str(ROOT / ".venv/bin/pre-commit"), "run"]
    run = lambda: subprocess.run(
        pre_commit,
        cwd=repo,
        capture_output=True,
        text=True,  # noqa: E731
        env={**ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")},
    )
    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Kiểm tra dữ liệu kế hoạch" in clean.stdout and "Passed" in clean.stdout
    _bad_copy(tmp_path / "bad")
    shutil.copy(tmp_path / "bad/plan_data/agencies.yaml", repo / "plan_data/agencies.yaml")
    assert _git(repo, "add", "plan_data/agencies.yaml").returncode == 0
    bad = run()
    assert bad.returncode == 1
    assert "plan_data/agencies.yaml:10:5: agencies[0].kind:" in bad.stdout and "Failed" in bad.stdout
