"""Link previews on the MkDocs side: each page's Open Graph values, and its picture written once.

Values come from the page's front matter (site/parts/previews.py, which also says which pages share a
picture); pictures are drawn by site/outreach/og_image.py, cached by content under .cache/og/ and the missing
ones drawn on every core (site/outreach/og_batch.py), so an unchanged picture costs nothing on the next build
and the output stays byte-identical; the notices' QR codes are cached by content beside them (.cache/qr/,
site/outreach/qr_cache.py). Absolute addresses (og:url, og:image) need `site_url`: without it
the build says so once (info, not a warning) and leaves those tags out.
"""

from __future__ import annotations

import logging
from pathlib import Path

from plansite.addresses import PREVIEW_IMAGES
from plansite.kinds import PageKind
from plansite.site.outreach.og_batch import draw_missing
from plansite.site.outreach.og_image import HEIGHT, WIDTH, image_name
from plansite.site.outreach.qr_cache import draw_missing as draw_missing_qr
from plansite.site.outreach.qr_cache import use_folder
from plansite.site.parts.previews import picture_words

log = logging.getLogger("mkdocs.plugins.plansite")


class PreviewImages:
    """Collects the pictures pages ask for during a build; writes them into the site at the end."""

    def __init__(self, cache_dir: Path, pictures: bool = True):
        """`pictures` False (`mkdocs serve`: its site_url is the local preview's, which no one shares): no
        picture is drawn and no absolute address is printed, so an edited title shows without waiting.

        The notices' QR codes are kept beside the pictures, in `cache_dir`'s sibling qr/ (qr_cache.py)."""
        self.cache_dir, self.pictures = cache_dir, pictures
        use_folder(Path(cache_dir).parent / "qr")
        self.wanted: dict[str, tuple[str, str, str, str]] = {}

    def draw_qr_codes(self, addresses: tuple[str, ...]) -> None:
        """The notices' QR codes not yet cached drawn on every core before the pages render (a cold build);
        not under `mkdocs serve`, whose pages draw the few they show."""
        if self.pictures:
            draw_missing_qr(list(addresses))

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
            name = image_name(*args)
            self.wanted[name] = args
            values["url"] = page.canonical_url
            values["image"] = config.site_url.rstrip("/") + f"/{PREVIEW_IMAGES}/{name}"
        # Without site_url they are left out; the build says so once, in the editor's language (site_url.py).
        return values

    def write(self, site_dir: Path) -> None:
        """Every picture asked for, drawn into the cache when missing, then copied into site/assets/og/."""
        draw_missing(self.cache_dir, [self.wanted[name] for name in sorted(self.wanted)])
        folder = Path(site_dir) / PREVIEW_IMAGES
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(self.wanted):
            (folder / name).write_bytes((self.cache_dir / name).read_bytes())
