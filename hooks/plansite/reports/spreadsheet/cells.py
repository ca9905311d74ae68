"""Reading one cell as staff type it in Excel: a status in their own words, a number with the
Vietnamese decimal comma, a date dd/mm/yyyy, a list of items separated by ';'; and keeping Excel from
running a cell as a formula (OWASP "CSV injection"), undone on import. The rules, as staff are told
them, are in layout.py. A refused value raises ValueError(message, hint) or returns them, never prints.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from ...i18n import _, named
from ...text import ascii_fold, nfc
from ..schema import STATUSES
from .layout import OUTPUT_SEPARATOR

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what Excel reads as the start of a formula
DROPPABLE = ("da", "dang")  # 'đã', 'đang': leaving them out keeps the meaning
NEGATIONS = ("chua", "khong")  # 'chưa', 'không': leaving them out says the opposite


# ------------------------------------------------------------------------------------ text of a cell


def neutralise(value: str) -> str:
    """A cell Excel will not run as a formula: a leading =, +, -, @, tab or CR gets a single quote."""
    return "'" + value if value.startswith(FORMULA_START) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise`: drop a single quote that precedes =, +, -, @, tab or CR."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def cell_text(row: list[str], index: int | None) -> str:
    """The text of a cell as typed: no formula quote, '\\n' line ends, no surrounding space;
    '' for a column the file does not have (index None) or a row too short to reach it."""
    if index is None or index >= len(row):
        return ""
    return unneutralise(row[index].replace("\r\n", "\n").replace("\r", "\n")).strip()


def match_key(text: str) -> str:
    """Comparison key for labels and headers: letters and digits only, no case, no diacritics."""
    return " ".join(re.findall(r"[a-z0-9]+", ascii_fold(nfc(text))))


def split_items(text: str) -> list[str]:
    """The items of a cell holding several, separated by ';': '3;450' → ['3', '450']; '' → []."""
    items = [part.strip() for part in text.split(OUTPUT_SEPARATOR)] if text else []
    # A trailing ';' ('3;450;') is a slip, not an empty item.
    return items[:-1] if len(items) > 1 and items[-1] == "" else items


# ------------------------------------------------------------------------------------------- status


def _status_key(text: str) -> str:
    """Comparison key for statuses: no case, diacritics, '-', '_' or extra spaces."""
    return " ".join(re.sub(r"[-_]", " ", ascii_fold(nfc(text))).split()).strip(" .,;:")


def _status_forms() -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """(accepted folded form → code, ambiguous short form → the codes whose labels contain it,
    label without its negation → code)."""
    forms = {}
    for code, label in STATUSES.items():
        forms[_status_key(code)] = code
        forms[_status_key(label)] = code
    ambiguous: dict[str, list[str]] = {}
    negated: dict[str, str] = {}
    for code, label in STATUSES.items():
        first, _space, rest = _status_key(label).partition(" ")
        if not rest or rest in forms:
            continue
        if first in NEGATIONS:
            negated[rest] = code
            continue
        if first not in DROPPABLE:
            continue
        inside = [
            other
            for other, other_label in STATUSES.items()
            if other != code and f" {rest} " in f" {_status_key(other_label)} "
        ]
        if inside:
            ambiguous[rest] = [code] + inside
        else:
            forms[rest] = code
    return forms, ambiguous, {k: v for k, v in negated.items() if k not in forms and k not in ambiguous}


STATUS_FORMS, AMBIGUOUS_STATUS, NEGATED_STATUS = _status_forms()


def parse_status(text: str) -> tuple[str | None, str, str]:
    """(code, '', '') for a status as people type it, or (None, message, hint)."""
    folded = _status_key(text)
    if folded in STATUS_FORMS:
        return STATUS_FORMS[folded], "", ""
    labels = ", ".join(f"'{label}'" for label in STATUSES.values())
    message = _("Expected one of {labels} (or the codes {codes}) but received '{text}'.").format(
        labels=labels, codes=", ".join(STATUSES), text=text
    )
    if folded in AMBIGUOUS_STATUS:
        options = _(" or ").join(f"'{STATUSES[c]}'" for c in AMBIGUOUS_STATUS[folded])
        return (
            None,
            message,
            _("'{text}' alone could be {options}; write the whole label.").format(text=text, options=options),
        )
    if folded in NEGATED_STATUS:
        label = STATUSES[NEGATED_STATUS[folded]]
        return (
            None,
            message,
            _(
                "'{text}' without '{word}' says the opposite of '{label}'; write '{label}' if that "
                "is meant, else e.g. 'Đang thực hiện' or 'Đã hoàn thành'."
            ).format(text=text, word=label.split()[0], label=label),
        )
    close = difflib.get_close_matches(folded, list(STATUS_FORMS), n=1, cutoff=0.6)
    if close:
        code = STATUS_FORMS[close[0]]
        return None, message, _("did you mean {status}?").format(status=named(code, STATUSES[code]))
    return None, message, _("write one of the labels above, e.g. 'Đang thực hiện'.")


# ---------------------------------------------------------------------------------- numbers, dates


def parse_number(text: str, percentage: bool = False) -> float | int:
    """A number as typed in Vietnam: '2,5' → 2.5, '1.200.000' → 1200000; ValueError(message, hint), which
    asks for a percentage when the cell holds one."""
    t = re.sub(r"[\s\u00a0\u202f]", "", text)
    negative = t.startswith("-")
    body = t[1:] if negative else t
    if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}(,\d+)?|\d{1,3}(\.\d{3})+,\d+", body):
        value = body.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+[.,]\d{3}", body):
        whole, frac = re.split(r"[.,]", body)
        message = (
            _(
                "Expected a percentage but received '{text}', which could mean {thousands} (with a thousands "
                "separator) or {decimal} (a decimal)."
            )
            if percentage
            else _(
                "Expected a number but received '{text}', which could mean {thousands} (with a thousands separator) "
                "or {decimal} (a decimal)."
            )
        )
        raise ValueError(
            message.format(text=text, thousands=whole + frac, decimal=f"{whole}.{frac}"),
            _("write {thousands} (without a separator) for the whole number, or {decimal} for a decimal.").format(
                thousands=whole + frac, decimal=f"{whole},{frac.rstrip('0') or '0'}"
            ),
        )
    elif re.fullmatch(r"\d+([.,]\d+)?", body):
        value = body.replace(",", ".")
    else:
        message = (
            _("Expected a percentage such as 3 or 2,5 but received '{text}'.")
            if percentage
            else _("Expected a number such as 3 or 2,5 but received '{text}'.")
        )
        raise ValueError(
            message.format(text=text), _("write digits only, with ',' for a decimal (2,5); no words or units.")
        )
    number = float(value) * (-1 if negative else 1)
    return int(number) if number.is_integer() else number


def parse_date(text: str) -> dt.date:
    """dd/mm/yyyy (or d/m/yyyy, or yyyy-mm-dd) → date; ValueError(message, hint)."""
    t = text.strip()
    dmy = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if dmy or iso:
        day, month, year = (int(g) for g in dmy.groups()) if dmy else (int(g) for g in reversed(iso.groups()))
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(
                _("Expected a date that exists but received '{text}'.").format(text=text),
                _("check the day and the month (dd/mm/yyyy: day first)."),
            ) from None
    hint = (
        _("write the year with four digits, e.g. 30/06/2026.")
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2}", t)
        else _("for 30 June 2026 write 30/06/2026.")
    )
    raise ValueError(_("Expected a date written dd/mm/yyyy but received '{text}'.").format(text=text), hint)
