"""Third-party code the public pages load, served from the site itself (plansite_mkdocs/vendored.py): each copy
in vendor/ is byte for byte the npm package pinned in package.json and package-lock.json, and the script that
loads it names the address the site serves it at, with that version."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from plansite_mkdocs.vendored import FFLATE, QRCODE, vendor_version, vendored_files

# package, its vendor/ folder, {copy: file in the npm package}, the page script that loads it, how that script
# names it (a regular expression), and the address it names relative to the site's root ({} the version)
PACKAGES = [
    (
        "fflate",
        FFLATE,
        {"index.js": "umd/index.js", "LICENSE": "LICENSE"},
        "docs/assets/plan-search.js",
        r'FFLATE = "([^"]+)"',
        "{}",
        "assets/vendor/fflate-{}.js",
    ),
    (
        "qrcode-generator",
        QRCODE,
        {"qrcode.js": "dist/qrcode.js"},
        "docs/assets/plan-notice.js",
        r'SCRIPT = "([^"]+)"',
        "assets/{}",  # beside the script, in assets/
        "assets/vendor/qrcode-generator-{}.js",
    ),
]


@pytest.mark.parametrize(("package", "folder", "files", "script", "named", "from_root", "served"), PACKAGES)
def test_the_vendored_copy_is_the_pinned_npm_package_and_the_one_its_script_loads(
    package: str, folder: Path, files: dict, script: str, named: str, from_root: str, served: str
):
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"][package]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert pinned == vendor_version(ROOT, folder) == lock[f"node_modules/{package}"]["version"]
    installed = ROOT / "node_modules" / package
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    for name, source in files.items():
        assert (ROOT / folder / name).read_bytes() == (installed / source).read_bytes(), name
    loaded = re.findall(named, (ROOT / script).read_text(encoding="utf-8"))
    assert len(loaded) == 1 and from_root.format(loaded[0]) == served.format(pinned), loaded
    assert served.format(pinned) in vendored_files(ROOT)


def test_every_vendored_file_is_served_and_licensed():
    served = vendored_files(ROOT)
    assert sorted(served) == [
        "assets/vendor/fflate-0.8.3.LICENSE.txt",
        "assets/vendor/fflate-0.8.3.js",
        "assets/vendor/qrcode-generator-2.0.4.js",
    ]
    assert all((ROOT / path).is_file() for path in served.values())
    qrcode = (ROOT / served["assets/vendor/qrcode-generator-2.0.4.js"]).read_text(encoding="utf-8")
    assert "Licensed under the MIT license" in qrcode[:600]  # its licence is its own first lines
