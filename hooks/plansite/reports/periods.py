"""Reporting periods as Nghị định 09/2019/NĐ-CP (chế độ báo cáo) sets them.

The data of a periodic report runs from the 15th of the month before the period to the 14th of
its last month: a 6-month report covers 15/12 of the previous year to 14/6, a yearly report
15/12 of the previous year to 14/12, a quarterly or monthly report likewise. Thematic
(chuyên đề) and ad-hoc (đột xuất) reports have no rule: their files state the range.
"""

from __future__ import annotations

import datetime as dt

PERIOD_KINDS = {
    "thang": "Báo cáo tháng",
    "quy": "Báo cáo quý",
    "6-thang": "Báo cáo 06 tháng",
    "nam": "Báo cáo năm",
    "chuyen-de": "Báo cáo chuyên đề",
    "dot-xuat": "Báo cáo đột xuất",
}
PERIODIC = ("thang", "quy", "6-thang", "nam")
NUMBERED = {"thang": 12, "quy": 4}  # kinds whose period has a number within the year, and its largest value
# A plan's reporting frequency (schema.FREQUENCIES) → the period kind of the reports it asks for.
FREQUENCY_PERIODS = {"hang-thang": "thang", "hang-quy": "quy", "6-thang": "6-thang", "hang-nam": "nam"}


def _fifteenth_after(year: int, month: int) -> dt.date:
    """The 15th of the month before (year, month): where a period ending in that month starts."""
    return dt.date(year - 1, 12, 15) if month == 1 else dt.date(year, month - 1, 15)


def covered(kind: str, year: int, number: int | None = None) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the data a periodic report covers, per Nghị định 09/2019."""
    if kind == "nam":
        return dt.date(year - 1, 12, 15), dt.date(year, 12, 14)
    if kind == "6-thang":
        return dt.date(year - 1, 12, 15), dt.date(year, 6, 14)
    if kind == "quy":
        first_month, last_month = 3 * number - 2, 3 * number
        return _fifteenth_after(year, first_month), dt.date(year, last_month, 14)
    if kind == "thang":
        return _fifteenth_after(year, number), dt.date(year, number, 14)
    raise ValueError(f"no period rule for report kind {kind!r}")


def calendar_span(kind: str, year: int, number: int | None = None) -> tuple[dt.date, dt.date]:
    """(first, last) day of the time a periodic report is named after: the year, its first half, the
    quarter or the month (the data's cut-off, `covered`, starts in the month before)."""
    if kind == "nam":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    first, last = {"6-thang": (1, 6), "quy": (3 * (number or 1) - 2, 3 * (number or 1))}.get(kind, (number, number))
    following = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return dt.date(year, first, 1), following - dt.timedelta(days=1)


def period_slug(kind: str, year: int, number: int | None = None) -> str:
    """The period as its report folder is named: '2026-6-thang', '2025-nam', '2026-quy-2', '2026-thang-3';
    thematic and ad-hoc reports: '2026-chuyen-de', '2026-dot-xuat' (their folder may add '-<words>')."""
    return f"{year}-{kind}" if number is None else f"{year}-{kind}-{number}"


def period_label(kind: str, year: int, number: int | None = None) -> str:
    """'Báo cáo 06 tháng năm 2026', 'Báo cáo quý 2 năm 2026', 'Báo cáo tháng 3 năm 2026'."""
    if kind == "quy":
        return f"Báo cáo quý {number} năm {year}"
    if kind == "thang":
        return f"Báo cáo tháng {number} năm {year}"
    if kind in ("6-thang", "nam"):
        return f"{PERIOD_KINDS[kind]} {year}" if kind == "nam" else f"{PERIOD_KINDS[kind]} năm {year}"
    return f"{PERIOD_KINDS[kind]} năm {year}"


def periods_in_year(kind: str, year: int) -> list[int | None]:
    """The numbers of the periods of `kind` in a year: 1–12 for months, 1–4 for quarters, [None] otherwise."""
    return list(range(1, NUMBERED[kind] + 1)) if kind in NUMBERED else [None]
