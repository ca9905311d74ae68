"""MkDocs adapter: plan_data/ → generated pages and a search index. All logic lives in `plansite`.

Registered in mkdocs.yml under `hooks:`. MkDocs puts this folder on sys.path only
while loading the file, so the sibling package is imported here, at the top.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from plansite.load import DATA_DIR, load_project
from plansite.pages import generate_pages
from plansite.problems import DataError
from plansite.search_index import SearchIndex
from plansite.session import SESSION

_build: dict = {}


def on_startup(command, dirty):
    SESSION.command = command


def on_config(config):
    """Load and validate the data before anything is written; on problems, abort with all of them.

    While serving, a data error is printed and the last good pages keep being served
    (an aborted rebuild would leave the preview hanging until the data is fixed).
    """
    root = Path(config.config_file_path).parent
    if str(root / DATA_DIR) not in config.watch:
        config.watch.append(str(root / DATA_DIR))  # `mkdocs serve` rebuilds when the data changes
    _build["search"] = SearchIndex()
    gc.unfreeze()  # under `mkdocs serve`, let the previous build's frozen model be collected
    try:
        project = load_project(root)
    except DataError as error:
        if SESSION.command == "serve" and SESSION.last_good_pages:
            # print, not log: under `strict` a logged error would abort this build too
            print(f"\n{error.report()}\nServing the last good pages until the data is fixed.\n", file=sys.stderr)
            _build["pages"] = SESSION.last_good_pages
            return config
        raise Abort("\n" + error.report())
    _build["pages"] = SESSION.last_good_pages = generate_pages(project, config.extra.get("data_edit_url"))
    # The model and pages live for the whole build: move them out of the cyclic GC's sight,
    # which otherwise rescans them on every collection (measurable on thousands of pages).
    gc.collect()
    gc.freeze()
    return config


def on_files(files, config):
    for src_uri, markdown in _build["pages"].items():
        files.append(File.generated(config, src_uri, content=markdown))
    return files


def on_page_content(html, page, config, files):
    _build["search"].add_html(page.url, page.title or "", page.meta.get("kind", "Trang"), html)
    return html


def on_post_build(config):
    _build["search"].write(Path(config.site_dir))
