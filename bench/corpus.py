"""Deterministic synthetic corpus: many plans shaped like the real one, words drawn from its text.

    python bench/corpus.py OUT --size 7k             # or: --plans 100 --tasks 50 --agencies 300 --documents 500
writes OUT/ as a complete project (mkdocs.yml, hooks, docs, overrides, plan_data; --seed 1).

Sizes are named by the pages they made when the benchmark began (2026-11-28: 100 plans × 50 tasks
gave 7,027 pages); the site has grown more pages per task since, so the benchmark reports the real
count beside the name. 56k is the province corpus: 800 plans × 50 tasks, 2,400 agencies, 4,000 documents.

The corpus is built as it would be published: its mkdocs.yml sets `site_url` (SITE_URL below, a reserved
example domain), so the build draws the link-preview pictures and writes the notices' addresses a deployment has.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "plan_data" / "sources" / "ke-sat-tuyen-giao-dan-van-2025-2030.txt"
KINDS = ["state", "party", "front", "armed-forces", "public-service", "group"]
TYPES = [("chi-thi", "CT-UBND"), ("quyet-dinh", "QĐ/TW"), ("ke-hoach", "KH-UBND"), ("nghi-quyet", "NQ/TW")]
TIMINGS = [
    ("ongoing", "Thường xuyên."),
    ("on-directive", "Khi có chỉ đạo của Trung ương và thành phố"),
    ("period", "giai đoạn 2025-2030."),
    ("from-year", "từ năm 2025 và các năm tiếp theo."),
]
# name → (plans, tasks per plan, agencies, documents): registries grow with the plans, 3 and 5 per plan.
SIZES = {"1k": (14, 50, 42, 70), "7k": (100, 50, 300, 500), "28k": (400, 50, 1200, 2000), "56k": (800, 50, 2400, 4000)}
ALIASES = {"province": "56k"}
SITE_URL = "https://tinh-mau.example.org/"
COMMUNES = ["Kẻ Sặt", "An Lão", "Tiên Lãng", "Vĩnh Bảo", "Thủy Nguyên", "Kiến Thụy", "Đồ Sơn", "Cát Hải"]


def vocabulary() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    return re.findall(r"[^\W\d_]+", text)


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    start = rng.randrange(len(words) - n)
    return " ".join(words[start : start + n]).capitalize() + "."


def size(spec: str) -> tuple[str, tuple[int, int, int, int]]:
    """('7k', (100, 50, 300, 500)) for a name of SIZES (or 'province'), or for 'PLANSxTASKSxAGENCIESxDOCUMENTS'."""
    name = ALIASES.get(spec.strip().lower(), spec.strip().lower())
    if name in SIZES:
        return name, SIZES[name]
    parts = re.fullmatch(r"(\d+)[x×](\d+)[x×](\d+)[x×](\d+)", name)
    if not parts:
        raise ValueError(
            f"Expected a corpus size ({', '.join([*SIZES, *ALIASES])}, or PLANSxTASKSxAGENCIESxDOCUMENTS) "
            f"but received {spec!r}."
        )
    numbers = tuple(int(n) for n in parts.groups())
    return "x".join(map(str, numbers)), numbers


def generate(
    out: Path,
    plans: int,
    tasks: int,
    agencies: int,
    documents: int,
    seed: int = 1,
    code: Path = ROOT,
    site_url: str = SITE_URL,
    province: str = "Mẫu",
) -> None:
    """Write the corpus project at `out`; its mkdocs.yml, hooks, docs, overrides and vendor (the form's code) are
    copied from `code`; `site_url` set in mkdocs.yml unless empty (a build as published); `province`: the
    province's name (bench/national.py builds several)."""
    rng, words = random.Random(seed), vocabulary()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    # The corpus is one province's site: its place, not the seed's (site/html/identity.py).
    config = (code / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^(\s*site_place:).*$", r"\1 tinh-mau", config)
    if site_url:
        config = re.sub(r"(?m)^site_url:.*\n", "", config)
        config = f"site_url: {site_url}\n" + config
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("hooks", "docs", "overrides", "vendor"):
        shutil.copytree(code / name, out / name, ignore=shutil.ignore_patterns("__pycache__"))
    data = out / "plan_data"
    (data / "plans").mkdir(parents=True)
    # One province and its communes; every tenth body is the province's, the rest a commune's.
    places = [
        {"id": "viet-nam", "name": "Trung ương", "level": "trung-uong"},
        {"id": "tinh-mau", "name": f"tỉnh {province}", "level": "tinh", "parent": "viet-nam"},
    ]
    places += [
        {"id": f"xa-{c}", "name": f"xã {name}", "level": "xa", "parent": "tinh-mau"} for c, name in enumerate(COMMUNES)
    ]
    (data / "places.yaml").write_text(yaml.safe_dump({"places": places}, allow_unicode=True), "utf-8")
    agency_rows = [
        {
            "id": f"co-quan-{i}",
            "name": f"Phòng {' '.join(rng.sample(words, 3))} số {i}",
            "kind": KINDS[i % len(KINDS)],
            "place": "tinh-mau" if i % 10 == 0 else f"xa-{i % len(COMMUNES)}",
        }
        for i in range(agencies)
    ]
    (data / "agencies.yaml").write_text(yaml.safe_dump({"agencies": agency_rows}, allow_unicode=True), "utf-8")
    doc_rows = []
    for i in range(documents):
        doc_type, suffix = TYPES[i % len(TYPES)]
        number = f"{i + 1}-{suffix}" if "/" in suffix and suffix.startswith("Q") else f"{i + 1}/{suffix}"
        row = {
            "id": f"van-ban-{i}",
            "type": doc_type,
            "number": number,
            "title": f"{sentence(rng, words, 14)} ({i})",
            "issued_on": f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "issuers": [f"co-quan-{i % agencies}"],
        }
        if i and i % 7 == 0:
            row["relations"] = [{"type": "can-cu", "target": f"van-ban-{i - 1}"}]
        doc_rows.append(row)
    (data / "legal.yaml").write_text(yaml.safe_dump({"documents": doc_rows}, allow_unicode=True), "utf-8")
    place_of = {f"co-quan-{i}": row["place"] for i, row in enumerate(agency_rows)}
    for p in range(plans):
        # A plan names bodies of its issuer's place and of the province (data/place_lines.py).
        home = place_of[f"co-quan-{p % agencies}"]
        line = [a for a, place in place_of.items() if place in (home, "tinh-mau") or home == "tinh-mau"]
        task_rows = []
        for t in range(tasks):
            kind, timing = TIMINGS[(p + t) % len(TIMINGS)]
            cited = sorted({rng.randrange(documents) for _ in range(2)})
            task_rows.append(
                {
                    "id": f"nhiem-vu-{t}",
                    "label": "abcdefghik"[t % 10],
                    "text": sentence(rng, words, 60),
                    "lead": {"agencies": [line[rng.randrange(len(line))]]},
                    "coordinating": {"agencies": sorted({line[rng.randrange(len(line))] for _ in range(2)})},
                    "forms": {
                        "text": "Tổ chức hội nghị, sử dụng mạng xã hội (zalo, facebook…).",
                        "kinds": ["hoi-nghi", "mang-xa-hoi"],
                    },
                    "timing": {"kind": kind, "text": timing},
                    "cites": [f"van-ban-{d}" for d in cited],
                }
            )
        sections = [
            {"number": str(s + 1), "heading": sentence(rng, words, 8), "tasks": task_rows[s * 10 : (s + 1) * 10]}
            for s in range((tasks + 9) // 10)
        ]
        plan = {
            "id": f"ke-hoach-{p}",
            "document_type": "KẾ HOẠCH",
            "issuer": f"co-quan-{p % agencies}",
            "title": f"Công tác tuyên giáo và dân vận xã {COMMUNES[p % len(COMMUNES)]} số {p}",
            "period": {"start": 2025, "end": 2030},
            "preamble": [sentence(rng, words, 40)],
            "purpose": {
                "heading": "MỤC ĐÍCH, YÊU CẦU",
                "groups": [
                    {
                        "number": "1",
                        "heading": "Mục đích",
                        "clauses": [{"label": "a", "text": sentence(rng, words, 50)}],
                    }
                ],
            },
            "content": {"heading": "NỘI DUNG", "sections": sections},
            "implementation": {
                "heading": "TỔ CHỨC THỰC HIỆN",
                "items": [
                    {
                        "number": "1",
                        "heading": "Phòng Văn hóa - Xã hội xã:",
                        "agencies": [f"co-quan-{p % agencies}"],
                        "duties": [
                            {
                                "text": sentence(rng, words, 30),
                                "reports_to": [line[(p + 1) % len(line)]],
                                "frequency": ["6-thang", "hang-nam"],
                            }
                        ],
                    }
                ],
            },
            "signature": {"name": "Nguyễn Văn A", "position": "PHÓ CHỦ TỊCH"},
        }
        (data / "plans" / f"ke-hoach-{p}.yaml").write_text(
            yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", help=f"a named size ({', '.join([*SIZES, *ALIASES])}); else the numbers below")
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--agencies", type=int, default=300)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    numbers = size(args.size)[1] if args.size else (args.plans, args.tasks, args.agencies, args.documents)
    generate(args.out, *numbers, seed=args.seed)
    sys.exit(0)
