"""The offline edition: the whole site in one zip, to unzip and open from a folder, no server, no internet.

    python -m plansite_mkdocs.offline [site-offline.zip]      # or: make offline

The site is built (into a temporary folder) with `--no-directory-urls`, MkDocs' own switch for
`use_directory_urls: false`: every link then names its file ('co-quan/x.html', 'ke-hoach/p/index.html'),
which a browser opens from file:// without a server to find a folder's index.html. Browsers refuse
fetch() from a page opened from a file, so the search index is also written as scripts
(plansite.search.scripts) that docs/assets/plan-search.js loads with <script> elements there.

The zip is deterministic: entries sorted, every timestamp 1980-01-01 00:00, the same permissions, all under
one folder (OFFLINE_FOLDER) so unzipping never scatters files. The build's date is the project's
(plansite_mkdocs.build_date: SOURCE_DATE_EPOCH, else the last commit), so MkDocs' own dates agree too. The
sitemaps are left out (they are for search engines, and the gzip one would carry the build's clock), and
so is 404.html: no server shows it, and its links are absolute ("/index.html"), the file system's root.

`local_links` lists the links of the built pages that point at no file; the command prints them as
warnings (links in our generated pages are resolved for either URL style by plansite_mkdocs/generated.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from plansite.addresses import ADMIN
from plansite.i18n import _
from plansite.search.scripts import write_scripts

from . import runner
from .build_date import source_date_epoch

ROOT = Path(__file__).resolve().parent.parent.parent
OFFLINE_FOLDER = "ke-hoach-offline"  # the one folder the zip unpacks to
LEFT_OUT = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html"})  # at the top of the site
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_HREF = re.compile(r"""<(?:a|link|script|img|source)\b[^>]*?\s(?:href|src)="([^"]*)\"""", re.I)


def build_site(site_dir: Path, root: Path = ROOT) -> int:
    """Build the project at `root` into `site_dir` for file://: file URLs, the index also as scripts."""
    env = runner.build_env()
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = runner.build_command(root / "mkdocs.yml", site_dir) + ["--no-directory-urls"]
    result = subprocess.run(command, env=env, cwd=root, stdout=sys.stderr)
    if result.returncode == 0:
        write_scripts(site_dir)
    return result.returncode


def site_files(site_dir: Path) -> list[Path]:
    """The files of a built site that the offline edition holds, sorted by their path in the site."""
    return sorted(
        (
            p
            for p in Path(site_dir).rglob("*")
            if p.is_file()
            and p.relative_to(site_dir).as_posix() not in LEFT_OUT
            and p.relative_to(site_dir).parts[0] != ADMIN
        ),  # the form needs a server and git
        key=lambda p: p.relative_to(site_dir).as_posix(),
    )


def write_zip(site_dir: Path, target: Path) -> int:
    """Zip the built site into `target` (deterministic bytes); the number of files."""
    files = site_files(site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")  # .site-offline.zip.part: ignored by git
    with zipfile.ZipFile(partial, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{OFFLINE_FOLDER}/{path.relative_to(site_dir).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the permissions above are read as such everywhere
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(target)  # never a half-written zip under the final name
    return len(files)


def local_links(site_dir: Path) -> list[str]:
    """'page: link' for every link of a built page to a file of the site that does not exist."""
    site_dir = Path(site_dir).resolve()
    broken = []
    for page in (p for p in site_files(site_dir) if p.suffix == ".html"):
        for href in sorted(set(_HREF.findall(page.read_text(encoding="utf-8")))):
            parts = urlsplit(unescape(href))
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site's address, mailto:, or only a #fragment / ?query
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(site_dir).as_posix()}: {href}")
    return broken


def build_offline(target: Path, root: Path = ROOT) -> int:
    """Build the offline edition of the project at `root` into the zip `target`; the build's exit code."""
    target = Path(target).resolve()
    with tempfile.TemporaryDirectory(prefix="plansite-offline-") as scratch:
        site_dir = Path(scratch) / "site"
        code = build_site(site_dir, root)
        if code != 0:
            print(_("Build failed; {target} was not written.").format(target=target), file=sys.stderr)
            return code
        for link in local_links(site_dir):
            # "WARNING -" as MkDocs writes it, so that tools (and tests) that look for warnings find this one
            print(
                "WARNING - " + _("offline edition: link to a missing file: {link}").format(link=link), file=sys.stderr
            )
        count = write_zip(site_dir, target)
    print(
        _("Offline edition: {target} ({count} files; unzip, then open {page})").format(
            target=target, count=count, page=f"{OFFLINE_FOLDER}/index.html"
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(build_offline(Path(sys.argv[1] if len(sys.argv) > 1 else "site-offline.zip")))
