"""The adapter's state: one typed build per `on_config`, and no cache that outlives it (`mkdocs serve`).

The hook's events run here in this process, on the real project, as `mkdocs serve` runs them on a rebuild.
"""

from __future__ import annotations

import dataclasses
import gc

import plansite_hook as hook
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from conftest import ROOT
from plansite import text
from plansite.build import SiteOutput
from plansite.site.html import markup, page_writer
from plansite.site.index.linking import MENTIONS_CACHED, Linker, Target
from plansite.site.render import lazy
from plansite_mkdocs.generated import GeneratedPage, PublishedFile
from plansite_mkdocs.session import SESSION, Build


@pytest.fixture
def serving(monkeypatch):
    """The hook as under `mkdocs serve`, with the session put back as it was afterwards."""
    for name in ("command", "dirty", "last_good", "build"):
        monkeypatch.setattr(SESSION, name, getattr(SESSION, name))
    monkeypatch.setattr(GeneratedPage, "_open", None)
    hook.on_startup("serve", dirty=False)
    yield load_config(str(ROOT / "mkdocs.yml"))
    gc.unfreeze()


@pytest.mark.parametrize(
    ("command", "dirty", "scope", "prunes"),
    [
        ("build", False, None, True),
        ("build", True, None, False),
        ("build", False, "ke-sat-tuyen-giao-dan-van-2025-2030", False),
        ("serve", False, None, False),
        ("gh-deploy", False, None, False),
    ],
)
def test_only_a_build_of_every_page_prunes_the_cache(serving, monkeypatch, command, dirty, scope, prunes):
    """The cache of pictures keeps only what a build used (previews.py `_prune`): only a build that
    renders every page of every plan may decide that; a --dirty build skips pages, a preview skips plans."""
    if scope:
        monkeypatch.setenv("PLANSITE_PREVIEW_PLAN", scope)
    else:
        monkeypatch.delenv("PLANSITE_PREVIEW_PLAN", raising=False)
    hook.on_startup(command, dirty=dirty)
    hook.on_config(serving)
    try:
        assert SESSION.current.previews.prune is prunes
    finally:
        SESSION.stop_helpers()


def test_no_build_state_before_on_config(serving):
    with pytest.raises(RuntimeError):
        _ = SESSION.current


def test_each_config_load_makes_a_new_typed_build(serving):
    hook.on_config(serving)
    first = SESSION.current
    assert isinstance(first, Build) and isinstance(first.site, SiteOutput)
    assert SESSION.last_good is first.site
    assert {f.name: f.type for f in dataclasses.fields(Build)} == {
        "site": "SiteOutput",
        "banner": "str",
        "search": "SearchFeed",
        "previews": "PreviewImages",
        "sitemap": "Sitemap",
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.banner = "x"  # type: ignore[misc]
    hook.on_config(serving)
    assert SESSION.current is not first and SESSION.current.site is not first.site
    assert SESSION.current.site.pages.keys() == first.site.pages.keys()


def test_config_load_clears_what_the_last_build_cached(serving):
    hook.on_config(serving)
    site = SESSION.current.site
    group_page = next(uri for uri in site.pages if uri.startswith("co-quan/"))  # an agency: a group
    assert site.pages[group_page]  # rendered through the group cache
    assert lazy._group.cache_info().currsize > 0
    markup.escape("văn bản của lần dựng trước")
    serving.plugins._current_plugin = None  # set by MkDocs while an event runs (File.generated reads it)
    held = GeneratedPage.register(None, File.generated(serving, "x.md", content=""), serving)
    held.content = "<p>trang của lần dựng trước</p>"
    assert GeneratedPage._open is held

    hook.on_config(serving)
    assert lazy._group.cache_info().currsize == 0
    misses = markup.escape.cache_info().misses
    markup.escape("văn bản của lần dựng trước")
    assert markup.escape.cache_info().misses == misses + 1
    assert GeneratedPage._open is None
    assert held._text is None and held.content == "<p>trang của lần dựng trước</p>"  # kept packed, in its build's spill


def test_every_cache_of_data_text_is_bounded():
    for cache in (lazy._group, markup.escape, page_writer._href, text.slugify):
        assert cache.cache_info().maxsize is not None, cache
    target = Target("co-quan/a.md", "A")
    linker = Linker([[("Ủy ban nhân dân", target)]])
    for n in range(MENTIONS_CACHED + 10):
        assert linker.mentions(f"Ủy ban nhân dân số {n}") == [(0, 15, target)]
    assert linker._mentions.cache_info().currsize == MENTIONS_CACHED


def test_a_written_page_lets_its_html_go(serving):
    """on_post_page: once a generated page is written, its HTML (packed or held) and its table of contents
    are let go, and what Material gets back from on_post_page is the page as rendered."""
    hook.on_config(serving)
    serving.plugins._current_plugin = None  # set by MkDocs while an event runs (File.generated reads it)
    first = GeneratedPage.register(None, File.generated(serving, "a.md", content=""), serving)
    second = GeneratedPage.register(None, File.generated(serving, "b.md", content=""), serving)
    first.content = '<h2 id="muc">Mục</h2><p>trang một</p>'
    second.content = "<p>trang hai</p>"  # the first is packed now
    assert first._packed is not None and [item.title for item in first.toc] == ["Mục"]
    page = "<html><body><p>trang một</p></body></html>"
    assert hook.on_post_page(page, first, serving) == page
    assert first._packed is None and first._text is None and first.content is None
    assert second.content == "<p>trang hai</p>" and GeneratedPage._open is second  # the other page keeps its own
    hook.on_post_page("<html></html>", second, serving)
    assert GeneratedPage._open is None and second.content is None


def test_a_published_file_lets_its_bytes_go_once_written(serving, tmp_path, monkeypatch):
    """A build (not serve) hands its published files' bytes to MkDocs (on_files) and keeps none; each file lets
    its bytes go once written into the site, and reads back what it wrote."""
    monkeypatch.setattr(SESSION, "command", "build")
    monkeypatch.setattr(SESSION, "last_good", None)
    serving.site_dir = str(tmp_path / "site")
    hook.on_config(serving)
    serving.plugins._current_plugin = None  # set by MkDocs while an event runs (File.generated reads it)
    published = dict(SESSION.current.site.files)
    assert any(isinstance(data, bytes) for data in published.values())
    files = hook.on_files(Files([]), serving)
    assert SESSION.current.site.files == {} and SESSION.last_good is None, "the build keeps no copy"
    ours = [file for file in files if isinstance(file, PublishedFile)]
    assert sorted(file.src_uri for file in ours) == sorted(u for u, d in published.items() if isinstance(d, bytes))
    for file in ours:
        file.copy_file()
        assert file._content is None
        assert (tmp_path / "site" / file.dest_uri).read_bytes() == published[file.src_uri] == file.content_bytes


def test_serve_keeps_the_last_good_sites_files(serving):
    hook.on_config(serving)
    serving.plugins._current_plugin = None
    hook.on_files(Files([]), serving)
    assert SESSION.current.site is SESSION.last_good and SESSION.last_good.files
