"""Abbreviations explained: plan_data/glossary.yaml, the page 'Từ viết tắt', <abbr> on the first use of
each abbreviation on a page, and search that expands abbreviations both ways."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, SOURCE, generate_pages, load_project
from plansite.addresses import GLOSSARY
from plansite.data.model import Abbreviation
from plansite.kinds import PageKind
from plansite.search.expand import abbreviation_pattern
from plansite.search.index import SearchIndex
from plansite.search.tokenize import word_forms
from plansite.site.html.glossary import Glossary, abbr_tag
from plansite.site.html.markup import escape, heading, link
from plansite.site.html.page_writer import PageWriters
from plansite.site.index.linking import Mentions
from plansite.site.render.render_glossary import render_glossary
from plansite.text import vi_sort_key
from search_files import decoded

ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
PLAN_PAGE = f"ke-hoach/{SEED_PLAN}/index.md"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def html_pages(site):
    """(site path, HTML) of every built page."""
    return [(p.relative_to(site).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))]


# --- the data ----------------------------------------------------------------------


def test_the_glossary_loads_with_the_usage_of_the_seed_plan(project):
    full = {entry.abbr: entry.full for entry in project.glossary}
    assert len(full) == len(project.glossary) >= 15
    assert full["UBND"] == "Ủy ban nhân dân" and full["HĐND"] == "Hội đồng nhân dân"
    assert full["TM."] == "Thay mặt" and full["KT."] == "Ký thay" and full["VT"] == "Văn thư"
    assert full["CT-TTg"] == "Chỉ thị của Thủ tướng Chính phủ" and full["TT"] == "Thường trực"
    assert full["QĐ/TW"].startswith("Quyết định của Trung ương")
    assert all(entry.origin.file == "plan_data/glossary.yaml" for entry in project.glossary)


def test_every_abbreviation_is_one_the_seed_plan_or_its_documents_write(project):
    """Kept to actual usage: each is in the signed text, legal.yaml or agencies.yaml as a whole word
    (MTTQ only inside UBMTTQ, as the note says)."""
    texts = SOURCE.read_text(encoding="utf-8") + "".join(
        (ROOT / "plan_data" / name).read_text(encoding="utf-8") for name in ("legal.yaml", "agencies.yaml")
    )
    for entry in project.glossary:
        used = re.search(abbreviation_pattern([entry.abbr]), texts) or (entry.note and entry.abbr in texts)
        assert used, entry.abbr


def test_a_project_without_a_glossary_loads_and_its_pages_have_no_abbr(tmp_path):
    shutil.copytree(ROOT / "plan_data", tmp_path / "plan_data", ignore=shutil.ignore_patterns("glossary.yaml"))
    project = load_project(tmp_path)
    assert project.glossary == ()
    pages = generate_pages(project)
    assert "Chưa có chữ viết tắt nào" in pages[GLOSSARY]
    assert not any("<abbr" in text for text in pages.values())


# --- the page 'Từ viết tắt' --------------------------------------------------------


def test_the_glossary_page_lists_every_entry_in_vietnamese_order(project, site):
    soup = BeautifulSoup((site / "tu-viet-tat" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("article table tbody tr")
    listed = [(row.td.abbr.get_text(), row.td.abbr["title"], row.find_all("td")[1].get_text()) for row in rows]
    expected = sorted(project.glossary, key=lambda e: vi_sort_key(e.abbr))
    assert listed == [(e.abbr, e.full, e.full) for e in expected]
    assert [a for a, _, _ in listed].index("QĐ/TW") < [a for a, _, _ in listed].index("QH15")  # đ before h
    nav = [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary > .md-nav__list > li > a")]
    assert "Từ viết tắt" in nav


def test_the_glossary_page_is_sorted_and_escaped():
    page = render_glossary(
        [
            Abbreviation("VT", "Văn thư"),
            Abbreviation("Đ/c", "Đồng chí"),
            Abbreviation("DA", "Dự án <b>|</b>", note="*ghi chú* | [x](y)"),
        ],
        PageWriters(),
    )
    rows = BeautifulSoup(page.split("---\n", 2)[2], "html.parser").select("tbody tr")
    assert [row.td.abbr.get_text() for row in rows] == ["DA", "Đ/c", "VT"]  # d, đ, v
    cells = rows[0].find_all("td")
    assert [c.get_text() for c in cells] == ["DA", "Dự án <b>|</b>", "*ghi chú* | [x](y)"]
    assert cells[0].abbr["title"] == "Dự án <b>|</b>" and not cells[1].find("b")


# --- <abbr> on the first use -------------------------------------------------------

GLOSSARY_ENTRIES = [
    Abbreviation("UBND", "Ủy ban nhân dân"),
    Abbreviation("TT", "Thường trực"),
    Abbreviation("MTTQ", "Mặt trận Tổ quốc"),
    Abbreviation("KT.", "Ký thay"),
    Abbreviation("CT", "Chỉ thị"),
    Abbreviation("CT-TTg", "Chỉ thị của Thủ tướng Chính phủ"),
]


def _writer(entries=GLOSSARY_ENTRIES, uri: str = "co-quan/x.md"):
    """A page's writer in a build with the glossary `entries`."""
    return PageWriters(glossary=Glossary(entries)).page(uri)


def test_whole_words_only_and_the_longest_first():
    def text(words: str) -> str:
        return _writer().text(words)  # a new page each time: nothing marked yet

    assert text("TTg, UBMTTQ, KTX và xUBND") == "TTg, UBMTTQ, KTX và xUBND"
    assert text("Chỉ thị 33/CT-TTg") == f"Chỉ thị 33/{abbr_tag('CT-TTg', 'Chỉ thị của Thủ tướng Chính phủ')}"
    assert text("26/CT-UBND") == f"26/{abbr_tag('CT', 'Chỉ thị')}-{abbr_tag('UBND', 'Ủy ban nhân dân')}"
    assert text("KT. CHỦ TỊCH") == f"{abbr_tag('KT.', 'Ký thay')} CHỦ TỊCH"
    assert text("Đảng ủy-TT & <TT>") == f"Đảng ủy-{abbr_tag('TT', 'Thường trực')} &amp; &lt;TT&gt;"


def test_the_first_use_on_the_page_is_marked_while_it_is_written():
    """Running text (`page.text`) marks what is new on its page; headings, link labels and linked mentions
    stay plain and do not use up the first use; a new page (a new render) starts again."""
    page = _writer()
    written = [
        heading(page, 1, escape("UBND xã")),
        link("UBND xã", page, "co-quan/ubnd.md"),
        page.text("Về UBND & TT;"),
        page.text("UBND thành phố, TT"),
        page.marked(f' <strong class="ps-tag ps-tag--UBND">UBND</strong> {escape("CT <b>")}'),
    ]
    assert written == [
        '<h1 id="ubnd-xa">UBND xã</h1>\n',
        '<a href="../ubnd/">UBND xã</a>',
        f"Về {abbr_tag('UBND', 'Ủy ban nhân dân')} &amp; {abbr_tag('TT', 'Thường trực')};",
        "UBND thành phố, TT",
        f' <strong class="ps-tag ps-tag--UBND">UBND</strong> {abbr_tag("CT", "Chỉ thị")} &lt;b&gt;',
    ]
    again = _writer()
    assert again.text("UBND") == abbr_tag("UBND", "Ủy ban nhân dân")


def test_linked_text_marks_between_its_links_and_not_in_a_heading(project):
    plan = project.plans[0]
    linker = Mentions(project).linker(next(a.place for a in project.agencies if a.id == plan.issuer))
    text = "UBND xã và TT HĐND xã; TT"
    page = _writer(project.glossary, f"ke-hoach/{SEED_PLAN}/index.md")
    plain = linker.linkify(text, page, plain=True)
    assert "<abbr" not in plain and "<a " in plain
    marked = BeautifulSoup(linker.linkify(text, page), "html.parser")
    assert [(a.get_text(), a.find_parent("a")) for a in marked.find_all("abbr")] == [("TT", None)]
    links = BeautifulSoup(plain, "html.parser").find_all("a")
    assert [a.get_text() for a in marked.find_all("a")] == [a.get_text() for a in links]


def test_text_without_abbreviations_is_only_escaped():
    text = "Phòng Văn hóa - Xã hội xã \u202e & <a>"
    assert _writer().text(text) == escape(text)
    assert _writer([]).text("UBND") == "UBND"
    assert PageWriters().page("x.md").text("UBND <b>") == "UBND &lt;b&gt;"  # no glossary (its own page)


def test_a_full_form_cannot_break_out_of_its_title():
    hostile = 'Ủy "ban" <script>alert(1)</script> | [x](javascript:y) `c` \\ *d* _e_ &amp; \u202e'
    cell = "<table><tr><td>" + _writer([Abbreviation("UBND", hostile)]).text("UBND xã") + "</td></tr></table>"
    soup = BeautifulSoup(cell, "html.parser")
    assert [a["title"] for a in soup.find_all("abbr")] == [hostile]
    assert not soup.find("script") and not soup.find("a") and not soup.find("code") and not soup.find("em")
    assert soup.td.get_text() == "UBND xã"


def test_marked_pages_are_the_plain_pages_plus_abbr_tags(project):
    """With the glossary, each page is the page without it plus <abbr> tags; at most one per abbreviation."""
    plain = generate_pages(dataclasses.replace(project, glossary=()))
    marked = generate_pages(project)
    full = {entry.abbr: entry.full for entry in project.glossary}
    changed = 0
    for uri, text in marked.items():
        if uri == GLOSSARY:
            continue
        tags = ABBR.findall(text)
        assert ABBR.sub(lambda m: m.group(2), text) == plain[uri], uri
        assert all(full[abbr] == html.unescape(title) for title, abbr in tags), uri
        assert max(Counter(abbr for _, abbr in tags).values(), default=0) <= 1, uri
        changed += bool(tags)
    assert 10 < changed < len(marked) - 10  # pages without abbreviations stay byte for byte the same


def test_built_pages_mark_the_first_use_only_and_never_in_attributes(project, site):
    full = {entry.abbr: entry.full for entry in project.glossary}
    plan = BeautifulSoup((site / "ke-hoach" / SEED_PLAN / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = plan.select_one("article.md-content__inner")
    assert {a.get_text(): a["title"] for a in body.find_all("abbr")} == {
        abbr: full[abbr] for abbr in ("TT", "PCT", "VT", "TM.", "KT.")
    }
    assert body.get_text().count("TT ") > 1  # "TT Đảng ủy-TT HĐND xã; TT UBMTTQ VN xã": the first one marked
    for path, text in html_pages(site):
        soup = BeautifulSoup(text, "html.parser")
        uses = Counter(a.get_text() for a in soup.find_all("abbr"))
        assert path == "tu-viet-tat/index.html" or max(uses.values(), default=0) <= 1, path
        for abbr in soup.find_all("abbr"):
            assert full[abbr.get_text()] == abbr["title"], path
            assert not abbr.find_parent(["a", "h1", "h2", "h3", "h4", "svg", "title", "code"]), path
        for tag in soup.find_all(True):
            assert not any("abbr" in str(value) for value in tag.attrs.values()), (path, tag.name)
        assert "abbr" not in soup.title.get_text()


_NOT_RUNNING_TEXT = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "svg", "textarea"}


def _first_uses(article) -> dict[str, bool]:
    """Each abbreviation's first use in the running text of a page, in reading order: marked or not."""
    first: dict[str, bool] = {}
    for node in article.find_all(string=True):
        parents = {parent.name for parent in node.parents}
        titled = any("admonition-title" in (parent.get("class") or []) for parent in node.parents)
        if parents & _NOT_RUNNING_TEXT or titled:
            continue
        if node.parent.name == "abbr":
            first.setdefault(node.parent.get_text(), True)
            continue
        for m in re.finditer(abbreviation_pattern(FULL_FORMS), str(node)):
            first.setdefault(m.group(), False)
    return first


def test_the_marked_use_is_the_first_in_reading_order_on_every_page(project, site):
    """Read with a parser as a reader reads: on every generated page but the glossary's, the first use of each
    abbreviation outside headings, links and admonition titles is the one marked."""
    FULL_FORMS.clear()
    FULL_FORMS.update({entry.abbr: entry.full for entry in project.glossary})
    hand_written = {f"{p.stem}/index.html" for p in (ROOT / "docs").glob("*.md")}  # Markdown: never marked
    checked = 0
    for path, text in html_pages(site):
        article = BeautifulSoup(text, "html.parser").select_one("article.md-content__inner")
        if path == "tu-viet-tat/index.html" or path in hand_written or article is None:
            continue
        first = _first_uses(article)
        assert all(first.values()), (path, [abbr for abbr, marked in first.items() if not marked])
        checked += len(first)
    assert checked >= 36  # the seed site marks 36 first uses on 18 pages


FULL_FORMS: dict[str, str] = {}


def test_every_capitalised_word_as_an_abbreviation_is_marked_at_its_first_use(project):
    """A glossary of every all-capital word the pages show (UBND, NĐ-CP, STT, II, CSV …, 'example only'):
    on every generated page but the glossary's, each one's first use in running text is the one marked,
    whichever renderer, part or literal wrote it."""
    plain = generate_pages(dataclasses.replace(project, glossary=()))
    words = set()
    for text in plain.values():
        words |= {w for w in re.findall(r"[^\W\d_]{2,}", html.unescape(re.sub(r"<[^>]*>", " ", text))) if w.isupper()}
    stress = tuple(Abbreviation(w, f"(ví dụ) {w}") for w in sorted(words))
    assert len(stress) > 30
    FULL_FORMS.clear()
    FULL_FORMS.update({entry.abbr: entry.full for entry in stress})
    marked = generate_pages(dataclasses.replace(project, glossary=stress))
    checked = 0
    for uri, text in marked.items():
        if uri == GLOSSARY:
            continue
        first = _first_uses(BeautifulSoup(text.split("\n---\n", 1)[1], "html.parser"))
        assert all(first.values()), (uri, [abbr for abbr, was_marked in first.items() if not was_marked])
        assert ABBR.sub(lambda m: m.group(2), text) == plain[uri], uri  # nothing else changed
        checked += len(first)
    assert checked > 70, checked  # 77 first uses on the seed site


# --- search --------------------------------------------------------------------------


def shards(index: SearchIndex) -> dict[str, dict]:
    """folded → exact → the URLs of its pages, as the browser reads the written index."""
    return {
        word: {exact: list(pages) for exact, pages in variants.items()}
        for word, variants in decoded(index.files()).items()
    }


def test_the_index_expands_abbreviations_both_ways():
    index = SearchIndex()
    entries = GLOSSARY_ENTRIES + [Abbreviation("UBMTTQ", "Ủy ban Mặt trận Tổ quốc")]
    index.add_html(
        "tu-viet-tat/",
        "Từ viết tắt",
        PageKind.LIST,
        "<table><tr><td>" + "</td><td>".join(abbr_tag(e.abbr, e.full) for e in entries) + "</td></tr></table>",
    )
    index.add_html("a/", "Nơi nhận", PageKind.PLAN, "<p>TT UBMTTQ VN xã; Lưu VT.</p>")
    index.add_html("b/", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", PageKind.AGENCY, "<p>Một cơ quan.</p>")
    index.add_html("c/", "Khác", PageKind.TASK, "<p>Mặt trận và Tổ quốc, thường xuyên trực tiếp; TTg.</p>")
    words = shards(index)
    found = lambda word: words.get(word_forms(word)[0], {}).get(word_forms(word)[1], [])
    assert all("a/" in found(w) for w in ("Mặt", "trận", "Tổ", "quốc"))  # "mat tran to quoc" finds UBMTTQ
    assert "a/" in found("thường") and "a/" in found("trực")  # TT: Thường trực
    assert "a/" not in found("Việt")  # VN is not among these entries

    assert set(words["mttq"]["mttq"]) == {"a/", "b/", "tu-viet-tat/"}  # full form in sequence, or UBMTTQ
    assert "c/" not in words["tt"]["tt"]  # "thường … trực" apart is no "Thường trực"; "TTg" is not "TT"
    assert index.files() == index.files()  # writing twice gives the same bytes


def test_without_abbr_tags_the_index_is_as_before():
    index = SearchIndex()
    index.add_html("a/", "UBND", PageKind.PLAN, "<p>UBND xã, Mặt trận Tổ quốc</p>")
    assert index.expanded() == {}
    assert "uy" not in shards(index)


@pytest.mark.browser
def test_search_finds_abbreviations_and_full_forms(site, serve, browser):
    page = browser.new_page()
    try:
        page.goto(serve(site) + "tu-viet-tat/")
        search = lambda q: [r["url"] for r in page.evaluate("q => window.planSearch(q)", q)]
        assert "co-quan/ubmttq-xa/" in search("MTTQ")[:3]
        assert "co-quan/ubmttq-xa/" in search("mttq")[:3]
        writes_ubmttq = [
            url
            for url in search("mat tran to quoc")
            if "UBMTTQ" in (site / url / "index.html").read_text(encoding="utf-8")
        ]
        assert "co-quan/ubmttq-xa/" in writes_ubmttq  # its other names: "UBMTTQ VN xã"
        assert page.evaluate("getComputedStyle(document.querySelector('article abbr')).cursor") == "help"
    finally:
        page.close()
