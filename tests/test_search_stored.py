"""How the search index is stored in the built site (plansite/search/stored.py): shards and snippets gzipped,
read back whole, the same bytes every time. (The unpacker the pages load where a browser has none: test_vendored.py.)"""

from __future__ import annotations

import gzip
import json

from plansite.kinds import PageKind
from plansite.search.index import SearchIndex
from plansite.search.stored import PACKED, read_index, stored


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
