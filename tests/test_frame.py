"""Material's frame around every page: rendered once per distinct input (plansite_mkdocs/frame_memo.py), and
what it still gives readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_site, copy_project
from plansite_mkdocs.frame_memo import Memo


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
