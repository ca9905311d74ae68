"""The iCalendar feeds of the reporting calendar (reports/ics.py): parsed back with icalendar itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from conftest import load_project  # noqa: E402
from plansite.reports.calendar import STATES, DueReport, due_reports  # noqa: E402
from plansite.reports.ics import calendar_files  # noqa: E402
from plansite.reports.model import Report, ReportPeriod  # noqa: E402

TODAY = dt.date(2026, 7, 1)
SITE_URL = "https://ke-sat.example.vn/ke-hoach-xa/"


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def names(project):
    return {a.id: a.name for a in project.agencies}, {p.id: p.title for p in project.plans}


@pytest.fixture(scope="module")
def due(project):
    """The real plan's due reports, plus a small fixture the seed data lacks: a deadline and a received report."""
    real = due_reports(project, TODAY)
    assert real, "the seed plan calls for reports"
    first = real[0]
    with_deadline = dataclasses.replace(
        first,
        kind="quy",
        year=2026,
        number=2,
        start=dt.date(2026, 3, 15),
        end=dt.date(2026, 6, 14),
        due=dt.date(2026, 6, 24),
    )
    received = dataclasses.replace(
        first,
        kind="quy",
        year=2026,
        number=1,
        start=dt.date(2025, 12, 15),
        end=dt.date(2026, 3, 14),
        due=dt.date(2026, 3, 24),
        received=Report(first.plan, ReportPeriod("quy", 2026, 1), first.reporter, dt.date(2026, 3, 20)),
    )
    return real + [with_deadline, received]


def files_for(due, names, today=TODAY, site_url=SITE_URL):
    agency_names, plan_titles = names
    return calendar_files(due, agency_names, plan_titles, today, site_url)


def events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def test_files_and_event_counts(due, names):
    files = files_for(due, names)
    agencies = sorted({d.reporter for d in due} | {r for d in due for r in d.recipients})
    assert len(agencies) > 1
    assert sorted(files) == sorted(["lich-bao-cao.ics"] + [f"lich-bao-cao/{a}.ics" for a in agencies])
    assert len(events(files["lich-bao-cao.ics"])) == len(due) > 0
    for agency in agencies:
        mine = [d for d in due if d.reporter == agency or agency in d.recipients]
        assert len(events(files[f"lich-bao-cao/{agency}.ics"])) == len(mine) > 0, agency


def test_calendar_properties(due, names, project):
    files = files_for(due, names)
    agency_names, _ = names
    for path, data in files.items():
        cal = Calendar.from_ical(data)
        assert str(cal["VERSION"]) == "2.0" and str(cal["CALSCALE"]) == "GREGORIAN" and str(cal["PRODID"])
        name = str(cal["X-WR-CALNAME"])
        assert name.startswith("Lịch báo cáo")
        if path != "lich-bao-cao.ics":
            assert agency_names[path.removeprefix("lich-bao-cao/").removesuffix(".ics")] in name
    plan = project.plans[0].id
    urls = {str(e["URL"]) for e in events(files["lich-bao-cao.ics"])}
    assert f"https://ke-sat.example.vn/ke-hoach-xa/ke-hoach/{plan}/" in urls
    without_url = files_for(due, names, site_url=None)["lich-bao-cao.ics"]
    assert len(events(without_url)) > 0 and all("URL" not in e for e in events(without_url))


def test_uids_unique_and_stable(due, names):
    first, second = files_for(due, names), files_for(list(reversed(due)), names)
    uids = [str(e["UID"]) for e in events(first["lich-bao-cao.ics"])]
    assert len(uids) == len(due) > 0
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in events(second["lich-bao-cao.ics"])]
    assert {f"{d.uid}@ke-sat.example.vn" for d in due} == set(uids)
    no_site = events(files_for(due, names, site_url=None)["lich-bao-cao.ics"])
    assert len(no_site) > 0 and all(str(e["UID"]).endswith("@plansite.local") for e in no_site)


def test_events_are_all_day_on_due_or_end(due, names):
    agency_names, plan_titles = names
    parsed = events(files_for(due, names)["lich-bao-cao.ics"])
    by_uid = {f"{d.uid}@ke-sat.example.vn": d for d in due}
    assert len(parsed) > 0
    days = []
    for event in parsed:
        d = by_uid[str(event["UID"])]
        start = event.decoded("DTSTART")
        assert type(start) is dt.date  # a date, not a datetime: all-day
        assert start == (d.due or d.end)
        days.append(start)
        summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
        assert summary.startswith(d.label) and agency_names[d.reporter] in summary
        assert all(agency_names[r] in summary for r in d.recipients)
        assert plan_titles[d.plan] in description
        assert f"Số liệu từ {d.start:%d/%m/%Y} đến {d.end:%d/%m/%Y}" in description
        assert STATES[d.state(TODAY)] in description
        if d.due:
            assert f"Hạn gửi: {d.due:%d/%m/%Y}" in description
        else:
            assert "Kế hoạch không quy định hạn gửi" in description
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 7, 1, tzinfo=dt.UTC)
    assert days == sorted(days)
    descriptions = [str(e["DESCRIPTION"]) for e in parsed]
    assert any("Hạn gửi: 24/06/2026" in text and "Quá hạn" in text for text in descriptions)
    assert any("Đã nhận" in text for text in descriptions)
    assert any("Kế hoạch không quy định hạn gửi" in text for text in descriptions)


def test_output_is_deterministic(due, names):
    first, second = files_for(due, names), files_for(list(reversed(due)), names)
    assert len(first) > 1 and first == second
    undated = files_for(due, names, today=None)["lich-bao-cao.ics"]
    assert b"DTSTAMP:20000101T000000Z" in undated
    assert undated == files_for(due, names, today=None)["lich-bao-cao.ics"]


def test_rfc5545_line_endings_and_folding(due, names):
    files = files_for(due, names)
    assert len(files) > 1
    for path, data in files.items():
        assert data.endswith(b"\r\n"), path
        assert b"\n" not in data.replace(b"\r\n", b""), path  # no bare LF
        assert b"\r" not in data.replace(b"\r\n", b""), path  # no bare CR
        lines = data.split(b"\r\n")[:-1]
        assert max(len(line) for line in lines) <= 75, path
        assert any(line.startswith(b" ") for line in lines), "long Vietnamese lines are folded"


HOSTILE = '<script>alert("x")</script>, Ban; Tổ "A"\\'


def hostile_report() -> DueReport:
    return DueReport(
        plan="ke-hoach-thu",
        item="1",
        duty=0,
        reporter="to-lap",
        recipients=("ubnd-xa", "hoi-dong"),
        kind="6-thang",
        year=2026,
        number=None,
        start=dt.date(2025, 12, 15),
        end=dt.date(2026, 6, 14),
        due=None,
        received=None,
    )


def test_hostile_names_round_trip(names):
    d = hostile_report()
    agency_names = {"to-lap": HOSTILE, "ubnd-xa": "UBND; xã, Kẻ Sặt", "hoi-dong": "Hội đồng"}
    files = calendar_files([d], agency_names, {"ke-hoach-thu": f"Kế hoạch {HOSTILE}"}, TODAY, None)
    assert sorted(files) == [
        "lich-bao-cao.ics",
        "lich-bao-cao/hoi-dong.ics",
        "lich-bao-cao/to-lap.ics",
        "lich-bao-cao/ubnd-xa.ics",
    ]
    for path, data in files.items():
        (event,) = events(data)
        summary = str(event["SUMMARY"])
        assert summary == f"Báo cáo 06 tháng năm 2026: {HOSTILE} gửi UBND; xã, Kẻ Sặt, Hội đồng", path
        assert f"Kế hoạch: Kế hoạch {HOSTILE}" in str(event["DESCRIPTION"])
        raw_lines = data.split(b"\r\n")
        assert sum(line.startswith(b"BEGIN:VEVENT") for line in raw_lines) == 1
    assert HOSTILE in str(Calendar.from_ical(files["lich-bao-cao/to-lap.ics"])["X-WR-CALNAME"])


def test_line_breaks_in_names_cannot_inject_lines():
    d = hostile_report()
    injection = "Tổ\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:giả\rUID:x\u2028DTSTART:19000101"
    agency_names = {"to-lap": injection, "ubnd-xa": "UBND xã", "hoi-dong": "Hội đồng"}
    files = calendar_files([d], agency_names, {"ke-hoach-thu": injection}, TODAY, "https://a.example/")
    assert len(files) == 4
    for data in files.values():
        raw_lines = data.split(b"\r\n")
        assert sum(line.startswith(b"BEGIN:VEVENT") for line in raw_lines) == 1
        assert sum(line.startswith(b"UID") for line in raw_lines) == 1
        (event,) = events(data)
        assert "\n" not in str(event["SUMMARY"]) and "\r" not in str(event["SUMMARY"])
        assert "END:VEVENT BEGIN:VEVENT SUMMARY:giả UID:x DTSTART:19000101" in str(event["SUMMARY"])


def test_site_url_with_line_break_is_refused():
    with pytest.raises(ValueError):
        calendar_files([hostile_report()], {}, {}, TODAY, "https://a.example/\r\nBEGIN:VEVENT")


def test_two_duties_asking_one_body_for_one_period_have_distinct_uids():
    d = hostile_report()
    for twin in (dataclasses.replace(d, item="2"), dataclasses.replace(d, duty=d.duty + 1)):
        parsed = events(calendar_files([d, twin], {}, {}, TODAY, None)["lich-bao-cao.ics"])
        uids = [str(e["UID"]) for e in parsed]
        assert len(uids) == 2 and len(set(uids)) == 2
