"""The Decap CMS configuration (`bien-tap/config.yml`): where the form writes, through which git host, and
the fields of each collection (fields.py, from the schemas).

    cms_config(project, host) → dict        config_yaml(config) → the file's text

Reports, agencies' contact details, task summaries and glossary entries: each is a file of its own, so the
form writes new files and rewrites nothing an editor wrote by hand. Decap rewrites a whole file and drops its
comments, so the shared files (agencies.yaml, glossary.yaml, plans/<plan>.yaml) stay out of the form; the
loader merges the form's files into the same model (data/records.py, record_collections.py here).

The report's address comes from the one function that names it (reports/spreadsheet/names.report_path),
filled with Decap's placeholders: the form writes exactly the file `make check` and `make import-report` use.
"""

from __future__ import annotations

import dataclasses
import os

import yaml

from ..data.model import Project
from ..reports.schema import REPORT_FILE
from ..reports.spreadsheet.names import report_path
from .fields import choices, form_fields
from .labels import REPORT
from .record_collections import contact_collection, glossary_collection, summary_collection

# Where `make form-server` (decap-server) listens: the form on 127.0.0.1 writes to this checkout through it.
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
_PLAN, _KIND, _YEAR, _NUMBER = "{{plan}}", "{{period.kind}}", "{{period.year}}", "{{period.number}}"
_REPORTER = "{{reporter}}"


@dataclasses.dataclass(frozen=True)
class GitHost:
    """The repository the form commits to, as mkdocs.yml (`extra.cms`) or the CI's environment names it."""

    backend: str  # "github" or "gitlab"
    repo: str  # owner/name (GitHub), group/name (GitLab)
    branch: str = "main"
    base_url: str | None = None  # GitHub: the OAuth gateway's address (GitHub Pages has none of its own)
    app_id: str | None = None  # GitLab: the OAuth application's id (PKCE, no server needed)
    api_root: str | None = None  # a GitLab of one's own: https://gitlab.example.vn/api/v4


def report_location() -> tuple[str, str, str]:
    """(folder, path, slug) of Decap's report collection, made from `report_path`.

    Decap lower-cases its `path` template and turns its dots into dashes, so placeholders with dots
    (`{{period.year}}`) go into `slug`, whose template is read as written, and `path` names `{{slug}}`.
    A period without a number ('2026-6-thang') and one with ('2026-quy-2') differ by '-<number>': the
    separator is written only when there is a number (Decap's `ternary` filter)."""
    plain = report_path(_PLAN, (_KIND, _YEAR, None), _REPORTER)
    numbered = report_path(_PLAN, (_KIND, _YEAR, _NUMBER), _REPORTER)
    start = next(i for i, (a, b) in enumerate(zip(plain, numbered)) if a != b)
    inserted = numbered[start : len(numbered) - (len(plain) - start)]
    if not (inserted.endswith(_NUMBER) and numbered.endswith(plain[start:])):
        raise ValueError(f"report_path does not insert the period's number at one place: {plain!r}, {numbered!r}")
    separator = inserted.removesuffix(_NUMBER)
    merged = plain[:start] + f"{{{{period.number | ternary('{separator}', '')}}}}{_NUMBER}" + plain[start:]
    stem, extension = merged.rsplit(".", 1)
    parts = stem.split("/")
    fixed = next(i for i, part in enumerate(parts) if "{{" in part)
    period = [i for i, part in enumerate(parts) if "{{period." in part]
    if len(period) != 1 or extension != "yaml":
        raise ValueError(f"expected one path segment naming the period in {merged!r}")
    path = "/".join("{{slug}}" if i == period[0] else part for i, part in enumerate(parts) if i >= fixed)
    return "/".join(parts[:fixed]), path, parts[period[0]]


# Commit messages in Vietnamese; {{slug}} is the report's plan and period ('…/2026-6-thang').
COMMIT_MESSAGES = {
    "create": "Thêm {{collection}} “{{slug}}”",
    "update": "Sửa {{collection}} “{{slug}}”",
    "delete": "Xóa {{collection}} “{{slug}}”",
    "uploadMedia": "Tải lên “{{path}}”",
    "deleteMedia": "Xóa “{{path}}”",
}


def _backend(host: GitHost | None) -> dict:
    if host is None:  # no repository named: the form works only through `make form-server` on this machine
        backend = {"name": "proxy", "proxy_url": LOCAL_PROXY, "branch": "main"}
    else:
        backend = {"name": host.backend, "repo": host.repo, "branch": host.branch}
    if host is not None and host.backend == "github" and host.base_url:
        backend["base_url"] = host.base_url
    if host is not None and host.backend == "gitlab":
        backend |= {
            "auth_type": "pkce",
            **({"app_id": host.app_id} if host.app_id else {}),
            **({"api_root": host.api_root} if host.api_root else {}),
        }
    return backend | {"commit_messages": COMMIT_MESSAGES}


def report_collection(project: Project) -> dict:
    folder, path, slug = report_location()
    return {
        "name": "bao-cao",
        "label": "Báo cáo thực hiện",
        "label_singular": "báo cáo",
        "description": "Mỗi báo cáo là một tệp YAML trong " + folder + "/. Lưu xong, báo cáo chờ duyệt "
        "(yêu cầu hợp nhất); khi được hợp nhất, trang được kiểm tra và xuất bản.",
        "folder": folder,
        "path": path,
        "slug": slug,
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,  # the form never deletes a report: a mistake there loses a whole file
        "identifier_field": "reporter",
        "summary": "{{plan}} · {{period.year}} {{period.kind}} {{period.number}} · {{reporter}}",
        "editor": {"preview": False},
        # `example` marks made-up data for the demo build only; a report written in the form is real.
        "fields": form_fields(
            REPORT_FILE, REPORT, choices(project), leave_out=frozenset({"example"}), refers={"tasks.task": "task"}
        ),
    }


def cms_config(project: Project, host: GitHost | None, site_url: str | None = None) -> dict:
    """The whole configuration; the review workflow (`editorial_workflow`) opens a pull/merge request."""
    options = choices(project)
    config = {
        "locale": "vi",
        "backend": _backend(host),
        "local_backend": {"url": LOCAL_PROXY},  # on 127.0.0.1 with `make form-server` running: writes this checkout
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/minh-chung",
        "public_folder": "docs/minh-chung",  # evidence files (docs/…)
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "_"},
        "show_preview_links": False,
        "collections": [
            report_collection(project),
            contact_collection(options),
            summary_collection(options),
            glossary_collection(options),
        ],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def config_yaml(config: dict) -> str:
    head = "# Generated by the build from the schemas (hooks/plansite/cms/); edit those, not this file.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000)


def host_from_env(settings: dict | None, environ=os.environ) -> GitHost | None:
    """The repository: the CI's environment (GitHub Actions, GitLab CI), with mkdocs.yml's `extra.cms` (backend,
    repo, branch, base_url, app_id, api_root) over it; None when neither names a repository."""
    found: dict[str, str] = {}
    if environ.get("GITHUB_REPOSITORY"):
        found = {"backend": "github", "repo": environ["GITHUB_REPOSITORY"]}
    elif environ.get("CI_PROJECT_PATH"):
        found = {
            "backend": "gitlab",
            "repo": environ["CI_PROJECT_PATH"],
            "branch": environ.get("CI_DEFAULT_BRANCH", "main"),
        }
        if environ.get("CI_API_V4_URL", "https://gitlab.com/api/v4") != "https://gitlab.com/api/v4":
            found["api_root"] = environ["CI_API_V4_URL"]  # a GitLab of one's own
    known = {f.name for f in dataclasses.fields(GitHost)}
    found |= {k: str(v) for k, v in (settings or {}).items() if k in known and v}
    return GitHost(**found) if found.get("backend") and found.get("repo") else None
