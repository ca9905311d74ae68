"""Benchmark: build the seed site and synthetic corpora; print tables; record them in bench/RESULTS.md.

    python bench/run.py [--sizes 1k,7k,28k] [--huge] [--runs N] [--record]     (make bench SIZES=… HUGE=1 …)

For the seed site and each corpus (bench/corpus.py: 1k, 7k and 28k by default; --huge adds 56k, the
province corpus of 800 plans × 50 tasks, 2,400 agencies, 4,000 documents, also `--sizes province`;
any PLANSxTASKSxAGENCIESxDOCUMENTS too):

- build time, wall and CPU (median of --runs: 3 by default, 1 from 28k up; CPU of the build and its helper
  processes), pages/s, peak memory (the largest process, and all the build's processes at once),
  median and largest page, site size;
- ours/plain: our build over plain MkDocs (no hooks, same theme and nav) building our pages written
  out as .md files (bench/plain.py), by CPU time (wall in brackets); cold (every picture drawn) and
  warm (the cache of the cold builds kept, as CI keeps it: as many runs, median). Twice: against the Markdown pages
  of commit 268976d, the last before our renderers wrote HTML (a fixed baseline), and against MkDocs
  rendering the page sources our hooks make now. Skipped from 56k up (hours of plain builds);
- first search, for each benchmark query: the gzip bytes a browser fetches to answer it, and the
  median ms from typing it to the results shown (cold cache); the number of index files and the largest;
- on the seed site, search quality against Pagefind 1.6 (bench/search_quality.py: the tests' ranking set
  in the top 3, first screens, bytes and ms of both engines; --no-quality leaves it out);

and on the 7k corpus: the preview latency (`make serve PLAN=ke-hoach-3`: a saved edit of the plan's
YAML to `mkdocs serve` answering with the changed page; a task's text, then the plan's title; with the
server's CPU time per edit; bench/preview.py), and the top five functions (by own time) of a cProfile of one build
(bench/profile_build.py). The tables are printed and written to bench/work/RESULTS-latest.md;
--record appends them to bench/RESULTS.md with the date, the machine and its load.

Not part of the test suite: no figure here is ever asserted. The machine may be shared: wall times
grow with its load, CPU times and ratios much less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import hosts  # noqa: E402
import plain  # noqa: E402
import search_quality  # noqa: E402
import serving  # noqa: E402
from preview import preview_latency  # noqa: E402

from plansite_mkdocs import runner  # noqa: E402

WORK = HERE / "work"
QUERIES = ("dan van", "33/CT-TTg", "ke hoach", "phong van hoa xa hoi")
PREVIEW_SIZE, PREVIEW_PLAN, PREVIEW_RUNS = "7k", 3, 5  # the corpus, plan number (ke-hoach-3) and edits
PROFILE_SIZE, PROFILE_TOP = "7k", 5
BIG_PLANS = 400  # from 28k (400 plans) up: 1 run by default
HUGE_PLANS = 800  # from 56k up: no plain builds
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def build_env() -> dict[str, str]:
    """The build's environment, never scoped to one plan (a benchmark measures the published build), with an
    address (SITE_URL; a corpus's mkdocs.yml sets its own): a site as deployed draws its link-preview
    pictures (the notices' QR codes are drawn by the reader's browser)."""
    env = runner.build_env()
    env.pop("PLANSITE_PREVIEW_PLAN", None)
    env.setdefault("SITE_URL", "https://ke-sat.example.org/")
    return env


class TreeMemory:
    """The peak of the summed RSS of a process and all its descendants (the build and its helper processes:
    plansite_mkdocs/helpers.py), sampled from /proc every 0.1 s while it runs: what the machine must hold,
    where ru_maxrss reports only the largest process. Linux only (elsewhere: 0)."""

    PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 0

    def __init__(self, pid: int):
        self.pid, self.peak = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> float:
        parents, rss = {}, {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # a process that ended meanwhile
            pid = int(stat.parent.name)
            parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * self.PAGE_MB
        tree, grown = {self.pid}, True
        while grown:
            more = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= more
            grown = bool(more)
        return sum(rss.get(pid, 0.0) for pid in tree)

    def _run(self):
        while Path("/proc").is_dir() and not self._stop.wait(0.1):
            self.peak = max(self.peak, self._sample())

    def stop(self) -> float:
        """The peak in MB (2^20 bytes)."""
        self._stop.set()
        self._thread.join()
        return self.peak


def timed_build(project: Path, out: Path, cold: bool = True) -> tuple[float, float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB of the largest process, peak MB of all its processes at once) of
    one `mkdocs build` of `project` into `out`. CPU time (user + system of the build process and its helpers)
    does not grow when other work shares the machine; wall does."""
    log = WORK / "build.log"
    if cold:  # every picture drawn (.cache/og/), as on a host that keeps no cache
        shutil.rmtree(project / ".cache", ignore_errors=True)
    with log.open("w", encoding="utf-8") as output:
        start = time.perf_counter()
        # --strict adds nothing here: every config built (seed, corpus, plain) already says `strict: true`.
        proc = subprocess.Popen(
            runner.build_command(project / "mkdocs.yml", out),
            env=build_env(),
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        memory = TreeMemory(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        total = memory.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{log.read_text(encoding='utf-8')[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, total


def first_search(site: Path, query: str, runs: int = 5) -> tuple[int, float]:
    """(gzip bytes a browser fetches to answer its first query, median ms from typing it to the results
    shown), cold cache each time. Bytes as Chromium requests them, from opening the home page to the
    results shown: the search scripts (assets/plan-search*.js, loaded with the page), and whatever the
    search fetches under search/ (meta, shards, document chunks, the snippet texts of the shown results)."""
    from playwright.sync_api import sync_playwright

    fetched: set[str] = set()
    times = []
    with serving.serve_folder(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for run in range(runs):
            context = browser.new_context()
            page = context.new_page()
            if run == 0:
                page.on("request", lambda r: fetched.add(r.url[len(base) :].split("?")[0]))
            page.goto(base)
            times.append(
                page.evaluate(
                    """q => new Promise(resolve => {
                const input = document.querySelector('#ps-search-input');
                const box = document.querySelector('#ps-search-results');
                const t0 = performance.now();
                const done = () => box.getAttribute('data-ps-query') === q;
                new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(performance.now() - t0); } })
                    .observe(box, {attributes: true, childList: true, subtree: true});
                input.value = q; input.dispatchEvent(new Event('input'));
            })""",
                    query,
                )
            )
            if run == 0:
                page.wait_for_load_state("networkidle")
            context.close()
        browser.close()
    paths = {
        site / path
        for path in fetched
        if path.startswith("search/") or re.fullmatch(r"assets/plan-search[\w.-]*\.js", path)
    }
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths if path.is_file()), statistics.median(times)


def profile(project: Path, top: int, save: Path) -> str:
    """The top functions (tottime) of a cProfile of one in-process build (bench/profile_build.py), and its
    own time by package; the top 20 are saved in `save`."""
    command = [sys.executable, str(HERE / "profile_build.py"), str(project), "--top", "20", "--save", str(save)]
    result = subprocess.run(command, env=build_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"profile of {project} failed:\n{result.stderr[-3000:]}")
    lines = save.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    packages = next(i for i, line in enumerate(lines) if line.startswith("Own time by package"))
    first = lines[0].replace("top 20 functions", f"top {top} functions")
    return "\n".join([first, ""] + lines[header : header + 1 + top] + [""] + lines[packages:])


def page_stats(site: Path) -> dict:
    """Pages (count, median and largest KB) and the whole site as the hosts count it (bench/hosts.py): MB of
    10^6 bytes unpacked and as GitHub's artifact (tar, deflated), files, entries (files and folders), the
    largest file (MB) and the link-preview pictures (count and MB)."""
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    pictures = [p.stat().st_size for p in (site / "assets" / "og").glob("*.png")]
    size = hosts.measure(site)
    return {
        "pages": len(pages),
        "median_kb": statistics.median(pages) / 1024,
        "max_kb": max(pages) / 1024,
        "site_mb": size.bytes / 1e6,
        "artifact_mb": size.artifact / 1e6,
        "files": size.files,
        "entries": size.entries,
        "largest_mb": size.largest / 1e6,
        "pictures": len(pictures),
        "pictures_mb": sum(pictures) / 1e6,
        "fits": hosts.fitting(size),
    }


def plain_times(project: Path, name: str, code: Path, runs: int) -> tuple[float, float] | None:
    """(median wall, median CPU seconds) of plain MkDocs building `code`'s pages of `project`; None if
    they cannot be made."""
    try:
        plain_dir = plain.plain_project(project, WORK / f"{name}-plain", code)
    except (subprocess.CalledProcessError, SystemExit) as error:
        print(f"  plain pages by {code.name}: not made ({error})", file=sys.stderr)
        return None
    builds = [timed_build(plain_dir, WORK / f"{name}-plain-site") for _ in range(runs)]
    shutil.rmtree(WORK / f"{name}-plain-site", ignore_errors=True)
    shutil.rmtree(plain_dir, ignore_errors=True)
    return _medians(builds)


def measure(name: str, project: Path, runs: int, plain_builds: bool, shape: str, baselines=("base", "new")) -> dict:
    print(f"{name}: {runs} build(s) of {project}", file=sys.stderr)
    site = WORK / f"{name}-site"
    builds = [timed_build(project, site) for _ in range(runs)]
    wall, cpu = _medians(builds)
    row = {
        "name": name,
        "shape": shape,
        "runs": runs,
        "wall": wall,
        "cpu": cpu,
        "rss": max(b[2] for b in builds),
        "rss_all": max(b[3] for b in builds),
        # rebuilds with the pictures of the cold builds kept (CI keeps .cache/ between builds): the
        # build a site's every edit gets, as many as the cold ones (median)
        "warm": _medians([timed_build(project, site, cold=False) for _ in range(runs)]),
        **page_stats(site),
    }
    row["pps"] = row["pages"] / row["wall"]
    row["search"] = {}
    index_files = [p for p in (site / "search").rglob("*.json*")]  # shards and snippets are .json.gz
    largest = max(index_files, key=lambda p: p.stat().st_size)
    data = largest.read_bytes()
    row["largest_index"] = (
        len(data) / 1024,
        (len(data) if largest.suffix == ".gz" else len(gzip.compress(data, 9))) / 1024,
        largest.relative_to(site).as_posix(),
    )
    row["index_files"] = len(index_files)
    for query in QUERIES:
        row["search"][query] = first_search(site, query)
        print(
            f"  search {query!r}: {row['search'][query][0] / 1024:.1f} KB gz, {row['search'][query][1]:.0f} ms",
            file=sys.stderr,
        )
    if plain_builds:
        for key, code in (("base", plain.baseline_code(WORK)), ("new", project)):
            if key not in baselines:
                continue
            times = plain_times(project, f"{name}-{key}", code, runs)
            row[f"plain_{key}"] = times
            row[f"ratio_{key}"] = (row["wall"] / times[0], row["cpu"] / times[1]) if times else None
            row[f"warm_ratio_{key}"] = (row["warm"][0] / times[0], row["warm"][1] / times[1]) if times else None
            print(f"  plain ({key}): {times}", file=sys.stderr)
    print(
        f"  {row['pages']} pages, {row['wall']:.1f} s, {row['cpu']:.1f} s CPU, {row['rss']:.0f} MB "
        f"({row['rss_all']:.0f} MB all processes)",
        file=sys.stderr,
    )
    return row


def _medians(builds: list[tuple[float, ...]]) -> tuple[float, float]:
    """(median wall, median CPU) of timed builds."""
    return statistics.median(b[0] for b in builds), statistics.median(b[1] for b in builds)


def ratio(value: tuple[float, float] | None) -> str:
    """'CPU ratio (wall ratio)'."""
    return f"{value[1]:.2f} ({value[0]:.2f})" if value else "–"


def tables(rows: list[dict]) -> str:
    header = (
        "| site | plans × tasks, agencies, documents | pages | runs | build s wall (median) | build s CPU | "
        "warm rebuild s wall / CPU (median) | pages/s | peak MB (all processes) | "
        "ours/plain: 268976d Markdown | warm ours/plain: 268976d Markdown | ours/plain: our sources as .md | "
        "median page KB | "
        "largest page KB | site MB unpacked (GitHub's terms, GitLab ≤ 1,000) | artifact MB (tar deflated: GitHub's "
        "deploy-pages ≤ 1,073.7) | files (Cloudflare ≤ 20,000 free, ≤ 100,000 paid) | entries, files and folders "
        "(GitLab ≤ 200,000) | largest file MB (Cloudflare ≤ 26.2) | link-preview pictures (MB) | fits |\n|"
        + " --- |"
        * 21
    )
    lines = [header] + [
        f"| {r['name']} | {r['shape']} | {r['pages']} | {r['runs']} | {r['wall']:.2f} | {r['cpu']:.2f} "
        f"| {r['warm'][0]:.1f} / {r['warm'][1]:.1f} | {r['pps']:.0f} "
        f"| {r['rss']:.0f} ({r.get('rss_all', 0):.0f}) "
        f"| {ratio(r.get('ratio_base'))} | {ratio(r.get('warm_ratio_base'))} | {ratio(r.get('ratio_new'))} "
        f"| {r['median_kb']:.1f} | {r['max_kb']:.1f} "
        f"| {r['site_mb']:,.1f} | {r['artifact_mb']:,.1f} | {r['files']:,} | {r['entries']:,} | {r['largest_mb']:.1f} "
        f"| {r['pictures']:,} ({r['pictures_mb']:.1f}) | {r['fits']} |"
        for r in rows
    ]
    search = [
        "| site | " + " | ".join(f"“{q}” KB gz / ms" for q in QUERIES) + " | index files | largest index file KB "
        "(gz) |",
        "|" + " --- |" * (len(QUERIES) + 3),
    ]
    search += [
        f"| {r['name']} | "
        + " | ".join(f"{r['search'][q][0] / 1024:.1f} / {r['search'][q][1]:.0f}" for q in QUERIES)
        + f" | {r['index_files']} | {r['largest_index'][0]:.0f} "
        f"({r['largest_index'][1]:.0f}, `{r['largest_index'][2]}`) |"
        for r in rows
    ]
    return (
        "\n".join(lines) + "\n\nBuilt as published (`site_url` set: link-preview pictures, the notices' addresses), "
        "each build with an empty cache (.cache/: pictures); warm rebuilds (as many) keep them. CPU: the build "
        "and its helper processes (pictures, the search index). Peak MB: the largest process (ru_maxrss), "
        "in brackets the most all its processes held at once. ours/plain: by CPU time (by wall time "
        "in brackets)."
        "\n\nFirst search: gzip KB a browser fetches to answer the query (search script "
        "included), and the median ms from typing it to the results shown (5 runs, cold cache):\n\n" + "\n".join(search)
    )


class LoadSampler:
    """The machine's 1-minute load average, sampled every 15 s while the benchmark runs."""

    def __init__(self):
        self.samples = [os.getloadavg()[0]]
        self._stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self._stop.wait(15):
            self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        self._stop.set()
        return f"load average {statistics.mean(self.samples):.1f} on average, {max(self.samples):.1f} at most"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1k,7k,28k",
        help=f"corpora, comma-separated: {', '.join([*corpus.SIZES, *corpus.ALIASES])} or "
        "PLANSxTASKSxAGENCIESxDOCUMENTS (default 1k,7k,28k)",
    )
    parser.add_argument("--huge", action="store_true", help="add the 56k corpus (800 plans: the province)")
    parser.add_argument("--runs", type=int, help="builds per site (default 3; 1 from 28k up)")
    parser.add_argument("--no-seed", action="store_true", help="leave out the seed site")
    parser.add_argument("--preview-on", default=PREVIEW_SIZE, help="the corpus of the preview latency (default 7k)")
    parser.add_argument("--profile-on", default=PROFILE_SIZE, help="the corpus profiled (default 7k)")
    parser.add_argument("--no-preview", action="store_true", help="leave out the preview latency")
    parser.add_argument("--no-profile", action="store_true", help="leave out the profile")
    parser.add_argument("--no-quality", action="store_true", help="leave out the search quality against Pagefind")
    parser.add_argument(
        "--baseline-only",
        action="store_true",
        help="plain MkDocs on the fixed baseline (268976d) only, not on our page sources",
    )
    parser.add_argument("--record", action="store_true", help="append the results to bench/RESULTS.md")
    parser.add_argument("--note", default="", help="a line for the recorded section (what changed)")
    args = parser.parse_args()
    sizes = [corpus.size(spec) for spec in args.sizes.split(",") if spec.strip()]
    preview_on, profile_on = corpus.size(args.preview_on)[0], corpus.size(args.profile_on)[0]
    if args.huge and "56k" not in [name for name, _ in sizes]:
        sizes.append(corpus.size("56k"))
    WORK.mkdir(exist_ok=True)
    started, load = dt.datetime.now(), LoadSampler()
    rows = []
    if not args.no_seed:
        rows.append(measure("seed", ROOT, args.runs or 3, plain_builds=True, shape="1 plan (plan_data/)"))
    extra = []
    if not args.no_seed and not args.no_quality:
        print("seed: search quality, ours and Pagefind", file=sys.stderr)
        extra.append(search_quality.table(search_quality.measure(WORK / "seed-site", WORK)))
    for name, (plans, tasks, agencies, documents) in sizes:
        project = WORK / f"corpus-{name}"
        print(
            f"corpus {name}: generating {plans} plans × {tasks} tasks, {agencies} agencies, {documents} documents",
            file=sys.stderr,
        )
        corpus.generate(project, plans, tasks, agencies, documents, seed=1)
        runs = args.runs or (1 if plans >= BIG_PLANS else 3)
        rows.append(
            measure(
                name,
                project,
                runs,
                plain_builds=plans < HUGE_PLANS,
                shape=f"{plans} × {tasks}, {agencies}, {documents}",
                baselines=("base",) if args.baseline_only else ("base", "new"),
            )
        )
        shutil.rmtree(WORK / f"{name}-site", ignore_errors=True)
        if name == preview_on and not args.no_preview:
            plan_id = f"ke-hoach-{min(PREVIEW_PLAN, plans - 1)}"
            latency = preview_latency(project, plan_id, PREVIEW_RUNS, build_env(), WORK / "preview-serve.log")
            extra.append(
                f"Preview latency, `make serve PLAN={plan_id}` on the {name} corpus: a saved edit of "
                f"`plan_data/plans/{plan_id}.yaml` to `mkdocs serve` answering with the changed task page, "
                f"median of {PREVIEW_RUNS} (each run):\n\n"
                + "\n".join(
                    f"- {what}: **{statistics.median(latency['times'][kind]):.2f} s** "
                    f"({', '.join(f'{t:.2f}' for t in latency['times'][kind])}); the server's CPU time "
                    f"per edit {statistics.median(latency['cpu'][kind]):.2f} s"
                    for kind, what in (
                        ("task", "a task's text"),
                        (
                            "title",
                            "the plan's title (every page of the plan changes, link-preview pictures are drawn again)",
                        ),
                    )
                )
                + f"\n\nThe preview started (first build, pictures drawn) in {latency['start']:.1f} s."
            )
        if name == profile_on and not args.no_profile:
            extra.append(
                f"Profile of the {name} build (`python bench/profile_build.py bench/work/corpus-{name}`; "
                f"the top 20 in bench/work/PROFILE-{name}.txt):\n\n"
                f"```\n{profile(project, PROFILE_TOP, WORK / f'PROFILE-{name}.txt')}\n```"
            )
    section = tables(rows) + "".join(f"\n\n{text}" for text in extra)
    print("\n" + section)
    machine = f"{platform.node()} ({os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()})"
    heading = (
        f"## {started.date().isoformat()}, {machine}\n\n"
        + (f"{args.note}\n\n" if args.note else "")
        + f"`python bench/run.py --sizes {','.join(name for name, _ in sizes)}"
        f"{' --runs ' + str(args.runs) if args.runs else ''}`; took "
        f"{(dt.datetime.now() - started).total_seconds() / 60:.0f} min; {load.summary()} (other work on the "
        "machine slows wall times much more than CPU times).\n\n"
    )
    (WORK / "RESULTS-latest.md").write_text(heading + section + "\n", encoding="utf-8")
    if args.record:
        with (HERE / "RESULTS.md").open("a", encoding="utf-8") as results:
            results.write("\n" + heading + section + "\n")
        print(f"\nRecorded in {HERE / 'RESULTS.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
