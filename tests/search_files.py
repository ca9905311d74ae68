"""Reading written search index files back, for the tests: what the browser reads."""

from __future__ import annotations

import json

from plansite.search.excerpt import page_texts
from plansite.search.postings import decode


def decoded(files: dict[str, str]) -> dict[str, dict[str, dict[str, int]]]:
    """folded → exact → page URL → weight, read back from written index files (`SearchIndex.files`)."""
    meta = json.loads(files["search/meta.json"])
    group = meta["group"]
    urls = [json.loads(files[f"search/x/{doc // group}.json"])[doc % group][0] for doc in range(meta["docs"])]
    out: dict[str, dict[str, dict[str, int]]] = {}
    for name in meta["shards"]:
        for folded, variants in json.loads(files[f"search/t/{name}.json"]).items():
            out[folded] = {
                exact: {urls[doc]: weight for doc, weight in decode(text, len(urls), meta["weights"]).items()}
                for exact, text in variants.items()
            }
    return out


def excerpt_of(html: str) -> str:
    """The excerpt of rendered page content (see `page_texts`)."""
    return page_texts(html)[1]
