"""The spill (plansite/spill.py): byte strings a build writes once and reads back later, kept in an unlinked
temporary file. The page HTML of the build (plansite_mkdocs/generated.py) and the search worker's excerpts
and texts (search/index.py) go through it; the site builds of the other tests prove those read back whole."""

from __future__ import annotations

import os
import tempfile

import pytest

from plansite.spill import Spill


def test_items_read_back_as_written_and_leave_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spill = Spill()
    items = ["Kế hoạch tuyên truyền".encode(), b"", os.urandom(70_000), b"\x00"]
    assert [spill.append(item) for item in items] == [0, 1, 2, 3]
    assert list(spill) == items and spill[-1] == b"\x00" and len(spill) == 4
    assert spill[2] == items[2] and spill[0] == items[0]  # read in any order, as often as asked
    assert os.listdir(tmp_path) == [], "the file is unlinked: nothing is left behind, even if the build dies"
    with pytest.raises(IndexError):
        spill[4]
    spill.close()
    assert len(spill) == 0 and list(spill) == []
    spill.append(b"lan sau")  # a closed spill starts a new file
    assert list(spill) == [b"lan sau"]


def test_an_empty_spill_opens_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spill = Spill()
    assert len(spill) == 0 and spill._file is None
    with pytest.raises(IndexError):
        spill[0]
