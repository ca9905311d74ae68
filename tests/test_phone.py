"""Every kind of page on a phone (360 and 390 px wide, in headless Chromium): nothing wider than the
screen, so no sideways swipe, and no text under 12 px. The published site and the demo build (its reports
give the calendar, the progress page and the bulletins their states) are both checked.

Screenshots at 390 px of the calendar, the progress page, a task and the home page go to
tests/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, SEED_PLAN
from plansite_mkdocs.demo import build_demo

sys.path.insert(0, str(ROOT / "bench"))
import audit  # noqa: E402

WIDTHS = (360, 390)
MIN_TEXT_PX = 12
SCREENSHOTS = ROOT / "tests" / "screenshots"
SHOTS = {
    "home": "",
    "calendar": "bao-cao/",
    "progress": f"ke-hoach/{SEED_PLAN}/tien-do/",
    "task": f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc/",
}

# Elements a reader sees that stick out past the right edge of the screen, and visible text set under the
# minimum. Hidden things do not count: Material's closed drawer (moved off the screen to the left), the
# search box's empty results, anything display:none or visibility:hidden.
MEASURE = """minPx => {
  const width = document.documentElement.clientWidth;
  const wide = [], small = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    if (el.closest('.md-sidebar--primary, .md-search, .ps-search__results, [aria-hidden="true"]')) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // nothing, or visually hidden (screen readers only)
    if (el.closest('.ps-appendix-wrap') && el.closest('.ps-appendix-wrap') !== el) continue;  // its own box
    if (box.right > width + 0.5) wide.push(`${name(el)} right=${Math.round(box.right)}`);
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (text && size < minPx) small.push(`${name(el)} ${size}px "${el.textContent.trim().slice(0, 30)}"`);
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8), small: small.slice(0, 8)};
}"""


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("phone-demo") / "site"
    assert build_demo(out) == 0
    return out


@pytest.mark.browser
@pytest.mark.parametrize("which", ["published", "demo"])
def test_every_kind_of_page_reads_on_a_phone_without_a_sideways_swipe(which, site, demo_site, serve, browser):
    folder = site if which == "published" else demo_site
    base = serve(folder)
    failures = []
    kinds = audit.pages_by_kind(folder)
    for width in WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, device_scale_factor=1, is_mobile=True, has_touch=True
        )
        tab = context.new_page()
        try:
            views = [(kind, audit.url_path(addresses[0])) for kind, addresses in sorted(kinds.items())]
            views.append(("task notice", audit.url_path(kinds["task"][0]) + "#thong-bao"))  # shown alone there
            for kind, path in views:
                tab.goto(base + path)
                got = tab.evaluate(MEASURE, MIN_TEXT_PX)
                if got["scroll"] > got["width"] or got["wide"]:
                    failures.append(f"{width}px {kind} /{path}: page {got['scroll']}px wide; {got['wide']}")
                if got["small"]:
                    failures.append(f"{width}px {kind} /{path}: text under {MIN_TEXT_PX}px: {got['small']}")
            if which == "demo" and width == 390:
                SCREENSHOTS.mkdir(exist_ok=True)
                for shot, path in SHOTS.items():
                    tab.goto(base + path)
                    tab.screenshot(path=str(SCREENSHOTS / f"{shot}-390.png"), full_page=True)
                sizes = tab.evaluate("""() => [document.querySelector('.admonition.abstract p:not(.admonition-title)'),
                    document.querySelector('article > p:not([class])')].map(e => getComputedStyle(e).fontSize)""")
                assert sizes[0] == sizes[1], f"the task's summary at {sizes[0]}, its text at {sizes[1]}"
        finally:
            context.close()
    assert len(kinds) >= len(audit.SEED_KINDS)
    assert not failures, "\n".join(failures)


def test_the_first_screen_and_the_frame(site):
    """The home page leads with the plan, what has been done, the next reports due and search; every page's
    footer names the issuing body; a task says its status once; the header carries the short name."""
    from bs4 import BeautifulSoup

    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = home.select_one("article")
    h2 = [h.get_text(strip=True) for h in article.find_all("h2")]
    assert h2[:2] == ["Đã làm được gì", "Kỳ báo cáo sắp tới"]
    links = [a["href"] for a in article.find_all("a")]
    assert f"ke-hoach/{SEED_PLAN}/" in links and f"ke-hoach/{SEED_PLAN}/tien-do/" in links
    assert "bao-cao/" in links and "tim-kiem/" in links
    assert links.index(f"ke-hoach/{SEED_PLAN}/tien-do/") < links.index("co-quan/")  # before the staff's lists
    for page in ("index.html", f"ke-hoach/{SEED_PLAN}/index.html", "bao-cao/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one(".md-copyright").get_text(" ", strip=True)
        assert footer.startswith("Kế hoạch do Ủy ban nhân dân xã Kẻ Sặt ban hành"), page
        assert soup.select_one(".md-header .ps-name--short").get_text() == "Kế hoạch xã Kẻ Sặt"
    task = BeautifulSoup((site / SHOTS["task"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(task.select_one("article").get_text(" ").split())
    assert text.count("Chưa có báo cáo") == 1, text  # the status tag says it, once
