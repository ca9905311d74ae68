"""The real site, built from the real data into a temp dir, read through an HTML parser."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup
from fidelity import normalise, source_sentences

from conftest import ROOT, SEED_PLAN, SOURCE, build_site, copy_project, load_project, seed_plan
from plansite.text import vi_sort_key

PLAN = SEED_PLAN


def page(site: Path, url_path: str) -> BeautifulSoup:
    path = site / url_path.strip("/") / "index.html"
    assert path.is_file(), f"no page at /{url_path}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def links_under(soup, heading_text: str, into: str = "") -> list[str]:
    """Texts of the links in the list that follows the h2 with this text (only those whose href has `into`)."""
    h2 = next(h for h in content(soup).find_all("h2") if h.get_text(strip=True) == heading_text)
    ul = h2.find_next_sibling()
    while ul is not None and ul.name in ("div", "script"):  # the list's filters come first
        ul = ul.find_next_sibling()
    links = ul.find_all("a") if ul and ul.name == "ul" else []
    return [a.get_text(strip=True) for a in links if into in a.get("href", "")]


def test_a_page_for_every_task_agency_and_document(site):
    project = load_project(ROOT)
    for plan in project.plans:
        assert page(site, f"ke-hoach/{plan.id}").h1
        assert page(site, f"ke-hoach/{plan.id}/phu-luc").h1
        for task in plan.tasks:
            assert "Nhiệm vụ" in page(site, f"ke-hoach/{plan.id}/nhiem-vu/{task.id}").h1.get_text()
    for agency in project.agencies:
        assert page(site, f"co-quan/{agency.id}").h1.get_text(strip=True) == agency.name
    for doc in project.documents:
        assert page(site, f"van-ban/{doc.id}").h1


def test_agency_page_lists_tasks_it_leads_and_coordinates(site):
    soup = page(site, "co-quan/phong-van-hoa-xa-hoi")
    leads = links_under(soup, "Nhiệm vụ chủ trì, thực hiện", into=f"/{PLAN}/")  # the seed plan's tasks
    coordinates = links_under(soup, "Nhiệm vụ phối hợp", into=f"/{PLAN}/")
    assert [t.split(":")[0] for t in leads] == ["Nhiệm vụ 1.b", "Nhiệm vụ 1.c", "Nhiệm vụ 2"]
    assert [t.split(":")[0] for t in coordinates] == ["Nhiệm vụ 1.a"]
    assert "06 tháng" in content(soup).get_text()  # its reporting duty (III.1)


def test_document_page_lists_every_task_citing_it(site):
    soup = page(site, "van-ban/chi-thi-33-ct-ttg-2021")
    text = content(soup).get_text(" ")
    assert "26/11/2021" in text and "Thủ tướng Chính phủ" in text
    citing = links_under(soup, "Nhiệm vụ dẫn văn bản này", into=f"/{PLAN}/")  # the seed plan's tasks
    assert [t.split(":")[0] for t in citing] == ["Nhiệm vụ 1.a"]
    soup = page(site, "van-ban/quyet-dinh-218-qd-tw-2013")
    assert "Quyết định 217-QĐ/TW" in links_under(soup, "Quan hệ với văn bản khác")


def test_task_page_links_agencies_and_documents_and_back(site):
    soup = page(site, f"ke-hoach/{PLAN}/nhiem-vu/quan-triet-tuyen-truyen-van-ban-tuyen-giao-dan-van")
    assert links_under(soup, "Cơ quan phối hợp") == ["Phòng Văn hóa - Xã hội xã"]
    assert "Chỉ thị 33/CT-TTg" in links_under(soup, "Căn cứ, văn bản được dẫn")
    body = content(soup)
    mention = body.find("a", string="Chỉ thị số 33/CT-TTg")  # a citation inside the task's own text
    assert mention and mention["href"].endswith("van-ban/chi-thi-33-ct-ttg-2021/")
    assert body.find("a", string="Phụ lục")  # its place in the plan


def test_every_citation_variant_in_the_plan_links_to_its_document(site):
    body = content(page(site, f"ke-hoach/{PLAN}"))
    hrefs = {a.get_text(" ", strip=True): a["href"] for a in body.find_all("a")}
    assert hrefs["Quyết định số 218 QĐ/TW"].endswith("van-ban/quyet-dinh-218-qd-tw-2013/")
    assert hrefs["Chương trình số 01- CTr/BXDĐ-UBNDX"].endswith("van-ban/chuong-trinh-01-ctr-bxdd-ubndx-ke-sat/")
    assert hrefs["Chương trình số 01-CTr/BXDĐ-UBNDP"].endswith("van-ban/chuong-trinh-01-ctr-bxdd-ubndx-ke-sat/")
    assert hrefs["Uỷ ban nhân dân xã Kẻ Sặt"].endswith("co-quan/ubnd-xa-ke-sat/")
    assert hrefs["Phòng Văn hóa-xã hội xã"].endswith("co-quan/phong-van-hoa-xa-hoi/")


def test_index_pages_follow_vietnamese_collation(site):
    soup = content(page(site, "co-quan"))
    for ul in soup.find_all("ul"):
        names = [li.a.get_text(strip=True) for li in ul.find_all("li")]
        assert names == sorted(names, key=vi_sort_key)
    state = [li.a.get_text(strip=True) for li in soup.find_all("h2")[0].find_next_sibling("ul").find_all("li")]
    assert state.index("Hội đồng nhân dân xã Kẻ Sặt") < state.index("Phòng Văn hóa - Xã hội xã")
    party = next(h for h in soup.find_all("h2") if h.get_text().startswith("Tổ chức Đảng")).find_next_sibling("ul")
    party_names = [li.a.get_text(strip=True) for li in party.find_all("li")]
    assert party_names.index("Đảng ủy xã Kẻ Sặt") < party_names.index("Thành ủy Hải Phòng")  # đ before t, after d


def visible_text(element) -> str:
    """Text as a reader sees it: blocks separated by spaces, inline links flowing with their sentence."""
    for block in element.find_all(["p", "li", "h1", "h2", "h3", "h4", "td", "th", "div", "br", "tr"]):
        block.insert(0, " ")
        block.append(" ")
    return element.get_text("")


def test_every_sentence_of_the_signed_plan_is_on_the_site(site):
    text = normalise(
        " ".join(
            visible_text(content(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")))
            for p in sorted(site.rglob("index.html"))
            if p.relative_to(site).parts[0] != "bien-tap"
        )
    )  # the web form: no article
    missing = [s for s in source_sentences(SOURCE) if s not in text]
    assert not missing, missing


def test_no_broken_internal_links(site):
    pages = sorted(site.rglob("*.html"))
    broken = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        base = "http://site/" + path.relative_to(site).as_posix()
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or url.startswith(("mailto:", "#")):
                    continue
                target = urlparse(urljoin(base, url))
                if target.netloc != "site":
                    continue
                local = site / unquote(target.path).lstrip("/")
                if not (local.is_file() or (local / "index.html").is_file()):
                    broken.append(f"{path.relative_to(site)} → {url}")
    assert len(pages) > 30 and not broken, broken


def test_no_request_leaves_the_site(site):
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(["script", "link", "img", "iframe"]):
            url = el.get("src") or el.get("href") or ""
            assert not re.match(r"^(https?:)?//", url), f"{path}: {url}"
    css = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_nav_lists_sections_not_leaf_pages(site):
    soup = page(site, f"ke-hoach/{PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc")
    nav_links = soup.select("nav.md-nav--primary > .md-nav__list > li > a")
    assert 0 < len(nav_links) < 15


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    assert build_site(ROOT, again).returncode == 0
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    _, mismatch, errors = filecmp.cmpfiles(site, again, [str(p) for p in first], shallow=False)
    assert not mismatch and not errors, mismatch[:5]


def test_a_warning_fails_the_build(tmp_path):
    """A broken link in a hand-written page is a warning, and --strict turns it into a failed build."""
    project = copy_project(tmp_path)
    about = project / "docs/gioi-thieu.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[x](khong-co-trang-nay.md)\n", encoding="utf-8")
    result = build_site(project, tmp_path / "out", expect_warnings=("link 'khong-co-trang-nay.md'",))
    assert result.returncode != 0 and "Aborted with 1 warnings in strict mode" in result.stdout


def test_a_data_warning_is_printed_and_the_site_still_builds(tmp_path):
    project = copy_project(tmp_path)
    plan = project / f"plan_data/plans/{PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "title: >-\n  Thực hiện" in text
    plan.write_text(text.replace("title: >-\n  Thực hiện", "title: >-\n  Kế hoạch thực hiện", 1), encoding="utf-8")
    result = build_site(
        project, tmp_path / "out", expect_warnings=("title: Cảnh báo: Cần trích yếu không kèm tên loại văn bản",)
    )
    assert result.returncode == 0 and (tmp_path / "out" / "index.html").is_file()


def test_task_page_links_to_the_yaml_line_when_the_repository_is_configured():
    from conftest import generate_pages
    from plansite.site.html.markup import escape

    project = load_project(ROOT)
    task = seed_plan(project).tasks[1]
    uri = f"ke-hoach/{PLAN}/nhiem-vu/{task.id}.md"
    with_repo = generate_pages(project, "https://git.example.org/ke-sat/edit/main/")[uri]
    assert f'href="https://git.example.org/ke-sat/edit/main/{task.origin.file}#L{task.origin.line}"' in with_repo
    without = generate_pages(project)[uri]
    assert escape(f"{task.origin.file}, dòng {task.origin.line}") in without and "edit/main" not in without


def test_document_page_lists_plans_citing_it_and_marks_their_basis(site):
    plan_title = "Kế hoạch Thực hiện Chương trình phối hợp giữa Ban xây dựng Đảng và Ủy ban nhân dân xã"
    cited = content(page(site, "van-ban/chi-thi-33-ct-ttg-2021")).get_text(" ", strip=True)
    assert plan_title in cited and "(căn cứ ban hành)" not in cited  # cited in I.2.b and 1.a, not a basis
    basis = content(page(site, "van-ban/ke-hoach-294-kh-ubnd-2025-hai-phong")).get_text(" ", strip=True)
    assert plan_title in basis and "(căn cứ ban hành)" in basis


def test_every_link_from_the_plan_to_an_agency_or_document_has_a_way_back(site):
    """A plan or task page links to an agency or document; that page links back to the task or its plan."""
    checked = 0
    for path in sorted((site / "ke-hoach").rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        here = "/" + path.parent.relative_to(site).as_posix() + "/"
        plan_url = "/" + "/".join(here.strip("/").split("/")[:2]) + "/"
        for a in content(soup).find_all("a", href=True):
            target = urlparse(urljoin("http://site" + here, a["href"])).path
            if not target.startswith(("/co-quan/", "/van-ban/")) or target.count("/") != 3:
                continue
            back = content(page(site, target))
            back_urls = {
                urlparse(urljoin("http://site" + target, b["href"])).path for b in back.find_all("a", href=True)
            }
            assert here in back_urls or plan_url in back_urls, f"{target} has no link back to {here}"
            checked += 1
    assert checked > 100
