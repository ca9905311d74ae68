"""Text as it is read aloud on the commune's loudspeaker (loa truyền thanh): no abbreviation, dates and
document numbers as they are spoken.

- "ngày 26/11/2021" → "ngày 26 tháng 11 năm 2021"; "14/6" → "ngày 14 tháng 6"; "6/2026" → "tháng 6 năm 2026";
- "Chỉ thị 33/CT-TTg" → "Chỉ thị số 33 của Thủ tướng Chính phủ" (the issuer from the legal registry, unless
  the sentence names it), "10/2022/QH15" → "số 10 năm 2022";
- every abbreviation of plan_data/glossary.yaml → its full form ("UBND xã" → "Ủy ban nhân dân xã");
- "2025-2030" → "2025 đến 2030", "06 tháng" → "6 tháng", "%" → "phần trăm".

Only the data's own words are changed into their spoken form: nothing is added but the issuer's name that the
registry gives for a document number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ...data.model import Abbreviation
from ...data.registry_model import LegalDocument
from ...search.expand import abbreviation_pattern
from ...text import ascii_fold

_FULL_DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_MONTH_YEAR = re.compile(r"(?:tháng\s+)?(?<![\d/])(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
_DAY_MONTH = re.compile(r"(?:ngày\s+)?(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
# A document number: digits, an optional year, then letter codes joined by '/' or '-' ("33/CT-TTg",
# "218-QĐ/TW", "218 QĐ/TW", "10/2022/QH15", "01-CTr/BXDĐ-UBNDX"); "số" before it is said once.
_NUMBER = re.compile(
    r"(?:số\s+)?(?<![\w/])(\d+)(?:\s*/\s*(\d{4}))?(?:\s*[/\-–]\s*|\s+(?=[A-ZĐ][\wĐđ]*\s*/))"
    r"([A-ZĐ][\wĐđ.]*(?:\s*[/\-–]\s*[A-Za-zĐđ0-9][\wĐđ.]*)*)"
)
_YEARS = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")
_LEADING_ZERO = re.compile(r"(?<![\d.,])0(\d)(?!\d)")
_SPACES = re.compile(r"\s+")
_SAYS_ISSUER = re.compile(r"^[^.;:]{0,45}\bcủa\b")  # "… ngày 26 tháng 11 năm 2021 của Thủ tướng …"


def number_key(number: str) -> str:
    """A document number folded to letters and digits: "33/CT-TTg", "33/CT–TTG", "33 CT-TTg" → "33cttg"."""
    return re.sub(r"[^a-z0-9]", "", ascii_fold(number).lower())


def spoken_date(day: dt.date) -> str:
    """'ngày 11 tháng 11 năm 2025': as said, without leading zeros."""
    return f"ngày {day.day} tháng {day.month} năm {day.year}"


SHORT = 120  # characters: a name, a timing, a line of a bulletin's frame, kept once said


class Speaker:
    """Turns data text into its spoken form (see the module's docstring)."""

    def __init__(
        self, glossary: Iterable[Abbreviation], documents: Iterable[LegalDocument], agency_names: dict[str, str]
    ):
        self._full = {entry.abbr: " ".join(entry.full.split()) for entry in glossary}
        self._said: dict[str, str] = {}
        pattern = abbreviation_pattern(self._full)
        self._abbr = re.compile(pattern) if pattern else None
        self._issuers = {
            number_key(d.number): " và ".join(agency_names[a] for a in d.issuers if a in agency_names)
            for d in documents
            if d.number
        }

    def number(self, number: str) -> str:
        """A document number alone, spoken: "33/CT-TTg" → "số 33 của Thủ tướng Chính phủ"."""
        return self.say(f"số {number}")

    def say(self, text: str) -> str:
        """`text` as read aloud. The same names and timings recur in every bulletin: a short text is worked out
        once (a task's text, said once, is not kept)."""
        if len(text) > SHORT:
            return self._say(text)
        said = self._said.get(text)
        if said is None:
            said = self._said[text] = self._say(text)
        return said

    def _say(self, text: str) -> str:
        text = _SPACES.sub(" ", text).strip()
        text = _FULL_DATE.sub(lambda m: f"ngày {int(m[1])} tháng {int(m[2])} năm {m[3]}", text)
        text = _NUMBER.sub(lambda m: self._document(m, text), text)
        text = _MONTH_YEAR.sub(lambda m: f"tháng {int(m[1])} năm {m[2]}", text)
        text = _DAY_MONTH.sub(lambda m: f"ngày {int(m[1])} tháng {int(m[2])}", text)
        text = _YEARS.sub(r"\1 đến \2", text)
        text = _LEADING_ZERO.sub(r"\1", text)
        text = text.replace("%", " phần trăm").replace("…", "").replace("/", " hoặc ")
        if self._abbr:
            text = self._abbr.sub(lambda m: self._full[m.group()], text)
        return _SPACES.sub(" ", text).strip()

    def _document(self, m: re.Match, text: str) -> str:
        said = f"số {int(m[1])}" + (f" năm {m[2]}" if m[2] else "")
        issuer = self._issuers.get(number_key(m.group().removeprefix("số").strip()))
        if issuer and not _SAYS_ISSUER.match(text[m.end() :]):
            said += f" của {issuer}"
        return said
