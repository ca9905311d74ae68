"""A task's printable notice for the commune's notice board: its content in the built site (the task page's own
layout: a head at #thong-bao, the page's sections marked .ps-n, an end with the QR code's box), its QR code
drawn by the browser (docs/assets/plan-notice.js) and decoded back from a screenshot and from the printed PDF in
real Chromium, and its layout (shown alone when the address
names it, on screen and on one A4 sheet, no site chrome; hidden otherwise)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, load_project
from plansite.addresses import task_uri
from plansite.search.stored import read_index
from plansite.site.html.markup import escape
from plansite.site.html.page_writer import PageWriters
from plansite.site.index.relations import build_relations
from plansite.site.options import SiteOptions
from plansite.site.parts.outreach_parts import feedback_section
from plansite.site.render.render_notice import IN_NOTICE, first_sentence, render_notice
from plansite.site.render.render_task import text_paragraph

SITE_URL = "https://ke-sat.example.vn/"
QR_LABEL = "Mã QR tới trang nhiệm vụ"  # the drawn code's alt text (plan-notice.js)
CELL, QUIET = 8, 4  # pixels a module, modules of white around the code (plan-notice.js)
A4_POINTS = (595.28, 841.89)  # 210 × 297 mm
CM = 96 / 2.54  # CSS pixels per centimetre
PT = 96 / 72  # CSS pixels per point


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory) -> Path:
    """The real site built with a public address (mkdocs.yml `site_url`): notices carry QR codes."""
    root = copy_project(tmp_path_factory.mktemp("notice-url"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nsite_url:" not in text
    config.write_text(text.replace("\ndocs_dir:", f"\nsite_url: {SITE_URL}\ndocs_dir:", 1), encoding="utf-8")
    out = root / "out"
    result = build_site(root, out)
    assert result.returncode == 0, result.stderr
    return out


def tasks(project):
    return [(plan, task) for plan in project.plans for task in plan.tasks]


def task_path(plan, task) -> str:
    return f"ke-hoach/{plan.id}/nhiem-vu/{task.id}/"


def notice_path(plan, task) -> str:
    return f"ke-hoach/{plan.id}/nhiem-vu/{task.id}/#thong-bao"


def page(site: Path, url_path: str) -> BeautifulSoup:
    path = site / url_path.split("#")[0].strip("/") / "index.html"
    assert path.is_file(), f"no page at /{url_path}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# What the notice shows of its task's page (docs/assets/plan-site.css; the browser test below checks that these
# are exactly the article's children that are visible at #thong-bao): its head, the task's heading, the
# sections marked IN_NOTICE and its end.
NOTICE_PARTS = f"article.md-content__inner > :is(#thong-bao.ps-notice, h1, .{IN_NOTICE}, .ps-notice__end)"


def notice(site: Path, plan, task):
    """The notice as shown (head first, then the rest in the page's order), as one fragment."""
    soup = page(site, notice_path(plan, task))
    head = soup.select_one("article.md-content__inner > #thong-bao.ps-notice")
    assert head is not None, f"{notice_path(plan, task)} has no .ps-notice block"
    rest = [part for part in soup.select(NOTICE_PARTS) if part is not head]
    return BeautifulSoup(str(head) + "".join(map(str, rest)), "html.parser")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def section(block, heading: str) -> str:
    """The text under the h2 `heading`, up to the next h2."""
    h2 = next(h for h in block.find_all("h2") if h.get_text(strip=True) == heading)
    parts = []
    for sibling in h2.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(words(sibling))
    return " ".join(parts)


def fact(block, label: str) -> str:
    """The words of the section headed `label` that is the heading and one block (who leads, who coordinates,
    when), shown as one line: "label: …"."""
    h2 = next(h for h in block.select(f".{IN_NOTICE} > h2:first-child") if h.get_text(strip=True) == label)
    assert len(h2.parent.find_all(recursive=False)) == 2, label
    return words(h2.parent).removeprefix(label).strip()


def test_every_task_has_a_notice_with_summary_agencies_timing_and_feedback(site, project):
    for plan, task in tasks(project):
        block = notice(site, plan, task)
        text = words(block)
        head = block.select_one("#thong-bao")
        assert head.h1.get_text(strip=True) == "Thông báo" and not head.find(id=re.compile("."))  # no toc entry
        assert project_agency(project, plan.issuer).name in words(head)  # the issuing body
        assert " ".join(plan.title.split()) in words(head)
        assert block.find("h1", recursive=False).get_text().startswith(f"Nhiệm vụ {plan.task_numbers[task.id]}: ")
        about = words(block.select_one(f".{IN_NOTICE} > .admonition"))
        assert " ".join(task.summary.split()) in about
        assert about.startswith("Tóm tắt dễ hiểu (do biên tập viên viết")  # labelled as the editors' words
        assert " ".join(task.text.split()) not in text  # the summary, not the signed text again
        for label, assignment in (("Cơ quan thực hiện", task.lead), ("Cơ quan phối hợp", task.coordinating)):
            line = fact(block, label)
            names = [project_agency(project, a).name for a in (assignment.agencies if assignment else ())]
            assert all(name in line for name in names), (label, names, line)
            assert names or "văn bản không ghi" in line.lower()
        assert f"“{' '.join(task.timing.text.split())}”" in fact(block, "Thời gian thực hiện")
        feedback = section(block, "Góp ý, phản ánh")
        for office in plan.feedback.agencies:
            assert project_agency(project, office).name in feedback
        for left_out in ("Căn cứ, văn bản được dẫn", "Vị trí trong kế hoạch", "Tình trạng:"):
            assert left_out not in text, left_out


def project_agency(project, agency_id):
    return next(a for a in project.agencies if a.id == agency_id)


def test_task_page_links_to_its_notice(site, project):
    for plan, task in tasks(project):
        soup = page(site, task_path(plan, task))
        link = soup.select_one("article.md-content__inner").find("a", string="In thông báo để niêm yết")
        assert link, task_path(plan, task)
        target = urljoin(f"http://site/{task_path(plan, task)}", link["href"])
        assert target == f"http://site/{notice_path(plan, task)}" and soup.select_one("#thong-bao.ps-notice")
        back = soup.select_one("#thong-bao .ps-notice__screen a")
        assert urljoin(f"http://site/{task_path(plan, task)}", back["href"]) == f"http://site/{task_path(plan, task)}"
        assert not any("ps-notice" in str(h) for h in soup.select(".md-sidebar--secondary a"))  # toc: the task's


@pytest.mark.browser
def test_on_screen_the_notice_shows_alone_at_its_address_and_is_hidden_otherwise(site, project, serve, browser):
    """The task page's "In thông báo" link shows the notice alone: its head first, then the task's heading and
    the sections it shows (NOTICE_PARTS, what the tests above read), then its end; the rest of the task, its
    table of contents and share buttons hidden. Its "Về trang nhiệm vụ" link brings the task back, and the
    notice goes."""
    base = serve(site)
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    shown = """() => [...document.querySelector('article').children].filter(e => e.getClientRects().length)
        .map(e => [e.matches(arguments[0]), e.getBoundingClientRect().top, e.id || e.className || e.tagName])"""
    shown = shown.replace("arguments[0]", repr(NOTICE_PARTS.removeprefix("article.md-content__inner > ")))
    try:
        for plan, task in tasks(project)[:2]:
            tab.goto(base + task_path(plan, task))
            docs = tab.locator("#can-cu-van-ban-duoc-dan")
            assert docs.is_visible() and not tab.locator("#thong-bao").is_visible()
            assert tab.locator(".md-sidebar--secondary").is_visible()
            assert not tab.locator(".ps-notice__end").is_visible()
            tab.locator("article").get_by_role("link", name="In thông báo để niêm yết").click()
            assert tab.url == base + notice_path(plan, task)
            assert (
                tab.locator("#thong-bao h1").is_visible() and tab.locator("#thong-bao .ps-notice__issuer").is_visible()
            )
            assert not docs.is_visible() and not tab.locator("article > .ps-share").is_visible()
            assert not tab.locator(".md-sidebar--secondary").is_visible()
            visible = tab.evaluate(shown)
            assert all(part for part, _, _ in visible), visible  # nothing but the notice's parts
            soup = page(site, task_path(plan, task))
            assert len(visible) == len(soup.select(NOTICE_PARTS)), visible
            by_top = [name for _, _, name in sorted(visible, key=lambda part: part[1])]
            assert by_top[0] == "thong-bao" and by_top[-1] == "ps-notice__end", by_top  # head first, end last
            assert tab.locator(".ps-notice__end .ps-notice__heading").is_visible()
            tab.locator("#thong-bao .ps-notice__screen").get_by_role(
                "link", name=re.compile("^‹ Về trang nhiệm vụ")
            ).click()
            tab.wait_for_url(base + task_path(plan, task))
            assert docs.is_visible() and not tab.locator("#thong-bao").is_visible()
    finally:
        tab.close()


@pytest.mark.browser
def test_an_old_notice_address_opens_the_notice_on_the_task_page(site, project, serve, browser):
    """Notices had pages of their own (…/thong-bao/<task>/): the host answers such an address with 404.html,
    which sends the reader on to the task page's notice."""
    base = serve(site)
    plan, task = tasks(project)[0]
    tab = browser.new_page()
    try:
        old = f"{base}ke-hoach/{plan.id}/thong-bao/{task.id}/"
        other = f"{base}ke-hoach/{plan.id}/khong-co/"
        for missing in (old, other):  # as GitHub Pages answers
            tab.route(missing, lambda route: route.fulfill(status=404, path=str(site / "404.html")))
        tab.goto(old)
        tab.wait_for_url(base + notice_path(plan, task))
        assert tab.locator("#thong-bao h1").is_visible()
        tab.goto(other)  # any other missing address stays the 404 page
        assert tab.url == other and tab.locator("h1").first.inner_text() == "404 - Not found"
    finally:
        tab.close()


def test_the_notice_says_how_to_print_in_a_line_and_links_the_guides_how_to(site, project):
    """On screen above the notice: one line on printing, and a link to the editors' guide's section on the
    notice, where the whole how-to is (docs/huong-dan-bien-tap.md)."""
    plan, task = tasks(project)[0]
    head = page(site, task_path(plan, task)).select_one("#thong-bao .ps-notice__screen")
    guide = head.find("a", string="Cách in")
    assert "Ctrl+P" in head.get_text() and "A4" in head.get_text() and len(head.get_text()) < 250
    target = (site / task_path(plan, task) / guide["href"].split("#")[0]).resolve() / "index.html"
    section = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=guide["href"].split("#")[1])
    assert section and section.name == "h3" and "niêm yết" in section.get_text()
    text = " ".join(section.find_next("p").get_text().split())
    assert "Ctrl+P" in text and "khổ giấy A4, hướng dọc" in text


def test_search_reads_the_task_not_its_notice_again(site, project):
    """The notice repeats the task for paper: the words search keeps of a task page are the task's alone."""
    from plansite.search.excerpt import page_texts, screen_part

    plan, task = tasks(project)[0]
    html = str(page(site, task_path(plan, task)).select_one("article.md-content__inner"))
    assert "Ctrl+P" in html and "Về nhiệm vụ" in html
    text, excerpt = page_texts(screen_part(html))
    assert task.text.split()[0] in text and "Ctrl+P" not in text and "Về nhiệm vụ" not in text
    snippets = list(read_index(site).values())  # every index file, shards and snippets unpacked
    assert snippets and not any("Ctrl+P" in s or "Về nhiệm vụ" in s for s in snippets)


def test_without_site_url_no_qr_but_the_way_to_the_task_page(site, project):
    for plan, task in tasks(project):
        block = notice(site, plan, task)
        assert not block.select(".ps-qr") and not block.find("img")
        where = section(block, "Xem trên mạng")
        assert f"Nhiệm vụ {plan.task_numbers[task.id]}" in where and "Kế hoạch ›" in where
        assert f"/{task_path(plan, task)}" in where


def test_with_site_url_the_notice_has_a_box_for_its_qr_code_and_the_address(site_with_url, project):
    """The page carries the code's box, empty (the browser draws the code: the tests below), and the address in
    words; the code is drawn from the page's canonical address, which is the one the notice prints."""
    for plan, task in tasks(project):
        block = notice(site_with_url, plan, task)
        box = block.select_one(".ps-notice__online > .ps-qr")
        assert box is not None and not box.contents
        url = SITE_URL + task_path(plan, task)
        assert url in section(block, "Xem trên mạng")
        assert page(site_with_url, task_path(plan, task)).select_one('link[rel="canonical"]')["href"] == url


def open_notice(tab, address: str):
    """Go to a notice and wait for its QR code to be drawn; the <img>."""
    tab.goto(address)
    image = tab.locator(".ps-notice__online .ps-qr > img")
    image.wait_for(state="visible", timeout=10_000)
    return image


def test_the_notice_is_pure_escaped_and_falls_back_to_the_first_sentence(project):
    plan = project.plans[0]
    rel = build_relations(project, None)
    task = dataclasses.replace(
        plan.tasks[0], summary=None, text="Tuyên truyền <script>alert(1)</script> *rộng rãi*. Câu thứ hai."
    )
    options = SiteOptions(site_url=SITE_URL)
    first = render_notice(plan, rel.names, task, options, PageWriters().page(task_uri(plan, task)))
    again = render_notice(plan, rel.names, task, options, PageWriters().page(task_uri(plan, task)))
    assert first == again  # same input, same bytes
    body = first
    assert body.startswith('<div class="ps-notice" id="thong-bao" data-ps-print-only>')
    assert "Tuyên truyền" not in body and "<script" not in body  # the task's words are the page's, not a copy
    assert first_sentence("Không có dấu chấm") == "Không có dấu chấm"
    assert first_sentence("Số 01-CTr/BXDĐ. Tiếp") == "Số 01-CTr/BXDĐ."
    assert "<img " not in body and '<div class="ps-qr"></div>' in body  # the browser draws the code
    # Without a summary the page's text paragraph is the notice's: its first sentence shown, the rest a span
    # the notice hides; escaped like any text.
    text = BeautifulSoup(text_paragraph(task, escape), "html.parser").p
    assert text["class"] == [IN_NOTICE, "ps-n--first"] and not text.find("script")
    assert text.get_text() == task.text
    assert text.span["class"] == ["ps-n__rest"] and text.span.get_text() == " Câu thứ hai."
    assert "Tuyên truyền &lt;script&gt;alert(1)&lt;/script&gt; *rộng rãi*.<span " in text_paragraph(task, escape)
    one = dataclasses.replace(task, text="Một câu không có dấu chấm")
    assert text_paragraph(one, escape) == f'<p class="{IN_NOTICE} ps-n--first">Một câu không có dấu chấm</p>\n'
    with_summary = dataclasses.replace(task, summary="Tóm tắt.")
    assert text_paragraph(with_summary, escape).startswith("<p>Tuyên truyền")  # the notice shows the summary


@pytest.mark.browser
def test_without_a_summary_the_notice_labels_the_first_sentence_and_leaves_out_the_rest(tmp_path, serve, browser):
    """The seed's tasks all have a summary: a copy with one removed shows, at its notice, the signed text's first
    sentence labelled as such (the stylesheet's words) and not the rest of it; the task page shows the text
    whole and no label."""
    root = copy_project(tmp_path)
    plan = load_project(ROOT).plans[0]
    task = plan.tasks[0]
    plan_file = root / "plan_data" / "plans" / f"{plan.id}.yaml"
    text = plan_file.read_text(encoding="utf-8")
    start = text.index(f"- id: {task.id}\n")
    summary = re.compile(r"( +)summary: >-\n(?:\1  .*\n)+").search(text, start)
    assert summary and summary.start() < text.index("text:", start), "the first task's summary"
    plan_file.write_text(text[: summary.start()] + text[summary.end() :], encoding="utf-8")
    result = build_site(root, tmp_path / "site", expect_warnings=("summary",))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    base = serve(site)
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        tab.goto(base + notice_path(plan, task))
        shown = tab.locator("article > p.ps-n--first")
        label = shown.evaluate("e => getComputedStyle(e, '::before').content")
        assert label == '"Câu đầu của nhiệm vụ (nguyên văn kế hoạch; chưa có tóm tắt dễ hiểu): "'
        assert " ".join(shown.inner_text().split()) == " ".join(first_sentence(task.text).split())
        # The seed's texts are one sentence each: the rest (its markup: the test above) given one here.
        shown.evaluate("e => e.insertAdjacentHTML('beforeend', '<span class=\"ps-n__rest\"> Câu thứ hai.</span>')")
        assert not tab.locator("article > p.ps-n--first > .ps-n__rest").is_visible()
        assert "Câu thứ hai" not in shown.inner_text()
        tab.goto(base + task_path(plan, task))
        assert " ".join(shown.inner_text().split()) == " ".join(task.text.split())
        assert shown.evaluate("e => getComputedStyle(e, '::before').content") == "none"
    finally:
        tab.close()


@pytest.mark.browser
def test_the_code_s_library_is_fetched_once_for_a_notice_and_never_for_a_task_page(
    site_with_url, project, serve, browser
):
    """A reader of a task page fetches nothing for a notice they do not open; the notice's "In thông báo" link
    fetches the library from the site (pinned, the vendored file: no other host) and draws the code."""
    base = serve(site_with_url)
    plan, task = tasks(project)[0]
    tab = browser.new_page()
    requested = []
    tab.on("request", lambda request: requested.append(request.url))
    try:
        tab.goto(base + task_path(plan, task))
        tab.wait_for_load_state("networkidle")
        assert not [url for url in requested if "qrcode" in url] and not tab.locator(".ps-qr img").count()
        tab.locator("article").get_by_role("link", name="In thông báo để niêm yết").click()
        tab.locator(".ps-qr img").wait_for(state="visible", timeout=10_000)
        tab.evaluate("() => { location.hash = ''; location.hash = '#thong-bao'; }")  # opened again: drawn once
        tab.wait_for_load_state("networkidle")
        fetched = [url for url in requested if "qrcode" in url]
        assert fetched == [base + "assets/vendor/qrcode-generator-2.0.4.js"], fetched
        assert tab.locator(".ps-qr img").count() == 1
        assert all(url.startswith(base) for url in requested), "nothing from another host"
    finally:
        tab.close()


@pytest.mark.browser
def test_without_javascript_the_notice_prints_the_address_and_no_empty_box(site_with_url, project, serve, browser):
    base = serve(site_with_url)
    plan, task = tasks(project)[0]
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(base + notice_path(plan, task))
        tab.emulate_media(media="print")
        assert not tab.locator(".ps-qr").is_visible()
        assert SITE_URL + task_path(plan, task) in tab.locator(".ps-notice__online").inner_text()
    finally:
        context.close()


def modules(pixels, cell: int = CELL):
    """The QR code's modules (True: dark) of a drawn image: one pixel from the middle of each cell, the white
    around it cut off."""
    margin = QUIET * cell
    return pixels[margin + cell // 2 : -margin : cell, margin + cell // 2 : -margin : cell] < 128


def error_level(dark) -> str:
    """The error-correction level written in a code's format bits (ISO/IEC 18004 7.9: the two bits next to
    the top-left finder, unmasked with 0b10)."""
    return "MLHQ"[(int(dark[8, 0]) << 1 | int(dark[8, 1])) ^ 0b10]


@pytest.mark.browser
def test_the_browser_draws_codes_that_decode_for_many_addresses(site_with_url, project, serve, browser):
    """plan-notice.js draws the code of the page's canonical address. Given 300 addresses of the shapes a
    province's notices have, in turn, each code is black and white, of the size its <img> says, and decodes
    to its address, as drawn and at 2 and 3 pixels a module, in zxing-cpp (ZXing: the decoder of many phones'
    scanners; OpenCV 5's misses a few of any encoder's codes that chose a mask by the standard's scores, as
    segno's did); its error correction is at least M, and Q where the code has room."""
    import base64
    import io
    import random

    import numpy
    import zxingcpp
    from PIL import Image

    rng = random.Random(5)
    read = lambda image: [code.text for code in zxingcpp.read_barcodes(image)]  # noqa: E731
    hosts = ["tinh-mau.example.org", "xa-ke-sat.example.vn", "kehoach.example.vn/tinh-an"]
    urls = [
        f"https://{rng.choice(hosts)}/ke-hoach/ke-hoach-{rng.randrange(900)}/nhiem-vu/"
        f"{rng.choice(['nhiem-vu-', 'quan-triet-', 'tuyen-truyen-chi-thi-'])}{rng.randrange(60)}/"
        for _ in range(300)
    ] + ["https://a.vn/" + "x" * 30]  # 43 bytes: the smallest code at M (version 4) holds them at Q too
    # The offline edition's pages have file names (…/<task>.html) in their canonical address: the code gives
    # the published site's folder form, as the notice's text does.
    offline = "https://tinh-mau.example.org/ke-hoach/a/nhiem-vu/b"
    addresses = {url: url for url in urls} | {offline + ".html": offline + "/"}
    base = serve(site_with_url)
    plan, task = tasks(project)[0]
    tab = browser.new_page()
    levels, decoded = [], 0
    try:
        open_notice(tab, base + notice_path(plan, task))
        for page_url, url in addresses.items():
            drawn = tab.evaluate(
                """async url => {
                    document.querySelector('link[rel="canonical"]').href = url;
                    document.querySelector('.ps-qr').replaceChildren();
                    location.hash = '';
                    location.hash = '#thong-bao';
                    for (let i = 0; i < 200 && !document.querySelector('.ps-qr img'); i++)
                        await new Promise(done => setTimeout(done, 5));
                    const image = document.querySelector('.ps-qr img');
                    await image.decode();
                    const size = side => +image.getAttribute(side);
                    return [image.src, size('width'), size('height'), image.alt, image.naturalWidth];
                }""",
                page_url,
            )
            src, width, height, alt, natural = drawn
            assert src.startswith("data:image/") and alt == QR_LABEL and width == height == natural, drawn[1:]
            pixels = numpy.asarray(Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("L"))
            assert pixels.shape == (width, width) and set(numpy.unique(pixels)) <= {0, 255}
            dark = modules(pixels)
            assert (len(dark) - 17) % 4 == 0 and (len(dark) + 2 * QUIET) * CELL == width
            levels.append(error_level(dark))
            decoded += read(pixels) == [url]
            for scale in (2, 3):  # as a phone's camera sees a printed code: a few pixels a module
                image = numpy.pad(numpy.kron(~dark, numpy.ones((scale, scale), bool)), QUIET * scale, constant_values=1)
                decoded += read(image.astype(numpy.uint8) * 255) == [url]
    finally:
        tab.close()
    assert decoded == 3 * len(addresses)
    assert set(levels) == {"M", "Q"}, sorted(set(levels))  # at least M; Q where the code had room


def test_feedback_office_contacts_are_the_data_s_never_made_up(project):
    """The notice's feedback section is the task page's: the contacts the data has, and nothing said of the
    missing ones; the online channel's address is printed after its link (a.ps-url, the stylesheet)."""
    plan, task = project.plans[0], project.plans[0].tasks[0]
    rel = build_relations(project, None)
    office = plan.feedback.agencies[-1]
    without = feedback_section(plan, task, rel.names, PageWriters().page(task_uri(plan, task)), SiteOptions())
    assert "Điện thoại" not in without and "chưa có" not in without and "Địa chỉ" not in without  # left out, unsaid
    agencies = tuple(
        dataclasses.replace(a, phone="0220 3 123 456", address="Số 1 <b>") if a.id == office else a
        for a in project.agencies
    )
    rel = build_relations(dataclasses.replace(project, agencies=agencies), None)
    options = SiteOptions(feedback_url="https://gop-y.example/")
    with_contacts = feedback_section(plan, task, rel.names, PageWriters().page(task_uri(plan, task)), options)
    text = words(BeautifulSoup(with_contacts, "html.parser"))
    assert "Điện thoại: 0220 3 123 456" in text and "Địa chỉ: Số 1 <b>" in text and "<b>" not in with_contacts
    assert "Thư điện tử" not in with_contacts  # the data has none
    channel = BeautifulSoup(with_contacts, "html.parser").select_one("a.ps-url")
    assert channel["href"] == "https://gop-y.example/"
    css = (ROOT / "docs" / "assets" / "plan-site.css").read_text(encoding="utf-8")
    assert 'a.ps-url::after { content: " (" attr(href) ")"; }' in css


@pytest.mark.browser
def test_the_qr_code_decodes_to_the_task_page(site_with_url, project, serve, browser):
    import cv2
    import numpy

    base = serve(site_with_url)
    page = browser.new_page(device_scale_factor=2)
    try:
        for plan, task in tasks(project):
            image = open_notice(page, base + notice_path(plan, task))
            assert image.get_attribute("alt") == QR_LABEL
            png = page.locator(".ps-qr").screenshot()
            image = cv2.imdecode(numpy.frombuffer(png, numpy.uint8), cv2.IMREAD_GRAYSCALE)
            decoded, points, _ = cv2.QRCodeDetector().detectAndDecode(image)
            assert points is not None, f"no QR code found on {notice_path(plan, task)}"
            assert decoded == SITE_URL + task_path(plan, task)
    finally:
        page.close()


def pdf_images(pdf: bytes) -> list[tuple[bytes, object]]:
    """(dictionary, grey pixels as a numpy array) of each 8-bit Flate-compressed image XObject of a PDF, as
    Chromium writes them (a direct /Length; RGB or grey)."""
    import zlib

    import numpy

    out = []
    for match in re.finditer(rb"<<((?:(?!>>).)*?/Subtype\s*/Image(?:(?!>>).)*)>>\s*stream\r?\n", pdf, flags=re.S):
        info = match.group(1)
        number = lambda key: int(re.search(rb"/" + key + rb"\s+(\d+)(?!\s+\d+\s+R)", info).group(1))  # noqa: E731
        assert b"/FlateDecode" in info and number(b"BitsPerComponent") == 8, info
        width, height = number(b"Width"), number(b"Height")
        raw = zlib.decompress(pdf[match.end() : match.end() + number(b"Length")])
        channels = len(raw) // (width * height)
        pixels = numpy.frombuffer(raw, numpy.uint8)[: width * height * channels]
        out.append((info, pixels.reshape(height, width, channels)[:, :, 0]))
    return out


@pytest.mark.browser
def test_the_printed_qr_code_is_sharp_and_decodes(site_with_url, project, serve, browser):
    """The code is an image of CELL pixels a module. Printed to PDF by Chromium, it is that image at its own
    pixels with no smoothing asked for (/Interpolate is not true: a printer repeats each pixel): at the
    printed 5 cm and 300 dpi it is black and white only and decodes to the task page; and where a viewer
    smooths it anyway (bilinear), under a tenth of it turns grey and it still decodes."""
    import cv2
    import numpy

    base = serve(site_with_url)
    page = browser.new_page()
    dots = round(5 / 2.54 * 300)  # 5 cm at 300 dpi
    try:
        for plan, task in tasks(project)[:3]:
            url = SITE_URL + task_path(plan, task)
            side = open_notice(page, base + notice_path(plan, task)).evaluate("image => image.naturalWidth")
            page.emulate_media(media="print")
            images = pdf_images(page.pdf(prefer_css_page_size=True, print_background=True))
            page.emulate_media(media="screen")
            codes = [(info, pixels) for info, pixels in images if pixels.shape == (side, side)]
            assert len(codes) == 1, [pixels.shape for _, pixels in images]
            info, pixels = codes[0]
            assert b"/Interpolate true" not in info, info
            printed = cv2.resize(numpy.ascontiguousarray(pixels), (dots, dots), interpolation=cv2.INTER_NEAREST)
            assert set(numpy.unique(printed)) <= {0, 255}
            assert cv2.QRCodeDetector().detectAndDecode(printed)[0] == url
            smoothed = cv2.resize(numpy.ascontiguousarray(pixels), (dots, dots), interpolation=cv2.INTER_LINEAR)
            assert numpy.mean((smoothed > 20) & (smoothed < 235)) < 0.1
            assert cv2.QRCodeDetector().detectAndDecode(smoothed)[0] == url
    finally:
        page.close()


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of each page of a PDF, from the MediaBox of its page objects."""
    boxes = re.findall(
        rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf, flags=re.S
    )
    if not boxes:  # MediaBox written before /Type
        boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


@pytest.mark.browser
def test_the_notice_prints_on_one_a4_sheet_without_the_site_around_it(site_with_url, project, serve, browser):
    base = serve(site_with_url)
    page = browser.new_page()
    try:
        for plan, task in tasks(project):
            open_notice(page, base + notice_path(plan, task))
            page.emulate_media(media="print")
            display = page.evaluate("""() => Object.fromEntries(
                ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.ps-search',
                 '.ps-share', '.ps-notice__screen']
                .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display
                                                        : 'absent']))""")
            assert display[".md-header"] == "none" and display[".ps-notice__screen"] == "none", display
            assert all(value in ("none", "absent") for value in display.values()), display
            sizes = page.evaluate("""() => {
                const px = (s, p) => parseFloat(getComputedStyle(document.querySelector(s))[p]);
                return {body: px('.ps-notice p', 'fontSize'), title: px('.ps-notice h1', 'fontSize'),
                        qr: document.querySelector('.ps-qr img').getBoundingClientRect().width,
                        ink: getComputedStyle(document.querySelector('.ps-notice p')).color};
            }""")
            assert sizes["body"] >= 16 * PT - 0.1 and sizes["title"] >= 24 * PT - 0.1, sizes
            assert sizes["qr"] >= 3 * CM and sizes["ink"] == "rgb(0, 0, 0)", sizes
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)  # the size the CSS asks for
            sheets = pdf_pages(pdf)
            assert len(sheets) == 1, f"{notice_path(plan, task)}: {len(sheets)} pages"
            assert all(abs(w - A4_POINTS[0]) <= 1 and abs(h - A4_POINTS[1]) <= 1 for w, h in sheets), sheets
            page.emulate_media(media="screen")
    finally:
        page.close()


def test_make_check_lists_feedback_offices_without_any_contact(capsys, monkeypatch):
    from plansite.__main__ import main

    monkeypatch.setenv("PLANSITE_LANG", "en")  # as developers read it; in Vietnamese: test_data's check test
    assert main(["check", "--root", str(ROOT)]) == 0
    err = capsys.readouterr().err
    listed = [line for line in err.splitlines() if "Expected a way for citizens to reach" in line]
    assert len(listed) == 2 and all(
        ": Warning: " in line and line.startswith("plan_data/agencies.yaml:") for line in listed
    )
    assert "'Phòng Văn hóa - Xã hội xã'" in err and "'Ủy ban nhân dân xã Kẻ Sặt'" in err
