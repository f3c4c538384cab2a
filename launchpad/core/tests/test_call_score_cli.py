"""Tests for `launchpad call-score` (launchpad/call_score_cli.py)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from launchpad import cli
from launchpad.call_score_cli import call_score_command
from launchpad.core import call_qa

FIXTURES = Path(__file__).parent / "call_qa"
GOOD = FIXTURES / "billing-good.json"


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = call_score_command(list(argv), stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_scores_a_transcript_by_scenario_id() -> None:
    code, out, err = run("billing-double-charge", str(GOOD))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["total"] == 100.0 and data["passed"] is True
    assert data["lines"][0]["key"] == "opening"
    assert data["lines"][0]["evidence"][0]["turn"] == 1


def test_scores_from_stdin_with_a_scenario_path() -> None:
    path = call_qa.SCENARIOS_DIR / "billing-double-charge.yaml"
    code, out, _ = run(str(path), "-", stdin=GOOD.read_text(encoding="utf-8"))
    assert code == 0 and json.loads(out)["scenario"] == "billing-double-charge"


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (
            ("billing-double-charg", str(GOOD)),
            "",
            "no scenario with id 'billing-double-charg'; did you mean billing-double-charge",
        ),
        (("zzz", str(GOOD)), "", "no scenario with id 'zzz'\n"),
        (("missing.yaml", str(GOOD)), "", "no scenario file missing.yaml"),
        (("billing-double-charge", "nope.json"), "", "cannot read nope.json"),
        (("billing-double-charge", "-"), "{", "not valid JSON"),
        (("billing-double-charge", "-"), "[]", "invalid transcript standard input"),
        (
            ("card-data-privacy", str(GOOD)),
            "",
            "the transcript is for scenario 'billing-double-charge', not 'card-data-privacy'",
        ),
    ],
)
def test_errors_exit_2_with_one_line(argv: tuple[str, str], stdin: str, message: str) -> None:
    code, out, err = run(*argv, stdin=stdin)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_invalid_scenario_file_and_bad_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\n", encoding="utf-8")
    code, _, err = run(str(bad), str(GOOD))
    assert code == 2 and "bad.yaml: scenario: tracks" in err
    latin = tmp_path / "t.json"
    latin.write_bytes(b"\xff\xfe")
    code, _, err = run("billing-double-charge", str(latin))
    assert code == 2 and "it is not UTF-8 text" in err


def test_usage_errors_and_dispatch(capsys: pytest.CaptureFixture[str]) -> None:
    assert run()[0] == 2
    assert cli.main(["call-score", "billing-double-charge", str(GOOD)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 100.0
