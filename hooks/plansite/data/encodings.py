"""Recognising Vietnamese text in pre-Unicode encodings, so editors get a useful hint.

Old Word files use "font" encodings: TCVN3 (ABC, fonts named .VnTime) and VNI
(fonts named VNI-Times). Pasted into a UTF-8 file they turn into text such as
"Uû ban nh©n d©n" (TCVN3) or "UÛy ban nhaân daân" (VNI). Saved as raw bytes they
are not UTF-8 at all; nor is Windows-1258, nor UTF-16 (Excel's "Unicode Text"). These
heuristics only choose the wording of the error message; they never convert anything.
"""

from __future__ import annotations

import re
import unicodedata

from ..i18n import _

# Characters that TCVN3 uses for Vietnamese letters and that are rare in real
# Vietnamese text: â=©, đ=®, ê=ª, ô=«, ơ=¬, ư=­, à=µ, á=¸, ả=¶, ã=·, ạ=¹, ă=¨ …
_TCVN3 = "©®ª«¬\u00adµ¸¶·¹¨§¦¡¢£¤¥ß×ØÞ¾¼½Æ®"
_TCVN3_WORD = re.compile(rf"[A-Za-z]*[{_TCVN3}][A-Za-z{_TCVN3}]*")
# VNI writes a base letter followed by a mark character: aø=à, aù=á, aû=ả, aõ=ã, aï=ạ, ñ=đ.
_VNI_WORD = re.compile(r"[AEIOUYaeiouy][øùûõïÙØÛÕÏ]|ñ|Ñ")
# Letters only Unicode Vietnamese has: if these are present the text is fine.
_UNICODE_VI = re.compile(r"[ăđơưĂĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def _legacy_font(text: str) -> str | None:
    if len(_UNICODE_VI.findall(text)) > 2:
        return None
    if len(_TCVN3_WORD.findall(text)) >= 3:
        return "TCVN3 (ABC, .VnTime)"
    if len(_VNI_WORD.findall(text)) >= 3:
        return "VNI (VNI-Times)"
    return None


# A line can look like TCVN3 or VNI only if it holds one of their letters: the others need no closer look.
_SUSPECT = re.compile(rf"[{_TCVN3}øùûõïÙØÛÕÏñÑ]")


def legacy_font_in_text(text: str) -> tuple[int, int, str] | None:
    """(line, column, encoding name) of the first line that looks like TCVN3/VNI text."""
    if not _SUSPECT.search(text):  # nearly every file: one scan instead of three per line
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if not _SUSPECT.search(line):
            continue
        value = line.split(":", 1)[1] if ":" in line else line
        font = _legacy_font(value)
        if font:
            return number, len(line) - len(value.lstrip()) + 1, font
    return None


# Bytes of the two font encodings, decoded only to tell them apart. TCVN3 (ABC) has a code per letter;
# VNI writes a base letter then a mark (aø = à, aâ = â, aà = ầ, ñ = đ, ô = ơ, ö = ư).
_TCVN3_BYTES = dict(
    zip(
        b"\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xb5\xb6\xb7\xb8\xb9\xbb\xbc\xbd\xbe\xc6\xc7"
        b"\xc8\xc9\xca\xcb\xcc\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xdc\xdd\xde\xdf\xe1\xe2\xe3\xe4\xe5"
        b"\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe",
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    )
)
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT, _HAT, _BREVE = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0302", "\u0306"
_VNI_MARKS = {
    0xF8: _GRAVE,
    0xF9: _ACUTE,
    0xFB: _HOOK,
    0xF5: _TILDE,
    0xEF: _DOT,
    0xE2: _HAT,
    0xEA: _BREVE,
    0xE0: _HAT + _GRAVE,
    0xE1: _HAT + _ACUTE,
    0xE5: _HAT + _HOOK,
    0xE3: _HAT + _TILDE,
    0xE4: _HAT + _DOT,
    0xE8: _BREVE + _GRAVE,
    0xE9: _BREVE + _ACUTE,
    0xFA: _BREVE + _HOOK,
    0xFC: _BREVE + _TILDE,
    0xEB: _BREVE + _DOT,
}
_VNI_BYTES = {
    **_VNI_MARKS,
    **{k - 0x20: v for k, v in _VNI_MARKS.items()},
    0xF4: "ơ",
    0xF6: "ư",
    0xF1: "đ",
    0xEC: "ì",
    0xED: "í",
    0xE6: "ỉ",
    0xF3: "ĩ",
    0xF2: "ị",
    0xD4: "Ơ",
    0xD6: "Ư",
    0xD1: "Đ",
    0xCC: "Ì",
    0xCD: "Í",
    0xC6: "Ỉ",
    0xD3: "Ĩ",
    0xD2: "Ị",
}
_VOWEL_GROUPS = set(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô "
    "uơ uy ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu".split()
)
_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?"
)
_TONES = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}


def _decode_table(raw: bytes, table: dict[int, str]) -> str:
    return unicodedata.normalize("NFC", "".join(table.get(b, chr(b)) for b in raw))


def _vietnamese_words(text: str) -> int:
    """How many words of `text` are Vietnamese syllables with a letter beyond ASCII: high for the right
    decoding of Vietnamese bytes, low for a wrong one (stray symbols, marks on the wrong letters)."""
    count = 0
    for word in re.findall(r"\w+", text.lower()):
        if word.isascii():
            continue
        decomposed = unicodedata.normalize("NFD", word)
        if sum(c in _TONES for c in decomposed) > 1:
            continue
        bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        match = _SYLLABLE.fullmatch(bare)
        count += bool(match and match.group(2) in _VOWEL_GROUPS)
    return count


def utf16_kind(raw: bytes) -> str | None:
    """'UTF-16' when the bytes are UTF-16 (Excel's "Unicode Text"), with or without a byte-order mark."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    sample = raw[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0) / len(sample[0::2]), sample[1::2].count(0) / len(sample[1::2])
    return "UTF-16" if max(even, odd) > 0.3 and min(even, odd) < 0.05 else None


def guess_legacy_encoding(raw: bytes) -> str:
    """The name of the encoding of bytes that are not UTF-8: UTF-16, Windows-1258, TCVN3 or VNI, as the
    decoding that reads as the most Vietnamese words; 'an unknown code page' when none does."""
    if utf16_kind(raw):
        return "UTF-16 (Unicode Text)"
    scores = {
        "TCVN3 (ABC, .VnTime)": _vietnamese_words(_decode_table(raw, _TCVN3_BYTES)),
        "VNI (VNI-Times)": _vietnamese_words(_decode_table(raw, _VNI_BYTES)),
        "Windows-1258": _vietnamese_words(unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))),
    }
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] > 0 else _("an unknown code page")
