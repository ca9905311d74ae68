"""Material's frame around every page: rendered once per distinct input (plansite_mkdocs/frame_memo.py), and
what it still gives readers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.toc import AnchorLink

from conftest import build_site, copy_project
from plansite_mkdocs.frame_memo import Memo, nav_key, toc_key


def test_the_memo_renders_a_key_once_and_keeps_the_latest_used():
    memo, calls = Memo(limit=2), []

    def render(text):
        def caller():
            calls.append(text)
            return text

        return caller

    assert memo("nav", "../", caller=render("A")) == "A"
    assert memo("nav", "../", caller=render("B")) == "A"  # same key: the first text, not rendered again
    assert memo("nav", "../../", caller=render("C")) == "C"
    assert memo("nav", "../", caller=render("D")) == "A"  # used last: kept
    assert memo("toc", (), caller=render("E")) == "E"  # the third key: "../../" (least recently used) goes
    assert memo("nav", "../../", caller=render("F")) == "F"
    assert calls == ["A", "C", "E", "F"] and (memo.hits, memo.misses) == (2, 4)


class _Page:
    """What the key functions read of a page: its address and table of contents."""

    def __init__(self, url: str, title: str = "", sections: tuple[str, ...] = ()):
        self.url, self.toc = url, []
        if title:
            top = AnchorLink(title, title.lower().replace(" ", "-"), 1)
            top.children = [AnchorLink(s, s.lower().replace(" ", "-"), 2) for s in sections]
            self.toc = [top]


class _Nav:
    def __init__(self, *pages):
        self.pages = list(pages)


def test_the_keys_share_what_pages_share_and_part_what_they_do_not():
    home, plans, agencies = _Page(""), _Page("ke-hoach/"), _Page("co-quan/")
    nav, config = _Nav(home, plans, agencies), SimpleNamespace(extra={}, theme={})  # no homepage, no logo
    task = _Page("ke-hoach/a/nhiem-vu/1/", "Nhiệm vụ 1", ("Cơ quan thực hiện", "Thời gian"))
    other_task = _Page("ke-hoach/b/nhiem-vu/9/", "Nhiệm vụ 9", ("Cơ quan thực hiện", "Thời gian"))
    agency = _Page("co-quan/x/", "Phòng X", ("Nhiệm vụ chủ trì",))
    deep_agency = _Page("co-quan/x/y/z/", "Phòng Z", ("Nhiệm vụ chủ trì",))
    # Two tasks of different plans: the same links from the same depth, the same sections under their titles.
    assert nav_key(task, nav, config) == nav_key(other_task, nav, config)
    assert toc_key(task) == toc_key(other_task) != toc_key(agency)
    # Same depth, another section: "../../../../ke-hoach/" from one, "../../../" from the other.
    assert nav_key(deep_agency, nav, config) != nav_key(task, nav, config)
    # A page in the navigation is marked there: its own key, not its neighbours'.
    assert nav_key(plans, nav, config) != nav_key(agencies, nav, config)


@pytest.fixture(scope="module")
def memo_and_plain(tmp_path_factory) -> tuple[Path, Path]:
    """The seed site built as it is, and with a memo that keeps nothing (every block rendered on every page)."""
    tmp = tmp_path_factory.mktemp("frame")
    sites = []
    for name, keep in (("memo", True), ("plain", False)):
        root = tmp / name
        root.mkdir()
        copy_project(root)
        module = root / "hooks" / "plansite_mkdocs" / "frame_memo.py"
        text = module.read_text(encoding="utf-8")
        assert "\nLIMIT = " in text
        if not keep:
            module.write_text(text.replace("\nLIMIT = ", "\nLIMIT = 0  # "), encoding="utf-8")
        result = build_site(root, root / "site")
        assert result.returncode == 0, result.stderr
        sites.append(root / "site")
    return sites[0], sites[1]


def test_the_memo_writes_every_file_byte_for_byte_as_rendering_each_page_does(memo_and_plain):
    memo, plain = memo_and_plain
    files = sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(memo).as_posix() for p in memo.rglob("*") if p.is_file())
    pages = [f for f in files if f.endswith(".html")]
    assert len(pages) > 40
    # Pages that share a navigation and differ in it: a task page, a document page, a page in the navigation.
    kinds = {"ke-hoach/", "van-ban/", "co-quan/", "gioi-thieu/"}
    assert all(any(page.startswith(kind) for page in pages) for kind in kinds)
    different = [f for f in files if (memo / f).read_bytes() != (plain / f).read_bytes()]
    assert not different, different[:10]
