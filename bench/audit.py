"""Lighthouse (mobile, all four categories) on one page of each kind; prints a table, writes bench/AUDIT.md.

    make audit        # or: .venv/bin/python bench/audit.py [--runs 3] [--only TEXT…] [--out bench/AUDIT.md]

Not part of the test suite (tests/test_a11y.py runs axe-core and the Nu validator; this is the
slower, broader look). Builds the seed site and a small synthetic corpus with paged lists (the seed
has none) into a temporary folder, serves each on 127.0.0.1 and runs Lighthouse 12.2.3 from
node_modules (`make setup` runs `npm ci`) with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).

Each page is audited `--runs` times (3) and each score is the median of its runs: Lighthouse simulates
a slow phone from what this machine measures, so a busy machine moves the performance score by a few
points from run to run; the table shows every run's performance score beside the median.

The page kinds (`PAGE_KINDS`, `pages_by_kind`) are shared with tests/test_a11y.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import serving  # noqa: E402

from plansite_mkdocs import runner  # noqa: E402

NODE_MODULES = ROOT / "node_modules"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REPORTS = (
    HERE / "work" / "audit"
)  # full Lighthouse reports (JSON): <kind>.json (the median run), <kind>-<run>.json; not committed
RUNS = 3
SETUP_HINT = "run `make setup` (it runs `npm ci`, which installs node_modules/ from package-lock.json)"

# Every kind of page the site builds, by its address (the HTML file relative to the site folder).
# First match wins. A page that matches none is still checked, as a kind named by its address: a page
# at the top ("x/index.html") on its own, a deeper one with its own folder as "*" (one for its siblings).
PAGE_KINDS: tuple[tuple[str, str], ...] = (
    ("home", r"index\.html"),
    ("404", r"404\.html"),
    ("paged list, page 2+", r".+/trang-\d+/index\.html"),
    ("plan index (ke-hoach)", r"ke-hoach/index\.html"),
    ("plan", r"ke-hoach/[^/]+/index\.html"),
    ("appendix (Phụ lục)", r"ke-hoach/[^/]+/phu-luc/index\.html"),
    ("progress (tiến độ)", r"ke-hoach/[^/]+/tien-do/index\.html"),
    ("task", r"ke-hoach/[^/]+/nhiem-vu/[^/]+/index\.html"),
    ("bulletins (bản tin)", r"ke-hoach/[^/]+/ban-tin/index\.html"),
    ("agency index (co-quan)", r"co-quan/index\.html"),
    ("agency", r"co-quan/[^/]+/index\.html"),
    ("agency's full list", r"co-quan/[^/]+/[^/]+/index\.html"),
    ("document index (van-ban)", r"van-ban/index\.html"),
    ("document group list", r"van-ban/danh-sach/[^/]+/index\.html"),
    ("document", r"van-ban/[^/]+/index\.html"),
    ("reporting calendar (bao-cao)", r"bao-cao/index\.html"),
    ("updates (cap-nhat)", r"cap-nhat/index\.html"),
    ("editor's guide", r"huong-dan-bien-tap/index\.html"),
    ("about", r"gioi-thieu/index\.html"),
    ("glossary (tu-viet-tat)", r"tu-viet-tat/index\.html"),
    ("open data (du-lieu)", r"du-lieu/index\.html"),
)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in PAGE_KINDS)
# Kinds the seed site must have: if one is missing, an address changed and the checks lost sight of it.
SEED_KINDS = frozenset(
    {
        "home",
        "404",
        "plan index (ke-hoach)",
        "plan",
        "appendix (Phụ lục)",
        "progress (tiến độ)",
        "bulletins (bản tin)",
        "task",
        "agency index (co-quan)",
        "agency",
        "document index (van-ban)",
        "document",
        "reporting calendar (bao-cao)",
        "updates (cap-nhat)",
        "editor's guide",
        "about",
    }
)
# Kinds only a larger site has (made by `build_paged_corpus`).
CORPUS_KINDS = frozenset({"paged list, page 2+", "agency's full list", "document group list"})


def page_kind(address: str) -> str:
    """The kind of a built page, by its address relative to the site folder ("co-quan/x/index.html")."""
    for name, pattern in _COMPILED:
        if pattern.fullmatch(address):
            return name
    parts = address.split("/")
    if len(parts) >= 3:
        parts[-2] = "*"
    return "other: " + "/".join(parts)


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of a built site, sorted; not the web form's page (bien-tap/: the CMS's own code, for
    editors, never loaded by a public page)."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "bien-tap")


def pages_by_kind(site: Path) -> dict[str, list[str]]:
    """Kind → addresses of its pages, largest file first (the most content to check)."""
    kinds: dict[str, list[tuple[int, str]]] = {}
    for path in html_pages(site):
        address = path.relative_to(site).as_posix()
        kinds.setdefault(page_kind(address), []).append((-path.stat().st_size, address))
    return {kind: [address for _, address in sorted(pages)] for kind, pages in kinds.items()}


def url_path(address: str) -> str:
    """The address to ask the server for: "a/index.html" → "a/" (as links on the site do)."""
    return address[: -len("index.html")] if address.endswith("index.html") else address


def build_paged_corpus(work: Path) -> Path:
    """A small synthetic project whose one agency issues 170 documents: more than a list page holds
    (plansite.site.parts.parts.PER_PAGE = 100), so it has a paged list ("…/van-ban/trang-2/"), and each of the
    four document types' groups of the documents' index is longer than a page shows whole (parts.WHOLE = 40),
    so it has a group list ("van-ban/danh-sach/<type>/"). Returns the project folder; build it with runner.build."""
    project = work / "paged-corpus"
    corpus.generate(project, plans=1, tasks=2, agencies=1, documents=170, seed=3)
    return project


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics"}


class _GzipHandler(serving.QuietHandler):
    """A static server as a host serves the site: text compressed with gzip when the browser asks
    (Lighthouse measures what a reader downloads; python's http.server alone sends it uncompressed)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def serve_compressed(folder: Path):
    """serving.serve_folder, with gzip as a real host serves text files."""
    return serving.serve_folder(folder, _GzipHandler)


def build(project: Path, out: Path) -> Path:
    result = runner.build(project, out)
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stderr}")
    return out


def lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run (mobile: its default form factor and throttling); the JSON report."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse {url} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return json.loads(report.read_text("utf-8"))


def scores(report: dict) -> dict[str, int | None]:
    return {
        c: (None if report["categories"][c]["score"] is None else round(report["categories"][c]["score"] * 100))
        for c in CATEGORIES
    }


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points: "category: audit id (score) title"."""
    out = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f", {audit['displayValue']}" if audit.get("displayValue") else ""
                out.append(f"{category}: {ref['id']} ({audit['score']:.2f}{value}) {audit.get('title', '')}")
    return out


def median_run(reports: list[dict]) -> dict:
    """The run whose performance score is the median (its report explains that score)."""
    ranked = sorted(reports, key=lambda report: report["categories"]["performance"]["score"] or 0)
    return ranked[(len(ranked) - 1) // 2]


def median_scores(reports: list[dict]) -> dict[str, int | None]:
    """Each category's median over the runs (the lower middle one of an even count)."""
    out = {}
    for category in CATEGORIES:
        values = sorted(row[category] for row in map(scores, reports) if row[category] is not None)
        out[category] = values[(len(values) - 1) // 2] if values else None
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "AUDIT.md", help="the Markdown report")
    parser.add_argument(
        "--only", nargs="+", metavar="TEXT", help="only the page kinds whose name contains one of these"
    )
    parser.add_argument(
        "--runs", type=int, default=RUNS, help=f"Lighthouse runs per page; the medians are reported ({RUNS})"
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: {SETUP_HINT}")
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        sys.exit(f"{chrome} is missing: apt-get install -y chromium (or set CHROME_PATH)")

    rows, notes = [], []
    REPORTS.mkdir(parents=True, exist_ok=True)
    for old in REPORTS.glob("*.json"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="plansite-audit-") as tmp:
        tmp = Path(tmp)
        sites = [("seed", build(ROOT, tmp / "seed-site"))]
        corpus_site = build(build_paged_corpus(tmp), tmp / "corpus-site")
        sites.append(("corpus", corpus_site))
        seen: set[str] = set()
        for label, site in sites:
            with serve_compressed(site) as base:
                for kind, addresses in pages_by_kind(site).items():
                    if kind in seen or (args.only and not any(text in kind for text in args.only)):
                        continue  # the corpus only adds the kinds the seed site lacks
                    seen.add(kind)
                    address = addresses[0]
                    slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")
                    reports = [
                        lighthouse(base + url_path(address), REPORTS / f"{slug}-{run + 1}.json")
                        for run in range(args.runs)
                    ]
                    report = median_run(reports)
                    (REPORTS / f"{slug}.json").write_text(json.dumps(report), "utf-8")
                    row = median_scores(reports)
                    runs = [scores(r)["performance"] for r in reports]
                    rows.append((kind, f"{label}: /{url_path(address)}", row, runs))
                    print(
                        f"{kind:32} "
                        + " ".join(f"{row[c] if row[c] is not None else '–':>5}" for c in CATEGORIES)
                        + f"  {'/'.join(map(str, runs)):>12}  /{url_path(address)}",
                        flush=True,
                    )
                    notes += [f"- {kind}: {line}" for line in shortfalls(report)]
        version = json.loads((NODE_MODULES / "lighthouse" / "package.json").read_text())["version"]
        browser = report.get("environment", {}).get("hostUserAgent", "")
    browser = re.search(r"Chrome/[\d.]+", browser)
    table = [
        "| page kind | performance | accessibility | best practices | SEO | performance, each run | page |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    table += [
        f"| {kind} | "
        + " | ".join("–" if row[c] is None else str(row[c]) for c in CATEGORIES)
        + f" | {', '.join('–' if r is None else str(r) for r in runs)} | {page} |"
        for kind, page, row, runs in rows
    ]
    text = [
        "# Lighthouse audit",
        "",
        f"{dt.date.today().isoformat()}, Lighthouse {version}, mobile (its default form factor and throttling), "
        f"{browser.group(0) if browser else 'Chromium'} headless, pages served on 127.0.0.1 with gzip (as a host "
        "serves them) by `make audit` (bench/audit.py): one page of each kind, the largest; the paged lists from "
        f"a small synthetic corpus. Each score is the median of {args.runs} run{'s' if args.runs > 1 else ''} "
        "(Lighthouse simulates a slow phone from what this machine measures; a busy machine moves the "
        "performance score from run to run). "
        "Full reports: bench/work/audit/ (not committed).",
        "",
        *table,
        "",
    ]
    text += (
        ["Audits that cost points (in the median run of each page):", "", *notes, ""]
        if notes
        else ["Every page kind scores 100 in all four categories.", ""]
    )
    args.out.write_text("\n".join(text), "utf-8")
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
