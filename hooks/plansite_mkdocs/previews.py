"""Link previews on the MkDocs side: each page's Open Graph values, and its picture written once.

Values come from the page's front matter (site/parts/previews.py, which also says which pages share a
picture); pictures are drawn by site/outreach/og_image.py, cached by content under .cache/og/ and the missing
ones drawn by the build's helper processes (helpers.py, site/outreach/og_batch.py), so an unchanged picture
costs nothing on the next build and the output stays byte-identical. Absolute addresses (og:url, og:image) need
`site_url`: without it the build says so once (info, not a warning) and leaves those tags out.

Scheduling (issue 24): a missing picture is given to the helpers once its pages are past (`LAG` pages after
its words were last asked for: a plan's pages, which share one picture base, sort together), so pictures are
drawn on the other core while the pages render, and the build waits at the end only for the last few.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from plansite.addresses import PREVIEW_IMAGES
from plansite.i18n import N_
from plansite.kinds import PageKind
from plansite.site.outreach.og_batch import POOL_FROM, draw_group, draw_missing, missing_groups, workers_here
from plansite.site.outreach.og_batch import prune as prune_pictures
from plansite.site.outreach.og_image import HEIGHT, WIDTH, image_name, og_image
from plansite.site.parts.previews import picture_words

from .helpers import Helpers

log = logging.getLogger("mkdocs.plugins.plansite")
LAG = 200  # pages after the last that asked for a picture's base before its pictures are given to the helpers


class PreviewImages:
    """Collects the pictures pages ask for during a build; writes them into the site at the end."""

    def __init__(self, cache_dir: Path, pictures: bool = True, prune: bool = False):
        """`pictures` False (`mkdocs serve`: its site_url is the local preview's, which no one shares): no
        picture is drawn and no absolute address is printed, so an edited title shows without waiting.

        `prune` (a build of every plan): once the site is written, the pictures it did not use are removed
        from the cache (`_prune`)."""
        self.cache_dir, self.pictures, self.prune = cache_dir, pictures, prune
        self.started = time.time()  # a temporary file in the cache older than this is a dead process's (`_prune`)
        self.wanted: dict[str, tuple[str, str, str, str]] = {}
        self.names: dict[tuple[str, str, str, str], str] = {}  # a picture's words → its file name
        self.helpers = Helpers(workers_here(), N_("drawing the link-preview pictures"))
        self.pages = 0  # pages that asked for their values so far
        self.waiting: dict[tuple[str, str, str], int] = {}  # a base with missing pictures → the last page asking
        self.missing: dict[tuple[str, str, str], list] = {}  # base → its missing pictures not yet given

    def values(self, page, config) -> dict[str, str]:
        """The page's preview values (escaped later by the template); registers its picture."""
        meta = page.meta
        kind = PageKind(meta.get("kind", PageKind.PAGE.value))
        title = str(meta.get("title") or page.title or config.site_name)
        shared = PageKind(meta["preview_of"]) if meta.get("preview_of") else kind  # a list shares its owner's
        args = picture_words(
            shared,
            title,
            str(meta.get("preview_plan", "")),
            str(meta.get("preview_place", "")),
            config.site_name,
            str(meta.get("preview_label", "")),
        )
        values = {
            "title": title,
            "description": str(meta.get("description") or config.site_description or ""),
            "type": "website" if page.is_homepage else "article",
            "site_name": config.site_name,
            "image_alt": ": ".join(word for word in args[:2] if word),
            "width": str(WIDTH),
            "height": str(HEIGHT),
        }
        if not self.pictures:  # under `mkdocs serve`: nothing to share, nothing to say
            return values
        if config.site_url:  # a picture only where it can be found: its address must be absolute
            name = self.names.get(args)
            if name is None:  # a plan's pages share a few pictures: each name (four texts cleaned, hashed) once
                name = self.names[args] = image_name(*args)
            self._want(name, args)
            values["url"] = page.canonical_url
            values["image"] = config.site_url.rstrip("/") + f"/{PREVIEW_IMAGES}/{name}"
        # Without site_url they are left out; the build says so once, in the editor's language (site_url.py).
        return values

    def _want(self, name: str, args: tuple[str, str, str, str]) -> None:
        """Register a page's picture; give the helpers the missing pictures whose pages are past (`LAG`)."""
        self.pages += 1
        base = args[1:]
        if name not in self.wanted:
            self.wanted[name] = args
            if not (self.cache_dir / name).is_file():
                self.missing.setdefault(base, []).append(args)
                self.waiting[base] = self.pages
        if base in self.waiting:
            self.waiting[base] = self.pages
        if self.pages % 64 == 0:
            self._give(self.pages - LAG)

    def _give(self, before: int | None) -> None:
        """The missing pictures of the bases last asked for before page `before` (None: all) given to the
        helpers; not until there are enough to pay for starting them (og_batch.POOL_FROM groups)."""
        ready = {base for base, last in self.waiting.items() if before is None or last < before}
        if not ready or (not self.helpers.started and len(ready) < POOL_FROM):
            return
        given = []
        for base in ready:
            given += self.missing.pop(base)
            del self.waiting[base]
        for job in missing_groups(self.cache_dir, given):
            self.helpers.submit(draw_group, *job)

    def write(self, site_dir: Path) -> None:
        """Every picture asked for, drawn into the cache when missing, then copied into site/assets/og/."""
        self._give(None)
        if self.helpers.started:
            self.helpers.wait()
            self.helpers.close()
        draw_missing(self.cache_dir, [self.wanted[name] for name in sorted(self.wanted)])  # the few left, if any
        folder = Path(site_dir) / PREVIEW_IMAGES
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(self.wanted):
            try:
                data = (self.cache_dir / name).read_bytes()
            except FileNotFoundError:  # removed meanwhile by another build of this checkout (`_prune`): drawn here
                data = og_image(*self.wanted[name])
            (folder / name).write_bytes(data)
        if self.prune and self.wanted:
            self._prune()

    def _prune(self) -> None:
        """Remove the cached pictures this build did not use (a title edited, a page gone, an earlier design)
        and the temporary files of a killed process. CI saves the cache after every build
        (.github/workflows/site.yml, .gitlab-ci.yml), and without this it grew by every picture ever drawn; what
        the next build needs is what this one used. Only after a build with an address (site_url: every page
        then wants its picture) that rendered every plan (plansite_hook.on_config)."""
        removed = prune_pictures(self.cache_dir, set(self.wanted), self.started)
        log.debug("Removed %d unused pictures from .cache/", removed)

    def stop(self) -> None:
        """End the helper processes now (the build failed or was interrupted)."""
        self.helpers.stop()
