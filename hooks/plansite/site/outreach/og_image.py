"""Link-preview pictures (Open Graph, 1200×630 PNG) for every page, drawn at build time with Pillow.

A picture shows the page's kind ("Nhiệm vụ", "Cơ quan"…) small on top, its title large and
wrapped, and the plan's short title and its place at the bottom, in dark text on a light
background with a red band on the left. Text is drawn as text with the bundled Be Vietnam Pro
(hooks/plansite/fonts/), which has every Vietnamese letter precomposed, stacked marks included:
nothing is ever read as markup, so a title such as '<script>' is just those characters.

The PNG holds a fixed palette of 12 colours (PALETTE_SHADES: each ink at a few strengths, no dithering):
the text's anti-aliased edges stay smooth and a picture weighs 4 to 20 KB (by its title) where RGB took 60. zlib
matches runs only (Z_RLE: flat background and band), 2.5 ms a picture where its default search took 6, for
8 % more bytes.
The same input gives the same bytes: no timestamp, no randomness, no PNG metadata, and the basic layout
engine (FreeType alone, not libraqm, whose presence depends on the machine). Input is NFC-normalised
first, so every Vietnamese letter is one precomposed glyph and needs no mark positioning.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import tempfile
import unicodedata
import zlib
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageColor, ImageDraw, ImageFont

# The design's version: bump it whenever anything that changes the bytes changes (layout, colours,
# sizes, fonts, compression, the Pillow pin), so cached pictures named by the old hash are not reused.
VERSION = "4"  # 2: a 16-colour palette; 3: deflated with Z_RLE (the same pixels, other bytes); 4: PALETTE_SHADES

FONTS = Path(__file__).resolve().parents[2] / "fonts"
REGULAR, BOLD = FONTS / "BeVietnamPro_400Regular.ttf", FONTS / "BeVietnamPro_700Bold.ttf"

WIDTH, HEIGHT = 1200, 630
BACKGROUND = "#FAF8F3"
TEXT = "#1A1A1A"  # 16.4:1 on the background
SECONDARY = "#3B3B3B"  # 10.6:1
KIND_COLOUR = "#8A1020"  # 9.1:1
BAND, RULE = "#C62828", "#D6D0C2"  # decoration only: no text on them

BAND_WIDTH, LEFT, RIGHT = 24, 88, 80
TEXT_WIDTH = WIDTH - LEFT - RIGHT
KIND_TOP, KIND_SIZE = 52, 30
TITLE_TOP, TITLE_BOTTOM = 116, 460
TITLE_SIZES = (72, 64, 56, 50, 44, 40)
LEADING = 1.28
MAX_LINES = 5
PLAN_SIZE, PLACE_SIZE, FOOTER_GAP, RULE_GAP, BOTTOM = 28, 26, 10, 18, 44
ELLIPSIS = "…"
# Five lines of the narrowest letters (8 px) at the smallest size hold 645 characters: text past
# MAX_CHARS is never seen, so it is not measured (measuring is linear in the text's length).
MAX_CHARS = 700

# The tallest and the deepest Vietnamese letters: a block of lines keeps room for them above its
# first line and below its last (beside the measured ink of the actual text), so baselines sit in
# the same place whatever the title, and stacked marks are never cut off.
TALLEST, DEEPEST = "ỔỖẪẴỬỮẲ", "ỵỴịọgjpqy"

_DROPPED = {"Cc", "Cf", "Cs", "Co", "Cn"}  # controls, bidi overrides, lone surrogates, unassigned


class TitleLines(NamedTuple):
    """How a title is set: the font size and the lines, the last one ending in '…' when cut."""

    size: int
    lines: list[str]


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size, layout_engine=ImageFont.Layout.BASIC)


def clean(text: str) -> str:
    """The text as drawn: NFC, whitespace runs as one space, controls and invisible formatting dropped."""
    text = unicodedata.normalize("NFC", text)
    kept = (" " if ch.isspace() else "" if unicodedata.category(ch) in _DROPPED else ch for ch in text)
    return " ".join("".join(kept).split())


# Pillow measures a text by loading each of its glyphs through FreeType again, every call: wrapping a title
# in six sizes measured the same letters thousands of times. In the basic layout a text's advance is the sum
# of its letters' (no kerning) and its ink's top and bottom its letters' extremes (tests/test_og_image.py holds
# both against Pillow's own), so each letter is measured once a font.
@functools.cache
def _letter(font: ImageFont.FreeTypeFont, letter: str) -> tuple[float, int, int]:
    """The letter's advance and the top and bottom of its ink (from the baseline, y down), as Pillow says."""
    _, top, _, bottom = font.getbbox(letter, anchor="ls")
    return font.getlength(letter), top, bottom


def text_length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """font.getlength(text), from the letters' advances."""
    return sum(_letter(font, letter)[0] for letter in text)


def ink_rows(font: ImageFont.FreeTypeFont, text: str) -> tuple[int, int]:
    """The top and bottom of font.getbbox(text, anchor="ls"), from the letters' ink (0, 0 for no text)."""
    metrics = [_letter(font, letter) for letter in text]
    return min((m[1] for m in metrics), default=0), max((m[2] for m in metrics), default=0)


def _fits(font: ImageFont.FreeTypeFont, text: str, width: int) -> bool:
    return text_length(font, text) <= width  # font.getlength, each letter measured once


def _split_long_word(font: ImageFont.FreeTypeFont, word: str, width: int, limit: int) -> list[str]:
    """A word wider than a line (a URL, a string with no spaces) broken between characters,
    into at most `limit` pieces (the last one holding the rest)."""
    pieces, piece = [], ""
    for i, ch in enumerate(word):
        if piece and not _fits(font, piece + ch, width):
            pieces.append(piece)
            if len(pieces) >= limit - 1:
                return pieces + [word[i:]]
            piece = ""
        piece += ch
    return pieces + [piece]


def wrap(font: ImageFont.FreeTypeFont, text: str, width: int, limit: int | None = None) -> list[str]:
    """Greedy wrap at spaces into lines no wider than `width`; only a too-long word is broken inside.
    With a `limit`, wrapping stops once more than `limit` lines are set (the rest would be cut)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if limit is not None and len(lines) > limit:
            break
        candidate = f"{line} {word}" if line else word
        if _fits(font, candidate, width):
            line = candidate
            continue
        if line:
            lines.append(line)
        room = len(word) if limit is None else limit + 1 - len(lines)
        pieces = _split_long_word(font, word, width, room) if not _fits(font, word, width) else [word]
        lines.extend(pieces[:-1])
        line = pieces[-1]
    return lines + [line] if line else lines


def ellipsize(font: ImageFont.FreeTypeFont, text: str, width: int) -> str:
    """The text ending in '…', cut at a word (or inside a single word) so that it fits `width`.

    The longest fitting prefix is found by bisection: a title of thousands of characters costs
    a dozen measurements, not one per character."""
    text = text.rstrip()
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(font, text[:middle].rstrip() + ELLIPSIS, width):
            low = middle
        else:
            high = middle - 1
    kept = text[:low]
    if low < len(text) and not text[low].isspace() and " " in kept.strip():
        kept = kept[: kept.rstrip().rfind(" ")]  # the cut fell inside a word: drop the word
    return kept.rstrip(" ,;:.-–—") + ELLIPSIS


def fit_line(font: ImageFont.FreeTypeFont, text: str, width: int) -> str:
    """One line: the text as it is when it fits, else cut with '…'."""
    text = text[:MAX_CHARS]
    return text if _fits(font, text, width) else ellipsize(font, text, width)


def _extent(font: ImageFont.FreeTypeFont, lines: list[str], leading: int) -> tuple[int, int]:
    """Top and bottom of the inked block relative to the first baseline, measured on the actual
    text (ink_rows) and on the tallest and deepest Vietnamese letters."""
    top = ink_rows(font, TALLEST)[0]
    bottom = ink_rows(font, DEEPEST)[1] + leading * (len(lines) - 1)
    for i, line in enumerate(lines):
        t, b = ink_rows(font, line)
        top, bottom = min(top, t + leading * i), max(bottom, b + leading * i)
    return top, bottom


def _height(font: ImageFont.FreeTypeFont, lines: list[str]) -> int:
    top, bottom = _extent(font, lines, _leading(font.size))
    return bottom - top


def _leading(size: int) -> int:
    return round(size * LEADING)


def wrap_title(
    title: str, width: int = TEXT_WIDTH, height: int = TITLE_BOTTOM - TITLE_TOP, max_lines: int = MAX_LINES
) -> TitleLines:
    """The title set in the largest size whose wrapped lines fit the title box (at most
    `max_lines`); failing every size, the smallest size with the lines that fit, the last cut with '…'."""
    title = clean(title)[:MAX_CHARS]
    for size in TITLE_SIZES:
        font = _font(True, size)
        if text_length(font, title) > max_lines * (width + text_length(font, " ")):
            continue  # cannot fit: n lines hold at most n widths plus the spaces they break at
        lines = wrap(font, title, width, max_lines)
        if len(lines) <= max_lines and _height(font, lines) <= height:
            return TitleLines(size, lines)
    size = TITLE_SIZES[-1]
    font = _font(True, size)
    lines = wrap(font, title, width, max_lines)
    count = max_lines
    while count > 1 and _height(font, lines[:count]) > height:
        count -= 1
    kept = lines[:count]
    kept[-1] = ellipsize(font, kept[-1] + " " + lines[count] if count < len(lines) else kept[-1], width)
    return TitleLines(size, kept)


def _draw_lines(draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, lines: list[str], top: int, fill: str) -> None:
    """The lines, the ink of the first one starting at `top`."""
    leading = _leading(font.size)
    baseline = top - _extent(font, lines, leading)[0]
    for i, line in enumerate(lines):
        draw.text((LEFT, baseline + leading * i), line, font=font, fill=fill, anchor="ls")


def _footer(draw: ImageDraw.ImageDraw, plan: str, place: str) -> None:
    """The plan's title and, under it, the place, under a thin rule; the ink of the last line ends
    BOTTOM above the edge."""
    rows = [(_font(True, PLAN_SIZE), plan, TEXT), (_font(False, PLACE_SIZE), place, SECONDARY)]
    rows = [(font, fit_line(font, text, TEXT_WIDTH), fill) for font, text, fill in rows if text]
    y = HEIGHT - BOTTOM
    for font, text, fill in reversed(rows):
        baseline = y - max(ink_rows(font, text)[1], ink_rows(font, DEEPEST)[1])
        draw.text((LEFT, baseline), text, font=font, fill=fill, anchor="ls")
        y = baseline + min(ink_rows(font, text)[0], ink_rows(font, TALLEST)[0]) - FOOTER_GAP
    rule = y + FOOTER_GAP - RULE_GAP
    draw.line((LEFT, rule, WIDTH - RIGHT, rule), fill=RULE, width=2)


def render_base(title: str, plan: str, place: str) -> Image.Image:
    """Everything but the kind: band, title and footer (RGB). Pictures that differ only by their
    kind (a plan's pages) share it: measuring and wrapping the title is most of a picture's cost."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, BAND_WIDTH - 1, HEIGHT - 1), fill=BAND)
    size, lines = wrap_title(title)
    if lines:
        _draw_lines(draw, _font(True, size), lines, TITLE_TOP, TEXT)
    _footer(draw, clean(plan), clean(place))
    return image


def with_kind(base: Image.Image, kind: str) -> Image.Image:
    """A copy of `base` with the kind drawn above the title (the base is left as it was)."""
    image = base.copy()
    kind_font = _font(True, KIND_SIZE)
    kind = clean(kind)
    if kind:
        _draw_lines(ImageDraw.Draw(image), kind_font, [fit_line(kind_font, kind, TEXT_WIDTH)], KIND_TOP, KIND_COLOUR)
    return image


# The picture's colours, fixed: the background, the band, the rule, and each ink laid over the background at a
# few strengths, which are the colours of its letters' smoothed edges (more for the title's large letters). Each
# pixel takes the nearest: about 1 ms a picture, where choosing sixteen colours for each picture (FASTOCTREE) took
# 6 of its 11 ms and strayed further from the drawn colours (a mean error of 3.7 against 0.4), for 1.5 % more
# bytes. Twelve colours: four bits a pixel.
PALETTE_SHADES = ((TEXT, 4), (SECONDARY, 2), (KIND_COLOUR, 3))


def _over_background(ink: str, strength: float) -> tuple[int, ...]:
    back, front = ImageColor.getrgb(BACKGROUND), ImageColor.getrgb(ink)
    return tuple(round(b + (f - b) * strength) for b, f in zip(back, front))


@functools.cache
def _palette() -> Image.Image:
    colours = [ImageColor.getrgb(colour) for colour in (BACKGROUND, BAND, RULE)]
    colours += [_over_background(ink, step / steps) for ink, steps in PALETTE_SHADES for step in range(1, steps + 1)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def png_bytes(image: Image.Image) -> bytes:
    """The picture as a 12-colour palette PNG (PALETTE_SHADES), no metadata: the same image gives the same bytes."""
    palette = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=False, compress_level=6, compress_type=zlib.Z_RLE)
    return buffer.getvalue()


def og_image(kind: str, title: str, plan: str, place: str) -> bytes:
    """The link-preview picture of a page as PNG bytes (1200×630, 12-colour palette, no metadata): pure, the
    same arguments give the same bytes (fixed fonts and zlib settings); every argument is drawn as characters."""
    return png_bytes(with_kind(render_base(title, plan, place), kind))


def image_name(kind: str, title: str, plan: str, place: str) -> str:
    """The picture's file name: the first 16 hex digits of the SHA-256 of the design's VERSION
    and of the cleaned inputs, then '.png'.

    The name is what the cache looks up, and a page's og:image URL, so it must change when the
    pixels would: the inputs cover what is drawn, VERSION covers how it is drawn. Without the
    version a new design would keep serving the old pictures from .cache/og/ (and from link
    previews that social sites cache by URL); bumping it gives every page a new name.
    """
    key = json.dumps([VERSION, clean(kind), clean(title), clean(plan), clean(place)], ensure_ascii=False)
    return digest(key) + ".png"


DIGEST_LENGTH = 16  # hex digits of a cached picture's file name


def digest(key: str) -> str:
    """The name a cached file takes from what its bytes depend on: hex digits of the key's SHA-256."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def is_digest(text: str) -> bool:
    """Whether `text` is a name `digest` makes: a cache prunes only files named so, never another's."""
    return len(text) == DIGEST_LENGTH and all(c in "0123456789abcdef" for c in text)


TEMPORARY = ".og-"  # how `store` begins the name of a picture's temporary file


def remove_quietly(path: Path) -> int:
    """Remove a cache's file: 1, or 0 when it is gone already or the cache is read-only (only a little larger)."""
    try:
        path.unlink()
    except OSError:
        return 0
    return 1


def remove_leftovers(folder: Path, prefix: str, before: float) -> int:
    """Remove the temporary files of `store` (named from `prefix`) last written before the time `before`: a
    process killed between writing one and renaming it left it behind, since a write takes milliseconds; how
    many."""
    old = []
    for path in sorted(Path(folder).glob(f"{prefix}*.tmp")):
        try:
            if path.stat().st_mtime < before:
                old.append(path)
        except OSError:
            pass  # gone meanwhile
    return sum(map(remove_quietly, old))


def store(path: Path, data: bytes, prefix: str = TEMPORARY) -> None:
    """`data` written at `path` atomically (a temporary file in the same folder, named from `prefix`, then
    os.replace, so a build stopped midway never leaves a half-written file in the cache), world-readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o644)  # mkstemp's 0600 would follow a copied file into the published site
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
