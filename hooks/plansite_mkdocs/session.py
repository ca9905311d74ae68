"""State that outlives one build within one `mkdocs serve` process.

MkDocs re-executes the hook file for every rebuild, so state kept there is lost;
this module is imported once and survives. It holds the last site output generated from valid data, which serve keeps showing while the data has problems.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Session:
    """What the running MkDocs command is, and the last good pages and files."""

    command: str = "build"
    last_good: object | None = None  # plansite.build.SiteOutput


SESSION = Session()
