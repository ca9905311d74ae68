"""Unit tests of the text helpers: normalisation, folding, slugs, collation, search tokens."""

import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from plansite.search.tokenize import tokens
from plansite.site.html.markup import escape
from plansite.text import ascii_fold, date_numeric, date_prose, name_key, slugify, vi_sort_key


def test_ascii_fold_drops_marks_and_folds_d_bar():
    assert ascii_fold("Đảng ủy") == "dang uy"
    assert ascii_fold("dân vận") == "dan van"


def test_name_key_ignores_tone_placement_case_spacing_and_form():
    assert name_key("Uỷ ban  nhân dân") == name_key("ủy ban nhân dân")
    assert name_key("hoà") == name_key("hòa")
    assert name_key(unicodedata.normalize("NFD", "Ủy ban")) == name_key("Ủy ban")
    assert name_key("Phòng Văn hóa-xã hội") == name_key("Phòng Văn hóa - Xã hội")
    assert name_key("dân") != name_key("dan")  # diacritics still matter for names


def _fold_by_decomposing(text: str) -> str:
    """What ascii_fold means, spelled out: đ→d, decompose, drop the marks, lower case (its table is a shortcut)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Vietnamese letters of both cases, loose combining marks, other scripts' accented letters and plain ASCII.
_MIXED_TEXT = st.text(
    st.one_of(
        st.sampled_from("ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"),
        st.sampled_from("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031bİıßæøΆάйё"),
        st.characters(),
    ),
    max_size=40,
)


@given(_MIXED_TEXT)
def test_ascii_fold_is_decomposing_and_dropping_marks(text):
    assert ascii_fold(text) == _fold_by_decomposing(text)


def test_ascii_fold_of_loose_marks_and_other_scripts():
    assert ascii_fold("Ủy ban nha\u0302n da\u0302n") == "uy ban nhan dan"
    assert ascii_fold("Άθήνα İzmir") == "αθηνα izmir"
    assert ascii_fold("Søren") == "søren"


def test_slugify_is_ascii_and_stable():
    assert slugify("Phòng Văn hóa - Xã hội") == "phong-van-hoa-xa-hoi"
    assert slugify("Đảng ủy xã") == "dang-uy-xa"
    assert slugify("../etc passwd") == "etc-passwd"


def test_vietnamese_collation_puts_d_bar_after_d_and_horn_after_circumflex():
    words = ["Ơn", "Đảng", "Dân", "Ô", "O", "Ư", "U", "Ăn", "An", "Ân", "B"]
    assert sorted(words, key=vi_sort_key) == ["An", "Ăn", "Ân", "B", "Dân", "Đảng", "O", "Ô", "Ơn", "U", "Ư"]
    # Code-point order would put Đ (U+0110) after every plain Latin letter.
    assert sorted(["Đảng", "Sở"]) == ["Sở", "Đảng"]
    assert sorted(["Đảng", "Sở"], key=vi_sort_key) == ["Đảng", "Sở"]


def test_tones_order_after_letters():
    assert sorted(["má", "ma", "mà", "mả", "mã", "mạ"], key=vi_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_dates_display_in_vietnamese_forms():
    day = dt.date(2025, 11, 1)
    assert date_numeric(day) == "01/11/2025"
    assert date_prose(day) == "ngày 01 tháng 11 năm 2025"


def test_search_tokens_fold_for_matching_and_keep_exact_for_ranking():
    assert tokens("Đảng ủy") == [("dang", name_key("Đảng")), ("uy", name_key("ủy"))]
    assert [f for f, _ in tokens("218-QĐ/TW")] == ["218", "qd", "tw"]
    assert [f for f, _ in tokens("CT-TTg 33")] == ["ct", "ttg", "33"]
    assert tokens("Uỷ") == tokens("Ủy") == tokens(unicodedata.normalize("NFD", "Ủy"))


def test_escape_makes_markup_inert():
    assert escape("<script>") == "&lt;script&gt;"
    assert escape("\"a\" & 'b'") == "&quot;a&quot; &amp; &#x27;b&#x27;"  # safe in attributes too
    # Pages are HTML, never read as Markdown: Markdown's syntax is plain text and stays as written.
    assert escape("[x](javascript:alert(1)) *a* 1. b") == "[x](javascript:alert(1)) *a* 1. b"
    assert escape("a\u202eb") == "a[U+202E]b"  # shown as [U+202E], never applied
    assert escape("two\n\nlines") == "two lines"
