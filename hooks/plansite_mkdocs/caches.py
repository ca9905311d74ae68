"""The caches that hold one build's pages or text, cleared when MkDocs loads the config (`on_config`).

Under `mkdocs serve` the process lives for many builds. Each cache below is bounded, and is emptied at
the start of every build, so what an earlier build rendered (pages of an old model, its text) is
neither kept alive nor served again. Caches of pure functions of small keys that hold no data text
(fonts, the message catalogue, slugs and syllables of words) stay: they are bounded, and keep a rebuild
fast.
"""

from __future__ import annotations

from plansite.site.html import markup, page_writer
from plansite.site.render import lazy

from .generated import GeneratedPage


def clear_build_caches() -> None:
    """Empty every cache that holds an earlier build's pages or text (see the module)."""
    lazy.forget_renders()  # a group's rendered pages (an agency's page and its lists)
    markup.forget_text()  # escaped data text
    page_writer.forget_folders()  # the folders of page paths
    GeneratedPage.close_open()  # the one page whose HTML was held as text; a new spill file for the packed ones
