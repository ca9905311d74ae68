"""Search quality against the anchor: the site's own search and Pagefind 1.6 (npm `pagefind`, pinned in
package.json; default settings: `pagefind --site`, every page's <body>) on the same built pages, in
headless Chromium, on the same queries:

- the ranking set of the tests (tests/search_ranking.yaml: what readers type, each with the page that
  must be among the first three): how many of them each engine puts in its top 3, by kind of query;
- the first screen (top 3) of a few queries, as a reader sees it;
- first search, cold cache: the compressed bytes each engine fetches to answer (its scripts included:
  ours the three plan-search scripts and the index files; Pagefind's pagefind.js, its WebAssembly, entry,
  meta, index chunks and the fragments of the shown results; a file already compressed counts as is),
  and the median ms from the query to the ten results' texts in hand.

    python bench/search_quality.py [SITE]      (make bench runs it on the seed site)

Never asserted by a test: Pagefind is the anchor we measure against, not a requirement.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))

import serving  # noqa: E402  (bench/: beside this file)

PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
CASES = yaml.safe_load((ROOT / "tests" / "search_ranking.yaml").read_text(encoding="utf-8"))
SEED_PLAN = "ke-hoach/ke-sat-tuyen-giao-dan-van-2025-2030/"
SCREENS = ("dân vận", "ct33", "Thu Hiền")  # the first screens quoted (issue 22)
TIMED = ("dan van", "33/CT-TTg", "ke hoach", "phong van hoa xa hoi", "dân vận", "ct33", "Thu Hiền")
SCRIPT = re.compile(r"\.js$|wasm")  # code, not index: our three scripts; pagefind.js and its WebAssembly
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

OURS = "q => window.planSearch(q).then(rs => rs.map(r => [r.url, r.title]))"
THEIRS = """async q => {
    window.__pf = window.__pf || await import(new URL('pagefind/pagefind.js', document.baseURI).href);
    const found = await window.__pf.search(q);
    const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
    return data.map(d => [d.url, d.meta && d.meta.title || '']);
}"""


def expected(case: dict) -> str:
    return SEED_PLAN if case["page"] == "P" else case["page"].replace("P/", SEED_PLAN, 1)


def address(url: str) -> str:
    """A result's page as a site-relative address ('van-ban/x/'), for either engine."""
    path = url.split("://", 1)[-1]
    path = path.split("/", 1)[1] if "://" in url else path.lstrip("/")
    return path[: -len("index.html")] if path.endswith("index.html") else path


def with_pagefind(site: Path, work: Path) -> Path:
    """A copy of `site` with Pagefind's index (default settings) in pagefind/."""
    copy = work / "pagefind-site"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, symlinks=False)
    subprocess.run([str(PAGEFIND), "--site", str(copy)], check=True, capture_output=True, text=True)
    return copy


def _compressed(path: Path) -> int:
    raw = path.read_bytes()
    return min(len(raw), len(gzip.compress(raw, 9)))  # Pagefind's index files are gzip already


def cold(
    browser, base: str, folder: Path, script: str, query: str, runs: int, mine: callable
) -> tuple[int, int, float]:
    """(compressed bytes fetched for the first search, of them the index's (not a script or WebAssembly),
    median ms) of one engine, a fresh context each run."""
    fetched: set[str] = set()
    times = []
    for run in range(runs):
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(base)
        tab.wait_for_load_state("networkidle")
        if run == 0:
            tab.on("request", lambda r: fetched.add(r.url[len(base) :].split("?")[0]))
        times.append(
            tab.evaluate(
                """async ([script, q]) => {
            const t0 = performance.now(); await (eval(script))(q); return performance.now() - t0; }""",
                [script, query],
            )
        )
        context.close()
    files = {folder / path for path in fetched if mine(path)} | {
        folder / path
        for path in ("assets/plan-search.js", "assets/plan-search-box.js", "assets/plan-search-page.js")
        if mine(path)
    }
    files = {path for path in files if path.is_file()}
    data = {path for path in files if not SCRIPT.search(path.name)}
    return sum(map(_compressed, files)), sum(map(_compressed, data)), statistics.median(times)


def measure(site: Path, work: Path, runs: int = 3) -> dict:
    """Everything the table shows, for the built site `site` (the seed site: the ranking set is its own)."""
    from playwright.sync_api import sync_playwright

    both = with_pagefind(site, work)
    engines = {
        "ours": (OURS, lambda p: p.startswith("search/") or p.startswith("assets/plan-search")),
        "Pagefind 1.6": (THEIRS, lambda p: p.startswith("pagefind/")),
    }
    out: dict = {"engines": list(engines), "cases": [], "screens": {}, "timed": {}}
    with serving.serve_folder(both) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.goto(base)
        queries = [case["query"] for case in CASES] + [q for q in SCREENS if q not in {c["query"] for c in CASES}]
        found = {name: {q: tab.evaluate(script, q) for q in queries} for name, (script, _) in engines.items()}
        tab.close()
        for case in CASES:
            out["cases"].append(
                (
                    case["kind"],
                    {
                        name: expected(case) in [address(u) for u, _ in found[name][case["query"]][:3]]
                        for name in engines
                    },
                )
            )
        out["screens"] = {
            q: {name: [(address(u), t) for u, t in found[name][q][:3]] for name in engines} for q in SCREENS
        }
        for q in TIMED:
            out["timed"][q] = {
                name: cold(browser, base, both, script, q, runs, mine) for name, (script, mine) in engines.items()
            }
        browser.close()
    return out


def table(result: dict) -> str:
    engines = result["engines"]
    kinds = sorted({kind for kind, _ in result["cases"]})
    lines = ["| queries | " + " | ".join(f"{e}: in top 3" for e in engines) + " |", "|" + " --- |" * (len(engines) + 1)]
    for kind in kinds + ["all"]:
        rows = [hits for k, hits in result["cases"] if kind in (k, "all")]
        lines.append(
            f"| {kind} ({len(rows)}) | " + " | ".join(f"{sum(h[e] for h in rows)}/{len(rows)}" for e in engines) + " |"
        )
    timed = [
        "| first search, cold | " + " | ".join(f"{e}: KB (index KB) / ms" for e in engines) + " |",
        "|" + " --- |" * (len(engines) + 1),
    ]
    timed += [
        f"| “{q}” | "
        + " | ".join(f"{v[e][0] / 1024:.1f} ({v[e][1] / 1024:.1f}) / {v[e][2]:.0f}" for e in engines)
        + " |"
        for q, v in result["timed"].items()
    ]
    screens = []
    for q, by in result["screens"].items():
        screens.append(
            f"- “{q}”: "
            + "; ".join(
                f"{e}: " + ", ".join(f"{i}. {t or a} (`{a}`)" for i, (a, t) in enumerate(by[e], 1)) for e in engines
            )
        )
    return (
        "Search quality, seed site (tests/search_ranking.yaml: the page each query must put in the top 3; Pagefind "
        "1.6 with default settings on the same built pages, in Chromium):\n\n"
        + "\n".join(lines)
        + "\n\nFirst search (compressed KB fetched, scripts included; in brackets the index's part, without "
        "scripts and WebAssembly; median ms of 3 cold runs from the query to ten results' texts):"
        "\n\n" + "\n".join(timed) + "\n\nFirst screens (top 3):\n\n" + "\n".join(screens)
    )


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    with tempfile.TemporaryDirectory() as work:
        print(table(measure(site.resolve(), Path(work))))


if __name__ == "__main__":
    main()
