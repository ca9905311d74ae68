""" "What changed" (/cap-nhat/): the data's recent changes as a page and an Atom feed, and each file's last change.

The history comes from git (plansite_mkdocs.history: a `History` of commits, or None when the site is
built without the repository); this module only reads it. Each commit that changed data files
becomes one entry: its date, its subject, and what it touched in readers' terms ("Kế hoạch …",
"Báo cáo năm 2025 của Kế hoạch …", "Danh mục cơ quan" …) with the page to open. Pure: no git, no
MkDocs, no clock; the same history gives the same page and the same feed bytes.

Dates are shown in Vietnam's time (UTC+7, no daylight saving): a change committed late in the evening
UTC happened the next morning for the commune.
"""

from __future__ import annotations

import datetime as dt
import html
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from feedgen.feed import FeedGenerator

from ...addresses import (
    AGENCIES_INDEX,
    CHANGES,
    CHANGES_PAGE,
    DOCUMENTS_INDEX,
    FEED,
    GLOSSARY,
    agency_uri,
    page_url,
    plan_uri,
    progress_uri,
    task_uri,
)
from ...data.paths import CONTACTS_DIR, DATA_DIR, PLANS_DIR, REPORTS_DIR, SOURCES_DIR, SUMMARIES_DIR
from ...kinds import PageKind
from ...reports.model import ReportedProject
from ...reports.periods import period_label
from ...text import date_numeric
from ..html.labels import plan_title, task_title
from ..html.markup import heading, link, p, ul, visible
from ..html.page_writer import PageWriter, PageWriters
from ..html.subjects import subject_words
from ..parts.parts import crumbs, front_matter

PAGE_TITLE = "Cập nhật"
LIMIT = 100  # newest changes on the page and in the feed
VIETNAM = dt.timezone(dt.timedelta(hours=7))
NO_ENTRIES_UPDATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # the feed's date when it is empty
DEFAULT_HOST = "plansite.local"  # as in reports.ics: the tag: ids' authority without a site_url
NO_SUBJECT = "Cập nhật dữ liệu"
ACTIONS = {"A": "Thêm", "C": "Thêm", "M": "Sửa", "T": "Sửa", "D": "Xóa", "R": "Đổi tên tệp"}
_NOT_TEXT = ("Cc", "Cs", "Zl", "Zp")  # control characters, lone surrogates, line/paragraph separators


@dataclass(frozen=True)
class Touch:
    """One thing a change touched, for readers: what happened to it, what it is, and the page to open.

    `target` is the page's source path ('ke-hoach/x/index.md'), None when no page shows it (the
    places, a file since deleted); `url` is its address on the site.
    """

    action: str  # "Thêm", "Sửa", "Xóa", "Đổi tên tệp"
    label: str  # "Kế hoạch …", "Báo cáo năm 2025 của Kế hoạch …, do … gửi", "Danh mục cơ quan" …
    target: str | None

    @property
    def url(self) -> str | None:
        return web_url(self.target) if self.target else None


@dataclass(frozen=True)
class ChangeEntry:
    """One commit that changed the data: when (Unix seconds), its subject, and what it touched."""

    sha: str
    timestamp: int
    subject: str
    touches: tuple[Touch, ...]

    @property
    def moment(self) -> dt.datetime:
        """The commit time in Vietnam's time zone."""
        return dt.datetime.fromtimestamp(self.timestamp, VIETNAM)

    @property
    def day(self) -> dt.date:
        return self.moment.date()

    @property
    def title(self) -> str:
        """What changed in readers' words ('Sửa: Kế hoạch …; Thêm: Báo cáo …'). Commit subjects are the
        developers' text, often English: kept in the entry, never shown to readers."""
        return one_line("; ".join(f"{t.action}: {t.label}" for t in self.touches)) or NO_SUBJECT


def web_url(source: str) -> str:
    """The address of a generated page, relative to the site root and quoted (directory URLs: the feed's
    links are for the published site)."""
    return quote(page_url(source), safe="/")


def one_line(text: str) -> str:
    """`text` on one line, without the characters XML refuses or that break a line (commit subjects
    are free text: git keeps whatever bytes were typed)."""
    cleaned = "".join(" " if unicodedata.category(ch) in _NOT_TEXT or ch in "\ufffe\uffff" else ch for ch in text)
    return " ".join(cleaned.split())


# --- what a commit touched -----------------------------------------------------------


@dataclass(frozen=True)
class _Names:
    """The project's records by the file they come from, for describing changed paths."""

    plans_by_file: dict
    plans_by_id: dict
    plans_by_source: dict
    reports_by_file: dict
    agency_names: dict

    @classmethod
    def of(cls, project: ReportedProject) -> _Names:
        return cls(
            {p.origin.file: p for p in project.plans if p.origin},
            {p.id: p for p in project.plans},
            {f"{DATA_DIR}/{SOURCES_DIR}/{p.source_text}": p for p in project.plans if p.source_text},
            {r.origin.file: r for r in project.reports if r.origin},
            {a.id: a.name for a in project.agencies},
        )


def _file_name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _report(path: str, names: _Names) -> tuple[str, str | None]:
    report = names.reports_by_file.get(path)
    if report is not None:
        plan = names.plans_by_id.get(report.plan)
        period = period_label(report.period.kind, report.period.year, report.period.number)
        reporter = names.agency_names.get(report.reporter, report.reporter)
        return (
            f"{period} của {plan_title(plan) if plan else report.plan}, do {reporter} gửi",
            progress_uri(plan) if plan else None,
        )
    parts = path.split("/")  # a report file no longer in the data: plan_data/reports/<plan>/<file>
    plan = names.plans_by_id.get(parts[2]) if len(parts) > 3 else None
    of = plan_title(plan) if plan else (parts[2] if len(parts) > 3 else "")
    return f"Báo cáo (tệp {_file_name(path)})" + (f" của {of}" if of else ""), progress_uri(plan) if plan else None


def describe(path: str, names: _Names) -> tuple[str, str | None]:
    """(label, page source path or None) for a path under plan_data/, in readers' terms."""
    rel = path[len(DATA_DIR) + 1 :].split("/") if path.startswith(DATA_DIR + "/") else [path]
    top = rel[0].removesuffix(".yml").removesuffix(".yaml") if len(rel) == 1 else rel[0]  # .yml read alike
    if top == "places":
        return "Địa bàn", None
    if top == "glossary":
        return "Từ viết tắt", GLOSSARY
    if top == "agencies":
        return "Danh mục cơ quan", AGENCIES_INDEX
    if top == "legal":
        return "Danh mục văn bản", DOCUMENTS_INDEX
    if top == PLANS_DIR:
        plan = names.plans_by_file.get(path)
        return (plan_title(plan), plan_uri(plan)) if plan else (f"Kế hoạch (tệp {_file_name(path)})", None)
    if top == REPORTS_DIR:
        return _report(path, names)
    if top == CONTACTS_DIR:  # the web form's files of one record each (data/records.py)
        agency = _file_name(path).rsplit(".", 1)[0]
        return (
            (f"Thông tin liên hệ của {names.agency_names[agency]}", agency_uri(agency))
            if agency in names.agency_names
            else (f"Thông tin liên hệ (tệp {_file_name(path)})", None)
        )
    if top == SUMMARIES_DIR:
        plan = names.plans_by_id.get(rel[1]) if len(rel) == 3 else None
        task = next((t for t in plan.tasks if t.id == rel[2].rsplit(".", 1)[0]), None) if plan else None
        return (
            (f"Tóm tắt nhiệm vụ {task_title(plan, task)} của {plan_title(plan)}", task_uri(plan, task))
            if task
            else (f"Tóm tắt nhiệm vụ (tệp {'/'.join(rel)})", None)
        )
    if top == SOURCES_DIR:
        plan = names.plans_by_source.get(path)
        return (
            (f"Văn bản gốc của {plan_title(plan)}", plan_uri(plan))
            if plan
            else (f"Văn bản gốc (tệp {_file_name(path)})", None)
        )
    return f"Tệp {'/'.join(rel)}", None


def _touches(files, names: _Names) -> tuple[Touch, ...]:
    touches: dict[Touch, None] = {}  # in git's (path) order, each once: several agencies files are one registry
    for change in files:
        label, target = describe(change.path, names)
        touches[Touch(ACTIONS.get(change.status, "Sửa"), one_line(label), target)] = None
    return tuple(touches)


def change_entries(history, project: ReportedProject, limit: int = LIMIT) -> list[ChangeEntry]:
    """The newest `limit` commits that changed data files, newest first (ties in the history's order),
    each with what it touched; [] without a history (plansite_mkdocs.history.History or None)."""
    if history is None:
        return []
    names = _Names.of(project)
    commits = sorted((c for c in history.commits if c.files), key=lambda c: -c.timestamp)[:limit]
    return [ChangeEntry(c.sha, c.timestamp, c.subject, _touches(c.files, names)) for c in commits]


def last_updated(history, *paths: str) -> dt.date | None:
    """The day (Vietnam's time) of the newest commit that changed any of `paths` ('plan_data/plans/x.yaml',
    its report files …); None without a history or when none of them has a known change."""
    if history is None:
        return None
    stamps = [history.last_changed[p] for p in paths if p in history.last_changed]
    return dt.datetime.fromtimestamp(max(stamps), VIETNAM).date() if stamps else None


# --- the page ----------------------------------------------------------------------------


def _touch_line(touch: Touch, page: PageWriter) -> str:
    action = page.text(touch.action)  # before the label: the order they are read in
    what = link(touch.label, page, touch.target) if touch.target else page.text(touch.label)
    return f"{action}: {what}"


def render_changes_page(
    entries: list[ChangeEntry], history_known: bool, writers: PageWriters, partial: bool = False
) -> str:
    """HTML of "Cập nhật" (CHANGES_PAGE): the entries by day, newest first, each with what it touched and
    links to those pages, and the feed's address.

    `history_known` False (built without the repository's history): a sentence that the dates are not
    known instead of a list. `partial` (a shallow clone): a note that older changes are missing.
    """
    page = writers.page(CHANGES_PAGE)
    out = (
        front_matter(PAGE_TITLE, PageKind.PAGE, subject_words(CHANGES))
        + crumbs(page, here=PAGE_TITLE)
        + heading(page, 1, PAGE_TITLE)
    )
    out += p(
        "Những thay đổi gần đây của dữ liệu trên trang: kế hoạch, báo cáo thực hiện, danh mục cơ quan và "
        "văn bản, mới nhất trước. Ngày là ngày thay đổi được ghi vào kho dữ liệu (giờ Việt Nam). "
        f"Theo dõi bằng {link('nguồn tin Atom', page, FEED)} trong ứng dụng đọc tin."
    )
    if not history_known:
        return out + p(
            "Không rõ ngày cập nhật: trang được dựng từ bản sao dữ liệu không kèm lịch sử thay đổi "
            "của kho (git), nên không liệt kê được các thay đổi."
        )
    if partial:
        out += p("Bản sao kho dùng để dựng trang chỉ có một phần lịch sử, nên các thay đổi cũ hơn không được liệt kê.")
    if not entries:
        return out + p("Chưa có thay đổi nào của dữ liệu được ghi nhận.")
    if len(entries) >= LIMIT:
        out += p(f"Trang hiện {len(entries)} thay đổi gần nhất.")
    days: dict[dt.date, list[str]] = {}
    for entry in entries:  # newest first: so are the days
        days.setdefault(entry.day, []).extend(_touch_line(t, page) for t in entry.touches)
    return out + "".join(heading(page, 2, date_numeric(day)) + ul(lines) for day, lines in days.items())


# --- the feed ----------------------------------------------------------------------------


def _check_site_url(site_url: str | None) -> None:
    if site_url is not None and any(unicodedata.category(ch) == "Cc" or ch.isspace() for ch in site_url):
        raise ValueError(f"site_url must be one URL without spaces or control characters: {site_url!r}")


def _entry_html(entry: ChangeEntry, base: str) -> str:
    items = []
    for touch in entry.touches:
        label = html.escape(one_line(touch.label))
        what = f'<a href="{html.escape(base + touch.url)}">{label}</a>' if touch.target else label
        items.append(f"<li>{html.escape(touch.action)}: {what}</li>")
    return f"<ul>{''.join(items)}</ul>"


def atom_feed(entries: list[ChangeEntry], site_url: str | None, site_name: str) -> bytes:
    """The entries as an Atom feed (FEED), made with feedgen; the same entries give the same bytes.

    Newest first. The feed's `updated` is the newest entry's time (2000-01-01 UTC when there is
    none), never the clock; no <generator> (it would carry feedgen's version). Ids are
    f"tag:<host>,2000:<sha>" (host of `site_url`, or 'plansite.local'), so an entry keeps its id on
    every build. Each entry links to the page of the first thing it touched (else the "Cập nhật"
    page) and lists all of them as HTML; links are absolute with `site_url`, relative to the feed
    (the site root) without. Titles say what changed, in readers' words; xml:lang is vi.
    """
    _check_site_url(site_url)
    base = site_url.rstrip("/") + "/" if site_url else ""
    host = (urlsplit(site_url).hostname if site_url else None) or DEFAULT_HOST
    ordered = sorted(entries, key=lambda e: -e.timestamp)
    name = one_line(site_name)
    feed = FeedGenerator()
    feed.id(f"tag:{host},2000:{FEED}")
    feed.title(f"{name}: {PAGE_TITLE}")
    feed.author(name=name)
    feed.link(href=base + FEED, rel="self", type="application/atom+xml")
    feed.link(href=base + web_url(CHANGES_PAGE), rel="alternate", type="text/html")
    feed.language("vi")
    feed.generator("")  # an empty generator is left out
    feed.updated(ordered[0].moment if ordered else NO_ENTRIES_UPDATED)
    for entry in ordered:
        item = feed.add_entry(order="append")  # feedgen prepends by default
        item.id(f"tag:{host},2000:{entry.sha}")
        item.title(visible(entry.title))  # bidi controls shown, as on the page
        item.updated(entry.moment)  # replaces the clock time feedgen sets on a new entry
        first = next((t.url for t in entry.touches if t.target), web_url(CHANGES_PAGE))
        item.link(href=base + first, rel="alternate", type="text/html")
        item.content(_entry_html(entry, base), type="html")
    return feed.atom_str(pretty=True)
