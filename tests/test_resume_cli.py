"""`launchpad resume`: parse, match and ATS-check resume files without a database; a file that
is not a resume, missing or not JSON exits 2 with the reason on standard error."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from launchpad.core.resume.schema import SCHEMA_DIR, validate_job, validate_resume
from launchpad.resume_cli import resume_command

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "launchpad" / "core" / "tests" / "resume" / "fixtures"
PDF = FIXTURES / "ph_shifter_a_single.pdf"
DOCX = FIXTURES / "in_fresher_c_headings.docx"

JOB_TEXT = """Chat Support Associate
Requirements:
- Graduate in commerce or any discipline
- Good written English
- Typing speed of at least 30 WPM
- Willing to work night shifts
Responsibilities:
- Answer customer chats and e-mails
- Meet CSAT targets
"""


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = resume_command([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def job_text(tmp_path) -> Path:
    path = tmp_path / "job.txt"
    path.write_text(JOB_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def job_json(tmp_path) -> Path:
    sample = SCHEMA_DIR / "sample.job.json"
    path = tmp_path / "job.json"
    if sample.exists():
        shutil.copy(sample, path)
    else:  # pragma: no cover - the sample ships with the content
        path.write_text(json.dumps({"title": "Chat support", "skills": []}), encoding="utf-8")
    assert validate_job(json.loads(path.read_text(encoding="utf-8"))) == []
    return path


@pytest.mark.parametrize("path", [PDF, DOCX], ids=["pdf", "docx"])
def test_parse_prints_valid_json_resume(path):
    code, out, err = run("parse", path)

    assert code == 0 and err == ""
    data = json.loads(out)
    assert validate_resume(data) == []
    assert data["basics"]["email"].endswith("@example.com") and data["basics"]["name"]
    assert data["work"] and data["education"]


def test_parse_with_details_adds_fields_layout_and_warnings():
    code, out, _err = run("parse", PDF, "--details")

    assert code == 0
    details = json.loads(out)
    assert set(details) == {"resume", "fields", "layout", "warnings"}
    assert validate_resume(details["resume"]) == []
    email = next(f for f in details["fields"] if f["path"] == "basics.email")
    assert email["value"] == details["resume"]["basics"]["email"]
    assert 0 < email["confidence"] <= 1 and isinstance(email["reasons"], list)
    layout = details["layout"]
    assert layout["file_type"] == "pdf" and layout["pages"] == 2 and layout["columns"] == 1
    assert layout["file_size"] == PDF.stat().st_size and layout["headings"]


def test_parse_of_a_json_resume_prints_it_back(tmp_path):
    resume = {"basics": {"name": "Alice Fernandes", "email": "alice@example.com"}}
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(resume), encoding="utf-8")
    code, out, _err = run("parse", path)
    assert code == 0 and json.loads(out) == resume


def check_match(out: str) -> dict:
    result = json.loads(out)
    assert isinstance(result["score"], int) and 0 <= result["score"] <= 100
    assert result["components"]
    for component in result["components"]:
        assert "score" in component and "weight" in component
        assert component["score"] is None or 0 <= component["score"] <= 100
    for key in ("matched", "missing_evidenced", "missing_unevidenced", "knockouts"):
        assert isinstance(result[key], list), key
    return result


def test_match_a_docx_against_a_pasted_job(job_text):
    code, out, err = run("match", DOCX, job_text)

    assert code == 0 and err == ""
    result = check_match(out)
    assert result["score"] > 0 and result["matched"]
    # The job asks for night shifts and a typing speed: both are knockouts, each with an outcome.
    assert result["knockouts"]
    assert {k["outcome"] for k in result["knockouts"]} <= {"pass", "fail", "unknown"}


def test_match_against_a_job_in_the_job_schema(job_json):
    code, out, err = run("match", PDF, job_json)
    assert code == 0 and err == ""
    check_match(out)


def test_match_a_json_resume(tmp_path, job_text):
    path = tmp_path / "resume.json"
    path.write_text(
        json.dumps({
            "basics": {"name": "Alice", "summary": "Chat support, 40 WPM, night shifts."},
            "education": [{"institution": "Sahyadri College", "studyType": "B.Com"}],
        }),
        encoding="utf-8",
    )  # fmt: skip
    code, out, _err = run("match", path, job_text)
    assert code == 0
    check_match(out)


@pytest.mark.parametrize("path", [PDF, DOCX], ids=["pdf", "docx"])
def test_ats_of_a_file_checks_the_layout(path):
    code, out, err = run("ats", path)

    assert code == 0 and err == ""
    report = json.loads(out)
    assert report["findings"] and report["skipped"] == []
    assert {"columns", "images", "file_size", "tables"} <= {f["key"] for f in report["findings"]}
    assert set(report["summary"]) >= {"problem", "warning", "good", "skipped"}


def test_ats_of_a_json_resume_skips_the_layout_checks(tmp_path):
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"basics": {"name": "Alice"}}), encoding="utf-8")
    code, out, _err = run("ats", path)
    assert code == 0
    assert {s["key"] for s in json.loads(out)["skipped"]} >= {"columns", "images"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "{tmp}/notes.txt"], "is plain text"),
        (["parse", "{tmp}/fake.pdf"], "named .pdf but it is plain text"),
        (["parse", str(FIXTURES / "image_only.pdf")], "scanned images"),
        (["parse", str(FIXTURES / "locked_password.pdf")], "password"),
        (["parse", "{tmp}/missing.pdf"], "could not be opened"),
        (["parse", "{tmp}/missing.json"], "cannot read"),
        (["parse", "{tmp}/bad.json"], "is not a JSON file"),
        (["parse", "{tmp}/invalid.json"], "is not a valid JSON Resume"),
        (["ats", "{tmp}/fake.pdf"], "named .pdf"),
        (["match", str(DOCX), "{tmp}/missing.txt"], "cannot read"),
        (["match", str(DOCX), "{tmp}/bad.json"], "is not a JSON file"),
        (["match", str(DOCX), "{tmp}/invalid_job.json"], "is not a valid JSON Resume job"),
        (["match", "{tmp}/notes.txt", str(DOCX)], "is plain text"),
    ],
    ids=[
        "text", "text-as-pdf", "image-only", "encrypted", "missing-file", "missing-json",
        "not-json", "invalid-resume", "ats-text-as-pdf", "missing-job", "job-not-json",
        "invalid-job", "resume-not-a-resume",
    ],
)  # fmt: skip
def test_a_bad_file_exits_2_with_a_message(tmp_path, argv, message):
    (tmp_path / "notes.txt").write_text("Alice Fernandes\nalice@example.com\n", encoding="utf-8")
    (tmp_path / "fake.pdf").write_text("Alice Fernandes\nalice@example.com\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "invalid.json").write_text('{"basics": {"email": "nope"}}', encoding="utf-8")
    (tmp_path / "invalid_job.json").write_text('{"title": 42}', encoding="utf-8")

    code, out, err = run(*(a.format(tmp=tmp_path) for a in argv))

    assert code == 2 and out == ""
    assert err.startswith("launchpad resume: ") and message in err, err


def test_a_missing_argument_is_a_usage_error():
    with pytest.raises(SystemExit) as caught:
        resume_command(["match", str(PDF)], out=io.StringIO(), err=io.StringIO())
    assert caught.value.code == 2


def test_the_console_script_parses_a_resume():
    script = Path(sys.executable).with_name("launchpad")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "launchpad.cli"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}

    result = subprocess.run(
        [*command, "resume", "parse", str(DOCX)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert validate_resume(data) == [] and data["basics"]["name"] == "Ishita Kulkarni"


def test_the_console_script_reports_a_bad_file(tmp_path):
    script = Path(sys.executable).with_name("launchpad")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "launchpad.cli"]
    fake = tmp_path / "resume.pdf"
    fake.write_text("not a pdf", encoding="utf-8")

    result = subprocess.run(
        [*command, "resume", "parse", str(fake)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip

    assert result.returncode == 2 and result.stdout == ""
    assert "named .pdf but it is plain text" in result.stderr
