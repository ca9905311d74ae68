"""The reporting calendar as iCalendar (RFC 5545) feeds: one for the whole site, one per agency.

Built with the `icalendar` library, which escapes TEXT values and folds lines; nothing here writes
ICS text by hand. Each event is serialised once and its lines put in every calendar that lists it (the
site's and those of its reporter and recipients): a calendar's text is its own lines around its events'
(RFC 5545 folds line by line). Pure: no MkDocs, no files, no clock, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import quote, urlsplit

from icalendar import Calendar, Event

from ..addresses import CALENDAR_FEED, agency_feed, page_url, plan_page_uri
from .calendar import STATES, DueReport

CALENDAR_NAME = "Lịch báo cáo thực hiện kế hoạch"
PRODID = "-//plansite//Lich bao cao//VI"
DEFAULT_HOST = "plansite.local"
# RFC 5545 requires DTSTAMP on every VEVENT (when the object was created). The wall clock would make
# every build differ, so it is the build's "today" (the date the states are computed for) at midnight
# UTC, or this fixed instant when there is no today.
NO_TODAY_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # schema's id pattern: agency ids become file names


def _one_line(text: str) -> str:
    """A name or title as one line: control characters and line/paragraph separators become spaces.

    The data's one-line fields already refuse them, and icalendar escapes CR and LF anyway; this
    keeps a SUMMARY on one line even for data that bypassed the schema.
    """
    cleaned = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    return " ".join(cleaned.split())


def _date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _name(agency_names: dict[str, str], agency: str) -> str:
    return _one_line(agency_names.get(agency, agency))


def _host(site_url: str | None) -> str:
    return (urlsplit(site_url).hostname if site_url else None) or DEFAULT_HOST


def _check_site_url(site_url: str | None) -> None:
    if site_url is not None and any(unicodedata.category(ch) == "Cc" or ch.isspace() for ch in site_url):
        raise ValueError(f"site_url must be one URL without spaces or control characters: {site_url!r}")


def _event_day(d: DueReport) -> dt.date:
    """The day of the event: the due date when the plan sets one, else the last day of the data."""
    return d.due or d.end


def _order(d: DueReport) -> tuple:
    """A total order on due reports (calendar.due_reports' own order leaves ties)."""
    return (_event_day(d), d.plan, d.reporter, d.kind, d.year, d.number or 0, d.item, d.duty)


def _description(d: DueReport, plan_title: str, today: dt.date | None) -> str:
    lines = [f"Kế hoạch: {plan_title}", f"Số liệu từ {_date(d.start)} đến {_date(d.end)}"]
    if d.due:
        lines.append(f"Hạn gửi: {_date(d.due)} (ngày trên lịch)")
    else:
        lines += [
            "Kế hoạch không quy định hạn gửi",
            f"Ngày trên lịch là ngày cuối của số liệu ({_date(d.end)}), từ đó có thể lập báo cáo",
        ]
    state = STATES[d.state(today)]
    if d.received:
        state += f", ngày {_date(d.received.submitted_on)}"
    lines.append(f"Tình trạng (đến ngày {_date(today)}): {state}" if today else f"Tình trạng: {state}")
    return "\n".join(lines)


def _event(
    d: DueReport,
    uid: str,
    stamp: dt.datetime,
    agency_names: dict[str, str],
    plan_titles: dict[str, str],
    today: dt.date | None,
    site_url: str | None,
) -> Event:
    day = _event_day(d)
    recipients = ", ".join(_name(agency_names, r) for r in d.recipients)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)  # a date: an all-day event
    event.add("dtend", day + dt.timedelta(days=1))  # exclusive; explicit for clients that need it
    event.add("transp", "TRANSPARENT")  # a deadline, not time taken
    event.add("summary", f"{d.label}: {_name(agency_names, d.reporter)} gửi {recipients}")
    event.add("description", _description(d, _one_line(plan_titles.get(d.plan, d.plan)), today))
    if site_url:
        event.add("url", f"{site_url.rstrip('/')}/{quote(page_url(plan_page_uri(d.plan)), safe='/')}")
    return event


_END = b"END:VCALENDAR\r\n"


def _calendar(name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR of the serialised `events` (each a VEVENT's lines, as Event.to_ical writes them)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    empty = cal.to_ical()
    if not empty.endswith(_END):
        raise AssertionError(f"icalendar wrote a calendar that does not end in {_END!r}")
    return empty[: -len(_END)] + b"".join(events) + _END


def calendar_files(
    due: list[DueReport],
    agency_names: dict[str, str],
    plan_titles: dict[str, str],
    today: dt.date | None,
    site_url: str | None,
) -> dict[str, bytes]:
    """The reporting calendar as iCalendar files: {path relative to the site: bytes}.

    "lich-bao-cao.ics" holds every due report; "lich-bao-cao/<agency-id>.ics" those of one agency,
    for every agency that sends or receives a report. Each due report is one all-day VEVENT on its
    due date, or, where the plan sets no deadline, on the last day of its data (the description
    says which), with the plan's title, the period of data, the deadline and the state as of
    `today` (calendar.STATES). UID f"{d.uid}@<host of site_url or 'plansite.local'>"; DTSTAMP is
    `today` at midnight UTC (2000-01-01 when None), never the clock; with `site_url` each event
    links to its plan's page. Names missing from `agency_names`/`plan_titles` show as their ids.
    Events are sorted by day, plan, reporter and period, so equal input gives identical bytes.
    """
    _check_site_url(site_url)
    stamp = dt.datetime.combine(today, dt.time(0), dt.UTC) if today else NO_TODAY_STAMP
    ordered = sorted(due, key=_order)
    host = _host(site_url)
    events = [
        _event(d, f"{d.uid}@{host}", stamp, agency_names, plan_titles, today, site_url).to_ical() for d in ordered
    ]

    files = {CALENDAR_FEED: _calendar(CALENDAR_NAME, events)}
    by_agency: dict[str, list[bytes]] = {}  # in the events' order; one pass, not one per agency
    for d, event in zip(ordered, events):
        for agency in dict.fromkeys((d.reporter, *d.recipients)):
            by_agency.setdefault(agency, []).append(event)
    for agency in sorted(by_agency):
        if not _ID.fullmatch(agency):
            raise ValueError(f"agency id {agency!r} cannot be a file name")
        files[agency_feed(agency)] = _calendar(f"{CALENDAR_NAME}: {_name(agency_names, agency)}", by_agency[agency])
    return files
