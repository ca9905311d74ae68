"""Third-party code the public pages may load, served from the site itself under its pinned version.

fflate (vendor/fflate/, package.json's pinned version, copied by `make search-vendor`) unpacks the search
index's gzipped files in browsers without DecompressionStream (Safari before 16.4); docs/assets/plan-search.js
loads it only there, from the address `FFLATE` names, which carries the version so that a new one is never
read from a stale cache. Its licence is published beside it.

qrcode-generator (vendor/qrcode-generator/, copied by `make notice-vendor`) draws a task's QR code for its
printable notice; docs/assets/plan-notice.js loads it only when a notice is opened (…/#thong-bao), from the
address `QRCODE` names. Its licence (MIT) is the file's own first lines.
"""

from __future__ import annotations

import json
from pathlib import Path

from plansite.addresses import ASSETS

FFLATE = Path("vendor/fflate")
QRCODE = Path("vendor/qrcode-generator")


def vendor_version(root: Path, folder: Path) -> str:
    """The version of the npm package copied into `folder` of the project (its package.json, copied with it)."""
    return json.loads((root / folder / "package.json").read_text(encoding="utf-8"))["version"]


def vendored_files(root: Path) -> dict[str, Path]:
    """{site path: path relative to the project} of the code the public pages may load."""
    name = f"{ASSETS}/vendor/fflate-{vendor_version(root, FFLATE)}"
    qrcode = f"{ASSETS}/vendor/qrcode-generator-{vendor_version(root, QRCODE)}.js"
    return {f"{name}.js": FFLATE / "index.js", f"{name}.LICENSE.txt": FFLATE / "LICENSE", qrcode: QRCODE / "qrcode.js"}
