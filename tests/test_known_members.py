"""Names a plan implies but never writes: a group may list its known members, each with the legal document
that lists it (agencies.yaml `known_members`), and their names then find the group's page and its tasks.
The members below are TEST DATA (marked "dữ liệu thử" in their names), added to a scratch copy of the
project: the published data lists none, and nothing is ever guessed from a name's pattern."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import SEED_PLAN, build_site, copy_project

GROUP = "co-quan/to-chuc-chinh-tri-xa-hoi-xa/"
FRONT_TASK = f"ke-hoach/{SEED_PLAN}/nhiem-vu/phoi-hop-mat-tran-to-chuc-chinh-tri-xa-hoi/"
SOURCE = "luat-sua-doi-mttq-cong-doan-thanh-nien-dan-chu-co-so-2025"
# TEST DATA: made-up members for this test only, never published.
MEMBERS = f"""    known_members:  # TEST DATA
      - name: Hội Nông dân xã (dữ liệu thử)
        aliases: [Hội Nông dân]
        source: {SOURCE}
      - name: Hội Cựu chiến binh xã (dữ liệu thử)
        source: {SOURCE}
"""


@pytest.fixture(scope="module")
def members_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("known-members"))
    agencies = project / "plan_data" / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    anchor = "    name: Các tổ chức chính trị - xã hội xã\n"
    assert anchor in text
    agencies.write_text(text.replace(anchor, anchor + MEMBERS), encoding="utf-8")
    out = project / "site"
    assert build_site(project, out).returncode == 0
    return out


def test_the_group_page_lists_its_known_members_with_their_source(members_site, site):
    soup = BeautifulSoup((members_site / GROUP / "index.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", string="Thành viên theo văn bản")
    assert heading is not None
    items = heading.find_next("ul").find_all("li")
    assert [li.get_text(" ", strip=True).split(":")[0] for li in items] == [
        "Hội Nông dân xã (dữ liệu thử) (Hội Nông dân)",
        "Hội Cựu chiến binh xã (dữ liệu thử)",
    ]
    assert all(li.a["href"].endswith(f"van-ban/{SOURCE}/") for li in items)
    real = BeautifulSoup((site / GROUP / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert real.find("h2", string="Thành viên theo văn bản") is None  # the published data lists none


@pytest.mark.browser
def test_a_members_name_finds_the_group_and_its_tasks(members_site, site, search_site):
    for query in ("hội nông dân", "hoi nong dan", "cựu chiến binh"):
        top = [r["url"] for r in search_site(members_site, query)[:3]]
        assert FRONT_TASK in top and GROUP in top, (query, top)
    assert FRONT_TASK not in [r["url"] for r in search_site(site, "cựu chiến binh")[:3]]  # no members: not found so
