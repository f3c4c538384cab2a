"""`launchpad typing-score`: scores a keystroke log from a file or standard input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from launchpad.typing_cli import typing_score_command

REPO_ROOT = Path(__file__).resolve().parents[3]

LOG = {
    "text": "the cat sat",
    "mode": "text",
    "events": [
        {"t": round(0.5 * (index + 1), 3), "key": key}
        for index, key in enumerate(["t", "h", "e", " ", "c", "x", "Backspace", "a", "t"])
    ],
}

REQUIRED_KEYS = {
    "wpm",
    "raw_wpm",
    "accuracy",
    "consistency",
    "kph",
    "chars",
    "raw_per_second",
    "elapsed_s",
    "mistyped_words",
    "mistyped_keys",
    "keystrokes",
    "rules_version",
}


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = typing_score_command(argv, stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_scores_a_log_file_and_prints_one_json_object(tmp_path):
    path = tmp_path / "log.json"
    path.write_text(json.dumps(LOG))

    code, out, err = run([str(path)])

    assert (code, err) == (0, "")
    result = json.loads(out)
    assert set(result) >= REQUIRED_KEYS
    assert set(result["chars"]) >= {"all_correct", "correct_word", "incorrect", "extra", "missed"}
    assert set(result["keystrokes"]) == {"correct", "incorrect", "backspaces"}
    assert result["rules_version"] == "typing-1"
    # 'the cat' in 4.5 s: 7 characters / 5 per minute, one mistake corrected.
    assert result["wpm"] == round(7 / 5 / (4.5 / 60), 2)
    assert result["accuracy"] == round(100 * 7 / 8, 2)
    assert isinstance(result["raw_per_second"], list)


def test_reads_the_log_from_standard_input_for_a_dash():
    code, out, err = run(["-"], stdin=json.dumps(LOG))

    assert (code, err) == (0, "")
    assert json.loads(out)["keystrokes"] == {"correct": 7, "incorrect": 1, "backspaces": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "error: standard input is not valid JSON: Expecting property name"),
        ("", "error: standard input is not valid JSON: Expecting value"),
        ("[" * 100_000 + "]" * 100_000, "error: standard input is not valid JSON: it is nested"),
        ("[]", "error: a typing log must be a JSON object, not a list\n"),
        (
            json.dumps({**LOG, "events": [{"t": 2, "key": "t"}, {"t": 1, "key": "h"}]}),
            "error: event 2: time goes backwards (1.000 s after 2.000 s)\n",
        ),
        (
            json.dumps({**LOG, "events": [{"t": 1, "key": "Shift"}]}),
            "error: event 1: unknown key 'Shift'",
        ),
        (json.dumps({**LOG, "mode": "timed"}), "error: a timed test needs duration_s"),
    ],
)
def test_a_bad_log_exits_2_with_a_message(content, message):
    code, out, err = run(["-"], stdin=content)

    assert code == 2
    assert out == ""
    assert err.startswith(message)


def test_a_missing_file_exits_2_with_a_message(tmp_path):
    missing = tmp_path / "nope.json"

    code, out, err = run([str(missing)])

    assert (code, out) == (2, "")
    assert err == f"error: cannot read {missing}: No such file or directory\n"


def test_a_directory_exits_2_with_a_message(tmp_path):
    code, _, err = run([str(tmp_path)])

    assert code == 2
    assert err.startswith(f"error: cannot read {tmp_path}: ")


def test_a_file_that_is_not_utf8_exits_2_with_a_message(tmp_path):
    path = tmp_path / "log.json"
    path.write_bytes(b'{"text": "\xff"}')

    code, _, err = run([str(path)])

    assert code == 2
    assert err == f"error: cannot read {path}: it is not UTF-8 text\n"


def test_a_file_with_bad_json_names_the_file(tmp_path):
    path = tmp_path / "log.json"
    path.write_text("{")

    code, _, err = run([str(path)])

    assert code == 2
    assert err.startswith(f"error: {path} is not valid JSON: ")


@pytest.mark.parametrize(("argv", "code"), [([], 2), (["a.json", "b.json"], 2), (["--help"], 0)])
def test_usage_errors_exit_2_and_help_exits_0(argv, code, capsys):
    assert run(argv)[0] == code


def test_the_launchpad_command_routes_typing_score_without_importing_django(tmp_path):
    path = tmp_path / "log.json"
    path.write_text(json.dumps(LOG))
    script = (
        "import sys; from launchpad.cli import main; "
        f"code = main(['typing-score', {str(path)!r}]); "
        "assert 'django' not in sys.modules, 'typing-score imported Django'; "
        "sys.exit(code)"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) >= REQUIRED_KEYS


def test_the_launchpad_command_exits_2_on_a_malformed_log():
    result = subprocess.run(
        [sys.executable, "-m", "launchpad.cli", "typing-score", "-"],
        input='{"text": "a", "mode": "text", "events": [{"t": -1, "key": "a"}]}',
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "error: event 1: t is negative (-1.000 s)\n"
