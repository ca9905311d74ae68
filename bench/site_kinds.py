"""Files and bytes of a built site by kind of output, and the province they project to.

    python bench/site_kinds.py SITE [--scale 8] [--before OTHER_SITE]

The province corpus (56k: 800 plans) is the 7k corpus (100 plans) eight times over in plans, tasks,
agencies and documents, so each kind that grows with them is multiplied by --scale; the kinds that do
not (the theme's assets, the web form, the hand-written pages) are counted once. A projection, not a
measurement: the lead builds the province itself. Sizes are the files' bytes (what the hosts' limits
count) and, beside them, the same files gzipped (what a host stores or sends compressed).
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

# (kind, address pattern, grows with the corpus): the first pattern that matches a file's address wins.
KINDS: tuple[tuple[str, str, bool], ...] = (
    ("task page", r"ke-hoach/[^/]+/nhiem-vu/[^/]+/index\.html", True),
    ("task notice page (before)", r"ke-hoach/[^/]+/thong-bao/[^/]+/index\.html", True),
    ("bulletin .txt", r"ke-hoach/[^/]+/ban-tin/[^/]+\.txt", True),
    ("bulletins page", r"ke-hoach/[^/]+/ban-tin/index\.html", True),
    ("appendix (Phụ lục)", r"ke-hoach/[^/]+/phu-luc/index\.html", True),
    ("progress", r"ke-hoach/[^/]+/tien-do/index\.html", True),
    ("plan page", r"ke-hoach/[^/]+/index\.html", True),
    ("plan's other files", r"ke-hoach/.+", True),
    ("agency pages", r"co-quan/.*\.html", True),
    ("document pages", r"van-ban/.*\.html", True),
    ("search index", r"search/.*", True),
    ("link-preview pictures", r".*\.png", True),
    ("open data (du-lieu)", r"du-lieu/.*", True),
    ("calendars", r"(lich-bao-cao|bao-cao)/.*|lich-bao-cao\.ics", True),
    ("feed, sitemap", r"feed\.xml|sitemap\.xml(\.gz)?", True),
    ("web form (bien-tap)", r"bien-tap/.*", False),
    ("theme and scripts", r"assets/.*", False),
    ("other pages", r".*\.html", False),
    ("other files", r".*", False),
)
LIMIT_BYTES, LIMIT_FILES = 10**9, 100_000  # GitHub Pages and GitLab Pages: 1 GB; the file budget


def measure(site: Path) -> dict[str, list[int]]:
    """kind → [files, bytes, gzipped bytes]."""
    compiled = [(name, re.compile(pattern)) for name, pattern, _ in KINDS]
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for path in sorted(site.rglob("*")):
        if path.is_file():
            address = path.relative_to(site).as_posix()
            name = next(name for name, pattern in compiled if pattern.fullmatch(address))
            data = path.read_bytes()
            row = out[name]
            row[0] += 1
            row[1] += len(data)
            row[2] += len(gzip.compress(data, 6, mtime=0))
    return out


def table(site: Path, scale: int, before: Path | None) -> str:
    grows = {name: g for name, _, g in KINDS}
    after, earlier = measure(site), measure(before) if before else {}
    head = "| kind | files | MB | avg KB | province files | province MB | province MB gzipped |"
    if before:
        head = "| kind | files before | MB before | " + head[len("| kind | ") :]
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, _, _ in KINDS:
        files, size, packed = after.get(name, [0, 0, 0])
        old = earlier.get(name, [0, 0, 0])
        if not files and not old[0]:
            continue
        k = scale if grows[name] else 1
        cells = [name] + ([f"{old[0]:,}", f"{old[1] / 1e6:.1f}"] if before else [])
        cells += [
            f"{files:,}",
            f"{size / 1e6:.1f}",
            f"{size / files / 1024:.1f}" if files else "–",
            f"{files * k:,}",
            f"{size * k / 1e6:.0f}",
            f"{packed * k / 1e6:.0f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    province_files = sum(after.get(n, [0])[0] * (scale if g else 1) for n, _, g in KINDS)
    province_bytes = sum(after.get(n, [0, 0])[1] * (scale if g else 1) for n, _, g in KINDS)
    province_packed = sum(after.get(n, [0, 0, 0])[2] * (scale if g else 1) for n, _, g in KINDS)
    files, size = sum(v[0] for v in after.values()), sum(v[1] for v in after.values())
    cells = ["**total**"] + (
        [f"{sum(v[0] for v in earlier.values()):,}", f"{sum(v[1] for v in earlier.values()) / 1e6:.1f}"]
        if before
        else []
    )
    cells += [
        f"{files:,}",
        f"{size / 1e6:.1f}",
        "",
        f"**{province_files:,}**",
        f"**{province_bytes / 1e6:.0f}**",
        f"{province_packed / 1e6:.0f}",
    ]
    lines.append("| " + " | ".join(cells) + " |")
    lines.append(
        f"\nProvince (×{scale}): {province_files:,} files of {LIMIT_FILES:,} allowed, "
        f"{province_bytes / 1e9:.2f} GB of {LIMIT_BYTES / 1e9:.0f} GB ({province_packed / 1e9:.2f} GB gzipped)."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--scale", type=int, default=8, help="the province over this corpus, in plans (7k: 8)")
    parser.add_argument("--before", type=Path, help="another build of the same corpus, shown beside it")
    args = parser.parse_args()
    print(table(args.site, args.scale, args.before))


if __name__ == "__main__":
    main()
