"""All open-data files at once: {site path: bytes}, under the site's du-lieu/ folder, in path order.

Pure: the same project, progress, title, build date and address give the same bytes. The progress is
the one the site shows (computed once per build), never computed again here.
"""

from __future__ import annotations

import datetime as dt

from ..addresses import (
    AGENCIES_CSV,
    AGENCIES_JSON,
    DOCUMENTS_CSV,
    DOCUMENTS_JSON,
    PACKAGE,
    PLACES_JSON,
    REPORTS_CSV,
    REPORTS_JSON,
    SCHEMAS,
    data_file,
    plan_json,
)
from ..data.schema import AGENCY, DOCUMENT
from ..reports.model import ReportedProject
from ..reports.project import schema_documents
from ..reports.status import Progress
from .catalogue import catalogue, task_parts
from .package import descriptor
from .records import PLACE, json_bytes, package_bytes, plan_record, registry_records, report_order, report_record
from .table import csv_bytes
from .tables import AGENCIES, DOCUMENTS, REPORTS, TASKS, agency_rows, document_rows, names_of, report_rows, task_rows


def publishers(project: ReportedProject) -> tuple[str, ...]:
    """The names of the bodies that issued the plans, each once, in plan order."""
    names = {agency.id: agency.name for agency in project.agencies}
    return tuple(dict.fromkeys(names.get(plan.issuer, plan.issuer) for plan in project.plans))


def export_files(
    project: ReportedProject,
    progress: Progress,
    title: str,
    created: dt.date | None = None,
    site_url: str | None = None,
) -> dict[str, bytes]:
    """Every file of the catalogue and datapackage.json; `progress` is the project's (reports/status.py),
    `title` names the package (the site's name), `created` is the build date (None: left out),
    `site_url` the public address (None: no homepage)."""
    names = names_of(project)
    plans = sorted(project.plans, key=lambda plan: plan.id)
    files = {
        **{plan_json(plan.id): json_bytes(plan_record(plan, progress)) for plan in plans},
        AGENCIES_JSON: json_bytes({"agencies": registry_records(project.agencies, AGENCY)}),
        DOCUMENTS_JSON: json_bytes({"documents": registry_records(project.documents, DOCUMENT)}),
        PLACES_JSON: json_bytes({"places": registry_records(project.places, PLACE)}),
        REPORTS_JSON: json_bytes({"reports": [report_record(r) for r in sorted(project.reports, key=report_order)]}),
        **{path: csv_bytes(TASKS, task_rows(plans, progress, names)) for path, plans in task_parts(project.plans)},
        AGENCIES_CSV: csv_bytes(AGENCIES, agency_rows(project, names)),
        DOCUMENTS_CSV: csv_bytes(DOCUMENTS, document_rows(project, names)),
        REPORTS_CSV: csv_bytes(REPORTS, report_rows(project, names)),
        **{f"{SCHEMAS}/{name}": text.encode("utf-8") for name, text in schema_documents().items()},
    }
    entries = catalogue(project.plans)
    listed = {path for entry in entries for path in entry.files}
    if set(files) != listed:
        raise AssertionError(f"export files and catalogue differ: {sorted(set(files) ^ listed)}")
    homepage = f"{site_url.rstrip('/')}/{data_file('')}" if site_url else None
    files[PACKAGE] = package_bytes(descriptor(entries, files, title, publishers(project), created, homepage))
    return {data_file(path): data for path, data in sorted(files.items())}
