"""The demo build: the real site plus made-up example reports from demo/, into its own folder.

    python -m plansite_mkdocs.demo site-demo

The published site never reads demo/. Here the project is copied to a scratch folder, the demo
data is laid over its plan_data/, and the copy is built: every page then carries the banner
"Dữ liệu minh họa — không phải báo cáo thật" (site/html/banner.py), because its reports say `example: true`.
A demo report without `example: true` is refused, so no example can pass for a real report.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from plansite.i18n import _

from . import runner

ROOT = Path(__file__).resolve().parent.parent.parent
COPIED = ("mkdocs.yml", "hooks", "docs", "overrides", "plan_data", "schemas", "vendor")


def unmarked_reports(demo: Path) -> list[str]:
    """Demo report files that do not say `example: true`."""
    return [
        str(p.relative_to(demo))
        for p in sorted((demo / "plan_data" / "reports").rglob("*.y*ml"))
        if (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("example") is not True
    ]


def build_demo(target: Path, root: Path = ROOT) -> int:
    demo = root / "demo"
    unmarked = unmarked_reports(demo)
    if unmarked:
        print(_("demo reports must say 'example: true': {files}").format(files=", ".join(unmarked)), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="plansite-demo-") as scratch:
        project = Path(scratch)
        for name in COPIED:
            copy = shutil.copytree if (root / name).is_dir() else shutil.copy
            copy(root / name, project / name)
        shutil.copytree(demo / "plan_data", project / "plan_data", dirs_exist_ok=True)
        result = runner.build(project, project / "site", capture_output=False, stdout=sys.stderr)
        if result.returncode != 0:
            return result.returncode
        target = Path(target).resolve()
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(project / "site", target)
    print(_("Demo site (example data) in {target}").format(target=target))
    return 0


if __name__ == "__main__":
    sys.exit(build_demo(Path(sys.argv[1] if len(sys.argv) > 1 else "site-demo")))
