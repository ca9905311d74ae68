"""Atomic publish: `python -m plansite.publish site` builds into a fresh folder beside `site`
and swaps it in only when the build succeeded, so a failed build leaves the old site untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def publish(target: Path, config: Path = Path("mkdocs.yml")) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--config-file", str(config), "--site-dir", str(staging)], env=env,
                            stdout=sys.stderr)  # mkdocs prints an Abort to stdout; errors belong on stderr
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed; {target} was left as it was.", file=sys.stderr)
        return result.returncode
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)  # two renames: the published folder is never half-written
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Published {target}")
    return 0


if __name__ == "__main__":
    sys.exit(publish(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
