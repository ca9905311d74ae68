"""Material's templates without the whitespace they were indented with, as MkDocs loads them.

Material's templates are written for people: every block tag on a line of its own, every line indented. A
page carried that layout: about 3 KB of blank lines and indentation on each page (a fifth of a task page's
frame), 150 MB over a province's 50,000 pages. The templates are compacted before Jinja compiles them, not
the pages after: Jinja's `trim_blocks` and `lstrip_blocks` drop the line and indentation of each block tag,
and `Dedent` drops each line's leading spaces. A line break is kept wherever there was one, so HTML reads
the same whitespace between words (nothing in the templates is preformatted: no <pre>, no <textarea>).
tests/test_site_size.py compares the elements and the words of pages built with and without it.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from jinja2.ext import Extension

_INDENT = re.compile(r"(?m)^[ \t]+")


class Dedent(Extension):
    """Leading spaces and tabs taken off every line of a template's source."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _INDENT.sub("", source)


def apply(env: Environment, compact: bool = True) -> Environment:
    """`env` set to compact the templates it has not compiled yet (MkDocs' on_env comes before any page)."""
    if compact:
        env.trim_blocks = True
        env.lstrip_blocks = True
        env.add_extension(Dedent)
    return env
