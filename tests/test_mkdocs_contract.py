"""The parts of MkDocs the adapter relies on, pinned, as tests/test_a11y.py pins Material's markup.

The hook (hooks/plansite_hook.py) and plansite_mkdocs/ lean on a few behaviours MkDocs does not promise
as API. Each is asserted here on the pinned MkDocs, so an upgrade that changes one fails by name instead
of breaking the site quietly.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import mkdocs.commands.build
import mkdocs.plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from plansite_mkdocs.generated import GeneratedPage

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "plansite_hook.py"


def _config(directory_urls: bool = True) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": ".", "site_dir": "/tmp/x", "use_directory_urls": directory_urls})
    errors, _ = config.validate()
    assert not errors, errors
    config.plugins._current_plugin = None  # set by MkDocs while an event runs; no event runs here
    return config


def test_every_hook_function_is_a_mkdocs_event():
    """A misspelt event (`on_page_contents`) would simply never be called."""
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    events = [node.name[3:] for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]
    assert len(events) >= 6
    assert set(events) <= set(mkdocs.plugins.EVENTS), set(events) - set(mkdocs.plugins.EVENTS)


def test_file_generated_takes_content_or_a_source_path():
    """on_files registers pages with `content=""` and copies with `content=bytes` or `abs_src_path=`."""
    parameters = inspect.signature(File.generated).parameters
    assert {"config", "src_uri", "content", "abs_src_path"} <= set(parameters)
    config = _config()
    assert File.generated(config, "a/b.md", content="").url == "a/b/"
    assert File.generated(config, "x.json", content=b"{}").content_bytes == b"{}"


def test_a_page_registers_itself_on_its_file():
    """The hook creates `GeneratedPage(title, file, config)` and drops it: MkDocs finds it as `file.page`."""
    config = _config()
    file = File.generated(config, "ke-hoach/x.md", content="")
    page = GeneratedPage("Tiêu đề", file, config)
    assert file.page is page
    assert page.title == "Tiêu đề"
    assert page.meta == {}


def test_register_sets_the_page_on_its_file_and_the_hook_registers_every_page():
    """The hook keeps no list of its pages: `GeneratedPage.register` sets `file.page`, and on_files calls it
    for each generated page (never a bare `GeneratedPage(...)` whose result would be dropped)."""
    config = _config()
    file = File.generated(config, "ke-hoach/y.md", content="")
    page = GeneratedPage.register("Tiêu đề", file, config)
    assert file.page is page and isinstance(page, GeneratedPage)
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    on_files = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "on_files")
    calls = [ast.unparse(node.func) for node in ast.walk(on_files) if isinstance(node, ast.Call)]
    assert "GeneratedPage.register" in calls
    assert "GeneratedPage" not in calls


def test_navigation_and_build_take_each_page_from_its_file():
    """MkDocs finds our pages only through `file.page`: the navigation keeps a file's page instead of making
    a new one (a plain Page would run Python-Markdown), and the build populates and writes `file.page`."""
    config = _config()
    config.nav = [{"Trang": "a.md"}]
    files = Files([File.generated(config, "a.md", content=""), File.generated(config, "b.md", content="")])
    pages = [GeneratedPage.register(None, file, config) for file in files]
    nav = get_navigation(files, config)
    assert nav.pages[0] is pages[0]
    assert [file.page for file in files] == pages
    source = inspect.getsource(mkdocs.commands.build.build)
    assert "_populate_page(file.page," in source
    assert "file.page, config, doc_files, nav, env" in source


def test_page_init_assigns_toc_and_content_which_generated_pages_take_over():
    """Page.__init__ sets `content = None` and `toc = []`: GeneratedPage's setters accept both."""
    source = inspect.getsource(Page.__init__)
    assert "self.content = None" in source and "self.toc = []" in source
    config = _config()
    page = GeneratedPage(None, File.generated(config, "y.md", content=""), config)
    assert page.content is None
    page.content = '<h2 id="a">A</h2><p>x</p>'
    assert [item.title for item in page.toc] == ["A"]


def test_render_is_called_with_config_and_files():
    """GeneratedPage.render overrides Page.render: the two signatures must agree."""
    assert list(inspect.signature(Page.render).parameters) == ["self", "config", "files"]
    assert list(inspect.signature(GeneratedPage.render).parameters) == ["self", "config", "files"]


def test_markdown_holds_what_page_read_source_returned():
    """on_page_read_source returns our HTML; MkDocs stores it (front matter removed) in `page.markdown`."""
    config = _config()
    page = GeneratedPage(None, File.generated(config, "z.md", content=""), config)
    from unittest import mock

    with mock.patch.object(config.plugins, "on_page_read_source", return_value="---\nkind: task\n---\n<p>x</p>"):
        page.read_source(config)
    assert page.meta == {"kind": "task"}
    assert page.markdown.strip() == "<p>x</p>"
    page.render(config, None)
    assert page.content.strip() == "<p>x</p>"
