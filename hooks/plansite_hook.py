"""MkDocs adapter: plan_data/ → generated pages and a search index. All logic lives in `plansite`.

Registered in mkdocs.yml under `hooks:`. MkDocs puts this folder on sys.path only
while loading the file, so the sibling packages are imported here, at the top.
"""

from __future__ import annotations

import gc
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from plansite.data.paths import DATA_DIR
from plansite.data.problems import DataError
from plansite.kinds import PageKind
from plansite.site.html.banner import DEMO_BANNER
from plansite_mkdocs import compact_templates, frame_memo, script_bundle, site_url, trim
from plansite_mkdocs.generated import GeneratedPage, PublishedFile, nav_titles
from plansite_mkdocs.html_fixes import fix_page
from plansite_mkdocs.previews import PreviewImages
from plansite_mkdocs.search_worker import SearchFeed
from plansite_mkdocs.session import SESSION, Build
from plansite_mkdocs.site_build import load_site, preview_plan
from plansite_mkdocs.sitemap import Sitemap

NO_FULL_COLLECTION = 1 << 30  # a threshold of the GC's oldest generation that a build never reaches
# The feed's autodiscovery link is left out of these pages (overrides/main.html): readers subscribe from the home
# page, the sections and a plan's pages; the feed is the site's, 150 bytes on each of a province's 50,000 leaves.
NO_FEED_LINK = frozenset({PageKind.TASK, PageKind.AGENCY, PageKind.DOCUMENT})


def on_startup(command, dirty):
    SESSION.command, SESSION.dirty = command, dirty


def on_shutdown():
    """MkDocs is done (after the last build, in a `finally`: on Ctrl+C too): no helper process outlives it."""
    SESSION.stop_helpers()


def on_build_error(error):
    """A build failed: its helper processes end now, not when their queued work is done."""
    SESSION.stop_helpers()


def on_config(config):
    """Load and validate the data before anything is written; on problems, abort with all of them."""
    SESSION.start_build()  # the last build's state and caches go before anything of this one is made
    root = Path(config.config_file_path).parent
    site_url.apply(config)  # mkdocs.yml's, else the host's (SITE_URL), before anything reads it
    site_url.warn_if_missing(config, SESSION.command)
    if str(root / DATA_DIR) not in config.watch:
        config.watch.append(str(root / DATA_DIR))  # `mkdocs serve` rebuilds when the data changes
    gc.unfreeze()  # under `mkdocs serve`, let the previous build's frozen model be collected
    # Only a build that renders every page of every plan knows what the cache must keep, and leaves only that:
    # not `mkdocs serve` (no pictures), a one-plan preview, a --dirty build (pages skipped) or gh-deploy.
    every_plan = SESSION.command == "build" and not SESSION.dirty and preview_plan() is None
    previews = PreviewImages(root / ".cache" / "og", pictures=SESSION.command != "serve", prune=every_plan)
    # Loading the data and computing the site only adds objects that live for the whole build: each oldest-
    # generation collection meanwhile rescans all of them and frees nothing (a second of CPU at 7k pages, a
    # dozen collections), so none runs until the one below, before the model is frozen.
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], NO_FULL_COLLECTION)
    try:
        site, banner = load_site(root, config)
    except DataError as error:
        previews.stop()
        raise Abort("\n" + error.report()) from None  # the report says it all; no traceback for editors
    except BaseException:
        previews.stop()
        raise
    finally:
        gc.set_threshold(*thresholds)
    SESSION.build = Build(
        site=site,
        banner=banner,
        search=SearchFeed(len(site.pages)),
        previews=previews,
        sitemap=Sitemap(config.site_url or ""),
    )
    config.extra["plan_footer"] = site.footer  # printed, escaped, by overrides/partials/copyright.html
    # The model and pages live for the whole build: move them out of the cyclic GC's sight,
    # which otherwise rescans them on every collection (measurable on thousands of pages).
    gc.collect()
    gc.freeze()
    return config


def on_files(files, config):
    site, root = SESSION.current.site, Path(config.config_file_path).parent
    titles = nav_titles(config.nav)
    for src_uri in site.pages:
        file = File.generated(config, src_uri, content="")  # rendered when MkDocs reads it: on_page_read_source
        files.append(file)
        GeneratedPage.register(titles.get(src_uri), file, config)  # as `file.page`; its HTML skips Python-Markdown
    for src_uri, data in site.files.items():
        files.append(
            PublishedFile.generated(config, src_uri, content=data)  # its bytes let go once written
            if isinstance(data, bytes)
            else File.generated(config, src_uri, abs_src_path=str(root / data))
        )
    SESSION.files_handed_over()  # MkDocs' files hold them now
    return files


def on_page_read_source(page, config):
    pages = SESSION.current.site.pages
    if page.file.src_uri in pages:
        return pages[page.file.src_uri]
    return None  # a page of docs/: MkDocs reads its file


def on_page_content(html, page, config, files):
    kind = PageKind(page.meta.get("kind", PageKind.PAGE.value))
    build = SESSION.current
    build.search.add_html(
        page.url,
        page.title or "",
        kind,
        html,
        # read by the index alone (no template prints them): taken out, a province's pages do not hold them
        tuple(page.meta.pop("keywords", ())),
        tuple(page.meta.pop("numbers", ())),
        tuple(page.meta.pop("subjects", ())),
    )
    demo = DEMO_BANNER if build.site.example_data else ""
    return demo + build.banner + html


def on_page_context(context, page, config, nav):
    page.meta["og"] = SESSION.current.previews.values(page, config)  # printed, escaped, by overrides/main.html
    page.meta["feed_link"] = PageKind(page.meta.get("kind", PageKind.PAGE.value)) not in NO_FEED_LINK
    return context


def on_post_build(config):
    build = SESSION.current
    build.search.write(Path(config.site_dir))  # a large site's index is written by a helper meanwhile
    trim.give_back_memory()  # every page is written: what their HTML took goes back while the index is written
    build.previews.write(Path(config.site_dir))
    build.sitemap.write(Path(config.site_dir))  # the parts of sitemap.xml (an index: plansite_mkdocs/sitemap.py)
    build.search.finish()


def on_post_page(output, page, config):
    if isinstance(page, GeneratedPage):
        page.written()  # its HTML is not read again: memory back before the search index is written
    return fix_page(output)  # Material's own markup made valid (see plansite_mkdocs/html_fixes.py)


def on_env(env, config, files):
    """Material's templates compacted as they are loaded (plansite_mkdocs/compact_templates.py): the same
    elements and words on every page, 3 KB less of indentation and blank lines (a province has 50,000 pages);
    the parts of the frame that many pages share rendered once (plansite_mkdocs/frame_memo.py), and our
    scripts joined into one file (plansite_mkdocs/script_bundle.py)."""
    frame_memo.install(env)
    env.globals["plan_sitemap_parts"] = SESSION.current.sitemap.part_addresses  # overrides/sitemap.xml
    script_bundle.join(config, files)
    return compact_templates.apply(env)
