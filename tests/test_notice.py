"""A task's printable notice for the commune's notice board: its content in the built site (a block at the end
of the task's page, #thong-bao), its QR code decoded back from a screenshot in real Chromium, and its layout
(shown alone when the address names it, on screen and on one A4 sheet, no site chrome; hidden otherwise)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, load_project
from plansite.addresses import task_uri
from plansite.site.html.page_writer import PageWriters
from plansite.site.index.relations import build_relations
from plansite.site.options import SiteOptions
from plansite.site.outreach.qr_code import QR_LABEL, qr_code, qr_svg
from plansite.site.render.render_notice import FIRST_SENTENCE_LABEL, first_sentence, render_notice

SITE_URL = "https://ke-sat.example.vn/"
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


def notice(site: Path, plan, task):
    """The notice's own block (what is printed), inside the page's article."""
    block = page(site, notice_path(plan, task)).select_one("article.md-content__inner > #thong-bao.ps-notice")
    assert block is not None, f"{notice_path(plan, task)} has no .ps-notice block"
    return block


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
    """The text after the bold `label:` that opens a paragraph (who leads, who coordinates, when)."""
    strong = next(s for s in block.find_all("strong") if s.get_text(strip=True) == f"{label}:")
    assert strong.parent.name == "p" and strong.parent.contents[0] is strong, label
    return words(strong.parent).removeprefix(f"{label}:").strip()


def test_every_task_has_a_notice_with_summary_agencies_timing_and_feedback(site, project):
    for plan, task in tasks(project):
        block = notice(site, plan, task)
        text = words(block)
        assert block.h1.get_text(strip=True) == "Thông báo" and not block.find(id=re.compile("."))  # no toc entry
        assert project_agency(project, plan.issuer).name in text  # the issuing body
        assert " ".join(plan.title.split()) in text
        about = section(block, f"Nhiệm vụ {plan.task_numbers[task.id]}")
        assert " ".join(task.summary.split()) in about
        assert about.startswith("Tóm tắt dễ hiểu (do biên tập viên viết")  # labelled as the editors' words
        for label, assignment in (("Cơ quan thực hiện", task.lead), ("Cơ quan phối hợp", task.coordinating)):
            line = fact(block, label)
            names = [project_agency(project, a).name for a in (assignment.agencies if assignment else ())]
            assert all(name in line for name in names), (label, names, line)
            assert names or "văn bản không ghi" in line
        assert f"“{' '.join(task.timing.text.split())}”" in fact(block, "Thời gian thực hiện")
        feedback = section(block, "Góp ý, phản ánh")
        for office in plan.feedback.agencies:
            assert project_agency(project, office).name in feedback


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
    """The task page's "In thông báo" link shows the notice alone (the task, its table of contents and share
    buttons hidden); its "Về trang nhiệm vụ" link brings the task back, and the notice goes."""
    base = serve(site)
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        for plan, task in tasks(project)[:2]:
            tab.goto(base + task_path(plan, task))
            task_heading = tab.locator("article > h1")
            assert task_heading.is_visible() and not tab.locator("#thong-bao").is_visible()
            assert tab.locator(".md-sidebar--secondary").is_visible()
            tab.locator("article").get_by_role("link", name="In thông báo để niêm yết").click()
            assert tab.url == base + notice_path(plan, task)
            assert (
                tab.locator("#thong-bao h1").is_visible() and tab.locator("#thong-bao .ps-notice__issuer").is_visible()
            )
            assert not task_heading.is_visible() and not tab.locator("article > .ps-share").is_visible()
            assert not tab.locator(".md-sidebar--secondary").is_visible()
            tab.locator("#thong-bao .ps-notice__screen").get_by_role("link").click()
            tab.wait_for_url(base + task_path(plan, task))
            assert task_heading.is_visible() and not tab.locator("#thong-bao").is_visible()
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


def test_search_reads_the_task_not_its_notice_again(site, project):
    """The notice repeats the task for paper: the words search keeps of a task page are the task's alone."""
    from plansite.search.excerpt import page_texts, screen_part

    plan, task = tasks(project)[0]
    html = str(page(site, task_path(plan, task)).select_one("article.md-content__inner"))
    assert "thông báo khổ A4" in html and "Về nhiệm vụ" in html
    text, excerpt = page_texts(screen_part(html))
    assert task.text.split()[0] in text and "thông báo khổ A4" not in text and "Về nhiệm vụ" not in text
    snippets = [f.read_text(encoding="utf-8") for f in (site / "search").rglob("*.json")]
    assert snippets and not any("thông báo khổ A4" in s or "Về nhiệm vụ" in s for s in snippets)


def test_without_site_url_no_qr_but_the_way_to_the_task_page(site, project):
    for plan, task in tasks(project):
        block = notice(site, plan, task)
        assert not block.select(".ps-qr") and not block.find("svg")
        where = section(block, "Xem trên mạng")
        assert f"Nhiệm vụ {plan.task_numbers[task.id]}" in where and "Kế hoạch ›" in where
        assert f"/{task_path(plan, task)}" in where


def test_with_site_url_the_notice_has_a_qr_code_and_the_address(site_with_url, project):
    for plan, task in tasks(project):
        block = notice(site_with_url, plan, task)
        svg = block.select_one(".ps-qr > svg")
        assert svg is not None and svg["role"] == "img" and svg["aria-label"] == QR_LABEL
        assert svg.title.get_text() == QR_LABEL and svg.get("viewbox")  # html.parser lowercases names
        assert SITE_URL + task_path(plan, task) in section(block, "Xem trên mạng")


def test_the_notice_is_pure_escaped_and_falls_back_to_the_first_sentence(project):
    plan = project.plans[0]
    rel = build_relations(project, None)
    task = dataclasses.replace(
        plan.tasks[0], summary=None, text="Tuyên truyền <script>alert(1)</script> *rộng rãi*. Câu thứ hai."
    )
    options = SiteOptions(site_url=SITE_URL)
    first = render_notice(plan, task, rel.names, rel.cites, options, PageWriters().page(task_uri(plan, task)))
    again = render_notice(plan, task, rel.names, rel.cites, options, PageWriters().page(task_uri(plan, task)))
    assert first == again  # same input, same bytes
    assert FIRST_SENTENCE_LABEL in first
    assert "Tuyên truyền &lt;script&gt;alert(1)&lt;/script&gt; *rộng rãi*." in first
    body = first
    assert body.startswith('<div class="ps-notice" id="thong-bao" data-ps-print-only>')
    assert "Câu thứ hai" not in body and "<script" not in body
    soup = BeautifulSoup(body, "html.parser")
    assert "Tuyên truyền <script>alert(1)</script> *rộng rãi*." in soup.get_text()
    assert not soup.find("script") and not soup.find("em", string=re.compile("rộng"))
    assert first_sentence("Không có dấu chấm") == "Không có dấu chấm"
    assert first_sentence("Số 01-CTr/BXDĐ. Tiếp") == "Số 01-CTr/BXDĐ."
    assert body.count("<svg ") == 1 and re.search(r'<div class="ps-qr"><svg [^\n]*</svg></div>', body)
    assert qr_svg("https://x.example/a/") == qr_svg("https://x.example/a/")
    assert "\n" not in qr_svg("https://x.example/a/")


def test_qr_codes_with_the_fixed_mask_decode_for_many_addresses():
    """The data mask is fixed for speed (qr_code.QR_MASK): 300 addresses of the shapes a province's
    notices have, drawn at 2 and 3 pixels a module, all decode to their address in OpenCV."""
    import io
    import random

    import cv2
    import numpy

    rng, detector, decoded = random.Random(5), cv2.QRCodeDetector(), 0
    hosts = ["tinh-mau.example.org", "xa-ke-sat.example.vn", "kehoach.example.vn/tinh-an"]
    urls = [
        f"https://{rng.choice(hosts)}/ke-hoach/ke-hoach-{rng.randrange(900)}/nhiem-vu/"
        f"{rng.choice(['nhiem-vu-', 'quan-triet-', 'tuyen-truyen-chi-thi-'])}{rng.randrange(60)}/"
        for _ in range(300)
    ]
    for url in urls:
        for scale in (2, 3):
            buffer = io.BytesIO()
            qr_code(url).save(buffer, kind="png", scale=scale, border=4)
            image = cv2.imdecode(numpy.frombuffer(buffer.getvalue(), numpy.uint8), cv2.IMREAD_GRAYSCALE)
            text, points, _ = detector.detectAndDecode(image)
            decoded += text == url
    assert decoded == 2 * len(urls)


def test_qr_codes_are_kept_whole_and_a_failed_write_only_costs_a_redraw(tmp_path, monkeypatch):
    from plansite.site.outreach import og_image, qr_cache

    url, folder = "https://x.example/ke-hoach/a/nhiem-vu/b/", tmp_path / "qr"
    try:
        qr_cache.use_folder(folder)
        assert qr_cache.cached_qr_svg(url) == qr_svg(url) and qr_cache.drawn() == 1
        kept = folder / qr_cache.file_name(url)
        assert kept.read_text(encoding="utf-8") == qr_svg(url)
        assert [p.name for p in folder.iterdir()] == [kept.name], "the file alone, no temporary file left"
        assert qr_cache.cached_qr_svg(url) == qr_svg(url) and qr_cache.drawn() == 1, "read back, not drawn"
        kept.write_bytes(qr_svg(url).encode("utf-8")[:500])  # a file cut short (a disk full, a copy stopped)
        assert qr_cache.cached_qr_svg(url) == qr_svg(url) and qr_cache.drawn() == 2
        assert kept.read_text(encoding="utf-8") == qr_svg(url), "the cut file replaced by a whole one"

        def failing_store(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(qr_cache, "store", failing_store)
        other = url + "c/"
        assert qr_cache.cached_qr_svg(other) == qr_svg(other) and qr_cache.drawn() == 3
        assert not (folder / qr_cache.file_name(other)).exists()
        monkeypatch.setattr(qr_cache, "store", og_image.store)
        assert qr_cache.cached_qr_svg(other) == qr_svg(other) and qr_cache.drawn() == 4, "drawn again, kept"
        assert sorted(p.name for p in folder.iterdir()) == sorted({kept.name, qr_cache.file_name(other)})
        assert qr_cache.file_name(url) != qr_cache.file_name(other)
    finally:
        qr_cache.use_folder(None)


def test_feedback_office_contacts_are_the_data_s_never_made_up(project):
    plan = project.plans[0]
    rel = build_relations(project, None)
    office = plan.feedback.agencies[-1]
    without = render_notice(
        plan, plan.tasks[0], rel.names, rel.cites, SiteOptions(), PageWriters().page(task_uri(plan, plan.tasks[0]))
    )
    assert "Điện thoại" not in without and "chưa có" not in without and "Địa chỉ" not in without  # left out, unsaid
    agencies = tuple(
        dataclasses.replace(a, phone="0220 3 123 456", address="Số 1 <b>") if a.id == office else a
        for a in project.agencies
    )
    rel = build_relations(dataclasses.replace(project, agencies=agencies), None)
    with_contacts = render_notice(
        plan,
        plan.tasks[0],
        rel.names,
        rel.cites,
        SiteOptions(feedback_url="https://gop-y.example/"),
        PageWriters().page(task_uri(plan, plan.tasks[0])),
    )
    assert "Điện thoại: 0220 3 123 456" in with_contacts and "Địa chỉ: Số 1 &lt;b&gt;" in with_contacts
    assert "Thư điện tử" not in with_contacts  # the data has none
    assert "Góp ý trực tuyến: https://gop-y.example/" in with_contacts


@pytest.mark.browser
def test_the_qr_code_decodes_to_the_task_page(site_with_url, project, serve, browser):
    import cv2
    import numpy

    base = serve(site_with_url)
    page = browser.new_page(device_scale_factor=2)
    try:
        for plan, task in tasks(project):
            page.goto(base + notice_path(plan, task))
            png = page.locator(".ps-qr").screenshot()
            image = cv2.imdecode(numpy.frombuffer(png, numpy.uint8), cv2.IMREAD_GRAYSCALE)
            decoded, points, _ = cv2.QRCodeDetector().detectAndDecode(image)
            assert points is not None, f"no QR code found on {notice_path(plan, task)}"
            assert decoded == SITE_URL + task_path(plan, task)
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
            page.goto(base + notice_path(plan, task))
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
                        qr: document.querySelector('.ps-qr svg').getBoundingClientRect().width,
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


def test_missing_qr_codes_are_given_to_helpers_last_first_and_each_drawn_once(tmp_path):
    """A cold build gives its missing QR codes to helper processes (qr_cache.missing_chunks, draw_into), last
    address first while the pages draw from the first: each kept file holds the code's exact bytes, a code
    already kept is not drawn again, and then the pages only read them back; a warm build gives none; too
    few to pay for a pool are left to the pages."""
    from plansite.site.outreach import qr_cache

    urls = [f"https://tinh-mau.example.org/ke-hoach/ke-hoach-{i // 50}/nhiem-vu/nhiem-vu-{i % 50}/" for i in range(260)]
    folder = tmp_path / "qr"
    try:
        qr_cache.use_folder(folder)
        assert qr_cache.missing_chunks(urls[: qr_cache.POOL_FROM - 1]) == []
        assert qr_cache.cached_qr_svg(urls[0]) == qr_svg(urls[0])  # a page drew the first code meanwhile
        chunks = qr_cache.missing_chunks(urls + urls[:5])
        given = [url for _, chunk in chunks for url in chunk]
        assert given == sorted(urls[1:], reverse=True) and all(f == str(folder) for f, _ in chunks)
        assert all(len(chunk) <= qr_cache.CHUNK for _, chunk in chunks) and len(chunks) > 1
        qr_cache.cached_qr_svg(given[-1])  # a page draws a code given to a helper before the helper reaches it
        assert sum(qr_cache.draw_into(*chunk) for chunk in chunks) == len(urls) - 2, "a kept code is not redrawn"
        kept = sorted(p.name for p in folder.iterdir())
        assert kept == sorted(qr_cache.file_name(url) for url in urls)  # no temporary file left behind
        for url in urls[::37]:
            assert (folder / qr_cache.file_name(url)).read_text(encoding="utf-8") == qr_svg(url)
        drawn = qr_cache.drawn()
        assert [qr_cache.cached_qr_svg(url) for url in urls[:3]] == [qr_svg(url) for url in urls[:3]]
        assert qr_cache.drawn() == drawn, "the pages read the helpers' codes back"
        assert qr_cache.missing_chunks(urls) == [], "a warm build gives none"
    finally:
        qr_cache.use_folder(None)
