"""The search index of a corpus without building its site: the first search's bytes and time at a province's size
in minutes rather than the full build's quarter of an hour.

    python bench/search_only.py [--size province] [--keep]     (bench/work/RESULTS-search.md)

Loads the corpus (bench/corpus.py; generated into bench/work/corpus-<size> unless it is there), renders each
generated page with our renderers as the build does (the page's front matter and HTML: `site_build.load_site`)
and indexes it exactly as the hook does (`SearchIndex.add_html`, with the front matter's title, kind,
keywords, numbers and subjects) — without MkDocs' templates, which are most of a build's time. The
hand-written pages of docs/ (a handful) are left out. The index is then written into a copy of the seed
site built from this checkout (its home page, its search scripts), in place of the seed's own index, and
the benchmark queries are typed there in Chromium (`run.first_search`: gzip bytes fetched, median ms).

Printed and written to bench/work/RESULTS-search.md (--shell NAME: RESULTS-NAME.md): index time (and of the indexing
alone, the build's "search add"), the writing's time, this process's peak memory, the four queries' KB/ms, the number
of files under search/ and their size, the largest file. Never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "hooks"))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import run  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.utils.meta import get_data  # noqa: E402

from plansite.kinds import PageKind  # noqa: E402
from plansite.search.index import SearchIndex  # noqa: E402
from plansite_mkdocs import site_url  # noqa: E402
from plansite_mkdocs.site_build import load_site  # noqa: E402


def corpus_index(project: Path) -> tuple[SearchIndex, float]:
    """The search index of every generated page of `project`, as the build's hook fills it, and the CPU
    seconds its `add_html` calls took (the build's "search add"; the rest is rendering the pages)."""
    config = load_config(str(project / "mkdocs.yml"))
    site_url.apply(config)
    site, _ = load_site(project, config)
    index, directory_urls, adding = SearchIndex(), config.use_directory_urls, 0.0
    for uri in site.pages:
        html, meta = get_data(site.pages[uri])
        url = File(uri, config.docs_dir, config.site_dir, directory_urls).url
        started = time.process_time()
        index.add_html(
            url,
            meta.get("title") or "",
            PageKind(meta.get("kind", PageKind.PAGE.value)),
            html,
            tuple(meta.get("keywords", ())),
            tuple(meta.get("numbers", ())),
            tuple(meta.get("subjects", ())),
        )
        adding += time.process_time() - started
    return index, adding


def folder_stats(folder: Path) -> tuple[int, float, tuple[float, float, str]]:
    """(files, MB, (largest KB, its gzip KB, its path)) of the files under `folder`."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    largest = max(files, key=lambda p: p.stat().st_size)
    return (
        len(files),
        sum(p.stat().st_size for p in files) / 2**20,
        (
            largest.stat().st_size / 1024,
            len(gzip.compress(largest.read_bytes(), 9)) / 1024,
            largest.relative_to(folder.parent).as_posix(),
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="province", help="a corpus name of bench/corpus.py (default: province)")
    parser.add_argument("--regenerate", action="store_true", help="generate the corpus even when it is there")
    parser.add_argument("--runs", type=int, default=5, help="typings of each query (cold cache each)")
    parser.add_argument(
        "--shell",
        default="search-shell",
        help="the folder under bench/work/ that is served, and "
        "the name of its results file (default: search-shell, RESULTS-search.md beside it)",
    )
    args = parser.parse_args()
    name, shape = corpus.size(args.size)
    run.WORK.mkdir(exist_ok=True)
    project = run.WORK / f"corpus-{name}"
    if args.regenerate or not (project / "mkdocs.yml").is_file():
        print(f"corpus {name}: generating", file=sys.stderr)
        corpus.generate(project, *shape, seed=1)
    shell = run.WORK / args.shell
    print("seed site (the page and scripts the queries are typed in)", file=sys.stderr)
    run.timed_build(run.ROOT, shell)
    started = time.process_time()
    index, adding = corpus_index(project)
    indexed = time.process_time() - started
    shutil.rmtree(shell / "search")
    started = time.process_time()
    index.write(shell)
    written = time.process_time() - started
    pages = len(index.docs)
    del index
    files, megabytes, largest = folder_stats(shell / "search")
    lines = [
        f"Search only, {name} corpus ({' × '.join(map(str, shape))}; {pages} pages indexed): pages rendered "
        f"and indexed in {indexed:.0f} s CPU (indexing alone: {adding:.1f} s), the index written in {written:.1f} s "
        f"CPU; peak memory of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
        "search/ holds "
        f"{files} files, {megabytes:.1f} MB; the largest {largest[0]:.0f} KB ({largest[1]:.0f} KB gzip, "
        f"`{largest[2]}`).",
        "",
        "| query | KB gzip | ms (median of " + str(args.runs) + ") |",
        "| --- | --- | --- |",
    ]
    for query in run.QUERIES:
        kb, ms = run.first_search(shell, query, args.runs)
        lines.append(f"| {query} | {kb / 1024:.1f} | {ms:.0f} |")
        print(lines[-1], file=sys.stderr)
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    results = "RESULTS-search.md" if args.shell == "search-shell" else f"RESULTS-{args.shell}.md"
    (run.WORK / results).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
