"""What the common static hosts check before they publish a site, measured on a built site.

Each host counts something different (their code and documentation, read 2026-12-07):

- **GitHub Pages.** actions/upload-pages-artifact tars the folder and uploads it with actions/upload-artifact
  (a zip, deflate level 6). actions/deploy-pages then warns "Uploaded artifact size of … exceeds the allowed
  size of 1 GB. Deployment might fail." when that artifact is over 1 GiB (src/internal/deployment.js,
  ONE_GIGABYTE = 1073741824). Its terms also say "Published GitHub Pages sites may be no larger than 1 GB".
  So both are given: the artifact as deploy-pages checks it, and the unpacked size as the terms read.
- **GitLab Pages** (gitlab.com). lib/gitlab/pages/deployment_validations.rb compares the unpacked size of the
  published folder ("page size after extract") with max_pages_size (1 GB on gitlab.com) and counts every
  entry of the archive, folders included, against 200,000.
- **Cloudflare Pages.** 20,000 files (free plan) or 100,000 (paid), 25 MiB a file; no total size.

Sizes are in bytes; the tables print MB of 10^6 bytes.
"""

from __future__ import annotations

import io
import os
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path

GIB = 2**30


@dataclass(frozen=True)
class SiteSize:
    """A built site as the hosts count it."""

    bytes: int  # every file's size, unpacked
    files: int
    entries: int  # files and folders (GitLab counts both)
    largest: int  # the largest file's bytes
    artifact: int  # the folder as one tar, deflated at level 6: what upload-pages-artifact uploads


@dataclass(frozen=True)
class Host:
    name: str
    most_bytes: int | None = None  # unpacked
    most_artifact: int | None = None  # the tar deflated
    most_files: int | None = None
    most_entries: int | None = None
    most_file_bytes: int | None = None

    def fits(self, size: SiteSize) -> bool:
        limits = (
            (self.most_bytes, size.bytes),
            (self.most_artifact, size.artifact),
            (self.most_files, size.files),
            (self.most_entries, size.entries),
            (self.most_file_bytes, size.largest),
        )
        return all(most is None or value <= most for most, value in limits)


HOSTS = (
    Host("GitHub Pages (deploy-pages: artifact ≤ 1 GiB)", most_artifact=GIB),
    Host("GitHub Pages (terms: published ≤ 1 GB)", most_bytes=10**9),
    Host("GitLab Pages (≤ 1 GB unpacked, ≤ 200,000 entries)", most_bytes=10**9, most_entries=200_000),
    Host("Cloudflare Pages free", most_files=20_000, most_file_bytes=25 * 2**20),
    Host("Cloudflare Pages paid", most_files=100_000, most_file_bytes=25 * 2**20),
)


class _DeflatedLength(io.RawIOBase):
    """A file that keeps nothing: it deflates what is written to it and counts the bytes that come out."""

    def __init__(self, level: int = 6):
        self.deflate, self.length = zlib.compressobj(level), 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.length += len(self.deflate.compress(data))
        return len(data)

    def total(self) -> int:
        return self.length + len(self.deflate.flush())


def measure(site: Path) -> SiteSize:
    """The site's unpacked bytes, files, entries and largest file, and its artifact deflated (one pass of tar
    over the whole folder: about half a minute at the province)."""
    sizes, folders = [], 0
    for folder, dirs, names in os.walk(site):
        folders += len(dirs)
        sizes += [os.path.getsize(os.path.join(folder, name)) for name in names]
    sink = _DeflatedLength()
    with tarfile.open(fileobj=sink, mode="w|", format=tarfile.GNU_FORMAT) as tar:
        tar.add(site, arcname=".")
    return SiteSize(sum(sizes), len(sizes), len(sizes) + folders, max(sizes, default=0), sink.total())


def fitting(size: SiteSize) -> str:
    """The hosts whose checks the site passes, e.g. 'GitHub Pages (…), Cloudflare Pages paid'; '–' for none."""
    return ", ".join(host.name for host in HOSTS if host.fits(size)) or "–"
