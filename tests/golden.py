"""Golden error cases: each tests/golden/cases/*.yaml holds bad input and the exact expected report, in
both languages: `expected` is what editors read (Vietnamese), `expected_en` what a developer reads with
PLANSITE_LANG=en.

Run `python tests/golden.py --update` to rewrite both texts after a deliberate change of wording (or of a
translation), then review the diff like any other change.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES = sorted((HERE / "golden" / "cases").glob("*.yaml"))
# Language (the PLANSITE_LANG switch) → the key of the case's expected report.
EXPECTED = {"vi": "expected", "en": "expected_en"}


def encode_as(text: str, encoding: str) -> bytes:
    """Encode as an old Windows editor would: Windows-1258 writes tones as combining marks. 'utf-16'
    (with a byte-order mark) and 'utf-16-le' (without) encode the whole text, as Excel's "Unicode Text";
    'latin-1' and 'cp1252' write TCVN3 and VNI bytes given as the text such bytes show in those code pages."""
    if encoding.startswith("utf-16"):
        return text.encode(encoding)
    out = b""
    for ch in text:
        try:
            out += ch.encode(encoding)
        except UnicodeEncodeError:  # a letter with a tone: the letter (â, ê, ơ …), then the tone as a mark
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tone))
            out += base.encode(encoding) + tone.encode(encoding)
    return out


def case_files(case: dict) -> dict[str, bytes]:
    """File path → bytes for a case, applying its encoding, raw bytes (`raw`: marker → the characters it
    stands for), BOM and size options."""
    files = case.get("files") or {case["file"]: case["content"]}
    out = {}
    for name, text in files.items():
        encoded = not case.get("import") or name == case["import"]  # an import case encodes only its CSV
        data = encode_as(text, case.get("encoding", "utf-8") if encoded else "utf-8")
        for marker, raw in (case.get("raw") or {}).items():  # bytes a YAML case cannot hold (NUL, ESC …)
            data = data.replace(marker.encode(), raw.encode("utf-8"))
        if case.get("bom"):
            data = b"\xef\xbb\xbf" + data
        if case.get("repeat_kb"):
            data = data * (case["repeat_kb"] * 1024 // len(data) + 1)
        out[name] = data
    return out


def run_case(path: Path, workdir: Path, lang: str = "vi") -> subprocess.CompletedProcess:
    """Lay the base project plus the case's files in workdir and run the check command on it, in `lang`; or,
    for a case that names a file to `import`, the report import of that CSV file (`encoding` applies to it)."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    project = workdir / f"{path.stem}-{lang}"
    shutil.copytree(HERE / "golden" / "base", project)
    for name, data in case_files(case).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "PLANSITE_LANG": lang}
    command = ["import-report", case["import"]] if case.get("import") else ["check"]
    return subprocess.run(
        [sys.executable, "-m", "plansite", *command, "--root", str(project)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=project,
    )


def update() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for path in CASES:
            text = path.read_text(encoding="utf-8").split("\nexpected:")[0].rstrip("\n")
            for lang, key in EXPECTED.items():
                result = run_case(path, Path(tmp), lang)
                text += "\n" + yaml.safe_dump({key: result.stderr}, allow_unicode=True, width=10_000).rstrip("\n")
                print(f"--- {path.stem} [{lang}] (exit {result.returncode})\n{result.stderr}")
            path.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__" and "--update" in sys.argv:
    update()
