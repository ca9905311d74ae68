"""The site's public address (`site_url`): mkdocs.yml's, else the host's environment (SITE_URL, set by the
CI configurations from the Pages address GitHub and GitLab give), else none, and then a notice, once per
build, of what a site without it lacks. `mkdocs serve` sets its own address, so a preview never says so."""

from __future__ import annotations

import os
import sys

from plansite.i18n import N_, _

ENV = "SITE_URL"
MISSING = N_(
    "Note: the site's public address (site_url) is not set. This build works, but it lacks: the QR codes "
    "on printed notices (they carry a path without the domain), the pictures and titles shown when a link "
    "is shared (Zalo, Facebook), and sitemap.xml (it lists no address). To set it: the line "
    "'site_url: https://…/' in mkdocs.yml, or the SITE_URL environment variable at build time; the CI "
    "configurations for GitHub Pages and GitLab Pages set it. See docs/huong-dan-bien-tap.md, section "
    "'Địa chỉ công khai của trang'."
)


def apply(config, environ=os.environ) -> str | None:
    """Set `config.site_url` from the environment when mkdocs.yml leaves it empty; the address, or None."""
    if not config.site_url:
        from_host = environ.get(ENV, "").strip()
        config.site_url = (from_host.rstrip("/") + "/") if from_host else None
    return config.site_url


def warn_if_missing(config, command: str | None) -> None:
    """Print MISSING once, on a build (not `serve`) that has no address."""
    if command == "build" and not config.site_url:
        print(_(MISSING), file=sys.stderr)
