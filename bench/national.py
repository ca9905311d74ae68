"""A national search over several provinces' sites, at small scale (bench/SCALE.md says it at full scale).

    python bench/national.py [OUT] [--plans 4] [--tasks 10] [--serve]

builds three small "province" corpora (bench/corpus.py, each its own seed and province name) as three
separate sites, OUT/tinh-an/, OUT/tinh-binh/, OUT/tinh-cao/, each exactly as `mkdocs build` publishes it,
and beside them a national page, OUT/index.html: a manifest (OUT/national.json: each province's name,
address, pages and the size of its search index) and a script (assets/national-search.js) that runs each
province's own search (plan-search.js, unchanged) against that province's index files and merges the answers.
No server of ours: the sites and the national page are static files behind one host (a CDN in front of the
provinces' folders, so the index files are fetched from the same origin). --serve prints the address and
serves OUT until interrupted. tests/test_national_search.py drives it in Chromium.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

from plansite_mkdocs import runner  # noqa: E402

HOST = "https://kehoach.example.org/"  # the one host (CDN) in front of every province's folder
PROVINCES = (("tinh-an", "An", 11), ("tinh-binh", "Bình", 12), ("tinh-cao", "Cao", 13))  # folder, name, seed
ASSETS = HERE / "national"


def build_province(work: Path, out: Path, folder: str, name: str, seed: int, plans: int, tasks: int) -> dict:
    """One province's site built into out/<folder>/; its entry of the national manifest."""
    project = work / f"project-{folder}"
    corpus.generate(
        project,
        plans,
        tasks,
        agencies=3 * plans,
        documents=5 * plans,
        seed=seed,
        site_url=f"{HOST}{folder}/",
        province=name,
    )
    result = runner.build(project, out / folder)
    if result.returncode != 0:
        raise SystemExit(f"build of {folder} failed:\n{result.stderr[-3000:]}")
    site = out / folder
    index = [path for path in (site / "search").rglob("*") if path.is_file()]
    meta = json.loads((site / "search" / "meta.json").read_text(encoding="utf-8"))
    return {
        "id": folder,
        "name": f"tỉnh {name}",
        "base": f"{folder}/",
        "pages": meta.get("docs", 0),
        "index_files": len(index),
        "index_bytes": sum(path.stat().st_size for path in index),
    }


def build(out: Path, plans: int = 4, tasks: int = 10) -> Path:
    """The three provinces' sites and the national page in `out` (emptied first); returns `out`."""
    if out.exists():
        shutil.rmtree(out)
    work = out.parent / f"{out.name}-projects"
    shutil.rmtree(work, ignore_errors=True)
    provinces = [build_province(work, out, folder, name, seed, plans, tasks) for folder, name, seed in PROVINCES]
    shutil.rmtree(work, ignore_errors=True)
    (out / "assets").mkdir()
    shutil.copy(ROOT / "docs" / "assets" / "plan-search.js", out / "assets" / "plan-search.js")
    shutil.copy(ASSETS / "national-search.js", out / "assets" / "national-search.js")
    shutil.copy(ASSETS / "index.html", out / "index.html")
    manifest = {"provinces": provinces}
    (out / "national.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def measure(out: Path, query: str) -> dict:
    """One national query in headless Chromium: the results (province, title), and the files fetched to answer
    it beyond the page itself: their count, bytes and gzip bytes (what a host that compresses sends)."""
    import gzip
    from urllib.parse import unquote, urlsplit

    from playwright.sync_api import sync_playwright

    fetched: list[str] = []
    with runner.serve_folder(out) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page()
        page.on("request", lambda request: fetched.append(unquote(urlsplit(request.url).path).lstrip("/")))
        page.goto(base)
        page.fill("#ns-query", query)
        page.press("#ns-query", "Enter")
        page.wait_for_selector(f'#ns-results[data-ns-query="{query}"]')
        shown = page.eval_on_selector_all(
            "#ns-results li",
            "items => items.map(li => [li.querySelector('.ns-where').textContent, li.querySelector('a').textContent])",
        )
        browser.close()
    files = sorted(
        {out / path for path in fetched if "/search/" in path or path.startswith("assets/") or path == "national.json"}
    )
    return {
        "results": shown,
        "files": len(files),
        "bytes": sum(f.stat().st_size for f in files),
        "gzip": sum(len(gzip.compress(f.read_bytes(), 9)) for f in files),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=HERE / "work" / "national")
    parser.add_argument("--plans", type=int, default=4, help="plans per province (default 4)")
    parser.add_argument("--tasks", type=int, default=10, help="tasks per plan (default 10)")
    parser.add_argument("--query", default="dân vận", help="the query measured in Chromium (default: dân vận)")
    parser.add_argument("--serve", action="store_true", help="serve the result on 127.0.0.1 until interrupted")
    args = parser.parse_args()
    out = build(args.out.resolve(), args.plans, args.tasks)
    manifest = json.loads((out / "national.json").read_text(encoding="utf-8"))
    for province in manifest["provinces"]:
        print(
            f"{province['name']}: {province['pages']} pages, search index {province['index_files']} files, "
            f"{province['index_bytes'] / 1024:.0f} KB"
        )
    got = measure(out, args.query)
    print(
        f"“{args.query}”: {got['files']} files fetched (scripts, manifest, index files of every province), "
        f"{got['bytes'] / 1024:.1f} KB, {got['gzip'] / 1024:.1f} KB gzip; the first results:"
    )
    for where, title in got["results"]:
        print(f"  {where}: {title}")
    if args.serve:
        import time

        with runner.serve_folder(out) as base:
            print(f"national search: {base}")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
