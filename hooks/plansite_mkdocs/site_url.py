"""The site's public address (`site_url`): mkdocs.yml's, else the host's environment (SITE_URL, set by the
CI configurations from the Pages address GitHub and GitLab give), else none, and then a notice, once per
build, of what a site without it lacks. `mkdocs serve` sets its own address, so a preview never says so."""

from __future__ import annotations

import os
import sys

ENV = "SITE_URL"
# Editor-facing, Vietnamese (branch i20msg's gettext catalogue takes it in at merge).
MISSING = ("Lưu ý: chưa đặt địa chỉ công khai của trang (site_url). Bản dựng này vẫn dùng được, nhưng thiếu: "
           "mã QR trên bản thông báo in (chỉ in đường dẫn không có tên miền), ảnh và tiêu đề xem trước khi chia "
           "sẻ liên kết (Zalo, Facebook), và sitemap.xml (không liệt kê địa chỉ nào). Cách đặt: dòng "
           "'site_url: https://…/' trong mkdocs.yml, hoặc biến môi trường SITE_URL khi dựng; cấu hình CI cho "
           "GitHub Pages và GitLab Pages đặt sẵn biến này. Xem docs/huong-dan-bien-tap.md, mục "
           "'Địa chỉ công khai của trang'.")


def apply(config, environ=os.environ) -> str | None:
    """Set `config.site_url` from the environment when mkdocs.yml leaves it empty; the address, or None."""
    if not config.site_url:
        from_host = environ.get(ENV, "").strip()
        config.site_url = (from_host.rstrip("/") + "/") if from_host else None
    return config.site_url


def warn_if_missing(config, command: str | None) -> None:
    """Print MISSING once, on a build (not `serve`) that has no address."""
    if command == "build" and not config.site_url:
        print(MISSING, file=sys.stderr)
