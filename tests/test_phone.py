"""Every kind of page on a phone (360 and 390 px wide, in headless Chromium): nothing wider than the
screen, so no sideways swipe, and no text under 12 px. The published site and the demo build (its reports
give the calendar, the progress page and the bulletins their states) are both checked.

Screenshots at 390 px of the calendar, the progress page, a task and the home page go to
tests/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_PLAN
from plansite_mkdocs.demo import build_demo

sys.path.insert(0, str(ROOT / "bench"))
import audit  # noqa: E402

WIDTHS = (360, 390)
MIN_TEXT_PX = 12
SCREENSHOTS = ROOT / "tests" / "screenshots"
SHOTS = {"home": "", "calendar": "bao-cao/", "progress": f"ke-hoach/{SEED_PLAN}/tien-do/",
         "task": f"ke-hoach/{SEED_PLAN}/nhiem-vu/quan-triet-cong-tac-dan-toc/"}

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
        context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1,
                                      is_mobile=True, has_touch=True)
        tab = context.new_page()
        try:
            for kind, addresses in sorted(kinds.items()):
                tab.goto(base + audit.url_path(addresses[0]))
                got = tab.evaluate(MEASURE, MIN_TEXT_PX)
                if got["scroll"] > got["width"] or got["wide"]:
                    failures.append(f"{width}px {kind} /{addresses[0]}: page {got['scroll']}px wide; {got['wide']}")
                if got["small"]:
                    failures.append(f"{width}px {kind} /{addresses[0]}: text under {MIN_TEXT_PX}px: {got['small']}")
            if which == "demo" and width == 390:
                SCREENSHOTS.mkdir(exist_ok=True)
                for shot, path in SHOTS.items():
                    tab.goto(base + path)
                    tab.screenshot(path=str(SCREENSHOTS / f"{shot}-390.png"), full_page=True)
        finally:
            context.close()
    assert len(kinds) >= len(audit.SEED_KINDS)
    assert not failures, "\n".join(failures)
