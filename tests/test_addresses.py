"""The address book (hooks/plansite/addresses.py) is the one place that spells the site's folder words.

Read from the source with `ast`: a string constant of any other module of hooks/ (f-strings' pieces
included) that is a folder word, or starts with one followed by '/' or '.' ('ke-hoach/…',
'/nhiem-vu/', 'co-quan.json'), or is a paged list's 'trang-2', fails the test with its file and line.
The few constants that are the same word meaning something else (a document type, a filter's word)
are listed in ALLOWED with the reason, and must still be there.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from conftest import ROOT
from plansite import addresses
from plansite.data.schema import _id

HOOKS = ROOT / "hooks"
BOOK = HOOKS / "plansite" / "addresses.py"
# (file under hooks/, constant): why it is not an address.
ALLOWED = {
    ("plansite/data/schema.py", "ke-hoach"): "a document type (DOCUMENT_TYPES: Kế hoạch)",
    ("plansite/data/schema.py", "van-ban"): "a form of outreach (FORM_KINDS: Ban hành văn bản)",
    ("plansite/site/parts/facets.py", "chu-tri"): "a filter's word in a list's address fragment (#chu-tri=…)",
    ("plansite/site/parts/facets.py", "co-quan"): "a filter's word in a list's address fragment (#co-quan=…)",
    ("plansite/site/parts/parts.py", "danh-sach"): "the name of a paged list on its own page (id ps-list-danh-sach)",
    ("plansite/cms/config.py", "bao-cao"): "the web form's collection name (Decap CMS), not a folder of the site",
    ("plansite/cms/record_collections.py", "tu-viet-tat"): "the web form's collection name (Decap CMS), not a folder",
    ("plansite/export/package.py", "du-lieu"): "the data package's name when the site's name gives none",
}
_PAGED = re.compile(re.escape(addresses.PAGE_PREFIX) + r"(\d|$)")


def _spells_a_folder(text: str) -> bool:
    text = text.lstrip("/")
    return bool(_PAGED.match(text)) or any(
        text == word or text.startswith((word + "/", word + ".")) for word in addresses.FOLDER_WORDS
    )


def _constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


SOURCES = sorted(HOOKS.rglob("*.py"))
SPELLED = [
    (path.relative_to(HOOKS).as_posix(), line, text)
    for path in SOURCES
    for line, text in _constants(path)
    if _spells_a_folder(text)
]


def test_the_scan_reads_the_whole_source_and_finds_the_book():
    """Floors: every module is read, and the scan finds the words where the book spells them."""
    assert len(SOURCES) >= 100
    assert sum(len(_constants(path)) for path in SOURCES) >= 3000
    in_book = {text for file, _line, text in SPELLED if file == "plansite/addresses.py"}
    assert len(in_book) >= 20 and {"ke-hoach", "co-quan", "van-ban", "lich-bao-cao"} <= in_book


def test_no_other_module_spells_a_folder_word():
    stray = [
        f"hooks/{file}:{line}: {text!r}"
        for file, line, text in SPELLED
        if file != "plansite/addresses.py" and (file, text) not in ALLOWED
    ]
    assert stray == [], "folder words outside the address book (import them from plansite.addresses):\n" + "\n".join(
        stray
    )


def test_every_allowed_spelling_is_still_there():
    found = {(file, text) for file, _line, text in SPELLED}
    assert set(ALLOWED) <= found, sorted(set(ALLOWED) - found)


def test_the_ids_no_record_may_take_come_from_the_book():
    """data/schema.py's id check refuses exactly the book's words and paged names."""
    assert _id.reserved is addresses.PATH_WORDS and _id.reserved_pattern == addresses.PAGED_PATTERN
    assert {addresses.PLANS, addresses.TASKS, addresses.AGENCIES, addresses.DOCUMENTS, addresses.LIST} <= _id.reserved
    assert re.fullmatch(_id.reserved_pattern, "trang-2") and not re.fullmatch(_id.reserved_pattern, "trang-thong-tin")


SOURCES_OF_PAGES = [
    "index.md",
    addresses.PLANS_INDEX,
    addresses.CALENDAR,
    addresses.GLOSSARY,
    addresses.agency_uri("ubnd-xa"),
    addresses.plan_page_uri("p"),
    addresses.CALENDAR_FEED,
    *addresses.paged_uris(f"{addresses.AGENCIES}/{addresses.LIST}/nhom", 3),
]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("source", SOURCES_OF_PAGES)
def test_page_urls_are_the_ones_mkdocs_gives(source, directory_urls, tmp_path):
    """Both URL styles: directory URLs (the web) and .html files (the offline copy), as MkDocs makes them."""
    expected = File(source, str(tmp_path), str(tmp_path / "site"), directory_urls).url
    assert (addresses.page_url(source, directory_urls) or "./") == expected


def test_plan_urls_are_read_back_in_either_style():
    for style in (True, False):
        url = addresses.page_url(addresses.plan_page_uri("ke-sat"), style)
        assert addresses.PLAN_PAGE_URL.fullmatch(url).group(1) == "ke-sat"
        task = addresses.page_url(f"{addresses.PLANS}/ke-sat/{addresses.TASKS}/nv-1.md", style)
        assert addresses.IN_PLAN_URL.match(task).group(1) == "ke-sat" and not addresses.PLAN_PAGE_URL.fullmatch(task)
