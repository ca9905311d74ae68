"""Benchmark: build the seed site and a synthetic corpus; print a table; write bench/RESULTS.md.

    python bench/run.py [--plans 100 --tasks 50 --agencies 300 --documents 500 --runs 3]

Not part of the test suite. Figures are medians of --runs builds; the machine is noisy,
so compare ratios (ours / plain MkDocs on the same pages and nav) rather than seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from plansite.data.load import load_project  # noqa: E402
from plansite.site.pages import build_site  # noqa: E402
from plansite_mkdocs import runner  # noqa: E402

WORK = HERE / "work"
QUERY = "dan van"


def timed_build(project: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one `mkdocs build` of `project` into `out`."""
    start = time.perf_counter()
    # --strict adds nothing here: every config built (seed, corpus, plain) already says `strict: true`.
    proc = subprocess.Popen(runner.build_command(project / "mkdocs.yml", out), env=runner.build_env(), cwd=project)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {project} failed")
    return wall, usage.ru_maxrss / 1024


def plain_project(project: Path, dest: Path) -> Path:
    """The same pages as plain Markdown files, and the same published files, built by MkDocs without our
    hooks (same theme, same nav)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(project / "docs", dest / "docs")
    shutil.copytree(project / "overrides", dest / "overrides")
    site = build_site(load_project(project))
    for uri, markdown in site.pages.items():
        (dest / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        (dest / "docs" / uri).write_text(markdown, encoding="utf-8")
    for uri, data in site.files.items():
        (dest / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        (dest / "docs" / uri).write_bytes(data if isinstance(data, bytes) else (project / data).read_bytes())
    config = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("hooks:\n  - hooks/plansite_hook.py\n", "")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def first_query_bytes(site: Path, query: str) -> int:
    """Gzip bytes a browser fetches to answer its first query, as Chromium requests them: the script,
    meta, the shards, the document chunks and the snippet texts of the shown results."""
    from playwright.sync_api import sync_playwright

    fetched: set[str] = set()
    with runner.serve_folder(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page()
        page.goto(base)
        page.on("request", lambda r: fetched.add(r.url[len(base):].split("?")[0]))
        page.fill("#ps-search-input", query)
        page.wait_for_selector(".ps-result")
        page.wait_for_load_state("networkidle")
        browser.close()
    script = "assets/plan-search.js"  # loaded with the page, before the query: counted as part of it
    paths = {site / path for path in fetched | {script} if path.startswith(("search/", script))}
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths if path.is_file())


def time_to_first_result(site: Path, query: str, runs: int = 5) -> float:
    """Median ms from typing the query to the first result shown, cold cache each time."""
    from playwright.sync_api import sync_playwright

    times = []
    with runner.serve_folder(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base)
            times.append(page.evaluate("""q => new Promise(resolve => {
                const input = document.querySelector('#ps-search-input');
                const box = document.querySelector('.ps-search__results');
                const t0 = performance.now();
                new MutationObserver((_, obs) => { if (box.querySelector('.ps-result')) { obs.disconnect();
                    resolve(performance.now() - t0); } }).observe(box, {childList: true, subtree: true});
                input.value = q; input.dispatchEvent(new Event('input'));
            })""", query))
            context.close()
        browser.close()
    return statistics.median(times)


def serve_edit_latency(project: Path, runs: int = 5) -> float:
    """Median seconds from saving a YAML edit to `mkdocs serve` serving the changed page."""
    import socket
    import urllib.request

    work = WORK / "serve"
    if work.exists():
        shutil.rmtree(work)
    skip = {"site", "bench", ".venv", "tests", ".git"}  # at the top only: hooks/plansite/site/ is code

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if Path(folder) == project and (n in skip or n.startswith(".site-"))]

    shutil.copytree(project, work, ignore=ignore)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work,
                            env=runner.build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/co-quan/trung-tam-dich-vu-su-nghiep-cong/"

    def get() -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    times = []
    try:
        deadline = time.monotonic() + 60
        while "Trung tâm" not in get() and time.monotonic() < deadline:
            time.sleep(0.1)
        agencies = work / "plan_data/agencies.yaml"
        original = agencies.read_text(encoding="utf-8")
        for i in range(runs):
            marker = f"Trung tâm Dịch vụ sự nghiệp công xã {i}"
            start = time.perf_counter()
            agencies.write_text(original.replace("Trung tâm Dịch vụ sự nghiệp công xã", marker), encoding="utf-8")
            while marker not in get() and time.perf_counter() - start < 60:
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return statistics.median(times)


def measure(name: str, project: Path, runs: int, plain: bool) -> dict:
    site = WORK / f"{name}-site"
    builds = [timed_build(project, site) for _ in range(runs)]
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    row = {"name": name, "pages": len(pages), "wall": statistics.median(b[0] for b in builds),
           "rss": max(b[1] for b in builds), "median_kb": statistics.median(pages) / 1024,
           "max_kb": max(pages) / 1024, "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
           "search_kb": first_query_bytes(site, QUERY) / 1024, "first_ms": time_to_first_result(site, QUERY)}
    row["pps"] = row["pages"] / row["wall"]
    if plain:
        plain_dir = plain_project(project, WORK / f"{name}-plain")
        plain_wall = statistics.median(timed_build(plain_dir, WORK / f"{name}-plain-site")[0] for _ in range(runs))
        row["ratio"] = row["wall"] / plain_wall
        row["plain"] = plain_wall
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--agencies", type=int, default=300)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    corpus_dir = WORK / "corpus"
    corpus.generate(corpus_dir, args.plans, args.tasks, args.agencies, args.documents, seed=1)
    rows = [measure("seed", ROOT, args.runs, plain=True),
            measure(f"corpus {args.plans}×{args.tasks}", corpus_dir, args.runs, plain=True)]
    header = ("| site | pages | build s (median) | peak MB | pages/s | ours/plain | median page KB | largest page KB "
              "| site MB | first search KB gz | first result ms |\n|" + " --- |" * 11)
    lines = [header] + [
        f"| {r['name']} | {r['pages']} | {r['wall']:.2f} | {r['rss']:.0f} | {r['pps']:.0f} | {r.get('ratio', 0):.2f} "
        f"| {r['median_kb']:.1f} | {r['max_kb']:.1f} | {r['site_mb']:.1f} | {r['search_kb']:.1f} | {r['first_ms']:.0f} |"
        for r in rows]
    table = "\n".join(lines)
    latency = serve_edit_latency(ROOT)
    table += f"\n\n`mkdocs serve` on the seed site, YAML edit to changed page served: {latency:.2f} s (median of 5)."
    print(table)
    machine = f"{platform.node()} ({os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()})"
    (HERE / "RESULTS.md").write_text(
        f"# Benchmark results\n\n{dt.date.today().isoformat()}, {machine}, {args.runs} runs per build, "
        f"query “{QUERY}”.\n\n{table}\n\n`ours/plain`: our build (hooks: load, validate, render, index) over plain "
        "MkDocs building the same Markdown pages with the same theme and nav.\n", encoding="utf-8")


if __name__ == "__main__":
    main()
