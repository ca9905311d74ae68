"""The adapter's state, typed: the build under way, and what outlives one build within `mkdocs serve`.

MkDocs re-executes the hook file for every rebuild, so state kept there is lost; this module is imported
once and survives. `Session` holds the running command, the last site generated from valid data (which
serve keeps showing while the data has problems) and the current build (`Build`: set by `on_config`,
read by the later events). `start_build` also clears the caches that hold a previous build's pages or
text (see plansite_mkdocs/caches.py), so a long `mkdocs serve` keeps one build's worth, not every one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from plansite.build import SiteOutput

from .caches import clear_build_caches
from .previews import PreviewImages
from .search_worker import SearchFeed
from .sitemap import Sitemap


@dataclass(frozen=True)
class Build:
    """One build: the site it publishes and what it collects while MkDocs renders the pages."""

    site: SiteOutput  # the pages and files to publish (the last good ones while serving bad data)
    banner: str  # HTML put above every page's content: the preview's scope, the data's problems; often ""
    search: SearchFeed  # fed each page's HTML (on_page_content), written at the end (on_post_build)
    previews: PreviewImages  # each page's link preview (on_page_context), its pictures written at the end
    sitemap: Sitemap  # sitemap.xml's parts: listed by its template (on_env's global), written at the end

    def stop_helpers(self) -> None:
        """End the build's helper processes now (plansite_mkdocs/helpers.py)."""
        self.search.stop()
        self.previews.stop()


@dataclass
class Session:
    """What the running MkDocs command is, the last good site, and the build under way."""

    command: str = "build"
    dirty: bool = False  # `mkdocs build --dirty`: pages whose source did not change are not rendered
    last_good: SiteOutput | None = None
    build: Build | None = None

    def start_build(self) -> None:
        """Forget the previous build (its helpers, its state and the caches holding its pages) before the config
        loads."""
        self.stop_helpers()
        self.build = None
        clear_build_caches()

    def files_handed_over(self) -> None:
        """The build's published files are MkDocs' now (on_files): the build under way forgets them, so that
        their bytes go once written (generated.PublishedFile). The last good site keeps its own while serving:
        it is served again when the data breaks."""
        if self.build is not None and self.build.site is not self.last_good:
            self.build = replace(self.build, site=replace(self.build.site, files={}))

    def stop_helpers(self) -> None:
        """End the helper processes of the build under way, if any (a build failed, MkDocs is stopping)."""
        if self.build is not None:
            self.build.stop_helpers()

    @property
    def current(self) -> Build:
        """The build under way; only after `on_config` has set it (MkDocs calls no page event before)."""
        if self.build is None:
            raise RuntimeError("no build under way: plansite_hook.on_config sets it before any other event")
        return self.build


SESSION = Session()
