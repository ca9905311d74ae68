"""Loudspeaker bulletins (bản tin phát thanh): one per plan, one per task, one per reporting period with
reports; each about a minute read aloud, built from the data and the editors' summaries only.

Every sentence is made of fields of the data (title, issuer, date, tasks, agencies, timing, summaries, what a
report says) joined by fixed words; `spoken.Speaker` then writes it as it is said. A text that would run
past a minute is cut at a sentence, never rewritten. Example reports (the demo) say so in the first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...addresses import PLAN_BULLETIN, task_bulletin_name
from ...data.model import Plan, Task
from ...reports.model import Report
from ...reports.periods import period_label
from ...reports.status import NO_REPORT, STATUS_LABELS, Progress
from ...text import slugify
from ..html.labels import task_number
from ..index.relations import Names
from ..parts.chat_message import timing_words
from .spoken import Speaker, spoken_date

WORDS_PER_MINUTE = 220  # a news reader's steady pace: one Vietnamese word is one syllable
MAX_WORDS = 260  # about a minute (70 seconds at most)
EXAMPLE = "Lưu ý: đây là dữ liệu minh họa, không phải báo cáo thật."
_SENTENCES = re.compile(r"(?<=[.;!?])\s+")
STATUS_ORDER = {status: n for n, status in enumerate(STATUS_LABELS)}  # the vocabulary's order, for sorting


@dataclass(frozen=True)
class Bulletin:
    """One bulletin: its file name (without .txt), its title and its paragraphs, all as spoken."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join((self.title, *self.paragraphs)) + "\n"

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def seconds(self) -> int:
        return round(self.words * 60 / WORDS_PER_MINUTE)


def _years(plan: Plan) -> str:
    """' giai đoạn 2025-2030', ' từ năm 2013', or nothing: the plan's years as its data gives them."""
    if not plan.period:
        return ""
    return f" giai đoạn {plan.period.start}-{plan.period.end}" if plan.period.end else f" từ năm {plan.period.start}"


def _plan_name(plan: Plan, names: Names) -> str:
    """'Kế hoạch số 294/KH-UBND <title>, do <issuer> ban hành ngày 11/11/2025' (what the data has)."""
    number = f" số {plan.number}" if plan.number else ""
    issued = f" {spoken_date(plan.issued_on)}" if plan.issued_on else ""
    return (
        f"{plan.document_type.capitalize()}{number} {plan.title}, do {names.agency_name(plan.issuer)} ban hành{issued}"
    )


def _cut(text: str, words: int) -> str:
    """`text` up to the last whole sentence within `words` words; a first sentence longer than that, up to
    its last whole clause (between commas) within them, ended with a full stop."""
    kept: list[str] = []
    for sentence in _SENTENCES.split(" ".join(text.split())):
        if kept and len(" ".join(kept + [sentence]).split()) > words:
            break
        kept.append(sentence)
    if len(kept) > 1 or len(kept[0].split()) <= words:
        return " ".join(kept)
    clauses = kept[0].split(", ")
    while len(clauses) > 1 and len(", ".join(clauses).split()) > words:
        clauses.pop()
    return ", ".join(clauses).rstrip(".,;:") + "."


def _feedback(plan: Plan, names: Names) -> list[str]:
    """Where citizens send their views, with the contacts the data has (none is said to be missing)."""
    if not (plan.feedback and plan.feedback.agencies):
        return []
    offices = []
    for agency_id in plan.feedback.agencies:
        agency = names.agencies[agency_id]
        contacts = [
            f"địa chỉ {agency.address}" if agency.address else "",
            f"điện thoại {agency.phone}" if agency.phone else "",
        ]
        offices.append(agency.name + "".join(f", {c}" for c in contacts if c))
    return [f"Ý kiến góp ý, phản ánh của người dân xin gửi về {'; '.join(offices)}."]


def _fit(speaker: Speaker, slug: str, title: str, paragraphs: list[str], long: int) -> Bulletin:
    """The bulletin as spoken; paragraph `long` (the one from free text) cut at a sentence to fit a minute."""
    spoken = [speaker.say(p) for p in paragraphs if p]
    spoken_title = speaker.say(title)
    others = sum(len(p.split()) for i, p in enumerate(spoken) if i != long) + len(spoken_title.split())
    if 0 <= long < len(spoken):
        spoken[long] = _cut(spoken[long], max(MAX_WORDS - others, 25))
    return Bulletin(slug, spoken_title, tuple(spoken))


def plan_bulletin(plan: Plan, names: Names, progress: Progress, speaker: Speaker) -> Bulletin:
    leads = sorted({a for t in plan.tasks if t.lead for a in t.lead.agencies}, key=names.agency_name)
    period = _years(plan)
    headings = [f"{s.heading}" for s in plan.content.sections if s.heading]
    results = _progress(plan, progress)
    paragraphs = [
        EXAMPLE if results and progress.has_examples else "",
        f"{_plan_name(plan, names)}.",
        f"Kế hoạch có {len(plan.tasks)} nhiệm vụ{period}"
        + (f", gồm các nội dung: {'; '.join(headings)}." if headings else "."),
        f"Cơ quan thực hiện: {names.agency_names(leads)}." if leads else "",
        results,
        *_feedback(plan, names),
    ]
    return _fit(
        speaker, PLAN_BULLETIN, "Bản tin giới thiệu kế hoạch", [p for p in paragraphs if p], 1 + bool(paragraphs[0])
    )


def _progress(plan: Plan, progress: Progress) -> str:
    dates = [d for t in plan.tasks if (d := progress.as_of(plan, t.id))]
    if not dates:
        return ""
    counts = progress.counts(plan, [t.id for t in plan.tasks])
    said = ", ".join(f"{n} nhiệm vụ {STATUS_LABELS[s].lower()}" for s, n in counts.items() if n and s != NO_REPORT)
    return f"Theo các báo cáo đã nhận, số liệu tính đến {spoken_date(max(dates))}: {said}."


def task_bulletin_slug(task: Task) -> str:
    return slugify(task_bulletin_name(task.id))


def task_bulletin(plan: Plan, task: Task, names: Names, progress: Progress, speaker: Speaker) -> Bulletin:
    number = task_number(plan, task)
    period = _years(plan)
    paragraphs = [
        f"Theo {plan.document_type.lower()} của {names.agency_name(plan.issuer)}{period}, nhiệm vụ {number} "
        f"là: {task.summary or task.text}"
    ]
    if task.lead and task.lead.agencies:
        paragraphs.append(f"Cơ quan thực hiện: {names.agency_names(task.lead.agencies)}.")
    if task.coordinating and task.coordinating.agencies:
        paragraphs.append(f"Cơ quan phối hợp: {names.agency_names(task.coordinating.agencies)}.")
    if task.timing:
        paragraphs.append(f"Thời gian thực hiện: {timing_words(task).lower()}.")
    entries = progress.timeline(plan, task.id)
    long = 0  # the task's text is cut only when there is no report (whose words are cut first)
    if entries:
        newest = entries[0]
        start, end = newest.report.covered
        paragraphs.insert(0, EXAMPLE if newest.report.example else "")
        long = len(paragraphs)
        paragraphs.append(
            f"Theo {_period_words(newest.report)} của {names.agency_name(newest.report.reporter)}, "
            f"số liệu từ {spoken_date(start)} đến {spoken_date(end)}, nhiệm vụ "
            f"{STATUS_LABELS[newest.task.status].lower()}."
            + (f" Kết quả: {newest.task.done}" if newest.task.done else "")
        )
    paragraphs += _feedback(plan, names)
    long -= paragraphs[:long].count("")  # _fit drops empty paragraphs
    return _fit(speaker, task_bulletin_slug(task), f"Bản tin về nhiệm vụ {number}", paragraphs, long)


def _period_words(report: Report) -> str:
    return period_label(report.period.kind, report.period.year, report.period.number).replace("Báo cáo", "báo cáo", 1)


def period_bulletin(plan: Plan, reports: list[Report], names: Names, speaker: Speaker) -> Bulletin:
    """The results of one reporting period: how many tasks stand where, and what was done (first reports first)."""
    first = reports[0]
    label = period_label(first.period.kind, first.period.year, first.period.number)
    start, end = first.covered
    entries = {e.task: e for r in reports for e in r.tasks}  # a later reporter's word on a task wins
    numbers = plan.task_numbers
    order = {task_id: n for n, task_id in enumerate(numbers)}  # the plan's order, looked up in a dict
    statuses: dict[str, int] = {}
    for entry in entries.values():
        statuses[entry.status] = statuses.get(entry.status, 0) + 1
    said = ", ".join(
        f"{n} nhiệm vụ {STATUS_LABELS[s].lower()}"
        for s, n in sorted(statuses.items(), key=lambda item: STATUS_ORDER[item[0]])
    )
    done = " ".join(
        f"Nhiệm vụ {numbers[t]}: {e.done.rstrip('.')}."
        for t, e in sorted(entries.items(), key=lambda item: order[item[0]])
        if e.done and t in numbers
    )
    paragraphs = [
        EXAMPLE if any(r.example for r in reports) else "",
        f"Kết quả thực hiện {_plan_name(plan, names)}, {label.lower()}, số liệu từ {spoken_date(start)} "
        f"đến {spoken_date(end)}.",
        f"Các cơ quan đã báo cáo về {len(entries)} trong {len(plan.tasks)} nhiệm vụ: {said}.",
        f"Một số kết quả. {done}" if done else "",
    ]
    paragraphs = [p for p in paragraphs if p]
    return _fit(
        speaker,
        slugify(label),
        f"Bản tin {label.lower()}",
        paragraphs + _feedback(plan, names),
        paragraphs.index(f"Một số kết quả. {done}") if done else -1,
    )


def plan_bulletins(plan: Plan, names: Names, progress: Progress, speaker: Speaker) -> list[Bulletin]:
    """The plan's, then each reporting period's (newest first), then each task's, in the plan's order."""
    periods: dict[tuple, dict[str, Report]] = {}  # period → each report once, by its file
    for entries in (progress.timeline(plan, t.id) for t in plan.tasks):
        for entry in entries:
            key = (
                entry.report.covered[1],
                entry.report.period.kind,
                entry.report.period.year,
                entry.report.period.number,
            )
            periods.setdefault(key, {}).setdefault(entry.report.origin.file, entry.report)
    by_period = [
        sorted(reports.values(), key=lambda r: (r.submitted_on, r.reporter))
        for _, reports in sorted(periods.items(), key=lambda item: item[0][0], reverse=True)
    ]
    return (
        [plan_bulletin(plan, names, progress, speaker)]
        + [period_bulletin(plan, r, names, speaker) for r in by_period]
        + [task_bulletin(plan, task, names, progress, speaker) for task in plan.tasks]
    )
