"""`mkdocs serve`: a data change shows up; a data error is printed and the last good pages stay up."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import copy_project
from plansite_mkdocs import runner


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page, or None. `mkdocs serve` holds a request while it rebuilds: under load that can take far
    longer than a quiet rebuild, so the wait is generous; it only stops a hung server."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, what: str, limit: float = 60.0):
    """Poll until condition() is truthy; a generous limit only stops a hung test, it measures nothing."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=runner.build_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(base), "the server to start")
        yield project, base, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_data_change_shows_and_data_error_keeps_last_good_pages(served):
    project, base, log = served
    url = base + "co-quan/trung-tam-dich-vu-su-nghiep-cong/"
    wait_for(lambda: "Trung tâm Dịch vụ sự nghiệp công xã" in (fetch(url) or ""), "the agency's page")
    agencies = project / "plan_data/agencies.yaml"
    good = agencies.read_text(encoding="utf-8")
    agencies.write_text(
        good.replace("name: Trung tâm Dịch vụ sự nghiệp công xã", "name: Trung tâm Dịch vụ công xã"), encoding="utf-8"
    )
    wait_for(lambda: "Trung tâm Dịch vụ công xã" in (fetch(url) or ""), "the edited name to appear")
    agencies.write_text(good.replace("kind: public-service", "kind: public-servise"), encoding="utf-8")

    def error_printed():
        log.seek(0)
        return "agencies.yaml" in log.read() and "public-servise" in open(log.name, encoding="utf-8").read()

    wait_for(error_printed, "the data error to be printed")
    log.seek(0)
    output = log.read()
    assert "Gợi ý: có phải là 'public-service'?" in output and "Traceback" not in output
    # the last good page is still served (an error page or none at all never satisfies this)
    wait_for(lambda: "Trung tâm Dịch vụ công xã" in (fetch(url) or ""), "the last good page")


def test_data_error_shows_as_a_banner_on_every_page_until_fixed(served):
    from bs4 import BeautifulSoup

    project, base, _ = served
    agencies = project / "plan_data/agencies.yaml"
    good = agencies.read_text(encoding="utf-8")
    agencies.write_text(good.replace("kind: public-service", "kind: <b>public-servise</b>"), encoding="utf-8")
    pages = ["", "co-quan/trung-tam-dich-vu-su-nghiep-cong/", "huong-dan-bien-tap/"]
    wait_for(lambda: all("data-problems" in (fetch(base + p) or "") for p in pages), "the banner on every page")
    banner = BeautifulSoup(fetch(base + pages[1]), "html.parser").select_one("article .data-problems")
    text = " ".join(banner.get_text(" ").split())
    assert "plan_data/agencies.yaml:" in text and "Gợi ý: có phải là 'public-service'?" in text
    assert "<b>public-servise</b>" in text and not banner.find("b")  # the data's text, escaped, never markup
    agencies.write_text(good, encoding="utf-8")
    wait_for(
        lambda: not any("data-problems" in (fetch(base + p) or "x data-problems") for p in pages),
        "the banner to go away on the next good build",
    )
