"""The address book: every folder word of the site, the source path of every generated page and file,
the reporting calendar's feeds, the open data's files, and a page's URL in either style (directory URLs
for the web, `.html` files for the offline copy). URLs come from ids, never titles.

On the ground floor (it imports nothing of the package), so that data/ (the ids no record may take:
PATH_WORDS), reports/ (the calendar's files), site/, search/ and export/ read one book;
tests/test_addresses.py fails when another module spells a folder word itself.
"""

from __future__ import annotations

import re
from typing import Protocol


class HasId(Protocol):
    """A plan or a task: a record named by its stable id."""

    id: str


# Folder (and page) words, in Vietnamese, ASCII.
PLANS = "ke-hoach"  # ke-hoach/<plan>/…; also a list of plans on an agency's or a document's page
TASKS = "nhiem-vu"  # ke-hoach/<plan>/nhiem-vu/<task>; also a list of tasks on a document's page
# #thong-bao: a task's A4 notice, on its page (before: ke-hoach/<plan>/thong-bao/<task>/, which 404.html sends on)
NOTICES = "thong-bao"
BULLETINS = "ban-tin"  # ke-hoach/<plan>/ban-tin: the loudspeaker bulletins
APPENDIX = "phu-luc"  # ke-hoach/<plan>/phu-luc: the table of tasks
PROGRESS = "tien-do"  # ke-hoach/<plan>/tien-do
AGENCIES = "co-quan"  # co-quan/<agency>
DOCUMENTS = "van-ban"  # van-ban/<document>; also a list of documents on an agency's page
REPORTS = "bao-cao"  # bao-cao/: the reporting calendar; bao-cao.json, bao-cao.csv: the reports as open data
FEEDS = "lich-bao-cao"  # lich-bao-cao.ics and lich-bao-cao/<agency>.ics
DATA = "du-lieu"  # du-lieu/: the open data (export/) and the page describing it
CHANGES = "cap-nhat"  # cap-nhat: what changed
GLOSSARY_WORD = "tu-viet-tat"  # tu-viet-tat: the abbreviations of plan_data/glossary.yaml
SEARCH = "tim-kiem"  # tim-kiem: the search results page
SOURCE = "van-ban-goc"  # ke-hoach/<plan>/van-ban-goc.txt: the signed text as received
LIST = "danh-sach"  # co-quan/danh-sach/<group>/: a long group of an index, on pages of its own
LEADS, COORDINATES, MENTIONS = "chu-tri", "phoi-hop", "nhac-den"  # co-quan/<agency>/<list>/: an agency's tasks
ASSETS = "assets"  # the theme's and the site's static files (assets/og/: link preview pictures)
ADMIN = "bien-tap"  # the web form for frequent edits (Decap CMS): its own page and code, never loaded by public pages
GUIDE_WORD = "huong-dan-bien-tap"  # the editors' guide (docs/)
PAGE_PREFIX = "trang-"  # <list>/trang-2 …: the second and later pages of a paged list
INDEX = "index"
SEARCH_ENGINE = "search"  # MkDocs' search plugin's folder

# Words an id may not be, since they name the site's own pages beside records' ids (data/schema.py's Id).
PATH_WORDS = frozenset(
    {
        ASSETS,
        REPORTS,
        CHANGES,
        LEADS,
        AGENCIES,
        LIST,
        DATA,
        INDEX,
        PLANS,
        MENTIONS,
        TASKS,
        COORDINATES,
        APPENDIX,
        SEARCH_ENGINE,
        PROGRESS,
        SEARCH,
        NOTICES,
        GLOSSARY_WORD,
        DOCUMENTS,
        SOURCE,
    }
)
PAGED_PATTERN = PAGE_PREFIX + r"\d+"  # trang-2, trang-3 …: no id may be one either
# Every folder word (tests/test_addresses.py: no other module spells one).
FOLDER_WORDS = tuple(sorted(PATH_WORDS - {INDEX, SEARCH_ENGINE} | {BULLETINS, FEEDS, ADMIN, GUIDE_WORD}))

# Pages and files at fixed places (source paths: MkDocs' src_uri of a page).
HOME = "index.md"
PLANS_INDEX = f"{PLANS}/index.md"
AGENCIES_INDEX = f"{AGENCIES}/index.md"
DOCUMENTS_INDEX = f"{DOCUMENTS}/index.md"
GUIDE = f"{GUIDE_WORD}.md"
SOURCE_FILE_NAME = f"{SOURCE}.txt"
CALENDAR = f"{REPORTS}/index.md"
CALENDAR_FEED = f"{FEEDS}.ics"  # and lich-bao-cao/<agency>.ics
GLOSSARY = f"{GLOSSARY_WORD}.md"
DATA_FOLDER, DATA_PAGE = DATA, f"{DATA}/index.md"  # open data (export/) and the page describing it
CHANGES_PAGE = f"{CHANGES}.md"
FEED = "feed.xml"  # the Atom feed of what changed
SEARCH_PAGE = f"{SEARCH}.md"
PREVIEW_IMAGES = f"{ASSETS}/og"  # link preview pictures (og:image)

# The open data's files, relative to DATA_FOLDER (export/catalogue.py says what each holds).
# Plans one file each (plan_json): all plans in one file would pass a static host's limit of 25 MiB a file.
AGENCIES_JSON, DOCUMENTS_JSON = f"{AGENCIES}.json", f"{DOCUMENTS}.json"
PLACES_JSON, REPORTS_JSON = "dia-ban.json", f"{REPORTS}.json"
TASKS_CSV, AGENCIES_CSV, DOCUMENTS_CSV, REPORTS_CSV = (
    f"{TASKS}.csv",
    f"{AGENCIES}.csv",
    f"{DOCUMENTS}.csv",
    f"{REPORTS}.csv",
)
PACKAGE = "datapackage.json"  # the Frictionless descriptor of all the files


def tasks_csv_part(number: int) -> str:
    """Part `number` (from 1) of the tasks' CSV where it is cut in several files (export/catalogue.py)."""
    return f"{TASKS}-{number}.csv"


SCHEMAS = "schemas"  # du-lieu/schemas/: the JSON Schemas of the data files


def schema_file(kind: str) -> str:
    """The JSON Schema of a kind of data file, relative to DATA_FOLDER."""
    return f"{SCHEMAS}/{kind}.schema.json"


def plan_json(plan_id: str) -> str:
    """A plan's open-data JSON file, relative to DATA_FOLDER: ke-hoach/<plan>.json (its YAML file as JSON)."""
    return f"{PLANS}/{plan_id}.json"


def data_file(name: str) -> str:
    """An open-data file's path in the site."""
    return f"{DATA_FOLDER}/{name}"


def plan_page_uri(plan_id: str) -> str:
    return f"{PLANS}/{plan_id}/index.md"


def plan_uri(plan: HasId) -> str:
    return plan_page_uri(plan.id)


def appendix_uri(plan: HasId) -> str:
    return f"{PLANS}/{plan.id}/{APPENDIX}.md"


def progress_uri(plan: HasId) -> str:
    return f"{PLANS}/{plan.id}/{PROGRESS}.md"


def bulletins_uri(plan: HasId) -> str:
    """The plan's loudspeaker bulletins (bản tin phát thanh), each one savable as a .txt file."""
    return f"{PLANS}/{plan.id}/{BULLETINS}.md"


PLAN_BULLETIN = PLANS  # the slug of a plan's own bulletin (ban-tin/ke-hoach.txt)


def task_bulletin_name(task_id: str) -> str:
    """A task's bulletin, before slugify: ban-tin/nhiem-vu-<task>.txt."""
    return f"{TASKS}-{task_id}"


def agency_feed(agency_id: str) -> str:
    """The reporting calendar of one agency, for phone calendars."""
    return f"{FEEDS}/{agency_id}.ics"


def task_uri(plan: HasId, task: HasId) -> str:
    return f"{PLANS}/{plan.id}/{TASKS}/{task.id}.md"


NOTICE_ID = NOTICES  # a task's printable A4 notice (thông báo để niêm yết): #thong-bao on the task's page


def source_uri(plan: HasId) -> str:
    """The signed text as received, published beside the plan's page."""
    return f"{PLANS}/{plan.id}/{SOURCE_FILE_NAME}"


def agency_uri(agency_id: str) -> str:
    return f"{AGENCIES}/{agency_id}.md"


def agency_folder(agency_id: str) -> str:
    """Where an agency's long lists have their own pages (co-quan/<agency>/chu-tri/ …)."""
    return f"{AGENCIES}/{agency_id}"


def document_uri(document_id: str) -> str:
    return f"{DOCUMENTS}/{document_id}.md"


def document_folder(document_id: str) -> str:
    """Where a document's long lists have their own pages (van-ban/<document>/ke-hoach/ …)."""
    return f"{DOCUMENTS}/{document_id}"


def paged_uris(folder: str, count: int) -> list[str]:
    """The pages of a list under `folder` in `count` pages: folder/index.md, folder/trang-2.md …"""
    return [f"{folder}/index.md"] + [f"{folder}/{PAGE_PREFIX}{n}.md" for n in range(2, count + 1)]


def page_url(source: str, directory_urls: bool = True) -> str:
    """The URL of the page at source path `source`, relative to the site root and not quoted: with
    directory URLs 'ke-hoach/x/index.md' → 'ke-hoach/x/', 'co-quan/y.md' → 'co-quan/y/', 'index.md' → '';
    without (the offline copy) 'ke-hoach/x/index.html', 'co-quan/y.html'. Other files keep their path."""
    if not source.endswith(".md"):
        return source
    stem = source[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == INDEX or stem.endswith("/" + INDEX):
        return stem[: -len(INDEX)]
    return stem + "/"


# A plan's own page in either URL style, and any page under a plan's folder: group 1 is the plan's id
# as the URL writes it (quoted).
PLAN_PAGE_URL = re.compile(re.escape(PLANS) + r"/([^/]+)/(?:index\.html)?")
IN_PLAN_URL = re.compile(re.escape(PLANS) + r"/([^/]+)/")
