"""What the index counts and keys, without a browser: syllable pairs (broken by punctuation), BM25F levels
(a title above a body, a short text above a long one, the kind only a tie), number keys for numbers typed
loosely, and excerpts of prose (no labels, placeholders or navigation). On the built seed site: the
navigation pages' subject words and the signer are in the index as title words."""

from __future__ import annotations

import json

from plansite.kinds import PageKind
from plansite.search import terms
from plansite.search.doc_numbers import FULL, PART, number_keys
from plansite.search.excerpt import headings_text
from plansite.search.index import SearchIndex
from plansite.search.stored import read_index
from plansite.search.terms import BODY_LEVELS, TIES, TITLE_FLOOR, counts, forget, level, merged, pack
from search_files import decoded, excerpt_of


def test_pairs_are_syllables_side_by_side_and_punctuation_breaks_them():
    found, syllables = counts("Công tác dân vận, dân chủ. Nhân dân – vận động")
    assert syllables == 10
    assert found[("dan_van", "dân_vân\u0323")] == 1  # "dân vận"; not "dân – vận" (a dash between)
    assert ("chu_nhan", "chu\u0309_nhân") not in found  # a full stop between
    assert ("van_dan", "vân\u0323_dân") not in found  # a comma between
    assert found[("dan", "dân")] == 3


def test_a_spaced_hyphen_joins_the_halves_of_a_name_and_an_unspaced_one_breaks():
    """'Phòng Văn hóa - Xã hội' holds the phrase 'văn hóa xã hội' (the province's agencies are found by it);
    '2025-2030' and 'CT-TTg' are numbers and codes, not phrases."""
    found, syllables = counts("Phòng Văn hóa - Xã hội; giai đoạn 2025-2030, Chỉ thị 33/CT-TTg")
    assert syllables == 14
    pairs = {folded for folded, _ in found if "_" in folded}
    assert pairs == {"phong_van", "van_hoa", "hoa_xa", "xa_hoi", "giai_doan", "doan_2025", "chi_thi", "thi_33"}


def test_counts_read_any_space_and_compatibility_forms_the_same_with_or_without_their_caches(monkeypatch):
    """counts sees the text in NFKC ("…" is "...", a break; "ﬁ" is "fi"; a no-break space is a space), and
    any space between syllables keeps a pair. Its caches (each text between two breaks counted once, each
    syllable's forms) change nothing: emptied (`forget`), or so small that they are emptied all the time."""
    text = "Văn hóa\u00a0-\u00a0Xã hội… dân vận\tdân\u2003vận; ﬁle -vận"
    found, syllables = counts(text)
    assert syllables == 10
    assert {folded for folded, _ in found if "_" in folded} == {"van_hoa", "hoa_xa", "xa_hoi", "dan_van", "van_dan"}
    assert found[("dan_van", "dân_vân\u0323")] == 2
    assert found[("file", "file")] == 1 and found[("van", "vân\u0323")] == 3
    forget()
    assert counts(text) == (found, syllables)
    monkeypatch.setattr(terms, "_KEPT", 2)
    assert counts(text) == (found, syllables) == counts(text)


def test_a_title_outranks_a_body_and_a_short_text_a_long_one():
    in_title = level(pack(0, 0, 1), 1.0, 1.0)
    everywhere_in_body = level(pack(50, 5, 0), 1.0, 1.0)
    assert everywhere_in_body <= BODY_LEVELS <= TITLE_FLOOR < in_title
    assert level(pack(0, 0, 1), 0.3, 1.0) > level(pack(0, 0, 1), 3.0, 1.0)  # a short title holds it more
    assert level(pack(3), 1.0, 0.5) > level(pack(3), 1.0, 4.0)  # the same count in a shorter page
    assert level(pack(6), 1.0, 1.0) > level(pack(1), 1.0, 1.0)  # more often


def test_the_kind_only_breaks_ties():
    index = SearchIndex()
    html = "<h1>{0}</h1><p>Công tác dân vận của xã.</p>"
    index.add_html("a/", "Trang", PageKind.PAGE, html.format("Trang"))
    index.add_html("b/", "Trang", PageKind.AGENCY, html.format("Trang"))
    index.add_html("c/", "Trang dân vận", PageKind.PAGE, html.format("Trang dân vận"))
    pair = decoded(index.files())["dan_van"]["dân_vân\u0323"]
    assert pair["a/"] // TIES == pair["b/"] // TIES < pair["c/"] // TIES  # the title, whatever the kind
    assert pair["b/"] % TIES > pair["a/"] % TIES  # same level: the agency first


def test_number_keys_read_numbers_as_staff_type_them():
    keys = number_keys("33/CT-TTg", "Chỉ thị 33/CT-TTg")
    assert keys == {"~33ctttg": FULL, "~33ct": PART, "~33ttg": PART, "~33chithi": PART}
    assert number_keys("218-QĐ/TW", "Quyết định 218-QĐ/TW")["~218quyetdinh"] == PART
    assert number_keys("10/2022/QH15", "Luật 10/2022/QH15") == {
        "~102022qh15": FULL,
        "~10qh": PART,
        "~10luat": PART,
    }  # 'QH15' read as 'qh' and '15' too
    assert number_keys("294/KH-UBND", "Kế hoạch Thực hiện…") == {"~294khubnd": FULL, "~294kh": PART, "~294ubnd": PART}
    assert number_keys("", "x") == {}


def test_the_excerpt_is_prose_without_labels_placeholders_or_navigation():
    html = (
        "<p><a href='../'>Trang chủ</a> › X</p><h1>Chỉ thị 33/CT-TTg</h1><p>Về công tác dân vận.</p>"
        "<table><thead><tr><th>Thuộc tính</th><th>Nội dung</th></tr></thead>"
        "<tbody><tr><td>Người ký</td><td>Chưa rõ</td></tr></tbody></table>"
        "<ul><li>Loại: Cơ quan nhà nước</li></ul><h2>Nhiệm vụ phối hợp</h2><p>Không có.</p>"
        '<p><strong>Tình trạng:</strong> <strong class="ps-tag ps-tag--x">Chưa có báo cáo</strong> '
        "Chưa có báo cáo nào về nhiệm vụ này.</p><p>Phối hợp tuyên truyền.</p>"
        "<p><small>Nguồn thông tin: Kế hoạch của xã.</small></p>"
    )
    assert excerpt_of(html) == "Về công tác dân vận. Phối hợp tuyên truyền."
    assert headings_text(html) == "Nhiệm vụ phối hợp"
    table_only = "<h1>Phụ lục</h1><table><thead><tr><th>STT</th></tr></thead><tbody><tr><td>Tuyên truyền</td></tr></tbody></table>"  # noqa: E501
    assert excerpt_of(table_only) == "Tuyên truyền"  # no prose at all: the table's cells, without its head


def test_navigation_pages_and_the_signer_are_found_by_their_subject(site):
    meta = json.loads((site / "search/meta.json").read_text(encoding="utf-8"))
    words = decoded(read_index(site))
    assert meta["ties"] == TIES

    def title_level(folded: str, url: str) -> int:
        return max(postings.get(url, 0) for postings in words[folded].values()) // TIES

    assert title_level("han_gui", "bao-cao/") > TITLE_FLOOR  # the calendar: "hạn gửi báo cáo"
    assert title_level("viet_tat", "tu-viet-tat/") > TITLE_FLOOR
    assert title_level("thu_hien", "ke-hoach/ke-sat-tuyen-giao-dan-van-2025-2030/") > TITLE_FLOOR  # the signer
    assert title_level("chu_tich", "ke-hoach/ke-sat-tuyen-giao-dan-van-2025-2030/") > TITLE_FLOOR  # their position


def test_a_pages_subject_outranks_any_title_and_body():
    """A subject (front matter `subjects`: a plan's place) in a long page with a long title still comes before
    the strongest title-and-body match of another page (a body of that place, named after it)."""
    subject = level(pack(1, 0, 1, subject=True), 4.0, 4.0)
    strongest_otherwise = level(pack(255, 31, 31), 0.1, 0.1)
    assert subject > strongest_otherwise
    assert level(pack(0, 0, 0, subject=True), 1.0, 1.0) > level(pack(0, 0, 1), 0.1, 1.0)
    assert merged(pack(2, subject=True), pack(1)) == pack(3, subject=True)  # an expansion keeps the subject
