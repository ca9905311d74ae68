"""The search index as scripts, for a site opened from file:// (the offline edition, plansite_mkdocs.offline).

Browsers refuse fetch() from a page opened from a file, but load a <script src> beside it. So each index
file `search/<name>.json` (stored gzipped as `<name>.json.gz` for shards and snippets: `stored`) also
becomes `search/js/<name>.js`, one call with the same JSON:

    window.__planSearchData("t/da", {...});

docs/assets/plan-search.js loads these with <script> elements when `location.protocol` is "file:" and the
JSON files otherwise (they stay: the unzipped folder can be served over HTTP too). The key is the path
without "search/" and ".json", as the script asks for it. Same JSON in, same bytes out.
"""

from __future__ import annotations

import json
from pathlib import Path

from .stored import read_index

CALLBACK = "window.__planSearchData"
PREFIX, SUFFIX = "search/", ".json"


def script_of(relative: str, text: str) -> tuple[str, str]:
    """('search/js/<name>.js', its script) for the index file 'search/<name>.json' holding `text`.

    U+2028 and U+2029 are escaped (JSON allows them raw in strings; older JavaScript did not)."""
    if not (relative.startswith(PREFIX) and relative.endswith(SUFFIX)):
        raise ValueError(f"not an index file: {relative}")
    key = relative[len(PREFIX) : -len(SUFFIX)]
    body = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{PREFIX}js/{key}.js", f"{CALLBACK}({json.dumps(key, ensure_ascii=False)},{body});\n"


def scripts(files: dict[str, str]) -> dict[str, str]:
    """The script of every index file among `files` (relative path → JSON text), sorted by path."""
    out = dict(
        script_of(path, text) for path, text in files.items() if path.startswith(PREFIX) and path.endswith(SUFFIX)
    )
    return dict(sorted(out.items()))


def write_scripts(site_dir: Path) -> int:
    """Write the scripts of the index files found in a built site's search/ folder; how many."""
    site_dir = Path(site_dir)
    written = scripts(read_index(site_dir))
    for relative, text in written.items():
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(written)
