"""`launchpad interview-feedback`: feedback on an answer from a file or standard input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from launchpad.core.tests.test_interview import raw_question
from launchpad.interview_cli import interview_feedback_command

REPO_ROOT = Path(__file__).resolve().parents[3]
ANSWER = (
    "Last year, during my internship, a customer called about a double charge. My job was to "
    "fix it. I listened, I said sorry and I raised a refund. In the end she thanked me and my "
    "CSAT went up to 92 percent."
)
REQUIRED_KEYS = {"star", "word_count", "length", "fillers", "talking_points_covered",
                 "improvements", "suggested_quality", "rules_version"}  # fmt: skip


@pytest.fixture
def bank(tmp_path):
    """A question folder with two questions, as the packaged one holds them."""
    folder = tmp_path / "questions"
    folder.mkdir()
    company = raw_question(id="hr-why-company", round="hr", kind="motivation", star=False,
                           about_company=True, job_terms=[])  # fmt: skip
    (folder / "ops.yaml").write_text(yaml.safe_dump({"questions": [raw_question()]}))
    (folder / "hr.yaml").write_text(yaml.safe_dump({"questions": [company]}))
    return folder


def run(argv, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    code = interview_feedback_command(argv, stdin=io.StringIO(stdin), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_gives_feedback_on_an_answer_file(bank, tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")

    code, out, err = run(["--questions", str(bank), "--question", "ops-difficult-customer",
                          str(path)])  # fmt: skip

    assert (code, err) == (0, "")
    result = json.loads(out)
    assert set(result) >= REQUIRED_KEYS
    assert result["question_id"] == "ops-difficult-customer"
    assert all(part["found"] for part in result["star"].values())
    assert result["rules_version"] == "interview-1"
    assert out.startswith("{\n  ")


def test_reads_the_answer_from_standard_input_with_a_track(bank):
    code, out, err = run(
        ["--questions", str(bank), "--question", "ops-difficult-customer", "--track", "kpo",
         "-"],
        stdin="Ummm, I helped the customer — naïvely, perhaps.",
    )  # fmt: skip

    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["fillers"][0]["phrase"] == "umm"
    assert "Research" in {t["name"] for t in result["job_terms_missed"]}
    assert "naïvely" in out  # ensure_ascii is off


def test_checks_the_company_and_its_research_notes(bank):
    code, out, _ = run(
        ["--questions", str(bank), "--question", "hr-why-company", "--company", "Concentrix",
         "--fact", "Serves telecom clients", "--fact", " ", "-"],
        stdin="I want to join Concentrix because it serves telecom clients.",
    )  # fmt: skip

    assert code == 0
    company = json.loads(out)["company"]
    assert company == {"name": "Concentrix", "mentioned": True,
                       "facts_used": ["Serves telecom clients"], "facts_missed": []}  # fmt: skip


def test_an_unknown_question_suggests_close_ids(bank):
    code, out, err = run(["--questions", str(bank), "--question", "ops-dificult-customer", "-"],
                         stdin=ANSWER)  # fmt: skip

    assert (code, out) == (2, "")
    assert err == (
        "error: no question with id 'ops-dificult-customer'; did you mean ops-difficult-customer?\n"
    )


def test_an_unknown_question_with_nothing_close_says_so(bank):
    code, _, err = run(["--questions", str(bank), "--question", "zzz", "-"], stdin=ANSWER)

    assert code == 2
    assert err == "error: no question with id 'zzz'\n"


@pytest.mark.parametrize("answer", ["", "  \n "])
def test_an_empty_answer_exits_2(bank, answer):
    code, out, err = run(["--questions", str(bank), "--question", "hr-why-company", "-"],
                         stdin=answer)  # fmt: skip

    assert (code, out, err) == (2, "", "error: Write an answer first.\n")


def test_a_missing_file_exits_2(bank, tmp_path):
    missing = tmp_path / "nope.txt"

    code, _, err = run(["--questions", str(bank), "--question", "hr-why-company", str(missing)])

    assert code == 2
    assert err == f"error: cannot read {missing}: No such file or directory\n"


def test_a_file_that_is_not_utf8_exits_2(bank, tmp_path):
    path = tmp_path / "answer.txt"
    path.write_bytes(b"\xff\xfe answer")

    code, _, err = run(["--questions", str(bank), "--question", "hr-why-company", str(path)])

    assert code == 2
    assert err == f"error: cannot read {path}: it is not UTF-8 text\n"


def test_invalid_content_exits_2_with_one_line(bank):
    (bank / "bad.yaml").write_text(yaml.safe_dump({"questions": [raw_question(kind="quiz")]}))

    code, out, err = run(["--questions", str(bank), "--question", "hr-why-company", "-"],
                         stdin=ANSWER)  # fmt: skip

    assert (code, out) == (2, "")
    assert err.startswith("error: invalid interview content: bad.yaml: question 1 ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "code"),
    [([], 2), (["a.txt"], 2), (["--question", "x", "a.txt", "b.txt"], 2),
     (["--question", "x", "--track", "voice", "a.txt"], 2), (["--help"], 0)],
)  # fmt: skip
def test_usage_errors_exit_2_and_help_exits_0(argv, code):
    assert run(argv)[0] == code


def test_the_launchpad_command_routes_interview_feedback_without_importing_django(bank):
    script = (
        "import sys; from launchpad.cli import main; "
        f"code = main(['interview-feedback', '--questions', {str(bank)!r}, "
        "'--question', 'ops-difficult-customer', '-']); "
        "assert 'django' not in sys.modules, 'interview-feedback imported Django'; "
        "sys.exit(code)"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        input=ANSWER,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) >= REQUIRED_KEYS


def test_the_packaged_bank_is_the_default_and_an_unknown_id_exits_2():
    result = subprocess.run(
        [sys.executable, "-m", "launchpad.cli", "interview-feedback", "--question",
         "no-such-question", "-"],
        input=ANSWER,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
