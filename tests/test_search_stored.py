"""How the search index is stored in the built site (plansite/search/stored.py): shards and snippets gzipped,
read back whole, the same bytes every time; and the unpacker the pages load where a browser has none."""

from __future__ import annotations

import gzip
import json
import re

from conftest import ROOT
from plansite.kinds import PageKind
from plansite.search.index import SearchIndex
from plansite.search.stored import PACKED, read_index, stored
from plansite_mkdocs.vendored import FFLATE, vendor_version, vendored_files


def _index() -> SearchIndex:
    index = SearchIndex()
    for i in range(40):
        index.add_html(
            f"ke-hoach/p/nhiem-vu/n{i}/", f"Nhiệm vụ {i}", PageKind.TASK, f"<h1>Nhiệm vụ {i}</h1><p>dân vận {i}</p>"
        )
    return index


def test_shards_and_snippets_are_gzipped_and_read_back_as_written(tmp_path):
    index = _index()
    index.write(tmp_path / "a")
    index.write(tmp_path / "b")
    written = sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*") if p.is_file())
    packed = [name for name in written if name.endswith(".json" + PACKED)]
    assert {name.split("/")[1] for name in packed} == {"t", "x"} and len(packed) > 2
    assert [name for name in written if name not in packed] == [
        "search/facets.json",
        "search/meta.json",
        "search/plans.json",
    ]
    for name in written:  # gzip with no time in its header: the same index, the same bytes
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert all((tmp_path / "a" / name).read_bytes()[:2] == b"\x1f\x8b" for name in packed)
    assert read_index(tmp_path / "a") == index.files()
    assert json.loads(read_index(tmp_path / "a")["search/meta.json"])["docs"] == 40


def test_stored_packs_only_shards_and_snippets():
    assert stored("search/meta.json", "{}") == ("search/meta.json", b"{}")
    name, data = stored("search/x/0.json", '["Đ"]')
    assert name == "search/x/0.json.gz" and gzip.decompress(data) == '["Đ"]'.encode()


def test_the_vendored_fflate_is_the_pinned_npm_package_and_the_one_the_search_loads():
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["fflate"]
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert pinned == vendor_version(ROOT, FFLATE) == lock["node_modules/fflate"]["version"] == "0.8.3"
    installed = ROOT / "node_modules/fflate"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    for name, source in (("index.js", "umd/index.js"), ("LICENSE", "LICENSE")):
        assert (ROOT / "vendor/fflate" / name).read_bytes() == (installed / source).read_bytes(), name
    script = (ROOT / "docs/assets/plan-search.js").read_text(encoding="utf-8")
    loaded = re.findall(r'FFLATE = "([^"]+)"', script)
    assert loaded == [f"assets/vendor/fflate-{pinned}.js"] and loaded[0] in vendored_files(ROOT)
