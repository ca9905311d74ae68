"""The search index's own files, without a browser where possible: excerpts, compact postings, shards
split past a size by longer prefixes (the browser finds the same pages either way), the results page's
facets, scripts for file://, and the same bytes for the same pages; and ranking on small hand-made sites."""

from __future__ import annotations

import json
import random
import re
import shutil

import pytest

from conftest import ROOT
from plansite.kinds import PageKind
from plansite.search.excerpt import EXCERPT_CHARS, cut, html_text, not_indexed, page_texts
from plansite.search.index import SearchIndex
from plansite.search.postings import SHARD_BYTES, decode, encode, number, numbers, weight_table
from plansite.search.scripts import CALLBACK, scripts
from plansite.search.terms import BODY_LEVELS, TIES, pair_forms
from search_files import decoded, excerpt_of

# Words sharing their first letters (folded alike or one the other's prefix), so small shards split deep.
WORDS = (
    "dân dẫn dần đan đàn dang danh dành đảng văn vận vân vang vàng vâng vanh hóa hoà hoạch hội hỏi phòng "
    "phong phóng kế kẻ ke tuyên truyền trên trung"
).split()
SCRIPTS = ("plan-search.js", "plan-search-box.js", "plan-search-page.js")  # mkdocs.yml's order


def prefixed_pages(index: SearchIndex, count: int = 60) -> SearchIndex:
    """`count` pages of words from WORDS, the same for the same count: 'xã' on all but every seventh page
    (so its postings list the pages without it), 'trang' on all, a number on each."""
    rng = random.Random(7)
    for i in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 40)))
        xa = "" if i % 7 == 0 else "xã"
        index.add_html(
            f"p/{i:03d}/",
            f"Trang {rng.choice(WORDS)} {i}",
            PageKind.TASK if i % 3 else PageKind.AGENCY,
            f"<h1>Trang {i}</h1><p>{body} {xa}</p>",
            numbers=(f"{i}/KH-UBND",),
        )
    return index


def search_folder(folder, index: SearchIndex):
    """`folder` holding the written `index`, the search scripts and a page with the header's box."""
    index.write(folder)
    for name in SCRIPTS:
        shutil.copy(ROOT / "docs/assets" / name, folder / name)
    (folder / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<form class="ps-search" data-ps-base="." data-ps-results="tim-kiem/"><input class="ps-search__input">'
        '<div class="ps-search__results" hidden><div class="ps-search__listbox" role="listbox"></div></div>'
        '<div class="ps-search__status" role="status"></div></form>'
        + "".join(f'<script src="{name}"></script>' for name in SCRIPTS)
        + "</body></html>",
        encoding="utf-8",
    )
    return folder


def test_excerpt_is_the_text_after_the_heading_cut_after_a_word():
    html = "<p><a href='../'>Trang chủ</a> › X</p><h1 id='x'>Tiêu đề</h1><p>Nội dung &amp; <b>đậm</b></p>"
    assert excerpt_of(html) == "Nội dung & đậm"
    long = " ".join(["dân vận"] * 200)
    short = cut(long)
    assert len(short) <= EXCERPT_CHARS and short.endswith("…") and short[:-1].split()[-1] in ("dân", "vận")
    assert cut(short) == short  # cutting again changes nothing


def test_one_reading_gives_the_same_text_as_before(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert page_texts(html)[0] == html_text(html), page


def test_a_page_can_opt_out_of_search_but_data_text_cannot_ask_for_it():
    assert not_indexed('<div id="ps-results" class="ps-results" data-ps-noindex>\n<form>')
    assert not not_indexed("<p>data-ps-noindex &lt;div data-ps-noindex&gt;</p>")  # escaped text from data
    index = SearchIndex()
    index.add_html("tim-kiem/", "Tìm kiếm", PageKind.PAGE, "<h1>Tìm kiếm</h1><div data-ps-noindex></div>")
    index.add_html("a/", "A", PageKind.PAGE, "<h1>A</h1><p>data-ps-noindex</p>")
    assert [d[0] for d in index.docs] == ["a/"]


def test_index_writes_pages_facets_and_plans_deterministically():
    def make(order):
        index = SearchIndex()
        pages = {
            "ke-hoach/p/": ("Kế hoạch P", PageKind.PLAN),
            "ke-hoach/p/nhiem-vu/t/": ("Nhiệm vụ 1", PageKind.TASK),
            "co-quan/a/": ("Cơ quan A", PageKind.AGENCY),
        }
        for url in order:
            title, kind = pages[url]
            index.add_html(url, title, kind, f"<h1>{title}</h1><p>Văn bản của {title}.</p>")
        return index.files()

    files = make(["ke-hoach/p/", "ke-hoach/p/nhiem-vu/t/", "co-quan/a/"])
    assert files == make(["co-quan/a/", "ke-hoach/p/nhiem-vu/t/", "ke-hoach/p/"])  # same pages, same bytes
    assert json.loads(files["search/meta.json"])["docs"] == 3
    assert json.loads(files["search/meta.json"])["group"] == 1  # a small site: one page a snippet file
    assert [json.loads(files[f"search/x/{i}.json"]) for i in range(3)] == [  # in URL order
        [["co-quan/a/", "Cơ quan A", "Cơ quan", "Văn bản của Cơ quan A."]],
        [["ke-hoach/p/", "Kế hoạch P", "Kế hoạch", "Văn bản của Kế hoạch P."]],
        [["ke-hoach/p/nhiem-vu/t/", "Nhiệm vụ 1", "Nhiệm vụ", "Văn bản của Nhiệm vụ 1."]],
    ]
    assert json.loads(files["search/plans.json"]) == {"p": "Kế hoạch P"}
    assert json.loads(files["search/facets.json"]) == {  # runs of (pages, kind, plan): a, then p's two pages
        "kinds": ["Cơ quan", "Kế hoạch", "Nhiệm vụ"],
        "plans": ["", "p"],
        "runs": [1, 0, 0, 1, 1, 1, 1, 2, 1],
    }
    words = decoded(files)
    # A weight is a level × TIES + the kind's tie-breaker: "bản" once in each page's body, a level alike;
    # the agency's and the task's ties above the plan's.
    ban = words["ban"]["ban" + "\u0309"]
    assert ban == {"co-quan/a/": 7 * TIES + 3, "ke-hoach/p/": 7 * TIES, "ke-hoach/p/nhiem-vu/t/": 7 * TIES + 2}
    # "nhiệm" in the task's title: above anything a body reaches.
    assert words["nhiem"]["nhiêm" + "\u0323"] == {"ke-hoach/p/nhiem-vu/t/": 34 * TIES + 2}
    assert 34 > BODY_LEVELS  # the title's level: above the most any body reaches
    # "văn bản" side by side on each page: one pair term, weighted as the words are.
    assert words["van_ban"]["văn_ban" + "\u0309"] == ban


def test_scripts_carry_the_same_json_under_their_key():
    files = {"search/meta.json": '{"a":1}', "search/t/đa.json": '{"x":"\u2028"}', "other.json": "{}"}
    out = scripts(files)
    assert sorted(out) == ["search/js/meta.js", "search/js/t/đa.js"]
    call = re.fullmatch(re.escape(CALLBACK) + r'\((".*?"),(.*)\);\n', out["search/js/t/đa.js"], re.S)
    assert json.loads(call.group(1)) == "t/đa" and json.loads(call.group(2)) == {"x": "\u2028"}
    assert "\u2028" not in out["search/js/t/đa.js"]


# --- postings and shards -----------------------------------------------------------------------------------


def test_postings_read_back_as_written_in_about_a_character_a_page():
    assert all(numbers(number(n)) == [n] for n in (0, 1, 44, 45, 46, 2024, 45**3, 10**7))
    assert numbers("".join(map(number, (3, 0, 99999)))) == [3, 0, 99999]
    rng = random.Random(3)
    for total in (1, 7, 300, 5000):
        for density in (0.01, 0.4, 0.6, 0.97, 1.0):
            docs = {d: rng.choice((3, 6, 9, 30, 1000)) for d in range(total) if rng.random() < density} or {0: 4}
            table = weight_table(docs.values())
            text = encode(docs, total, {w: i for i, w in enumerate(table)})
            assert decode(text, total, table) == docs
            assert json.dumps(text) == f'"{text}"'  # nothing for JSON to escape
    every = encode({d: 9 for d in range(10_000)}, 10_000, {9: 0})
    assert every == "! #"  # on every page, one weight: three characters
    most = {d: 3 + 3 * (d % 2) for d in range(10_000) if d % 100}
    assert len(encode(most, 10_000, {3: 0, 6: 1})) == len(most) + 201  # "!", gaps 0 and 99 × 99, " ", weights


def test_a_shard_past_its_size_is_split_by_longer_prefixes_and_holds_the_same_postings():
    whole, split = prefixed_pages(SearchIndex()).files(), prefixed_pages(SearchIndex(shard_bytes=300)).files()
    names = json.loads(split["search/meta.json"])["shards"]
    assert names == sorted(n[len("search/t/") : -len(".json")] for n in split if n.startswith("search/t/"))
    assert any(len(name) > 3 for name in names) and "d" not in names  # split twice at least; "dan", "dang"…
    for name in names:
        text = split[f"search/t/{name}.json"]
        members = json.loads(text)
        assert len(text.encode("utf-8")) <= 300 or len(members) == 1, name  # one word alone is never split
        assert all(word.startswith(name) for word in members), name
    assert decoded(split) == decoded(whole)
    assert {k: v for k, v in split.items() if not k.startswith("search/t/") and k != "search/meta.json"} == {
        k: v for k, v in whole.items() if not k.startswith("search/t/") and k != "search/meta.json"
    }
    assert SHARD_BYTES < 500 * 1024


def phrase_pages(files: dict[str, str], query: str) -> set[int]:
    """The pages (index order) holding every pair of `query`'s syllables as typed, read from written files;
    the last syllable is being typed: a longer word holds it, whatever its marks (as a syllable's rule)."""
    meta, urls = json.loads(files["search/meta.json"]), []
    for name in sorted((n for n in files if n.startswith("search/x/")), key=lambda n: int(n[9:-5])):
        urls += [page[0] for page in json.loads(files[name])]
    words, held, syllables = decoded(files), None, query.split()
    for at, (first, second) in enumerate(zip(syllables, syllables[1:])):
        folded, exact = pair_forms(first.lower(), second.lower())
        typing, marks = at == len(syllables) - 2, exact != folded  # no marks typed: any form holds it
        pages = {
            urls.index(url)
            for key, variants in words.items()
            for variant, postings in variants.items()
            for url in postings
            if key == folded
            and (variant == exact or not marks)
            or typing
            and key.startswith(folded)
            and key != folded
            and (variant.split("_")[0] == exact.split("_")[0] or not marks)
        }
        held = pages if held is None else held & pages
    assert meta["docs"] == len(urls)
    return held or set()


@pytest.mark.browser
def test_split_shards_answer_every_query_as_whole_ones_do(tmp_path_factory, serve, browser):
    indexes = [
        prefixed_pages(SearchIndex(shard_bytes=budget, snippet_files=files))
        for budget, files in ((SHARD_BYTES, 1000), (300, 7))
    ]  # the second: 9 pages a snippet file
    folders = [serve(search_folder(tmp_path_factory.mktemp(f"shards-{n}"), index)) for n, index in enumerate(indexes)]
    written = indexes[0].files()
    queries = [
        "dan",
        "da",
        "dân vận",
        "vă",
        "van",
        "vang",
        "đảng",
        "xa",
        "xã dân",
        "trang",
        "trang 12",
        "12/KH-UBND",
        "KH-UBND 12",
        "phong hoa",
        "hoạch",
        "tr",
        "zzz dân",
        "hỏi",
    ]
    answers, phrases = [], []
    tab = browser.new_page()
    try:
        for base in folders:
            tab.goto(base)
            answers.append(
                tab.evaluate(
                    "qs => Promise.all(qs.map(q => window.planSearchCore.search(q, Infinity).then(f =>"
                    " f.results.map(r => [r.doc, r.score]))))",
                    queries,
                )
            )
            best = tab.evaluate(
                "qs => Promise.all(qs.map(q => window.planSearchCore.search(q).then(f =>"
                " [f.count, f.results.map(r => [r.doc, r.score]), f.phrase])))",
                queries,
            )
            phrases.append([q for q, (_, _, phrase) in zip(queries, best) if phrase])
            for query, every, (count, top, phrase) in zip(queries, answers[-1], best):
                if not phrase:  # the ten best kept = all sorted
                    assert [count, top] == [len(every), every[:10]], query
                    continue
                # Ten pages or more hold the phrase: the answer is theirs, by the pairs' relevance alone.
                held = phrase_pages(written, query)
                assert count == len(held) >= 10 and {doc for doc, _ in top} <= held, query
                assert [score for _, score in top] == sorted((score for _, score in top), reverse=True), query
                assert held <= {doc for doc, _ in every}, query  # the full ranking finds them too
            shown = [r["url"] for r in tab.evaluate("q => window.planSearch(q)", "12/KH-UBND")]
            assert shown == ["p/012/"]  # pages in URL order: doc 12 is p/012/
            snippets = tab.evaluate("q => window.planSearch(q)", "trang")
            assert [r["url"] for r in snippets] == [
                json.loads(written[f"search/x/{r['doc']}.json"])[0][0]
                for r in tab.evaluate("q => window.planSearchCore.search(q).then(f => f.results)", "trang")
            ]
    finally:
        tab.close()
    assert phrases[0] == phrases[1] == ["phong hoa"]  # the one phrase held by ten pages or more ("dân vận": 3)
    assert answers[0] == answers[1]
    # The phrase answers alone: of the split index, only pairs' shards ("phong_…") and number keys' ("~…") are
    # fetched, never those of "phong" or "hoa"; the snippet files are groups (x/<n>: 9 pages each).
    tab = browser.new_page()
    fetched: list[str] = []
    tab.on("request", lambda request: fetched.append(request.url[len(folders[1]) :]))
    try:
        tab.goto(folders[1])
        assert len(tab.evaluate("q => window.planSearch(q)", "phong hoa")) == 10
    finally:
        tab.close()
    shards = [name[len("search/t/") : -len(".json")] for name in fetched if name.startswith("search/t/")]
    assert shards and all("_" in name or name.startswith("~") for name in shards), shards
    assert any(name.startswith("phong_") for name in shards), shards
    groups = {name for name in fetched if name.startswith("search/x/")}
    assert 1 <= len(groups) <= 7 and json.loads(indexes[1].files()["search/meta.json"])["group"] == 9
    found = {q: [doc for doc, _ in results] for q, results in zip(queries, answers[1])}
    assert all(found[q] for q in queries), [q for q in queries if not found[q]]
    assert found["12/KH-UBND"][0] == found["KH-UBND 12"][0] == 12
    assert sorted(found["xa"]) == [doc for doc in range(60) if doc % 7]  # "xã" on all but every seventh page
    assert len(found["trang"]) == 60


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory, serve, browser):
    """A site of two pages holding the same words as often, one with 'phòng văn hóa' side by side (b/), the
    other with them apart (a/, first in the index's order, so it wins every tie), and the search box."""
    index = SearchIndex()
    index.add_html("a/", "Trang một", PageKind.PAGE, "<h1>Trang một</h1><p>Phòng họp có văn bản về hóa chất.</p>")
    index.add_html("b/", "Trang hai", PageKind.PAGE, "<h1>Trang hai</h1><p>Phòng Văn hóa họp về bản chất có.</p>")
    tab = browser.new_page()
    tab.goto(serve(search_folder(tmp_path_factory.mktemp("side-by-side"), index)))
    yield lambda query: [r["url"] for r in tab.evaluate("q => window.planSearch(q)", query)]
    tab.close()


@pytest.mark.browser
def test_adjacency_alone_decides_between_pages_of_equal_weight(two_pages):
    assert two_pages("phòng văn hóa") == ["b/", "a/"]  # side by side, in order
    assert two_pages("hóa văn phòng") == ["a/", "b/"]  # the same words in another order: a tie, index order
    assert two_pages("phòng") == ["a/", "b/"]
