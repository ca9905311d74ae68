"""A legal document's page leads with its official text where the data links one, shows its validity with
where and when it was looked up, and says once, plainly, what is not known (issue 23).

The seed's documents carry no official link and no status (none was looked up from an official source, so
none is recorded): the page of one is rendered as it is, and with such facts set on a copy of its record
(the link below is a placeholder of example.org, used only in this test, never in the data).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bs4 import BeautifulSoup

from conftest import ROOT, load_project
from plansite.site.html.page_writer import PageWriters
from plansite.site.index.relations import build_relations
from plansite.site.render.render_document import render_document

DOC = "chi-thi-33-ct-ttg-2021"


def rendered(project, doc_id: str) -> BeautifulSoup:
    rel = build_relations(project)
    html = render_document(rel.names.documents[doc_id], rel.names, rel.cites, rel.progress, PageWriters())[
        f"van-ban/{doc_id}.md"
    ]
    return BeautifulSoup(html.split("---\n\n", 1)[1], "html.parser")


def test_unknown_facts_are_said_once_and_no_official_link_is_invented():
    page = rendered(load_project(ROOT), DOC)
    text = " ".join(page.get_text(" ").split())
    assert "Chưa rõ" not in text
    assert text.count("Chưa có thông tin về") == 1
    assert "tình trạng hiệu lực" in text and "đường dẫn văn bản chính thức" in text
    assert not [a["href"] for a in page.find_all("a", href=True) if a["href"].startswith("http")]


def test_the_official_link_leads_and_the_validity_shows_its_source_and_date():
    project = load_project(ROOT)
    docs = tuple(
        dataclasses.replace(
            d,
            url="https://example.org/van-ban/33-ct-ttg",
            status="con-hieu-luc",
            status_source="Cơ sở dữ liệu quốc gia về văn bản pháp luật",
            status_checked_on=dt.date(2026, 12, 1),
        )
        if d.id == DOC
        else d
        for d in project.documents
    )
    page = rendered(dataclasses.replace(project, documents=docs), DOC)
    after_heading = page.find("h1").find_all_next("a", href=True)
    assert after_heading[0]["href"] == "https://example.org/van-ban/33-ct-ttg"  # the first link under the title
    assert after_heading[0].get_text() == "Mở văn bản chính thức"
    rows = {
        tr.find_all("td")[0].get_text(strip=True): tr.find_all("td")[1].get_text(" ", strip=True)
        for tr in page.select("table tbody tr")
    }
    assert rows["Tình trạng hiệu lực"] == (
        "Còn hiệu lực (theo Cơ sở dữ liệu quốc gia về văn bản pháp luật, tra ngày 01/12/2026)"
    )
    text = " ".join(page.get_text(" ").split())
    assert "tình trạng hiệu lực" not in text.split("Chưa có thông tin về", 1)[-1].split(":")[0]
