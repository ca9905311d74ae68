"""How the search index's files are stored in the built site: the term shards and snippet groups gzipped.

`SearchIndex.files` gives every file as JSON text under its name ("search/t/da.json"). On disk, the files of
search/t/ and search/x/ are gzipped under that name plus ".gz" ("search/t/da.json.gz"); meta.json,
facets.json and plans.json stay JSON (small, read first). Why (issue 24): a province's shards and snippets
are about 90 MB of JSON and 30 MB gzipped, and GitLab Pages counts a site's unpacked bytes against 1 GB (GitHub's
terms say the same of a published site). Readers fetch about what they fetched before, since hosts gzip JSON on
the wire anyway and leave a .gz file as it is.

The browser unpacks a file with DecompressionStream, or with fflate (vendor/fflate, served from the site)
where there is none (Safari before 16.4): docs/assets/plan-search.js `unpack`. A file whose first bytes
are not gzip's is read as it is, so a server that unpacks .gz files itself (Content-Encoding) still works.
The offline edition's scripts (`scripts`) are made from the unpacked JSON.

gzip at level 6 with no time and no name in its header: the same JSON gives the same bytes. Level 9 takes
twice as long for 0.3 % fewer bytes (7k corpus: 11.2 MB of JSON, 3.78 MB at 6, 3.77 at 9).
"""

from __future__ import annotations

import gzip
from pathlib import Path

PACKED_FOLDERS = ("search/t/", "search/x/")
PACKED = ".gz"  # what a packed file's name adds to its JSON name
LEVEL = 6


def stored(relative: str, text: str) -> tuple[str, bytes]:
    """(the name under the site's folder, the bytes written there) of the index file `relative` holding `text`."""
    data = text.encode("utf-8")
    if relative.startswith(PACKED_FOLDERS):
        return relative + PACKED, gzip.compress(data, compresslevel=LEVEL, mtime=0)
    return relative, data


def read_index(site_dir: Path) -> dict[str, str]:
    """Every index file written under `site_dir`/search/, as `SearchIndex.files` gives it: JSON name → text."""
    site_dir = Path(site_dir)
    out = {}
    for path in (site_dir / "search").rglob("*.json*"):
        relative = path.relative_to(site_dir).as_posix()
        if relative.endswith(".json"):
            out[relative] = path.read_text(encoding="utf-8")
        elif relative.endswith(".json" + PACKED):
            out[relative[: -len(PACKED)]] = gzip.decompress(path.read_bytes()).decode("utf-8")
    return dict(sorted(out.items()))
