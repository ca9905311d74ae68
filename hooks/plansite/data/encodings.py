"""Recognising Vietnamese text in pre-Unicode encodings, so editors get a useful hint.

Old Word files use "font" encodings: TCVN3 (ABC, fonts named .VnTime) and VNI
(fonts named VNI-Times). Pasted into a UTF-8 file they turn into text such as
"Uû ban nh©n d©n" (TCVN3) or "UÛy ban nhaân daân" (VNI). Saved as raw bytes they
are not UTF-8 at all; nor is Windows-1258. These heuristics only choose the
wording of the error message; they never convert anything.
"""

from __future__ import annotations

import re

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


def legacy_font_in_text(text: str) -> tuple[int, int, str] | None:
    """(line, column, encoding name) of the first line that looks like TCVN3/VNI text."""
    for number, line in enumerate(text.splitlines(), 1):
        value = line.split(":", 1)[1] if ":" in line else line
        font = _legacy_font(value)
        if font:
            return number, len(line) - len(value.lstrip()) + 1, font
    return None


def guess_legacy_encoding(raw: bytes) -> str:
    """Best guess at the encoding of bytes that are not UTF-8."""
    as_latin = raw.decode("latin-1")
    font = _legacy_font(as_latin)
    if font:
        return font
    return "Windows-1258"
