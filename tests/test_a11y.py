"""Every built page valid (W3C Nu validator) and accessible (axe-core): Material's markup included.

The site is built once (conftest's `site`), plus a small synthetic corpus for the kinds of page only a
larger site has (paged lists; bench/audit.py `build_paged_corpus`). Then:
- vnu.jar checks every HTML file of both in one Java process and must report no error;
- axe-core (WCAG 2.0/2.1 A and AA, and best practices) runs in Chromium on one page of each kind
  (bench/audit.py `PAGE_KINDS`: the largest page of the kind) and must report no violation.
The checkers come from node_modules/ (`make setup` runs `npm ci`) and Java (Debian's
default-jre-headless); when one is missing the tests fail and say how to install it, never skip.
Lighthouse is `make audit`, not a test (slow, and its performance score depends on the machine).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import audit  # noqa: E402

from plansite_mkdocs import html_fixes, runner  # noqa: E402  (hooks/ is on sys.path: conftest)

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SHOWN = 20  # errors or violations printed on failure; the count says how many more


def require_node_modules(path):
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {audit.SETUP_HINT}", pytrace=False)


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """A built synthetic site with a paged list, the kinds of page the seed site is too small to have."""
    work = tmp_path_factory.mktemp("a11y-corpus")
    out = work / "corpus-site"
    result = runner.build(audit.build_paged_corpus(work), out)
    # The made-up data may draw data warnings (not our concern here); MkDocs' own may not.
    mkdocs_warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert result.returncode == 0 and not mkdocs_warnings, result.stderr
    return out


@pytest.fixture(scope="module")
def kinds(site, corpus_site):
    """Kind → (site folder, address of the page to check): the seed's kinds, then those only the corpus has."""
    chosen = {kind: (site, addresses[0]) for kind, addresses in audit.pages_by_kind(site).items()}
    for kind, addresses in audit.pages_by_kind(corpus_site).items():
        chosen.setdefault(kind, (corpus_site, addresses[0]))
    return chosen


def test_every_kind_of_page_is_found(site, corpus_site, kinds):
    """The kinds checked below are found where bench/audit.py expects them (an address that changed
    would otherwise drop a kind from the checks without a word)."""
    seed = set(audit.pages_by_kind(site))
    assert audit.SEED_KINDS <= seed, f"seed site lacks {sorted(audit.SEED_KINDS - seed)}"
    missing = audit.CORPUS_KINDS - set(kinds)
    assert not missing, f"synthetic corpus lacks {sorted(missing)}"


@pytest.mark.parametrize(
    "address, kind",
    [
        ("index.html", "home"),
        ("ke-hoach/index.html", "plan index (ke-hoach)"),
        ("ke-hoach/p/index.html", "plan"),
        ("ke-hoach/p/nhiem-vu/t/index.html", "task"),
        ("co-quan/a/index.html", "agency"),
        ("co-quan/a/van-ban/index.html", "agency's full list"),
        ("co-quan/a/van-ban/trang-2/index.html", "paged list, page 2+"),
        ("ke-hoach/trang-3/index.html", "paged list, page 2+"),
        ("moi/index.html", "other: moi/index.html"),  # a new page at the top: a kind of its own
        ("ke-hoach/p/moi/x/index.html", "other: ke-hoach/p/moi/*/index.html"),  # new deeper kind: one for all
    ],
)
def test_page_kind_by_address(address, kind):
    assert audit.page_kind(address) == kind


def test_no_page_waits_for_a_script_or_more_than_one_stylesheet_of_ours(site):
    """What keeps Lighthouse's performance at 100 on a phone (`make audit`, bench/AUDIT.md): every script
    deferred (the page is drawn without waiting for Material's bundle), one stylesheet of ours beside
    Material's, and on a phone <html>'s classes set before the body (overrides/main.html)."""
    for path in audit.html_pages(site):
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site).as_posix()
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert scripts and [s for s in scripts if " defer" not in s] == [], name
        assert all(s.count(" defer") == 1 for s in scripts), name
        sheets = [href.rsplit("/", 1)[-1] for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)]
        assert len(sheets) == 2 and sheets[0].startswith("main.") and sheets[1] == "plan-site.css", name
        head = html[: html.index("<body")]
        assert 'classList.replace("no-js","js")' in head, name


def test_every_page_is_valid_html(site, corpus_site):
    """The W3C Nu validator over every built page, both sites, in one JVM: no error."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: apt-get install -y default-jre-headless (.ci/run does)", pytrace=False)
    require_node_modules(VNU)
    seed_files, corpus_files = audit.html_pages(site), audit.html_pages(corpus_site)
    files = seed_files + corpus_files
    started = time.perf_counter()
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - started
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]  # vnu writes its report to stderr
    except (ValueError, KeyError):
        pytest.fail(
            f"vnu.jar exited {result.returncode} without a JSON report:\n{result.stderr[-3000:]}", pytrace=False
        )
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"]
    print(
        f"\nNu validator: {len(files)} pages ({len(seed_files)} seed, {len(corpus_files)} corpus) in {seconds:.1f} s, "
        f"{len(errors)} errors"
    )

    def where(message):
        url = message.get("url", "")
        for folder in (site, corpus_site):
            url = url.replace(f"file:{folder}/", f"{folder.name}/")
        return f"{url}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"

    if errors:
        counts = Counter(m.get("message") for m in errors)
        summary = "\n".join(f"  {n} × {message}" for message, n in counts.most_common())
        shown = "\n".join(
            f"{where(m)}: {m.get('message')}\n    {(m.get('extract') or '').strip()[:160]}" for m in errors[:SHOWN]
        )
        pytest.fail(
            f"{len(errors)} Nu validator errors in {len(files)} pages:\n{summary}\n"
            f"first {min(SHOWN, len(errors))}:\n{shown}",
            pytrace=False,
        )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.browser
def test_every_kind_of_page_has_no_axe_violation(kinds, serve, browser):
    """axe-core on one page of each kind, as a reader's browser shows it (Material's JavaScript run);
    a script error on the way fails too (Lighthouse counts it against best practices)."""
    require_node_modules(AXE)
    bases, failures, script_errors = {}, [], []
    started = time.perf_counter()
    page = browser.new_page()

    def console(message):
        if message.type == "error":
            script_errors.append(f"{page.url}: console: {message.text}")

    page.on("pageerror", lambda error: script_errors.append(f"{page.url}: {error}"))
    page.on("console", console)
    try:
        views = [(kind, folder, audit.url_path(address)) for kind, (folder, address) in sorted(kinds.items())]
        folder, address = kinds["task"]  # and a task's notice, which its page shows alone at #thong-bao
        views.append(("task notice (#thong-bao)", folder, audit.url_path(address) + "#thong-bao"))
        for kind, folder, path in views:
            base = bases.get(folder) or bases.setdefault(folder, serve(folder))
            page.goto(base + path)
            page.add_script_tag(path=str(AXE))
            # resultTypes: details for violations only (passes are merely counted), half the time.
            result = page.evaluate("tags => axe.run(document, {runOnly: tags, resultTypes: ['violations']})", AXE_TAGS)
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    failures.append(
                        f"{kind} (/{path}): {violation['id']} ({violation['impact']}): "
                        f"{violation['help']}\n    {node['html'][:200]}\n    "
                        + node.get("failureSummary", "").replace("\n", " ")[:300]
                    )
    finally:
        page.close()
    print(
        f"\naxe-core: {len(views)} pages (one of each kind) in {time.perf_counter() - started:.1f} s, "
        f"{len(failures)} violations"
    )
    if failures:
        shown = "\n".join(failures[:SHOWN])
        pytest.fail(f"{len(failures)} axe violations (first {min(SHOWN, len(failures))}):\n{shown}", pytrace=False)
    assert not script_errors, "script errors:\n" + "\n".join(script_errors)


# html_fixes: the fixes of Material's markup, on Material's own templates and on made-up pages.


def material_template(name):
    import material

    return (Path(material.__file__).parent / "templates" / name).read_text("utf-8")


FRAME = (
    '<body dir="ltr">\n'
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
    '<input id="ps-search-input" class="ps-search__input" type="search" autocomplete="off">\n'
    '<nav class="md-nav md-nav--secondary" aria-label="Mục lục">\n'
    '<label class="md-nav__title" for="__toc">\n<span class="md-nav__icon md-icon"></span>\nMục lục\n</label>\n'
    "</nav>\n"
)
CONTENT = (
    '<div class="md-content" data-md-component="content">\n<article class="md-content__inner md-typeset">\n'
    '<pre><code>&lt;input type="checkbox" id="__drawer" autocomplete="off"&gt;</code></pre>\n'
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<label class="md-nav__title" for="__toc">\n</article></div></body>'
)


def test_html_fixes_match_material_templates_exactly():
    """The pieces html_fixes replaces are, character for character, in the installed Material's templates
    (a Material upgrade that changes them fails here, not only in the slower validator test)."""
    base = material_template("base.html")
    for old, _ in html_fixes._CHECKBOXES:
        assert old in base
    assert html_fixes._TOC_CHECKBOX in material_template("partials/nav-item.html")
    assert html_fixes._TOC_LABEL[0] in material_template("partials/toc.html")
    assert html_fixes.CONTENT_START in base


def test_html_fixes_drop_autocomplete_from_the_two_checkboxes_only():
    fixed = html_fixes.fix_page(FRAME + CONTENT)
    frame, content = fixed.split(html_fixes.CONTENT_START)
    assert 'id="__drawer">' in frame and 'id="__search">' in frame
    assert 'type="checkbox" id="__drawer" autocomplete' not in frame
    assert 'type="search" autocomplete="off">' in frame  # our search box: autocomplete is valid there
    assert html_fixes.CONTENT_START + content == CONTENT  # the page's content is never touched


def test_html_fixes_unlink_the_toc_title_only_without_its_checkbox():
    fixed = html_fixes.fix_page(FRAME + CONTENT)
    assert '<label class="md-nav__title">' in fixed.split(html_fixes.CONTENT_START)[0]
    in_nav = FRAME.replace("<nav ", html_fixes._TOC_CHECKBOX + "\n<nav ", 1) + CONTENT
    kept = html_fixes.fix_page(in_nav)
    assert '<label class="md-nav__title" for="__toc">' in kept.split(html_fixes.CONTENT_START)[0]


def test_html_fixes_are_idempotent_and_leave_other_pages_alone():
    once = html_fixes.fix_page(FRAME + CONTENT)
    assert html_fixes.fix_page(once) == once
    assert html_fixes.fix_page(FRAME) == FRAME  # no content marker: not a Material page, left as it is
    assert html_fixes.fix_page("") == ""
