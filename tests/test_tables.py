"""The appendix (Phụ lục) as a table on phones and on paper, and its filters (facets); the plain tables.

HTML through an HTML parser (one row per task, lists in cells, row ids equal to the model's, the facets'
JSON, hostile names kept as text), then real Chromium: cards on a phone, filters by mouse, address and
keyboard, and printing to PDF (A4 landscape, header row on every page, no row split between pages).
Plain tables (every other table) come built in Material's scroll box
(overrides/partials/plan-table-boxes.html): drawn as Material draws its own, left where they are by its
script, a named tab stop where they scroll.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_PLAN, build_site, copy_project, load_project, seed_plan
from plansite.data.model import Plan

APPENDIX = f"ke-hoach/{SEED_PLAN}/phu-luc/"
COLUMNS = [
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian thực hiện",
    "Căn cứ",
    "Tình trạng",
]
FACETS = {"lead": "chu-tri", "cites": "can-cu", "timing": "thoi-gian", "forms": "hinh-thuc", "status": "tinh-trang"}
A4_LANDSCAPE, A4_PORTRAIT = (842, 595), (595, 842)  # points, ±1


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def plan(project) -> Plan:
    return seed_plan(project)


def soup_of(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def table_of(soup):
    return soup.select_one("article.md-content__inner table.ps-appendix")


def body_rows(table):
    return table.select("tbody > tr")


def linked_ids(cell, folder: str) -> list[str]:
    """The ids of the pages under `folder` ('co-quan', 'van-ban') that a cell links to, in order."""
    here = "http://site/" + APPENDIX
    paths = [urlparse(urljoin(here, a["href"])).path.strip("/").split("/") for a in cell.find_all("a", href=True)]
    return [p[1] for p in paths if len(p) == 2 and p[0] == folder]


def numbers(plan: Plan) -> list[str]:
    return [plan.task_numbers[t.id] for t in plan.tasks]


# --- the table, as HTML ---------------------------------------------------------------------------------


def test_one_row_per_task_each_cell_naming_its_column(site, plan):
    table = table_of(soup_of(site, APPENDIX))
    assert table.caption and table.caption.get_text(strip=True)
    assert [th.get_text(strip=True) for th in table.select("thead th")] == COLUMNS
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    rows = body_rows(table)
    assert [row.find("td").get_text(strip=True) for row in rows] == numbers(plan)  # STT first, in the plan's order
    for row in rows:
        assert len(row.find_all("td", recursive=False)) == len(COLUMNS)
        assert row.find_all("td")[-1].find(class_="ps-tag")  # the status tag in the last column
    # Each column's name once, on the table (the cards' labels on a phone), none repeated in the cells.
    labels = re.findall(r"--ps-c(\d+):'((?:[^'\\]|\\.)*)'", table["style"])
    assert [(int(n), label) for n, label in labels] == list(enumerate(COLUMNS, 1))
    assert not table.select("[data-label]")


def test_each_task_text_is_written_once_its_first_words_linked(site, plan):
    rows = body_rows(table_of(soup_of(site, APPENDIX)))
    long = 0
    for task, row in zip(plan.tasks, rows):
        cell = row.find_all("td", recursive=False)[1]
        words = task.text.split()
        link = cell.find("a")
        more, rest = link.find(class_="ps-more"), cell.find(class_="ps-rest")
        assert cell.get_text(" ").replace("…", " ").split() == words  # every word once, none twice
        if len(words) > 20:
            long += 1
            assert more.get_text() == "…" and rest.parent is link and rest.find_previous_sibling() is more
            assert rest.extract().get_text().split() == words[20:]  # the rest, at the link's end
            assert link.get_text(" ", strip=True).removesuffix("…").split() == words[:20]
        else:
            assert more is None and rest is None and link.get_text().split() == words
    assert long >= 2  # the seed plan has long tasks: the test is not vacuous


def test_several_agencies_or_documents_in_a_cell_are_a_list(site, plan, project):
    names = {a.id: a.name for a in project.agencies}
    rows = body_rows(table_of(soup_of(site, APPENDIX)))
    lists = 0
    for task, row in zip(plan.tasks, rows):
        cells = row.find_all("td", recursive=False)
        for assignment, cell in ((task.lead, cells[2]), (task.coordinating, cells[3])):
            agencies = list(assignment.agencies) if assignment else []
            assert linked_ids(cell, "co-quan") == agencies
            items = cell.select("ul > li")
            if len(agencies) > 1:
                assert [li.get_text(" ", strip=True) for li in items] == [names[a] for a in agencies]
                assert all(len(li.find_all("a")) == 1 for li in items)
                lists += 1
            else:
                assert not items and cell.get_text(strip=True) == "".join(names[a] for a in agencies)
        documents = linked_ids(cells[5], "van-ban")
        if len(documents) > 1:
            assert len(cells[5].select("ul > li")) == len(documents)
            lists += 1
    assert lists >= 4  # the seed plan has such cells: the test is not vacuous


def row_ids(row, data: dict) -> dict[str, list[str]]:
    """facet key → the ids of a row: its attributes hold their positions in the blob's options."""
    options = {f["key"]: [o[0] for o in f["options"]] for f in data["facets"]}
    assert all(re.fullmatch(r"(\d+( \d+)*)?", row.get(f"data-{key}", "x")) for key in options), row.attrs
    return {key: [options[key][int(n)] for n in row[f"data-{key}"].split()] for key in options}


def test_row_attributes_are_the_models_ids(site, plan):
    soup = soup_of(site, APPENDIX)
    rows, data = body_rows(table_of(soup)), facet_blob(soup)
    assert len(rows) == len(plan.tasks)
    for task, row in zip(plan.tasks, rows):
        ids = row_ids(row, data)
        assert set(ids) == set(FACETS)
        assert ids["lead"] == list(task.lead.agencies if task.lead else ())
        assert ids["timing"] == ([task.timing.kind] if task.timing else [])
        assert ids["forms"] == list(task.forms.kinds if task.forms else ())
        cells = row.find_all("td", recursive=False)
        assert ids["cites"] == linked_ids(cells[5], "van-ban")  # the documents of its Căn cứ column
        assert set(task.cites) <= set(ids["cites"])
        tag = cells[-1].find(class_="ps-tag")
        assert ids["status"] == [c.removeprefix("ps-tag--") for c in tag["class"] if c.startswith("ps-tag--")]
    assert [row_ids(r, data)["cites"] for r in rows] == [list(t.cites) for t in plan.tasks]  # seed: cited = shown


def facet_blob(soup) -> dict:
    blob = soup.find("script", id="ps-facets")
    assert blob is not None and blob.get("type") == "application/json"
    return json.loads(blob.string)


def test_facet_labels_are_json_with_an_option_for_every_value_in_the_rows(site, plan, project):
    soup = soup_of(site, APPENDIX)
    data = facet_blob(soup)
    assert [(f["key"], f["param"]) for f in data["facets"]] == list(FACETS.items())
    rows = body_rows(table_of(soup))
    names = {a.id: a.name for a in project.agencies}
    for facet in data["facets"]:
        in_rows = {i for row in rows for i in row_ids(row, data)[facet["key"]]}
        assert [o[0] for o in facet["options"]] == list(dict.fromkeys(o[0] for o in facet["options"]))  # each once
        assert {o[0] for o in facet["options"]} == in_rows, facet["key"]
        assert all(len(o) == 2 and o[1] for o in facet["options"]) and facet["label"]
    lead = next(f for f in data["facets"] if f["key"] == "lead")
    assert {o[0]: o[1] for o in lead["options"]} == {a: names[a] for t in plan.tasks if t.lead for a in t.lead.agencies}
    scripts = soup.select("article script")
    assert [s.get("type") for s in scripts] == ["application/json"]  # nothing in the page's content runs


# --- hostile names ----------------------------------------------------------------------------------------

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><b data-x="1">đậm</b>',
    "<!--<script>",
    "&lt;script&gt; & \\u003c",
    "\u202eevil\u202c",
]


def shown(text: str) -> str:
    """How a name must read on the page: bidi controls made visible (markup.visible)."""
    return re.sub("[\u202a-\u202e]", lambda m: f"[U+{ord(m.group(0)):04X}]", text)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real data, the seed plan's first task led by agencies with hostile names, citing a hostile title."""
    project = copy_project(tmp_path_factory.mktemp("hostile-tables"))
    agencies_file, legal_file = project / "plan_data/agencies.yaml", project / "plan_data/legal.yaml"
    plan_file = project / f"plan_data/plans/{SEED_PLAN}.yaml"
    agencies = yaml.safe_load(agencies_file.read_text(encoding="utf-8"))
    legal = yaml.safe_load(legal_file.read_text(encoding="utf-8"))
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    for i, payload in enumerate(HOSTILE):
        agencies["agencies"].append({"id": f"xss-{i}", "name": f"{payload} #{i}", "kind": "state", "place": "ke-sat"})
    legal["documents"].append({"id": "xss-doc", "type": "cong-van", "title": f"{HOSTILE[0]} title"})
    task = plan["content"]["sections"][0]["tasks"][0]
    task["lead"]["agencies"] += [f"xss-{i}" for i in range(len(HOSTILE))]
    task["cites"] = [*task.get("cites", []), "xss-doc"]
    for path, data in ((agencies_file, agencies), (legal_file, legal), (plan_file, plan)):
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = project / "site"
    assert build_site(project, out).returncode == 0
    return out


def test_hostile_names_stay_text_in_the_table_and_in_the_json(hostile_site):
    html = (hostile_site / APPENDIX / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner")
    assert not article.select("img, b, [onerror], [data-x]")
    assert [s.get("type") for s in article.select("script")] == ["application/json"]
    lead = body_rows(table_of(soup))[0].find_all("td")[2]
    names = [li.get_text(strip=True) for li in lead.select("ul > li")]
    assert names[-len(HOSTILE) :] == [shown(f"{p} #{i}") for i, p in enumerate(HOSTILE)]
    # The blob, as written: no '<' or '>' at all, so nothing in it can end the element or open a comment.
    raw = re.search(r'<script type="application/json" id="ps-facets">(.*?)</script>', html, re.S).group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    lead_labels = {o[0]: o[1] for f in data["facets"] if f["key"] == "lead" for o in f["options"]}
    assert all(lead_labels[f"xss-{i}"] == shown(f"{p} #{i}") for i, p in enumerate(HOSTILE))
    assert facet_blob(soup) == data


@pytest.mark.browser
def test_hostile_names_are_options_as_text_and_nothing_runs(hostile_site, serve, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    events = []
    page.on("dialog", lambda d: (events.append(d.message), d.dismiss()))
    page.goto(serve(hostile_site) + APPENDIX)
    options = page.eval_on_selector_all("#ps-facet-lead option", "os => os.map(o => [o.value, o.textContent])")
    labels = dict(options)
    assert all(labels[f"xss-{i}"] == f"{shown(p)} #{i} (1)" for i, p in enumerate(HOSTILE))
    page.select_option("#ps-facet-lead", "xss-0")
    assert page.locator("table.ps-appendix tbody tr:visible").count() == 1
    assert not events and page.locator("article img, article b").count() == 0
    page.close()


# --- in the browser: phone, filters, keyboard ---------------------------------------------------------------

VISIBLE_NUMBERS = """() => Array.from(document.querySelectorAll('table.ps-appendix tbody tr'))
    .filter(r => r.offsetParent !== null).map(r => r.cells[0].textContent.trim())"""


@pytest.mark.browser
def test_on_a_phone_rows_are_cards_and_nothing_scrolls_sideways(site, serve, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(serve(site) + APPENDIX)
    styles = page.eval_on_selector_all(
        "table.ps-appendix tbody tr",
        """rows => rows.map(r => [
        getComputedStyle(r).display, getComputedStyle(r.cells[1], '::before').content])""",
    )
    assert styles and all(display in ("block", "grid", "flex") for display, _ in styles)
    assert all(label == '"Nội dung nhiệm vụ"' for _, label in styles)  # "label: value", from data-label
    assert page.evaluate("document.documentElement.scrollWidth") <= 360 + 1
    header = page.locator("table.ps-appendix thead").bounding_box()
    assert header is None or header["width"] <= 1  # the header row is left to screen readers
    page.close()


@pytest.mark.browser
def test_without_javascript_the_table_is_whole(site, serve, browser, plan):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve(site) + APPENDIX)
    assert page.locator("table.ps-appendix tbody tr:visible").count() == len(plan.tasks)
    assert page.locator(".ps-facets select").count() == 0 and not page.locator(".ps-facets").is_visible()
    context.close()


def led_by(plan: Plan, agency: str) -> list[str]:
    return [plan.task_numbers[t.id] for t in plan.tasks if t.lead and agency in t.lead.agencies]


@pytest.mark.browser
def test_choosing_a_lead_agency_shows_its_tasks_in_the_address_and_after_a_reload(site, serve, browser, plan):
    base = serve(site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + APPENDIX)
    agencies = [v for v in page.eval_on_selector_all("#ps-facet-lead option", "os => os.map(o => o.value)") if v]
    assert set(agencies) == {a for t in plan.tasks if t.lead for a in t.lead.agencies}
    total = len(plan.tasks)
    for agency in agencies:
        page.select_option("#ps-facet-lead", agency)
        expected = led_by(plan, agency)
        assert page.evaluate(VISIBLE_NUMBERS) == expected, agency
        assert parse_qs(urlparse(page.url).query) == {"chu-tri": [agency]}
        assert page.inner_text(".ps-facets__status") == f"Hiển thị {len(expected)}/{total} nhiệm vụ"
        page.reload()
        assert page.input_value("#ps-facet-lead") == agency
        assert page.evaluate(VISIBLE_NUMBERS) == expected, f"{agency} after a reload"
    page.goto(base + APPENDIX + "?chu-tri=phong-van-hoa-xa-hoi&tinh-trang=chua-co-bao-cao")
    assert page.evaluate(VISIBLE_NUMBERS) == led_by(plan, "phong-van-hoa-xa-hoi")  # no report yet: every task
    page.goto(base + APPENDIX + "?chu-tri=phong-van-hoa-xa-hoi&thoi-gian=ongoing")
    ongoing = [plan.task_numbers[t.id] for t in plan.tasks if t.timing and t.timing.kind == "ongoing"]
    assert page.evaluate(VISIBLE_NUMBERS) == [n for n in led_by(plan, "phong-van-hoa-xa-hoi") if n in ongoing]
    page.click(".ps-facets__reset")
    assert page.evaluate(VISIBLE_NUMBERS) == numbers(plan) and urlparse(page.url).query == ""
    page.goto(base + APPENDIX + "?chu-tri=khong-co")  # an unknown id in a shared address: the whole table
    assert page.evaluate(VISIBLE_NUMBERS) == numbers(plan) and page.input_value("#ps-facet-lead") == ""
    page.close()


def tab_to(page, selector: str, limit: int = 80) -> int:
    """Press Tab until the element matching `selector` has focus; returns how many presses it took."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.browser
def test_filters_are_reached_and_used_with_the_keyboard(site, serve, browser, plan):
    base = serve(site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + APPENDIX)
    tab_to(page, "#ps-facet-lead")
    first = page.eval_on_selector_all("#ps-facet-lead option", "os => os.map(o => o.value)")[1]
    page.keyboard.press("ArrowDown")
    assert page.input_value("#ps-facet-lead") == first
    assert page.evaluate(VISIBLE_NUMBERS) == led_by(plan, first)
    assert parse_qs(urlparse(page.url).query) == {"chu-tri": [first]}
    for select in ("#ps-facet-cites", "#ps-facet-timing", "#ps-facet-forms", "#ps-facet-status"):
        page.keyboard.press("Tab")
        assert page.evaluate("s => document.activeElement.matches(s)", select)
    page.close()
    phone = browser.new_page(viewport={"width": 360, "height": 740})
    phone.goto(base + APPENDIX)
    assert not phone.locator("#ps-facet-lead").is_visible()  # on a phone the filters start folded
    tab_to(phone, ".ps-facets summary")
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.id") == "ps-facet-lead"
    phone.close()


# --- on paper -------------------------------------------------------------------------------------------------


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(n): body for n, body in re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)}


def _stream(body: bytes) -> bytes:
    head, rest = body.split(b"stream", 1)
    data = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
    return zlib.decompressobj().decompress(data) if b"/FlateDecode" in head else data


def _to_unicode(cmap: bytes) -> dict[bytes, str]:
    out = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[bytes.fromhex(src.decode())] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first, text = int(lo, 16), bytes.fromhex(dst.decode()).decode("utf-16-be")
            for i in range(int(hi, 16) - first + 1):
                out[(first + i).to_bytes(len(lo) // 2, "big")] = text[:-1] + chr(ord(text[-1]) + i)
    return out


def pdf_pages(pdf: bytes) -> list[dict]:
    """Each page of a PDF that Chromium printed: its MediaBox, its text runs (each text-showing operator,
    decoded with its font's ToUnicode map) and the addresses of its links. Enough for Chromium's own
    output (one content stream per page, fonts in the page's resources); not a general PDF reader."""
    objects, pages = _objects(pdf), []
    for body in objects.values():
        head = body.split(b"stream")[0]
        if not re.search(rb"/Type /Page\s", head):
            continue
        fonts = {}
        declared = re.search(rb"/Font <<(.*?)>>", head, re.S)
        for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", declared.group(1) if declared else b""):
            font = objects[int(ref)]
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", font)
            fonts[name] = (
                _to_unicode(_stream(objects[int(cmap.group(1))])) if cmap else {},
                2 if b"/Type0" in font else 1,
            )
        content = _stream(objects[int(re.search(rb"/Contents (\d+) 0 R", head).group(1))])
        runs, (cmap, width) = [], ({}, 2)
        for m in re.finditer(rb"/(\w+) [\d.]+ Tf|\[(.*?)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj", content, re.S):
            if m.group(1):
                cmap, width = fonts.get(m.group(1), ({}, 2))
                continue
            raw = b"".join(
                bytes.fromhex(h.decode())
                for h in (re.findall(rb"<([0-9A-Fa-f]*)>", m.group(2)) if m.group(2) is not None else [m.group(3)])
            )
            runs.append(
                unicodedata.normalize(
                    "NFC", "".join(cmap.get(raw[i : i + width], "\ufffd") for i in range(0, len(raw), width))
                )
            )
        annots = re.search(rb"/Annots \[([^\]]*)\]", head)
        uris = [
            m.decode()
            for ref in re.findall(rb"(\d+) 0 R", annots.group(1) if annots else b"")
            for m in re.findall(rb"/URI \(([^)]*)\)", objects.get(int(ref), b""))
        ]
        box = [float(x) for x in re.search(rb"/MediaBox \[([^\]]*)\]", head).group(1).split()]
        pages.append({"size": (box[2] - box[0], box[3] - box[1]), "runs": runs, "uris": uris})
    return pages


def is_size(size: tuple[float, float], expected: tuple[int, int]) -> bool:
    return abs(size[0] - expected[0]) <= 1 and abs(size[1] - expected[1]) <= 1


@pytest.mark.browser
def test_appendix_prints_on_a4_landscape_header_on_every_page_no_row_split(site, serve, browser, plan):
    page = browser.new_page()
    page.goto(serve(site) + APPENDIX)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes and all(
        is_size((float(x1) - float(x0), float(y1) - float(y0)), A4_LANDSCAPE) for x0, y0, x1, y1 in boxes
    )
    pages = pdf_pages(pdf)
    assert len(pages) == len(boxes) >= 2  # five tasks with their lists do not fit one landscape page
    for n, p in enumerate(pages):
        assert p["runs"].count("STT") == 1, f"page {n + 1}: the header row, once"
    table = [p["runs"][p["runs"].index("STT") :] for p in pages]  # each page from its header row on
    runs = [r for page_runs in table for r in page_runs]
    for task in plan.tasks:
        number = plan.task_numbers[task.id]
        assert runs.count(number) == 1, f"task {number} printed {runs.count(number)} times"
        on = [n for n, page_runs in enumerate(table) if number in page_runs]
        linked = {n for n, p in enumerate(pages) for uri in p["uris"] if uri.endswith(f"/nhiem-vu/{task.id}/")}
        assert linked == set(on), f"task {number}: its row is on pages {linked}, its number on {on}"
    for p, page_runs in zip(pages, table):  # every link to a task is on the page of its number: no row split
        for uri in p["uris"]:
            assert "/nhiem-vu/" not in uri or any(
                uri.endswith(f"/nhiem-vu/{t.id}/") and plan.task_numbers[t.id] in page_runs for t in plan.tasks
            )
    page.emulate_media(media="print")
    styles = page.evaluate("""() => {
        const t = document.querySelector('table.ps-appendix'), s = (e, p) => e ? getComputedStyle(e)[p] : 'none';
        return {thead: s(t.tHead, 'display'), breaks: Array.from(t.tBodies[0].rows).map(r => s(r, 'breakInside')),
                hidden: ['.ps-facets__form', '.md-header', '.md-sidebar--primary', '.ps-share', '.ps-search']
                    .map(q => s(document.querySelector(q), 'display')),
                visible: Array.from(t.tBodies[0].rows).filter(r => r.offsetParent !== null).length};
    }""")
    assert styles["thead"] == "table-header-group"
    assert styles["breaks"] == ["avoid"] * len(plan.tasks)
    assert styles["hidden"] == ["none"] * 5 and styles["visible"] == len(plan.tasks)
    printed = page.eval_on_selector_all("table.ps-appendix tbody tr", "rs => rs.map(r => r.cells[1].innerText)")
    assert [t.split() for t in printed] == [task.text.split() for task in plan.tasks]  # on paper: whole, no "…"
    page.emulate_media(media="screen")
    shown = page.eval_on_selector_all("table.ps-appendix tbody tr", "rs => rs.map(r => r.cells[1].innerText)")
    assert [" ".join(t.split()) for t in shown] == [
        " ".join(task.text.split()[:20]) + ("…" if len(task.text.split()) > 20 else "") for task in plan.tasks
    ]
    assert shown != printed  # the seed plan has long tasks
    page.close()


@pytest.mark.browser
def test_plan_page_prints_on_a4_portrait_in_the_documents_order(site, serve, browser, plan):
    page = browser.new_page()
    page.goto(serve(site) + f"ke-hoach/{SEED_PLAN}/")
    pages = pdf_pages(page.pdf(prefer_css_page_size=True))
    assert pages and all(is_size(p["size"], A4_PORTRAIT) for p in pages)
    squeeze = lambda s: re.sub(r"\s+", "", unicodedata.normalize("NFC", s)).casefold()  # lines break anywhere
    text = squeeze("".join(r for p in pages for r in p["runs"]))
    parts = [
        f"I. {plan.purpose.heading}",
        f"II. {plan.content.heading}",
        *(" ".join(task.text.split()[:8]) for task in plan.tasks),
        f"III. {plan.implementation.heading}",
    ]
    at = 0
    for part in parts:  # each after the one before, as in the signed document
        found = text.find(squeeze(part), at)
        assert found >= 0, f"{part!r} not printed after position {at}"
        at = found + 1
    page.close()


# --- plain tables: built in Material's scroll box ---------------------------------------------------------

GUIDE = "huong-dan-bien-tap/"  # plain tables
OPEN_DATA = "du-lieu/"  # plain tables that fit a phone only with the phone rules of plan-site.css


def test_no_page_leaves_a_plain_table_for_materials_script_to_move(site):
    """Every class-less table is written in its scroll box by the build: Material's script, which wraps
    `table:not([class])` after the page is laid out (restyling the whole article for each), finds none."""
    pages = sorted(site.rglob("*.html"))
    assert [p.relative_to(site).as_posix() for p in pages if "<table>" in p.read_text(encoding="utf-8")] == []
    for path in ("tu-viet-tat", "du-lieu", "huong-dan-bien-tap"):
        tables = soup_of(site, path).select("article table")
        assert tables, path
        for table in tables:
            if "ps-table" not in table.get("class", []):
                continue
            box = table.parent
            assert box.name == "div" and box.get("class") == ["md-typeset__table"], path
            assert box.parent.get("class") == ["md-typeset__scrollwrap"], path
            assert table.find_previous_sibling() is None and table.find_next_sibling() is None


PARITY = """() => {
    // A plain table as Material's script wraps it (no class: Material's own rules), beside one of ours.
    const ours = document.querySelector('article table.ps-table');
    const plain = ours.cloneNode(true);
    plain.removeAttribute('class');
    const box = document.createElement('div'), inner = document.createElement('div');
    box.className = 'md-typeset__scrollwrap'; inner.className = 'md-typeset__table';
    inner.append(plain); box.append(inner); ours.closest('.md-typeset__scrollwrap').after(box);
    const props = ['display', 'width', 'fontSize', 'lineHeight', 'overflowX', 'backgroundColor', 'borderTopWidth',
        'borderTopStyle', 'borderTopColor', 'borderLeftWidth', 'borderTopLeftRadius', 'paddingTop', 'paddingLeft',
        'minWidth', 'fontWeight', 'verticalAlign', 'textAlign', 'transitionDuration', 'wordBreak', 'height'];
    const style = t => [t, t.querySelector('th'), t.querySelector('td'), t.querySelector('tbody tr'),
                        t.querySelector('td a')].map(e => e && props.map(p => getComputedStyle(e)[p]));
    const result = {ours: style(ours), plain: style(plain)};
    box.remove();
    return result;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_a_plain_table_is_drawn_as_materials_own(site, serve, browser, width):
    """table.ps-table (plan-site.css) computes to what Material's rules give a class-less table."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(serve(site) + OPEN_DATA)
    styles = page.evaluate(PARITY)
    assert styles["ours"][0] and styles["ours"] == styles["plain"]
    page.close()


MARKS = """() => Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(b => ({
    scrolls: b.scrollWidth > b.clientWidth + 1, nested: !!b.querySelector('.md-typeset__scrollwrap'),
    tabindex: b.getAttribute('tabindex'), role: b.getAttribute('role'), label: b.getAttribute('aria-label')}))"""


def assert_marked(marks):
    """A box that scrolls is a named tab stop (a region); one that does not is left as it was written."""
    assert marks and not any(m["nested"] for m in marks)  # Material's script did not wrap them again
    for m in marks:
        if m["scrolls"]:
            assert (m["tabindex"], m["role"]) == ("0", "region") and m["label"].startswith("Bảng: "), m
        else:
            assert (m["tabindex"], m["role"], m["label"]) == (None, None, None), m
    labels = [m["label"] for m in marks if m["label"]]
    assert len(labels) == len(set(labels))  # numbered where a heading has several


@pytest.mark.browser
def test_tables_wider_than_their_box_are_named_tab_stops_and_stop_being_so_when_they_fit(site, serve, browser):
    """At 360 px every plain table fits (nothing to swipe); squeezed narrower than any phone, the ones that
    then scroll become named tab stops, and stop being so once the window is wide again."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in (GUIDE, OPEN_DATA):
        page.goto(serve(site) + path)
        phone = page.evaluate(MARKS)
        assert_marked(phone)
        assert not any(m["scrolls"] for m in phone), path
    page.set_viewport_size({"width": 200, "height": 740})
    page.wait_for_timeout(600)  # the marks follow a resize after 200 ms
    narrow = page.evaluate(MARKS)
    assert_marked(narrow)
    page.set_viewport_size({"width": 1600, "height": 900})
    page.wait_for_timeout(600)
    wide = page.evaluate(MARKS)
    assert_marked(wide)
    assert sum(m["scrolls"] for m in wide) < sum(m["scrolls"] for m in narrow)
    page.close()
