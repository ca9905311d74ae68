"""datapackage.json: the Frictionless Data Package (v1) descriptor of every published file.

Each CSV is a tabular resource whose Table Schema (field names, types, Vietnamese descriptions,
required and allowed values, keys) is made from the same columns as the file; JSON files and schemas
are plain resources. Every resource gives its size and SHA-256, so a download can be checked; the tasks'
table cut in parts (catalogue.task_parts) is one resource whose path lists its files, its size and hash
those of its parts read in a row as frictionless reads them (each part's header row after the first left out).
No licence is given: none is known (the data page says so). `created` is the build date passed in,
never the clock, and is left out without one.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ..text import slugify
from .catalogue import DataFile
from .table import Column, Table

PROFILE = "data-package"  # not tabular-data-package: some resources are JSON
ENCODING = "utf-8"  # the CSV files begin with a byte-order mark, which UTF-8 readers skip


def field_schema(column: Column) -> dict:
    """One Table Schema field."""
    field = {"name": column.name, "type": column.type, "description": column.description}
    constraints = {
        **({"required": True} if column.required else {}),
        **({"enum": list(column.choices)} if column.choices else {}),
    }
    return {**field, **({"constraints": constraints} if constraints else {})}


def table_schema(table: Table) -> dict:
    """The Table Schema of a CSV table: its fields in file order, '' as the only missing value, its keys."""
    schema = {"fields": [field_schema(column) for column in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fields), "reference": {"resource": resource, "fields": list(target)}}
            for fields, resource, target in table.foreign_keys
        ]
    return schema


def table_bytes(entry: DataFile, files: dict[str, bytes]) -> bytes:
    """The bytes of an entry as a reader of the package reads them: a file as it is; a table cut in parts,
    its first part, then each other part without its header row (frictionless skips it)."""
    first, *others = (files[path] for path in entry.files)
    return first + b"".join(data.split(b"\r\n", 1)[1] for data in others)


def resource(entry: DataFile, data: bytes) -> dict:
    """The descriptor of one file or table cut in parts (its name is its path, unique and a valid resource
    name); `data`: its bytes as `table_bytes` reads them, which its size and hash are of."""
    out = {
        "name": entry.path,
        "path": list(entry.parts) if entry.parts else entry.path,
        "profile": "tabular-data-resource" if entry.table else "data-resource",
        # frictionless reads the type, else it takes any *.schema.json for a Table Schema
        "type": "table" if entry.table else "json",
        "title": entry.title,
        "description": entry.description + (f" {entry.table.row}" if entry.table else ""),
        "format": entry.format,
        "mediatype": entry.media_type,
        "encoding": ENCODING,
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }
    if entry.table:
        out["dialect"] = {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        }
        out["schema"] = table_schema(entry.table)
    return out


def descriptor(
    entries: tuple[DataFile, ...],
    files: dict[str, bytes],
    title: str,
    publishers: tuple[str, ...],
    created: dt.date | None = None,
    homepage: str | None = None,
) -> dict:
    """The package: `entries` are the catalogue, `files` maps each entry's path to its bytes; `publishers` are
    the plans' issuing bodies; `homepage` the data page's public address, when the site has one."""
    by = f" Văn bản kế hoạch do {', '.join(publishers)} ban hành." if publishers else ""
    package = {
        "profile": PROFILE,
        "name": slugify(title) or "du-lieu",
        "title": title,
        "description": (
            f"Dữ liệu mở của trang “{title}”: kế hoạch, nhiệm vụ, cơ quan, văn bản pháp lý và báo cáo "
            f"thực hiện, tạo từ dữ liệu YAML của trang mỗi lần dựng trang.{by} Giấy phép sử dụng dữ "
            "liệu chưa được nêu."
        ),
    }
    if homepage:
        package["homepage"] = homepage
    if created:
        package["created"] = f"{created.isoformat()}T00:00:00Z"
    package["resources"] = [resource(entry, table_bytes(entry, files)) for entry in entries]
    return package
