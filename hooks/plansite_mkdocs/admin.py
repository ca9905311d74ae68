"""The form's page (`bien-tap/`): the page itself, its generated config.yml, and Decap CMS's code from
vendor/decap-cms/ (package.json's pinned version, copied by `make cms-vendor`). Only this page loads the
CMS; no public page links to its code. The site's search, sitemap and page checks leave it out.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from plansite.addresses import ADMIN
from plansite.cms.config import cms_config, config_yaml, host_from_env
from plansite.data.model import Project

from .vendored import vendor_version

VENDOR = Path("vendor/decap-cms")

# Editor-facing, in Vietnamese: text of the web form, which Decap shows as written.
_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Biên tập dữ liệu – {site_name}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript><p>Trang biên tập cần bật JavaScript. Có thể sửa trực tiếp tệp YAML theo
<a href="../huong-dan-bien-tap/">hướng dẫn biên tập</a>.</p></noscript>
<script src="{script}"></script>
</body>
</html>
"""


def admin_files(project: Project, root: Path, config) -> dict[str, bytes | str]:
    """{site path: bytes, or a path relative to the project} of the form's page and code."""
    code = f"{ADMIN}/decap-cms-{vendor_version(root, VENDOR)}"
    page = _PAGE.format(
        site_name=escape(config.site_name), script=escape(f"decap-cms-{vendor_version(root, VENDOR)}/decap-cms.js")
    )
    host = host_from_env(config.extra.get("cms"))
    files: dict[str, bytes | str] = {
        f"{ADMIN}/index.html": page.encode("utf-8"),
        f"{ADMIN}/config.yml": config_yaml(cms_config(project, host, config.site_url)).encode("utf-8"),
    }
    for path in sorted((root / VENDOR).iterdir()):
        if path.name != "package.json":
            files[f"{code}/{path.name}"] = VENDOR / path.name
    return files
