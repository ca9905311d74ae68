"""Link-preview pictures at scale: shared between pages that show the same thing, cached by content
(a rebuild after one plan's edit draws only that plan's pictures, a rebuild after none draws nothing and
writes the same site), drawn in a process pool with the same bytes as drawn one by one
(site/outreach/og_batch.py, site/parts/previews.py picture_words)."""

from __future__ import annotations

import filecmp
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site
from plansite.site.outreach import og_batch
from plansite.site.outreach.og_image import image_name

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

SITE_URL = corpus.SITE_URL


def pictures(site: Path) -> dict[str, tuple[str, str]]:
    """Every page's address → (kind of page as the picture's alt text begins, picture file name)."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        image, alt = head.find("meta", property="og:image"), head.find("meta", property="og:image:alt")
        if image is None:  # the web form's page (bien-tap/) is not a page anyone shares
            continue
        assert image["content"].startswith(SITE_URL + "assets/og/"), page
        found[page.parent.relative_to(site).as_posix()] = (alt["content"], image["content"].rsplit("/", 1)[1])
    return found


def snapshot(cache: Path) -> dict[str, int]:
    """Cache file name → its modification time in ns (a picture drawn again gets a new one)."""
    return {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Three plans of four tasks, built as published (the corpus sets site_url)."""
    folder = tmp_path_factory.mktemp("og-cache") / "project"
    corpus.generate(folder, plans=3, tasks=4, agencies=9, documents=6, seed=2)
    return folder


def test_pages_share_pictures_and_an_edit_redraws_only_its_plans(project, monkeypatch):
    first = project / "site-1"
    assert build_site(project, first, expect_warnings=("summary",)).returncode == 0
    shown = pictures(first)
    files = {path.name for path in (first / "assets" / "og").iterdir()}
    assert {name for _, name in shown.values()} == files, "every picture written is used, every one used is there"

    by_plan = defaultdict(set)
    for path, (_alt, name) in shown.items():
        if path.startswith("ke-hoach/ke-hoach-"):
            by_plan[path.split("/")[1]].add(name)
    tasks = {plan: {shown[f"ke-hoach/{plan}/nhiem-vu/nhiem-vu-{t}"][1] for t in range(4)} for plan in by_plan}
    assert all(len(names) == 1 for names in tasks.values()), "a plan's task pages share one picture"
    assert len(set().union(*tasks.values())) == 3, "each plan has its own"
    # One picture per plan and kind of page: the plan, its table, tasks, progress, bulletins.
    assert [len(by_plan[plan]) for plan in sorted(by_plan)] == [5, 5, 5]
    assert len({name for path, (_, name) in shown.items() if path.startswith("co-quan/co-quan-")}) == 9, (
        "agencies: one picture per place (nine places)"
    )
    assert len({name for path, (_, name) in shown.items() if path.startswith("van-ban/van-ban-")}) == 1
    assert shown["ke-hoach/ke-hoach-1/tien-do"][0] == "Tiến độ thực hiện: Công tác tuyên giáo và dân vận xã An Lão số 1"
    assert shown["ke-hoach/ke-hoach-1/nhiem-vu/nhiem-vu-0"][0].startswith("Nhiệm vụ: Công tác tuyên giáo")
    assert shown["ke-hoach/ke-hoach-1/phu-luc"][0].startswith("Phụ lục: Công tác tuyên giáo"), (
        "the picture says what kind of page it is"
    )

    cache = project / ".cache" / "og"
    before = snapshot(cache)
    assert set(before) == files

    assert not (project / ".cache" / "qr").exists(), "the notices' QR codes are drawn by the browser"

    # One plan edited: its title (every picture of its pages) and one task's id (that task's address).
    plan_file = project / "plan_data" / "plans" / "ke-hoach-1.yaml"
    text = plan_file.read_text(encoding="utf-8")
    assert text.count("xã An Lão số 1") == 1 and text.count("- id: nhiem-vu-0\n") == 1
    text = text.replace("xã An Lão số 1", "xã An Lão (sửa) số 1").replace("- id: nhiem-vu-0\n", "- id: nhiem-vu-9\n")
    plan_file.write_text(text, encoding="utf-8")
    second = project / "site-2"
    assert build_site(project, second, expect_warnings=("summary",)).returncode == 0
    after, shown_again = snapshot(cache), pictures(second)
    redrawn = set(after) - set(before)
    plan_pictures = {name for path, (_, name) in shown_again.items() if of_edited_plan(path)}
    assert redrawn == plan_pictures - set(before) and len(redrawn) >= 5, sorted(redrawn)
    assert set(after) == {name for _, name in shown_again.values()}, "the cache keeps the pictures in use, only"
    assert len(set(before) - set(after)) >= 5, "the edited plan's old pictures are removed"
    assert all(after[name] == before[name] for name in after if name in before), "no other picture was drawn again"
    assert {path for path, (_, name) in shown_again.items() if name in redrawn} == {
        path for path in shown_again if of_edited_plan(path)
    }, "the new pictures are the edited plan's pages'"
    assert all(name == shown[path][1] for path, (_, name) in shown_again.items() if not of_edited_plan(path))

    # Nothing edited: nothing drawn, nothing rewritten, the same site byte for byte.
    third = project / "site-3"
    assert build_site(project, third, expect_warnings=("summary",)).returncode == 0
    assert snapshot(cache) == after, "a warm rebuild draws nothing"
    assert same_tree(second, third)

    # A preview of one plan uses only that plan's pictures, and removes none of the others'.
    monkeypatch.setenv("PLANSITE_PREVIEW_PLAN", "ke-hoach-0")
    assert build_site(project, project / "site-4", expect_warnings=("summary",)).returncode == 0
    assert (project / "site-4" / "ke-hoach" / "ke-hoach-0").is_dir()
    assert not (project / "site-4" / "ke-hoach" / "ke-hoach-1").exists(), "the build was scoped to one plan"
    assert snapshot(cache) == after, "a one-plan build prunes nothing"


def same_tree(left: Path, right: Path) -> bool:
    """The two folders hold the same files with the same bytes."""
    files = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    if files != sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(left / f, right / f, shallow=False) for f in files)


def of_edited_plan(path: str) -> bool:
    return path == "ke-hoach/ke-hoach-1" or path.startswith("ke-hoach/ke-hoach-1/")


def test_the_pool_draws_the_same_bytes_as_one_process(tmp_path):
    wanted = [
        (kind, f"Kế hoạch số {n}: tuyên truyền, vận động", "", "xã Kẻ Sặt, tỉnh Mẫu")
        for n in range(og_batch.POOL_FROM)
        for kind in ("Nhiệm vụ", "Thông báo")
    ]
    assert og_batch.draw_missing(tmp_path / "one", wanted, workers=1) == len(wanted)
    assert og_batch.draw_missing(tmp_path / "pool", wanted, workers=2) == len(wanted)
    assert og_batch.draw_missing(tmp_path / "pool", wanted, workers=2) == 0, "cached: nothing drawn again"
    names = sorted(image_name(*words) for words in wanted)
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == names
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes(), name
        assert (tmp_path / "pool" / name).stat().st_mode & 0o777 == 0o644


def test_a_picture_removed_from_the_cache_meanwhile_is_drawn_again(tmp_path, monkeypatch):
    """Two builds of one checkout at once: one's pruning may remove a picture the other has drawn and not yet
    copied into its site. The copy then draws it again (the same bytes), rather than failing with a traceback."""
    from plansite.site.outreach.og_image import og_image
    from plansite_mkdocs import previews as previews_module

    words = ("Nhiệm vụ", "Kế hoạch số 1: tuyên truyền", "", "xã Kẻ Sặt, tỉnh Mẫu")
    previews = previews_module.PreviewImages(tmp_path / "og")
    previews.wanted[image_name(*words)] = words
    monkeypatch.setattr(previews_module, "draw_missing", lambda *args, **kwargs: 0)  # drawn, then removed
    try:
        previews.write(tmp_path / "site")
    finally:
        previews.stop()
    written = tmp_path / "site" / "assets" / "og" / image_name(*words)
    assert written.read_bytes() == og_image(*words)
