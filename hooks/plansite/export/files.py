"""All open-data files at once: {site path: bytes}, under the site's du-lieu/ folder, in path order.

Pure: the same project, title, build date and address give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from ..__main__ import schema_documents
from ..data.model import Project
from ..data.schema import AGENCY, DOCUMENT
from ..reports.status import build_progress
from ..site.addresses import DATA_FOLDER
from .catalogue import CATALOGUE, PACKAGE
from .package import descriptor
from .records import PLACE, json_bytes, plan_record, registry_records, report_order, report_record
from .table import csv_bytes
from .tables import AGENCIES, DOCUMENTS, REPORTS, TASKS, agency_rows, document_rows, names_of, report_rows, task_rows


def publishers(project: Project) -> tuple[str, ...]:
    """The names of the bodies that issued the plans, each once, in plan order."""
    names = {agency.id: agency.name for agency in project.agencies}
    return tuple(dict.fromkeys(names.get(plan.issuer, plan.issuer) for plan in project.plans))


def export_files(project: Project, title: str, created: dt.date | None = None,
                 site_url: str | None = None) -> dict[str, bytes]:
    """Every file of the catalogue and datapackage.json; `title` names the package (the site's name),
    `created` is the build date (None: left out), `site_url` the public address (None: no homepage)."""
    progress, names = build_progress(project), names_of(project)
    plans = sorted(project.plans, key=lambda plan: plan.id)
    files = {
        "ke-hoach.json": json_bytes({"plans": [plan_record(plan, progress) for plan in plans]}),
        "co-quan.json": json_bytes({"agencies": registry_records(project.agencies, AGENCY)}),
        "van-ban.json": json_bytes({"documents": registry_records(project.documents, DOCUMENT)}),
        "dia-ban.json": json_bytes({"places": registry_records(project.places, PLACE)}),
        "bao-cao.json": json_bytes({"reports": [report_record(r) for r in sorted(project.reports, key=report_order)]}),
        "nhiem-vu.csv": csv_bytes(TASKS, task_rows(project, progress, names)),
        "co-quan.csv": csv_bytes(AGENCIES, agency_rows(project, names)),
        "van-ban.csv": csv_bytes(DOCUMENTS, document_rows(project, names)),
        "bao-cao.csv": csv_bytes(REPORTS, report_rows(project, names)),
        **{f"schemas/{name}": text.encode("utf-8") for name, text in schema_documents().items()},
    }
    if set(files) != {entry.path for entry in CATALOGUE}:
        raise AssertionError(f"export files and catalogue differ: {sorted(set(files) ^ {e.path for e in CATALOGUE})}")
    homepage = f"{site_url.rstrip('/')}/{DATA_FOLDER}/" if site_url else None
    files[PACKAGE] = json_bytes(descriptor(files, title, publishers(project), created, homepage))
    return {f"{DATA_FOLDER}/{path}": data for path, data in sorted(files.items())}
