"""Document numbers as staff type them: "33/CT-TTg", "CT-TTg 33", "ct33", "33ct", "qd217", "kh 294",
"chi thi 33 2019" (the year misremembered), "33/ct ttg" (the issuer anywhere).

A page named by a number (a legal document, a plan) gets number keys, marked with NUMBER_MARK so no word
or prefix ever matches them:

- the whole number, its folded words sorted and joined: '128/KH-UBND', 'KH-UBND 128' and '128 kh ubnd'
  all give '~128khubnd' (FULL);
- the number with each of its letter parts ('~128kh', '~128ubnd') and with the words of the page's title
  before the number, joined ('Chỉ thị 33/CT-TTg' → '~33chithi') (PART).

The number is the number's first run of digits; a part mixing letters and digits ('QH15', or 'ct33' typed)
is read as its runs too. The browser builds the same keys from a query (plan-search.js `numberKeys`):
the whole query's words sorted, and each run of digits with each run of letters and each two adjacent
runs of letters joined. A page whose number key a query holds comes before every other page, whatever
else the query holds (a wrong year is then only a word the page lacks).
"""

from __future__ import annotations

import re

from .tokenize import tokens

NUMBER_MARK = "~"
FULL, PART = 2, 1  # how strongly a key names its page: the whole number, or its number and one part
_RUNS = re.compile(r"\d+|[^\d]+")


def number_key(number: str) -> str:
    """One key for a document number written any way: its folded words, sorted, joined, marked."""
    return NUMBER_MARK + "".join(sorted(folded for folded, _ in tokens(number)))


def _runs(folded: list[str]) -> list[str]:
    """Each word, and each run of digits or letters of a word mixing them ('qh15' → 'qh15', 'qh', '15')."""
    out = []
    for word in folded:
        out.append(word)
        runs = _RUNS.findall(word)
        if len(runs) > 1:
            out.extend(runs)
    return out


def number_keys(number: str, title: str = "") -> dict[str, int]:
    """key → FULL or PART for the page named `number`, titled `title` (see the module docstring)."""
    parts = [folded for folded, _ in tokens(number)]
    out = {number_key(number): FULL} if parts else {}
    runs = _runs(parts)
    digits = next((r for r in runs if r.isdigit()), None)
    if digits is None:
        return out
    for run in runs:
        if not run.isdigit() and not any(c.isdigit() for c in run):
            out.setdefault(NUMBER_MARK + digits + run, PART)
    title_words = [folded for folded, _ in tokens(title)]
    if parts and title_words:
        for at in range(len(title_words) - len(parts) + 1):
            if title_words[at : at + len(parts)] == parts:
                if at:
                    out.setdefault(NUMBER_MARK + digits + "".join(title_words[:at]), PART)
                break
    return out
