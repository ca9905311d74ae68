"""A list of byte strings kept in a temporary file instead of in memory: what a build writes once and reads
back once, later (issue 24: a province's build and its helper processes must hold ≤ 1.5 GB together).

MkDocs converts every page before it writes the first one, so the build's own process holds every page's
HTML until its template is rendered (plansite_mkdocs/generated.py: 150 MB zlib-packed at the province), and
the search worker holds every page's excerpt and text until it writes the index (search/index.py). Neither
is read while the other pages are worked on, so they wait on disk: `Spill.append` writes a string at the
end of the file and keeps only where it starts (8 bytes an item); `spill[i]` reads it back (the operating
system's page cache keeps what was written recently, so a read seldom touches the disk).

The file is made with `tempfile.TemporaryFile`: unlinked at once, so nothing is left behind when the build
ends or dies, and it is in the temporary folder (TMPDIR; on a host whose /tmp is a RAM disk, point TMPDIR
at a disk to get the memory back). It is opened by the first `append`; `close` lets it go.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator, Sequence


class Spill(Sequence[bytes]):
    """Byte strings appended in order and read back by their number, held in an unlinked temporary file."""

    def __init__(self) -> None:
        self._file = None
        self._starts = array("q", [0])  # item i is the bytes from _starts[i] to _starts[i + 1]

    def append(self, data: bytes) -> int:
        """Write `data` as the next item; its number."""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="plansite-spill-")
        end = self._starts[-1]
        if data:
            written = os.pwrite(self._file.fileno(), data, end)
            if written != len(data):  # a full disk: never a silently short item
                raise OSError(f"short write to the spill file: {written} of {len(data)} bytes")
        self._starts.append(end + len(data))
        return len(self._starts) - 2

    def __getitem__(self, i: int) -> bytes:  # type: ignore[override]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        i %= len(self)
        start, end = self._starts[i], self._starts[i + 1]
        return os.pread(self._file.fileno(), end - start, start) if end > start else b""

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __iter__(self) -> Iterator[bytes]:
        return (self[i] for i in range(len(self)))

    def close(self) -> None:
        """Forget every item and let the file go (its disk space is freed)."""
        if self._file is not None:
            self._file.close()
        self._file, self._starts = None, array("q", [0])
