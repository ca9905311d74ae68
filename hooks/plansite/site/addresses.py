"""The address (source path) of every generated page and file. URLs come from ids, never titles."""

from __future__ import annotations

from ..data.model import Plan, Task

HOME = "index.md"
PLANS_INDEX = "ke-hoach/index.md"
AGENCIES_INDEX = "co-quan/index.md"
DOCUMENTS_INDEX = "van-ban/index.md"
GUIDE = "huong-dan-bien-tap.md"
ABOUT = "gioi-thieu.md"
SOURCE_FILE_NAME = "van-ban-goc.txt"
CALENDAR = "bao-cao/index.md"
CALENDAR_FEED = "lich-bao-cao.ics"  # and lich-bao-cao/<agency>.ics
GLOSSARY = "tu-viet-tat.md"  # the abbreviations of plan_data/glossary.yaml
DATA_FOLDER, DATA_PAGE = "du-lieu", "du-lieu/index.md"  # open data (export/) and the page describing it


def plan_uri(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/index.md"


def appendix_uri(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/phu-luc.md"


def progress_uri(plan: Plan) -> str:
    return f"ke-hoach/{plan.id}/tien-do.md"


def bulletins_uri(plan: Plan) -> str:
    """The plan's loudspeaker bulletins (bản tin phát thanh), each one savable as a .txt file."""
    return f"ke-hoach/{plan.id}/ban-tin.md"


def bulletins_file(plan: Plan) -> str:
    """All the plan's bulletins in one .txt file (each one's own file is made in the browser)."""
    return f"ke-hoach/{plan.id}/ban-tin/tat-ca.txt"


def agency_feed(agency_id: str) -> str:
    """The reporting calendar of one agency, for phone calendars."""
    return f"lich-bao-cao/{agency_id}.ics"


def task_uri(plan: Plan, task: Task) -> str:
    return f"ke-hoach/{plan.id}/nhiem-vu/{task.id}.md"


NOTICE_ID = "thong-bao"  # a task's printable A4 notice (thông báo để niêm yết): #thong-bao on the task's page


def source_uri(plan: Plan) -> str:
    """The signed text as received, published beside the plan's page."""
    return f"ke-hoach/{plan.id}/{SOURCE_FILE_NAME}"


def agency_uri(agency_id: str) -> str:
    return f"co-quan/{agency_id}.md"


def document_uri(document_id: str) -> str:
    return f"van-ban/{document_id}.md"


# The web form for frequent edits (Decap CMS): its own page and code, never loaded by public pages.
ADMIN = "bien-tap"
