"""Link-preview pictures (site/outreach/og_image.py): valid PNGs, text really drawn, Vietnamese covered,
long and hostile titles fitted, the same bytes every time, and the cache."""

from __future__ import annotations

import io
import struct
import sys
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from plansite.site.outreach import og_batch  # noqa: E402
from plansite.site.outreach import og_image as og  # noqa: E402

PLAN, PLACE = "Kế hoạch tuyên truyền, giáo dục và dân vận 2025–2030", "xã Kẻ Sặt, thành phố Hải Phòng"
TITLE = "Nhiệm vụ 1.a: Tổ chức quán triệt, tuyên truyền Chỉ thị 33/CT-TTg"
STACKED = "ỔN ĐỊNH ỮNG ẶC"
VIETNAMESE = (
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ…–"
)
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }} ${x} %s %n",
    "\x00\x07\x1b[31m\r\n\t",
    "\u202eRLO\u202c \u200b\u200d \ufeff",
    "\ud800 lone surrogate",
    "&lt;b&gt; &amp; <![CDATA[x]]>",
    "x" * 5000,
    " " * 50,
    "😀 中文 العربية",
]
TITLE_BOX = (og.LEFT, og.TITLE_TOP, og.WIDTH - og.RIGHT, og.TITLE_BOTTOM)


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _dark_pixels(image: Image.Image, box: tuple[int, int, int, int], threshold: int = 100) -> int:
    grey = image.convert("L").crop(box)
    return sum(grey.histogram()[:threshold])


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _chunks(png: bytes) -> set[str]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    kinds, at = set(), 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        kinds.add(kind.decode("ascii"))
        at += 12 + length
    return kinds


def test_png_of_the_open_graph_size():
    data = og.og_image("Nhiệm vụ", TITLE, PLAN, PLACE)
    image = _open(data)
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    assert image.mode == "P" and len(image.getpalette()) // 3 == len(og._palette().getpalette()) // 3 == 12
    assert _chunks(data) == {"IHDR", "PLTE", "IDAT", "IEND"}, "no text chunk, no timestamp"


def test_palette_keeps_the_drawn_colours():
    """Each pixel of the PNG is near the colour drawn (the fixed palette holds each ink's edge strengths): the mean
    difference, summed over the three channels, stays under 1 (Pillow's own sixteen-colour choice was 3.7)."""
    drawn = og.with_kind(og.render_base(TITLE, PLAN, PLACE), "Tiến độ thực hiện")
    written = _open(og.png_bytes(drawn)).convert("RGB")
    difference = ImageChops.difference(drawn, written)
    total = sum(value * count for band in difference.split() for value, count in enumerate(band.histogram()))
    assert difference.getbbox(), "the drawing has smoothed edges to compare (not one flat colour)"
    assert total / (og.WIDTH * og.HEIGHT) < 1.0


def test_title_is_drawn_in_the_title_box():
    with_title = _open(og.og_image("Nhiệm vụ", TITLE, PLAN, PLACE))
    without = _open(og.og_image("Nhiệm vụ", "", PLAN, PLACE))
    assert _dark_pixels(with_title, TITLE_BOX) > 5000
    assert _dark_pixels(without, TITLE_BOX) == 0
    assert ImageChops.difference(with_title.crop(TITLE_BOX), without.crop(TITLE_BOX)).getbbox()
    assert _dark_pixels(without, (og.LEFT, 0, og.WIDTH, og.TITLE_TOP)) > 0, "the kind is drawn"
    assert _dark_pixels(without, (og.LEFT, og.TITLE_BOTTOM, og.WIDTH, og.HEIGHT)) > 0, "plan and place are drawn"


@pytest.mark.parametrize("title", [STACKED, "ỔỖẪẴỬỮẲ " * 3, "ỵỴịọ gjpqy " * 20, "ỔN ĐỊNH " * 60])
def test_stacked_marks_stay_inside_the_title_box(title):
    """Marks above the first line and below the last are measured, so none is cut off."""
    image = _open(og.og_image("", title, "", ""))
    ink = image.convert("L").crop((og.BAND_WIDTH, 0, og.WIDTH, og.HEIGHT)).point(lambda v: 255 if v < 200 else 0)
    left, top, right, bottom = ink.getbbox()
    assert og.TITLE_TOP <= top and bottom <= og.TITLE_BOTTOM
    assert og.LEFT <= left + og.BAND_WIDTH and right + og.BAND_WIDTH <= og.WIDTH - og.RIGHT


@pytest.mark.parametrize("path", [og.REGULAR, og.BOLD])
def test_font_covers_vietnamese(path):
    """Every Vietnamese letter has a glyph of its own, not the font's .notdef (which in Be Vietnam
    Pro is empty: a missing letter would vanish silently, not show as a box)."""
    font = ImageFont.truetype(str(path), 48, layout_engine=ImageFont.Layout.BASIC)

    def glyph(ch: str) -> tuple:
        mask = font.getmask(ch)
        return mask.getbbox(), mask.size, bytes(mask)

    notdef = glyph("\uffff")
    assert glyph("\U0010fffd") == notdef, "two unassigned code points draw the same .notdef"
    missing = [ch for ch in VIETNAMESE + STACKED.replace(" ", "") if glyph(ch) == notdef or glyph(ch)[0] is None]
    assert not missing


def test_same_input_same_bytes():
    assert og.og_image("Cơ quan", TITLE, PLAN, PLACE) == og.og_image("Cơ quan", TITLE, PLAN, PLACE)
    assert og.og_image("Cơ quan", TITLE, PLAN, PLACE) != og.og_image("Văn bản", TITLE, PLAN, PLACE)


def test_nfd_input_draws_like_nfc():
    nfd = unicodedata.normalize("NFD", STACKED)
    assert nfd != STACKED
    assert og.og_image("", nfd, "", "") == og.og_image("", STACKED, "", "")
    assert og.image_name("", nfd, "", "") == og.image_name("", STACKED, "", "")


def test_short_title_set_large_on_few_lines():
    size, lines = og.wrap_title("Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    assert size == og.TITLE_SIZES[0]
    assert " ".join(lines) == "Ủy ban Mặt trận Tổ quốc Việt Nam xã"
    assert len(lines) <= 2


def test_long_title_shrinks_then_is_cut():
    words = "tuyên truyền giáo dục dân vận chính quyền Mặt trận Tổ quốc đoàn thể ĐỊNH HƯỚNG Ổn định " * 20
    title = words[:400]
    size, lines = og.wrap_title(title)
    assert size == og.TITLE_SIZES[-1]
    assert 1 <= len(lines) <= og.MAX_LINES
    assert lines[-1].endswith("…")
    font = og._font(True, size)
    assert all(font.getlength(line) <= og.TEXT_WIDTH for line in lines)
    assert all(line.strip() == line and line for line in lines)
    body = " ".join(lines)[:-1]
    assert title.startswith(body), "words are kept whole and in order; only the end is cut"
    og.og_image("Nhiệm vụ", title, PLAN, PLACE)


def test_medium_title_shrinks_without_cut():
    title = "Nhiệm vụ 3.b: " + "Tăng cường công tác dân vận của cơ quan nhà nước và chính quyền các cấp " * 2
    size, lines = og.wrap_title(title)
    assert og.TITLE_SIZES[-1] <= size < og.TITLE_SIZES[0]
    assert " ".join(lines) == " ".join(title.split())


def test_word_longer_than_a_line_is_broken():
    size, lines = og.wrap_title("https://ke-sat.example.vn/" + "a" * 300)
    font = og._font(True, size)
    assert all(font.getlength(line) <= og.TEXT_WIDTH for line in lines)
    assert lines[-1].endswith("…")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_just_characters(text):
    for args in [("Nhiệm vụ", text, PLAN, PLACE), (text, text, text, text)]:
        image = _open(og.og_image(*args))
        assert image.size == (1200, 630)
        assert og.image_name(*args).endswith(".png")


def test_markup_is_drawn_not_interpreted():
    _, lines = og.wrap_title('"><img src=x onerror=alert(1)>')
    assert " ".join(lines) == '"><img src=x onerror=alert(1)>'
    assert _dark_pixels(_open(og.og_image("", "<script>", "", "")), TITLE_BOX) > 0


def test_text_colours_have_contrast_of_at_least_7():
    background = _luminance(og.BACKGROUND)
    for colour in (og.TEXT, og.SECONDARY, og.KIND_COLOUR):
        assert (background + 0.05) / (_luminance(colour) + 0.05) >= 7, colour


def test_image_name_is_a_content_hash(monkeypatch):
    name = og.image_name("Nhiệm vụ", TITLE, PLAN, PLACE)
    assert len(name) == 16 + 4 and name.endswith(".png") and int(name[:16], 16) >= 0
    assert name == og.image_name("Nhiệm vụ", TITLE, PLAN, PLACE)
    assert name != og.image_name("Nhiệm vụ", TITLE, PLAN, "xã khác")
    assert og.image_name("a b", "c", "", "") != og.image_name("a", "b c", "", ""), "fields do not run together"
    monkeypatch.setattr(og, "VERSION", og.VERSION + "-next")
    assert name != og.image_name("Nhiệm vụ", TITLE, PLAN, PLACE), "a new design gets new names"


def test_cache_returns_the_same_bytes_without_rendering(tmp_path, monkeypatch):
    """The build's cache (og_batch.draw_missing, in this process): drawn once, then found by name."""
    cache = tmp_path / ".cache" / "og"
    assert og_batch.draw_missing(cache, [("Nhiệm vụ", TITLE, PLAN, PLACE)], workers=1) == 1
    name = og.image_name("Nhiệm vụ", TITLE, PLAN, PLACE)
    assert [p.name for p in cache.iterdir()] == [name]
    first = (cache / name).read_bytes()
    assert first == og.og_image("Nhiệm vụ", TITLE, PLAN, PLACE)

    def no_render(*args):
        raise AssertionError("rendered again")

    monkeypatch.setattr(og_batch, "render_base", no_render)
    assert og_batch.draw_missing(cache, [("Nhiệm vụ", TITLE, PLAN, PLACE)], workers=1) == 0
    assert (cache / name).read_bytes() == first
    with pytest.raises(AssertionError, match="rendered again"):
        og_batch.draw_missing(cache, [("Cơ quan", TITLE, PLAN, PLACE)], workers=1)
    assert len(list(cache.iterdir())) == 1, "a failed render leaves no file, not even a temporary one"


def test_cache_write_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(og.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        og_batch.draw_missing(tmp_path, [("Nhiệm vụ", TITLE, PLAN, PLACE)], workers=1)
    assert list(tmp_path.iterdir()) == []


def test_measures_from_the_letters_are_pillows_own():
    """Titles are wrapped and placed with each letter measured once (og_image.text_length, ink_rows): for
    every font and size drawn, over Vietnamese, hostile and random texts, they equal Pillow's measure of the
    whole text, so the pictures are the ones Pillow's own measures would set."""
    import random

    rng = random.Random(11)
    letters = VIETNAMESE + STACKED + og.TALLEST + og.DEEPEST + "abcxyzABC 0123456789 ,.;:!?-–—()[]/“”\"'_…<>&@#%"
    texts = [og.clean(text) for text in HOSTILE + [VIETNAMESE, STACKED, TITLE, PLAN, PLACE, "", " ", "_", ",", "."]]
    texts += ["".join(rng.choices(letters, k=rng.randrange(1, 90))) for _ in range(150)]
    sizes = [(True, size) for size in (*og.TITLE_SIZES, og.KIND_SIZE, og.PLAN_SIZE)] + [(False, og.PLACE_SIZE)]
    for bold, size in sizes:
        font = og._font(bold, size)
        for text in texts:
            assert og.text_length(font, text) == font.getlength(text), (size, text)
            _, top, _, bottom = font.getbbox(text, anchor="ls")
            assert og.ink_rows(font, text) == (top, bottom), (size, text)
