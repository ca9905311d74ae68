"""Time the both-way index (`site.relations.build_relations`) and the renderers of the pages that list many
things (agencies, documents, the indexes, the calendar) on a corpus's model: no MkDocs build.

    python bench/relations_model.py [--sizes 7k,28k] [--runs 3] [--code DIR] [--work DIR]

The corpora (bench/corpus.py) are generated once into --work and reused; --code is the checkout whose hooks/
are timed (default: this one), so a baseline is timed with `git archive <commit> hooks | tar -x -C DIR`.
Times are CPU seconds of this process (other work on the machine does not count), the best of --runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402


def best(runs: int, work) -> tuple[float, object]:
    """The least CPU time of `runs` calls of `work`, and its last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = work()
        times.append(time.process_time() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="7k,28k")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", type=Path, default=BENCH.parent)
    parser.add_argument("--work", type=Path, default=BENCH / "work")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve() / "hooks"))
    from plansite.reports.project import load_checked
    from plansite.site.index.relations import build_relations
    from plansite.site.render import render_agency, render_calendar, render_document, render_indexes

    try:  # the renderers write their links and heading ids with the page's writer (since issue 18, point 5)
        from plansite.site.html.page_writer import PageWriters

        w: tuple = (PageWriters(),)
    except ImportError:
        w = ()

    for spec in args.sizes.split(","):
        name, numbers = corpus.size(spec)
        project_dir = args.work / f"corpus-{name}"
        if not (project_dir / "plan_data").is_dir():
            corpus.generate(project_dir, *numbers, seed=1)
        project = load_checked(project_dir)[0]
        index_seconds, rel = best(args.runs, lambda: build_relations(project, None, "tinh-mau"))

        if hasattr(rel, "names"):  # the index in parts: each renderer is given the parts it reads
            n, who, cites, progress, calendar, orders = (
                rel.names,
                rel.who,
                rel.cites,
                rel.progress,
                rel.calendar,
                rel.orders,
            )
            groups = [
                lambda: render_indexes.plans_index(n, orders, *w),
                lambda: render_indexes.agencies_index(n, who, orders, *w),
                lambda: render_indexes.documents_index(n, orders, *w),
            ]
            groups += [
                lambda a=a: render_agency.render_agency(a, n, who, cites, progress, calendar, *w)
                for a in project.agencies
            ]
            groups += [
                lambda d=d: render_document.render_document(d, n, cites, progress, *w) for d in project.documents
            ]
            groups += [lambda: {"calendar": render_calendar.render_calendar(calendar, n, orders, *w)}]
        else:  # a baseline of one object for all (before issue 18)
            groups = [
                lambda g=g: g(rel)
                for g in (render_indexes.plans_index, render_indexes.agencies_index, render_indexes.documents_index)
            ]
            groups += [lambda a=a: render_agency.render_agency(a, rel) for a in project.agencies]
            groups += [lambda d=d: render_document.render_document(d, rel) for d in project.documents]
            groups += [lambda: {"calendar": render_calendar.render_calendar(rel)}]

        def render_lists():
            return sum(len(html) for group in groups for html in group().values())

        render_seconds, _ = best(args.runs, render_lists)
        tasks = sum(len(p.tasks) for p in project.plans)
        print(
            f"{name}: {len(project.plans)} plans, {tasks} tasks, {len(project.agencies)} agencies, "
            f"{len(project.documents)} documents: build_relations {index_seconds:.3f} s, "
            f"agency/document/index/calendar pages {render_seconds:.3f} s",
            flush=True,
        )


if __name__ == "__main__":
    main()
