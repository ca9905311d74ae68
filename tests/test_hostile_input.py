"""Hostile text in every string field kind is shown as text and never executes (real Chromium)."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import SEED_PLAN, build_site, copy_project

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    '<a href="javascript:alert(1)">x</a>',
    "{{ 7*7 }} {% raw %} ${7*7}",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\u202eevil\u202c reversed",
    "<style>body{display:none}</style>",
    '![x](x" onerror="alert(1))',
    '<object data="javascript:alert(1)">',
    "`<script>alert(1)</script>`",
    '{: onclick="alert(1)" }',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<input autofocus onfocus=alert(1)>",
    "*bold* _em_ # heading | table |",
    "</title><script>alert(1)</script>",
    "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    "</textarea><script>alert(1)</script><!--",
    "- starts like a list item",
    "1. starts like a numbered list",
    "# starts like a heading",
    "> starts like a quote",
    "=== ---",
]
PLAN_FILE = f"plan_data/plans/{SEED_PLAN}.yaml"


def shown(payload: str) -> str:
    """How the payload must read on the page: as typed, bidi controls made visible."""
    return " ".join(re.sub("[\u202a-\u202e]", lambda m: f"[U+{ord(m.group(0)):04X}]", payload).split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    agencies = yaml.safe_load((project / "plan_data/agencies.yaml").read_text(encoding="utf-8"))
    legal = yaml.safe_load((project / "plan_data/legal.yaml").read_text(encoding="utf-8"))
    plan = yaml.safe_load((project / PLAN_FILE).read_text(encoding="utf-8"))
    tasks = []
    for i, payload in enumerate(PAYLOADS):
        agencies["agencies"].append(
            {
                "id": f"xss-{i}",
                "name": f"{payload} #{i}",
                "kind": "state",
                "place": "ke-sat",
                "aliases": [f"{payload} alias {i}"],
            }
        )
        legal["documents"].append(
            {
                "id": f"xss-doc-{i}",
                "type": "cong-van",
                "title": f"{payload} title {i}",
                "number": f"{payload} số {i}",
                "source": payload,
                "note": payload,
                "signer": payload,
            }
        )
        tasks.append(
            {
                "id": f"xss-task-{i}",
                "text": f"{payload} task {i}",
                "summary": f"{payload} summary {i}",
                "details": [payload],
                "note": payload,
                "lead": {"text": payload, "agencies": [f"xss-{i}"]},
                "forms": {"text": payload},
                "timing": {"kind": "ongoing", "text": payload},
                "cites": [f"xss-doc-{i}"],
            }
        )
    plan["content"]["sections"][3]["tasks"] = tasks
    plan["content"]["sections"][3]["heading"] = PAYLOADS[0]
    plan["title"] = PAYLOADS[1]
    plan["note"] = PAYLOADS[2]
    plan["recipients"].append({"text": PAYLOADS[3]})
    plan["signature"]["name"] = PAYLOADS[4]
    for path, data in (("plan_data/agencies.yaml", agencies), ("plan_data/legal.yaml", legal), (PLAN_FILE, plan)):
        (project / path).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = project / "site"
    result = build_site(project, out)
    assert result.returncode == 0, result.stderr
    return out


# Anything from the data that became markup shows up as an element with an on* handler.
HANDLERS = """() => Array.from(document.querySelectorAll('*')).filter(
    e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80))"""


@pytest.fixture(scope="module")
def visit(hostile_site, serve, browser):
    """visit(path) → (page, events): the page, loaded, and the alerts/dialogs seen since this visit began."""
    base = serve(hostile_site)
    page = browser.new_page()
    events = []
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: events.append(f"console: {m.text}") if "alert" in m.text else None)

    def go(path: str):
        events.clear()  # each visit is judged on its own: an earlier page's event is not this page's
        page.goto(base + path)
        page.wait_for_load_state("load")
        return page, events

    yield go
    page.close()


def assert_nothing_ran(page, events):
    """No dialog or alert since the visit began, and no element with an on* handler on the page now."""
    happened = events + [f"handler: {h}" for h in page.evaluate(HANDLERS)]
    assert not happened, f"{page.url}: {happened}"


def assert_no_script_links(page):
    for href in page.eval_on_selector_all("article a", "els => els.map(a => a.getAttribute('href'))"):
        assert not re.match(r"\s*(javascript|data|vbscript):", href or "", re.I), f"{page.url}: {href}"


PAGES = ["", "ke-hoach/", "co-quan/", "van-ban/", f"ke-hoach/{SEED_PLAN}/", f"ke-hoach/{SEED_PLAN}/phu-luc/"]


@pytest.mark.parametrize("path", PAGES)
def test_listing_pages_execute_nothing(visit, path):
    page, events = visit(path)
    assert_nothing_ran(page, events)
    assert page.locator("iframe, object, svg[onload], img[onerror], input[onfocus]").count() == 0


@pytest.mark.parametrize("i", range(len(PAYLOADS)))
def test_each_payload_is_shown_as_text_and_never_runs(visit, i):
    payload = PAYLOADS[i]
    page, events = visit(f"co-quan/xss-{i}/")
    assert_nothing_ran(page, events)
    assert_no_script_links(page)
    assert " ".join(page.inner_text("article h1").split()) == shown(f"{payload} #{i}")
    assert page.title().startswith(" ".join(shown(f"{payload} #{i}").split())[:10])
    page, events = visit(f"ke-hoach/{SEED_PLAN}/nhiem-vu/xss-task-{i}/")
    assert_nothing_ran(page, events)
    assert_no_script_links(page)
    assert shown(f"{payload} task {i}") in " ".join(page.inner_text("article").split())
    assert shown(f"{payload} summary {i}") in " ".join(page.inner_text("article").split())  # the plain summary
    description = page.get_attribute('meta[name="description"]', "content")  # previews carry it as text too
    assert description and " ".join(shown(f"{payload} summary {i}").split()).startswith(
        " ".join(description.split()).rstrip("…")
    )  # its first sentence, as text
    page, events = visit(f"van-ban/xss-doc-{i}/")
    assert_nothing_ran(page, events)
    assert_no_script_links(page)
    assert shown(f"{payload} title {i}") in " ".join(page.inner_text("article").split())


def test_search_results_show_hostile_titles_as_text(visit):
    page, events = visit("")
    page.fill("#ps-search-input", "onerror")
    page.wait_for_selector(".ps-result")
    assert page.locator(".ps-search__results img, .ps-search__results svg").count() == 0
    assert_nothing_ran(page, events)  # after the results are shown, not only after the page loaded
