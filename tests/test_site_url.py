"""The public address (`site_url`): from mkdocs.yml, else the host's SITE_URL; without either the build
says once, in Vietnamese, what the site lacks and where to set it."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import build_site, copy_project

HOST_URL = "https://bien-tap.example.org/ke-sat"  # what a Pages host would put in SITE_URL


def sitemap_addresses(out) -> list[str]:
    return [loc.text for loc in BeautifulSoup((out / "sitemap.xml").read_text(encoding="utf-8"), "xml").find_all("loc")]


def test_without_site_url_the_build_says_once_what_is_lost(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("PLANSITE_LANG", raising=False)  # as editors read it
    project = copy_project(tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "(site_url)" in line]
    [notice] = notices  # once
    assert "set site_url" not in result.stderr  # and no English line beside it (MkDocs log lines aside)
    assert notice.startswith("Lưu ý: chưa đặt địa chỉ công khai của trang (site_url).")
    for lost in ("mã QR", "xem trước khi chia sẻ liên kết", "sitemap.xml", "mkdocs.yml", "SITE_URL"):
        assert lost in notice
    assert sitemap_addresses(tmp_path / "out") == []


def test_site_url_from_the_hosts_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", HOST_URL)
    project = copy_project(tmp_path)
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "(site_url)" not in result.stderr
    addresses = sitemap_addresses(tmp_path / "out")
    assert len(addresses) > 20 and all(a.startswith(HOST_URL + "/") for a in addresses)
    home = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.find("link", rel="canonical")["href"] == HOST_URL + "/"


def test_mkdocs_yml_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", HOST_URL)
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "\ndocs_dir:", "\nsite_url: https://xa-ke-sat.example.vn/\ndocs_dir:", 1
        ),
        encoding="utf-8",
    )
    result = build_site(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    addresses = sitemap_addresses(tmp_path / "out")
    assert len(addresses) > 20 and all(a.startswith("https://xa-ke-sat.example.vn/") for a in addresses)
