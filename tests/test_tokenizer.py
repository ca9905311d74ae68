"""One tokenizer, two languages, one table: every case of tests/tokenizer_cases.yaml through the Python
tokenizer (which writes the index) and through docs/assets/plan-search.js (which reads it) in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plansite.search.tokenize import shard_of, tokens

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((Path(__file__).parent / "tokenizer_cases.yaml").read_text(encoding="utf-8"))["cases"]
SCRIPT = ROOT / "docs" / "assets" / "plan-search.js"
MIN_CASES = 20  # the table has many more; this only stops a broken loader from passing on nothing


def expected(case: dict) -> list[dict]:
    return [{"folded": w["folded"], "exact": w["exact"], "shard": w["shard"]} for w in case["words"]]


def mismatches(got_per_case: list[list[dict]]) -> list[str]:
    assert len(got_per_case) == len(CASES)
    return [
        f"{case['input']!r} ({case['note']}):\n    expected {expected(case)!r}\n    got      {got!r}"
        for case, got in zip(CASES, got_per_case)
        if got != expected(case)
    ]


def test_python_tokenizer_follows_the_table():
    got = [[{"folded": f, "exact": e, "shard": shard_of(f)} for f, e in tokens(case["input"])] for case in CASES]
    assert len(got) > MIN_CASES
    bad = mismatches(got)
    assert not bad, "Python tokenizer differs from tests/tokenizer_cases.yaml:\n" + "\n".join(bad)


@pytest.mark.browser
def test_javascript_tokenizer_follows_the_table(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
        page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))  # no search box: only the tokenizer runs
        assert page.evaluate("typeof window.planSearchTokenize") == "function", errors
        got = page.evaluate(
            "inputs => inputs.map(s => window.planSearchTokenize(s).map(w => "
            "({folded: w.folded, exact: w.exact, shard: w.shard})))",
            [case["input"] for case in CASES],
        )
    finally:
        page.close()
    assert not errors, errors
    assert len(got) > MIN_CASES
    bad = mismatches(got)
    assert not bad, "plan-search.js tokenizer differs from tests/tokenizer_cases.yaml:\n" + "\n".join(bad)
