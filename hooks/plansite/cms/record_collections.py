"""The form's collections for the files of one record each (data/records.py): an agency's contact details,
a task's plain summary, a glossary entry.

    contact_collection(options)   summary_collection(options)   glossary_collection(options)

Each writes the file data/paths.py names (CONTACT_PATH, SUMMARY_PATH, GLOSSARY_ENTRY_PATH), never a shared
file: Decap rewrites a whole file when it saves and would drop the comments and records of agencies.yaml, a
plan file or glossary.yaml. The fields are the schema's (data/schema.py: CONTACT_FILE, SUMMARY_FILE,
ABBREVIATION); the agency, the plan and the task are chosen from the loaded data, so an id cannot be mistyped.
"""

from __future__ import annotations

from ..data.paths import CONTACT_PATH, GLOSSARY_ENTRY_PATH, SUMMARY_PATH
from ..data.schema import ABBREVIATION, CONTACT_FILE, SUMMARY_FILE, SUMMARY_LIMIT
from .fields import form_fields
from .labels import CONTACT, GLOSSARY_ENTRY, SUMMARY

_SLUG = "{{slug}}"


def decap_location(path: str) -> tuple[str, str]:
    """(folder, path) of a Decap folder collection from a file path whose placeholders are Decap's already
    ('plan_data/summaries/{{plan}}/{{slug}}.yaml' → 'plan_data/summaries', '{{plan}}/{{slug}}')."""
    parts = path.removesuffix(".yaml").split("/")
    fixed = next(i for i, part in enumerate(parts) if "{{" in part)
    return "/".join(parts[:fixed]), "/".join(parts[fixed:])


def _collection(
    name: str, label: str, singular: str, description: str, path: str, slug: str, identifier: str, fields: list[dict]
) -> dict:
    folder, inside = decap_location(path)
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": description.format(folder=folder)
        + " Lưu xong, thay đổi chờ duyệt (yêu cầu hợp nhất); khi được hợp nhất, "
        "trang được kiểm tra và xuất bản.",
        "folder": folder,
        "path": inside,
        "slug": slug,
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,  # a deletion is a review of its own, made in git, not in the form
        "identifier_field": identifier,
        "summary": "{{" + identifier + "}}",
        "editor": {"preview": False},
        "fields": fields,
    }


def contact_collection(options: dict[str, list[dict]]) -> dict:
    return _collection(
        "lien-he",
        "Thông tin liên hệ của cơ quan",
        "thông tin liên hệ",
        "Địa chỉ, điện thoại, thư điện tử, trang web của một cơ quan, mỗi cơ quan một tệp trong "
        "{folder}/. Chỉ ghi điều chính cơ quan đó công bố; điều gì đã có trong "
        "agencies.yaml thì không ghi lại ở đây.",
        CONTACT_PATH.format(agency=_SLUG),
        "{{agency}}",
        "agency",
        form_fields(CONTACT_FILE, CONTACT, options),
    )


def summary_collection(options: dict[str, list[dict]]) -> dict:
    fields = form_fields(SUMMARY_FILE, SUMMARY, options, refers={"task": "task"})
    for field in fields:  # the form stops a summary past the limit before it is saved, as the check would
        if field["name"] == "summary":
            field["pattern"] = [f"^[\\s\\S]{{0,{SUMMARY_LIMIT}}}$", f"Tóm tắt tối đa {SUMMARY_LIMIT} ký tự."]
    return _collection(
        "tom-tat",
        "Tóm tắt nhiệm vụ",
        "tóm tắt",
        "Lời tóm tắt dễ hiểu của một nhiệm vụ, mỗi nhiệm vụ một tệp trong {folder}/<mã kế hoạch>/."
        " Nhiệm vụ đã có tóm tắt trong tệp kế hoạch thì sửa ở đó, hoặc xóa ở đó rồi viết ở đây.",
        SUMMARY_PATH.format(plan="{{plan}}", task=_SLUG),
        "{{task}}",
        "task",
        fields,
    )


def glossary_collection(options: dict[str, list[dict]]) -> dict:
    return _collection(
        "tu-viet-tat",
        "Từ viết tắt",
        "từ viết tắt",
        "Mỗi chữ viết tắt một tệp trong {folder}/; chữ đã có trong glossary.yaml thì sửa ở đó.",
        GLOSSARY_ENTRY_PATH.format(name=_SLUG),
        "{{abbr}}",
        "abbr",
        form_fields(ABBREVIATION, GLOSSARY_ENTRY, options),
    )
