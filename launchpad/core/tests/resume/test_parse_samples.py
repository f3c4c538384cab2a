"""The resume parser on the shared sample resumes (US tech resumes from Resume-Matcher) and
its speed on a two-page PDF.

The samples live in shared/data/sample-resumes beside the repository; these tests are
skipped where that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from launchpad.core.resume.parse import parse_file
from launchpad.core.resume.schema import validate_resume

REPO_ROOT = Path(__file__).resolve().parents[4]
SAMPLES = REPO_ROOT.parent / "shared" / "data" / "sample-resumes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"no sample resumes at {SAMPLES}")

EXPECTED = {
    "alfred_pennyworth_pm.pdf": ("Alfred Pennyworth", "alfred.pennyworth@email.com", 5),
    "barry_allen_fe.pdf": ("Barry Allen", "allthe.stars@google.com", 1),
    "bruce_wayne_fullstack.pdf": ("Bruce Wayne", "bwayne@email.com", 3),
    "harvey_dent_mle.pdf": ("Harvey Dent", "hdent@email.com", 3),
    "john_doe.pdf": ("John Doe", "john.doe@email.com", 2),
    "single-column.pdf": ("John Doe", "john.doe@email.com", 3),
    "two-column.pdf": ("John Doe", "john.doe@email.com", 3),
    "modern-single-column.pdf": ("John Doe", "john.doe@email.com", 3),
    "modern-two-column.pdf": ("John Doe", "john.doe@email.com", 3),
}


@needs_samples
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_resumes_give_name_email_sections_and_valid_json_resume(name):
    result = parse_file(SAMPLES / name)
    full_name, email, jobs = EXPECTED[name]

    assert result.resume["basics"]["name"] == full_name
    assert result.resume["basics"]["email"] == email
    assert len(result.resume["work"]) == jobs
    assert {"education", "skills"} <= set(result.resume)
    assert validate_resume(result.resume) == []
    normalised = {h.lower() for h in result.layout.headings}
    assert {"education", "skills"} <= {h.split(" &")[0] for h in normalised}


@needs_samples
@pytest.mark.parametrize("layout", ["single-column", "two-column", "modern-single-column",
                                    "modern-two-column"])  # fmt: skip
def test_one_resume_in_four_layouts_gives_the_same_jobs(layout):
    work = parse_file(SAMPLES / f"{layout}.pdf").resume["work"]

    assert [(w["position"], w["name"], w["startDate"]) for w in work] == [
        ("Senior Software Engineer", "Stripe", "2023-01"),
        ("Software Engineer", "Figma", "2021-06"),
        ("Software Engineer", "Notion", "2019-07"),
    ]
    assert work[0]["location"] == "San Francisco, CA"


@needs_samples
def test_us_phone_numbers_are_kept_as_written_with_low_confidence():
    result = parse_file(SAMPLES / "single-column.pdf")

    assert result.resume["basics"]["phone"] == "+1 (415) 555-0142"
    assert result.confidence("basics.phone") == 0.5


@needs_samples
def test_dates_in_a_margin_column_are_mended():
    work = parse_file(SAMPLES / "alfred_pennyworth_pm.pdf").resume["work"]

    assert (work[0]["position"], work[0]["name"], work[0]["startDate"]) == (
        "Product Manager",
        "Google",
        "2017",
    )
    assert "endDate" not in work[0]
    assert work[0]["highlights"][0].startswith("Leading cross-functional teams")
    assert "Developing product strategies" in work[0]["highlights"][0]  # "Devel-" + "oping"
