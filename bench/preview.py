"""Preview latency: `mkdocs serve` scoped to one plan (`make serve PLAN=<id>`), timed from a saved edit of
the plan's YAML to the server answering with the changed page. Used by bench/run.py; alone:

    python bench/preview.py bench/work/corpus-7k ke-hoach-3 [--runs 5]
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The edits timed: a task's text (that task's pages change) and the plan's title (every page of the plan).
EDITS = {
    "task": (r"(- id: nhiem-vu-0\n\s+label: \w\n\s+text: )", r"\g<1>{marker} "),
    "title": (r"^(title: .*)$", r"\1 {marker}"),
}


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a running process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def preview_latency(project: Path, plan_id: str, runs: int, env: dict[str, str], log_file: Path) -> dict:
    """`mkdocs serve` scoped to one plan (as `make serve PLAN=…`): seconds from saving an edit of the
    plan's YAML to the server answering with the changed page (the plan's first task), `runs` times for
    each kind of edit (EDITS), with the CPU seconds the server spent on each (its rebuild: what the wall
    time would be on an idle machine, give or take the watcher's half-second polling); and the seconds
    the preview took to start. `env`: the build's environment; the server's output goes to `log_file`."""
    port = free_port()
    env = {**env, "PLANSITE_PREVIEW_PLAN": plan_id}
    log = log_file.open("w", encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/ke-hoach/{plan_id}/nhiem-vu/nhiem-vu-0/"

    def get() -> str:
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    plan_file = project / "plan_data" / "plans" / f"{plan_id}.yaml"
    original = plan_file.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {kind: [] for kind in EDITS}
    cpu: dict[str, list[float]] = {kind: [] for kind in EDITS}
    try:
        deadline = time.monotonic() + 900
        while "ps-preview-banner" not in get():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"the preview did not start; see {log.name}")
            time.sleep(0.1)
        started = time.perf_counter() - start
        for kind, (pattern, replacement) in EDITS.items():
            for i in range(runs):
                marker = f"(sửa {kind} {i + 1:02d})"
                edited, count = re.subn(
                    pattern, replacement.format(marker=marker), original, count=1, flags=re.MULTILINE
                )
                assert count == 1, f"no place for the {kind} edit in {plan_file}"
                time.sleep(1.0)  # a quiet moment: the edit is the only change the watcher sees
                begin, cpu_begin = time.perf_counter(), cpu_seconds(proc.pid)
                plan_file.write_text(edited, encoding="utf-8")
                while marker not in get():
                    if time.perf_counter() - begin > 300:
                        raise SystemExit(f"the {kind} edit did not show within 300 s; see {log.name}")
                    time.sleep(0.05)  # gently: the server answers in the thread next to the build
                times[kind].append(time.perf_counter() - begin)
                cpu[kind].append(cpu_seconds(proc.pid) - cpu_begin)
    finally:
        plan_file.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=60)
        log.close()
    return {"times": times, "cpu": cpu, "start": started}


if __name__ == "__main__":
    import argparse
    import statistics

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a project folder, e.g. bench/work/corpus-7k")
    parser.add_argument("plan", help="the plan to preview, e.g. ke-hoach-3")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    hooks = Path(__file__).resolve().parent.parent / "hooks"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(hooks)}
    result = preview_latency(
        args.project.resolve(),
        args.plan,
        args.runs,
        environment,
        Path(__file__).resolve().parent / "work" / "preview-serve.log",
    )
    for kind, times in result["times"].items():
        print(
            f"{kind}: median {statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)}); "
            f"server CPU per edit {statistics.median(result['cpu'][kind]):.2f} s"
        )
    print(f"started in {result['start']:.1f} s")
