"""Every golden case fails (or passes) with exactly the expected report, in Vietnamese (what editors read)
and in English (the developer switch), and never with a traceback: the check of plan_data/, or (cases that
name a file to `import`) the report import of a CSV."""

from __future__ import annotations

import pytest
import yaml

from golden import CASES, EXPECTED, run_case


@pytest.mark.parametrize("lang", EXPECTED)
@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(case_path, lang, tmp_path):
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    result = run_case(case_path, tmp_path, lang)
    assert "Traceback" not in result.stderr
    assert result.stderr == case[EXPECTED[lang]]
    # A case that only warns says `exit: 0`: warnings are printed but nothing stops publishing.
    assert result.returncode == case.get("exit", 0 if case[EXPECTED[lang]] == "" else 1)


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_golden_case_in_vietnamese_has_no_english_left(case_path):
    """What editors read names the problem in Vietnamese: none of the English message frame is left."""
    expected = yaml.safe_load(case_path.read_text(encoding="utf-8"))["expected"]
    for english in (
        "Expected ",
        " but received ",
        "Hint:",
        "Warning:",
        "did you mean",
        "problem found",
        "problems found",
        "the key ",
        "(document)",
    ):
        assert english not in expected, (case_path.stem, english)


def test_there_is_a_case_for_every_error_kind():
    names = {p.stem for p in CASES}
    assert {
        "yaml-syntax",
        "tab-indentation",
        "bom-accepted",
        "windows-1258",
        "tcvn3-text",
        "vni-text",
        "duplicate-key",
        "unknown-key",
        "missing-required",
        "wrong-types",
        "bad-dates",
        "unknown-references",
        "duplicate-ids-across-files",
        "alias-collision",
        "relation-cycle",
        "empty-file",
        "enormous-file",
        "alias-bomb",
        "python-tag",
        "bad-ids",
        "unsafe-url",
        "many-problems-one-run",
        "control-characters",
        "missing-source-text",
        "reserved-ids",
        "place-scopes",
        "time-and-basis",
        "title-with-type-word",
        "report-errors",
        "report-periods",
        "report-values",
        "duplicate-abbreviation",
        "glossary-errors",
        "unread-files",
        "import-utf16",
        "import-utf16-no-bom",
        "import-windows-1258",
        "import-tcvn3-bytes",
        "import-vni-bytes",
        "import-bad-quote",
        "import-control-characters",
        "import-period-outside-plan",
        "raw-control-bytes",
        "place-lines",
        "dash-label",
        "timing-words",
        "plan-life",
        "report-outside-tracking",
    } <= names
