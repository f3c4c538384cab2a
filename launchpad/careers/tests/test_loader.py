"""Reading, validating and loading the career content, and the `launchpad ladder` tools.

Most tests use a small, complete content set written to a temporary directory, so they do
not depend on the packaged files; the packaged files get their own tests.
"""

from __future__ import annotations

import copy
import datetime
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from launchpad.careers.loader import load_careers
from launchpad.careers.models import (
    Book,
    Certification,
    Company,
    Faq,
    Guide,
    Industry,
    LadderStep,
    OnetOccupation,
    Role,
    RoleOnetLink,
    RoleSkill,
    SalaryRange,
    Skill,
    Track,
)
from launchpad.content import (
    CAREERS_DIR,
    ONET_DIR,
    ContentError,
    build_ladder,
    read_careers,
    read_content,
    read_onet,
)
from launchpad.content.reader import FILES, GUIDE_SLUGS, TRACK_SLUGS
from launchpad.core_cli import ladder_command

SOURCES = [{"label": "Test source", "url": "https://example.com/a", "grade": "B"}]


def _track(slug: str, order: int) -> dict[str, Any]:
    return {
        "slug": slug,
        "name": slug.replace("-", " ").capitalize(),
        "order": order,
        "voice": "voice" in slug,
        "technical": slug == "technical-support",
        "summary": "One sentence.",
        "description": "A paragraph.\n\nAnother paragraph.",
        "typical_tasks": ["Answer customers"],
        "who_fits": "People who like people.",
        "entry_requirements": ["Any graduate"],
        "sources": SOURCES,
    }


def _skill(slug: str, category: str = "communication") -> dict[str, Any]:
    return {
        "slug": slug,
        "name": slug.replace("-", " ").capitalize(),
        "category": category,
        "description": "What it is.",
        "how_tested": "How it is tested.",
        "how_to_build": "How to build it.",
        "sources": SOURCES,
    }


def _role(slug: str, rank: int, tracks: list[str], **extra: Any) -> dict[str, Any]:
    role = {
        "slug": slug,
        "title": slug.replace("-", " ").title(),
        "level": "entry" if rank == 1 else "growth",
        "rank": rank,
        "tracks": tracks,
        "voice": True,
        "technical": False,
        "summary": "One sentence.",
        "what_the_work_is": "A paragraph.",
        "day_in_the_job": [{"time": "09:00", "activity": "Log in and read updates"}],
        "skills": [],
        "certifications": [],
        "kpis": ["Average handle time"],
        "education": "Any graduate.",
        "onet": [],
        "also_called": [],
        "sources": SOURCES,
    }
    role.update(extra)
    return role


def _step(low: str, high: str, years_min: float, years_max: float, **extra: Any) -> dict:
    step = {
        "from": low,
        "to": high,
        "years_min": years_min,
        "years_max": years_max,
        "asks": ["Consistent quality scores."],
        "skills": [],
        "certifications": [],
        "how_promoted": "Internal job posting.",
        "confidence": "medium",
        "sources": SOURCES,
    }
    step.update(extra)
    return step


def _salary(role: str, country: str, low: int, high: int) -> dict[str, Any]:
    return {
        "role": role,
        "country": country,
        "currency": {"IN": "INR", "PH": "PHP"}[country],
        "period": {"IN": "year", "PH": "month"}[country],
        "min": low,
        "max": high,
        "year": 2025,
        "note": "Indicative.",
        "sources": SOURCES,
    }


def sample_content() -> dict[str, list[dict[str, Any]]]:
    """A small content set that passes validation."""
    return {
        "tracks": [_track(slug, order) for order, slug in enumerate(TRACK_SLUGS, 1)],
        "skills": [
            _skill("spoken-english"),
            _skill("typing", "typing"),
            _skill("coaching", "leadership"),
        ],
        "certifications": [
            {
                "slug": "versant",
                "name": "Versant English Test",
                "issuer": "Pearson",
                "cost_min": 50,
                "cost_max": 70.5,
                "cost_currency": "USD",
                "cost_year": 2025,
                "cost_note": "",
                "effort": "A week of practice",
                "format": "Spoken test",
                "validity": "2 years",
                "prerequisites": "",
                "helps_roles": ["cse"],
                "level": "entry",
                "summary": "Proves spoken English.",
                "sources": SOURCES,
            },
            {
                "slug": "copc",
                "name": "COPC CX Associate",
                "issuer": "COPC Inc.",
                "cost_min": None,
                "cost_max": None,
                "cost_currency": None,
                "cost_year": None,
                "cost_note": "Not published.",
                "effort": "Two days",
                "format": "Course and exam",
                "validity": "Lifetime",
                "prerequisites": "None",
                "helps_roles": ["team-leader"],
                "level": "intermediate",
                "summary": "Customer experience basics.",
                "sources": SOURCES,
            },
        ],
        "roles": [
            _role(
                "cse",
                1,
                ["international-voice", "domestic-voice"],
                skills=[
                    {"skill": "spoken-english", "level": "strong", "why": "Every call."},
                    {"skill": "typing", "level": "working", "why": "Notes."},
                ],
                certifications=["versant"],
                onet=[{"code": "43-4051.00", "why": "Closest match."}],
                also_called=["Customer care executive"],
            ),
            _role(
                "chat-agent",
                1,
                ["chat-email"],
                skills=[{"skill": "typing", "level": "strong", "why": "Every chat."}],
            ),
            _role(
                "team-leader",
                3,
                ["international-voice", "chat-email"],
                skills=[{"skill": "coaching", "level": "strong", "why": "Runs the team."}],
                certifications=["copc"],
                onet=[{"code": "43-1011.00", "why": "Supervises agents."}],
            ),
        ],
        "ladder": [
            _step("cse", "team-leader", 2, 3, skills=["coaching"], certifications=["copc"]),
            _step("chat-agent", "team-leader", 2, 4.5),
        ],
        "industries": [
            {
                "slug": "banking",
                "name": "Banking",
                "summary": "Banks.",
                "work_examples": ["Card disputes"],
                "roles": ["cse", "team-leader"],
                "sources": SOURCES,
            }
        ],
        "companies": [
            {
                "slug": "acme",
                "name": "Acme Outsourcing",
                "what_they_do": "Runs contact centres.",
                "headquarters": "Pune",
                "hires_in": ["India", "Philippines"],
                "tracks": ["international-voice"],
                "notes": "",
                "sources": SOURCES,
            }
        ],
        "salaries": [
            _salary("cse", "IN", 250000, 400000),
            _salary("cse", "PH", 18000, 25000),
            _salary("team-leader", "IN", 500000, 800000),
        ],
        "faqs": [
            {
                "slug": "night-shifts",
                "question": "Do I have to work nights?",
                "answer": "Usually, in international voice.",
                "topic": "shifts",
                "order": 1,
                "sources": SOURCES,
            }
        ],
        "books": [
            {
                "slug": "the-effortless-experience",
                "title": "The Effortless Experience",
                "author": "Matthew Dixon",
                "why_read": "Why effort matters to customers.",
                "topics": ["customer experience"],
                "sources": SOURCES,
            }
        ],
        "guides": [
            {
                "slug": slug,
                "title": slug.replace("-", " ").capitalize(),
                "summary": "A guide.",
                "sections": [{"heading": "First", "body": "Text."}],
                "sources": SOURCES,
                **(
                    {"table": {"columns": ["BPO", "KPO"], "rows": [["Process", "Knowledge"]]}}
                    if slug == "bpo-vs-kpo"
                    else {}
                ),
            }
            for slug in GUIDE_SLUGS
        ],
    }


def sample_onet() -> dict[str, Any]:
    return {
        "release": "O*NET 29.3 (May 2025)",
        "occupations": [
            {"code": "41-9041.00", "title": "Telemarketers"},
            {
                "code": "43-1011.00",
                "title": "First-Line Supervisors of Office and Administrative Support Workers",
                "description": "Supervise clerical workers.",
                "tasks": [{"text": "Train staff.", "type": "Core"}],
                "related": [],
                "skills": [{"name": "Coordination", "importance": 4, "level": 4.12}],
                "technology": [],
            },
            {
                "code": "43-4051.00",
                "title": "Customer Service Representatives",
                "description": "Interact with customers.",
                "tasks": [{"text": "Resolve complaints.", "type": "Core"}],
                "related": [
                    {
                        "code": "41-9041.00",
                        "title": "Telemarketers",
                        "tier": "Primary-Short",
                        "index": 1,
                    }
                ],
                "skills": [],
                "technology": [{"example": "Salesforce", "commodity": "CRM software", "hot": True}],
            },
        ],
    }


class ContentDir:
    """A writable copy of the content: edit `.data` / `.onet`, then `write()`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.careers = root / "careers"
        self.onet_dir = root / "onet"
        self.data = sample_content()
        self.onet = sample_onet()
        self.write()

    def write(self) -> ContentDir:
        self.careers.mkdir(parents=True, exist_ok=True)
        self.onet_dir.mkdir(parents=True, exist_ok=True)
        for name, entries in self.data.items():
            text = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
            (self.careers / f"{name}.yaml").write_text(text, encoding="utf-8")
        (self.onet_dir / "occupations.json").write_text(json.dumps(self.onet), encoding="utf-8")
        return self

    def entry(self, name: str, slug: str) -> dict[str, Any]:
        return next(e for e in self.data[name] if e.get("slug") == slug)

    def read(self):
        return read_content(self.careers, self.onet_dir)

    def load(self):
        return load_careers(*self.read())


@pytest.fixture
def content_dir(tmp_path: Path) -> ContentDir:
    return ContentDir(tmp_path / "content")


def problems_of(content_dir: ContentDir) -> list[str]:
    content_dir.write()
    with pytest.raises(ContentError) as caught:
        content_dir.read()
    return caught.value.problems


CAREERS_MODELS = (
    Track,
    Skill,
    Certification,
    OnetOccupation,
    Role,
    RoleSkill,
    RoleOnetLink,
    LadderStep,
    Industry,
    Company,
    SalaryRange,
    Faq,
    Book,
    Guide,
    Role.tracks.through,
    Role.certifications.through,
    LadderStep.skills.through,
    LadderStep.certifications.through,
    Industry.roles.through,
    Company.tracks.through,
)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in CAREERS_MODELS
    }


# --- The packaged content -------------------------------------------------------------------

MISSING_FILES = [name for name in FILES if not (CAREERS_DIR / f"{name}.yaml").exists()]
needs_packaged_content = pytest.mark.skipif(
    bool(MISSING_FILES),
    reason="the packaged content is still being written; missing: "
    + ", ".join(f"{name}.yaml" for name in MISSING_FILES),
)


@needs_packaged_content
def test_the_packaged_content_is_valid():
    content, onet = read_content()

    assert content.roles and content.ladder
    assert {o["code"] for o in onet} >= {
        link["code"] for role in content.roles for link in role["onet"]
    }


@needs_packaged_content
@pytest.mark.django_db
def test_the_packaged_content_loads_and_loading_it_again_changes_nothing():
    content, onet = read_content()

    first = load_careers(content, onet)
    after_first = snapshot()
    second = load_careers(content, onet)

    assert first.created > 0
    assert Role.objects.count() == len(content.roles)
    assert LadderStep.objects.count() == len(content.ladder)
    assert OnetOccupation.objects.count() == len(onet)
    assert (second.created, second.updated, second.deleted) == (0, 0, 0)
    assert snapshot() == after_first


def test_the_packaged_onet_extract_credits_its_source():
    occupations = read_onet()
    licence = (ONET_DIR / "LICENSE.md").read_text(encoding="utf-8")

    assert len(occupations) > 15
    assert "43-4051.00" in {o["code"] for o in occupations}
    assert "O*NET 29.3 Database by the U.S. Department of Labor" in licence
    assert "CC BY 4.0" in licence


# --- Loading --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_loading_fills_every_model_from_the_files(content_dir):
    report = content_dir.load()

    cse = Role.objects.get(slug="cse")
    assert cse.title == "Cse"
    assert cse.also_called == ["Customer care executive"]
    assert [(rs.skill.slug, rs.level, rs.order) for rs in cse.role_skills.all()] == [
        ("spoken-english", "strong", 0),
        ("typing", "working", 1),
    ]
    assert [link.occupation.code for link in cse.onet_links.all()] == ["43-4051.00"]
    assert OnetOccupation.objects.get(code="41-9041.00").description == ""
    step = LadderStep.objects.get(from_role=cse)
    assert (step.to_role.slug, step.years_min, step.years_max) == ("team-leader", 2, 3)
    assert [s.slug for s in step.skills.all()] == ["coaching"]
    assert Certification.objects.get(slug="versant").cost_max == Decimal("70.5")
    assert Certification.objects.get(slug="copc").cost_currency == ""
    assert [(s.country, s.amount_min, s.order) for s in SalaryRange.objects.filter(role=cse)] == [
        ("IN", 250000, 0),
        ("PH", 18000, 1),
    ]
    assert Guide.objects.get(slug="bpo-vs-kpo").table == {
        "columns": ["BPO", "KPO"],
        "rows": [["Process", "Knowledge"]],
    }
    assert Guide.objects.get(slug="hiring-process").table is None
    assert Track.objects.get(slug="kpo").description == "A paragraph.\n\nAnother paragraph."
    assert report.of("Role").created == 3
    assert report.of("Role tracks").created == 5
    assert report.deleted == 0
    assert "Content loaded:" in report.summary()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(content_dir):
    content_dir.load()
    first = snapshot()

    report = content_dir.load()

    assert (report.created, report.updated, report.deleted) == (0, 0, 0)
    assert report.warnings == []
    assert snapshot() == first
    assert report.summary() == "Content loaded: 0 created, 0 updated, 0 deleted."


@pytest.mark.django_db
def test_an_admin_edit_to_a_row_still_in_the_files_is_overwritten(content_dir):
    content_dir.load()
    Role.objects.filter(slug="cse").update(title="Edited in the admin")
    RoleSkill.objects.filter(role__slug="cse", skill__slug="typing").update(level="basic")

    report = content_dir.load()

    assert Role.objects.get(slug="cse").title == "Cse"
    assert RoleSkill.objects.get(role__slug="cse", skill__slug="typing").level == "working"
    assert (report.of("Role").updated, report.of("RoleSkill").updated) == (1, 1)
    assert report.created == report.deleted == 0


@pytest.mark.django_db
def test_a_slug_removed_from_the_files_is_deleted(content_dir):
    content_dir.load()
    content_dir.data["roles"] = [r for r in content_dir.data["roles"] if r["slug"] != "chat-agent"]
    content_dir.data["ladder"] = [
        s for s in content_dir.data["ladder"] if s["from"] != "chat-agent"
    ]
    content_dir.data["books"] = []
    content_dir.data["faqs"][0]["slug"] = "nights"
    content_dir.write()

    report = content_dir.load()

    assert not Role.objects.filter(slug="chat-agent").exists()
    assert not Book.objects.exists()
    assert list(Faq.objects.values_list("slug", flat=True)) == ["nights"]
    assert report.of("Role").deleted == 1
    assert report.of("LadderStep").deleted == 1
    assert report.of("RoleSkill").deleted == 1
    assert report.of("Book").deleted == 1
    assert (report.of("Faq").created, report.of("Faq").deleted) == (1, 1)
    assert report.warnings == []


@pytest.mark.django_db
def test_a_role_that_a_goal_or_profile_refers_to_is_kept_with_a_warning(content_dir, alice):
    from launchpad.goals.models import Goal

    content_dir.load()
    chat_agent = Role.objects.get(slug="chat-agent")
    Goal.objects.create(
        user=alice,
        target_role=chat_agent,
        target_date=datetime.date(2030, 1, 1),
        aspiration=Goal.Aspiration.GROWTH,
    )
    alice.profile.current_role = chat_agent
    alice.profile.save(update_fields=["current_role"])
    content_dir.data["roles"] = [r for r in content_dir.data["roles"] if r["slug"] != "chat-agent"]
    content_dir.data["ladder"] = [
        s for s in content_dir.data["ladder"] if s["from"] != "chat-agent"
    ]
    content_dir.write()

    report = content_dir.load()

    assert Role.objects.filter(slug="chat-agent").exists()
    assert report.of("Role").kept == 1
    assert report.of("Role").deleted == 0
    assert report.of("LadderStep").deleted == 1
    [warning] = report.warnings
    assert "'chat-agent'" in warning
    assert "1 goals" in warning
    assert "1 candidate profiles" in warning
    assert "kept" in report.summary()


@pytest.mark.django_db
def test_many_to_many_links_are_set_exactly_to_the_files(content_dir):
    content_dir.load()
    cse = Role.objects.get(slug="cse")
    cse.tracks.add(Track.objects.get(slug="kpo"))  # an admin edit the files do not have
    content_dir.entry("roles", "cse")["tracks"] = ["domestic-voice", "back-office"]
    content_dir.data["ladder"][0]["skills"] = []
    content_dir.entry("industries", "banking")["roles"] = ["chat-agent"]
    content_dir.entry("companies", "acme")["tracks"] = ["kpo", "chat-email"]
    content_dir.write()

    report = content_dir.load()

    assert set(cse.tracks.values_list("slug", flat=True)) == {"domestic-voice", "back-office"}
    assert (report.of("Role tracks").created, report.of("Role tracks").deleted) == (1, 2)
    assert not LadderStep.objects.get(from_role=cse).skills.exists()
    assert list(Industry.objects.get().roles.values_list("slug", flat=True)) == ["chat-agent"]
    assert set(Company.objects.get().tracks.values_list("slug", flat=True)) == {
        "kpo",
        "chat-email",
    }


@pytest.mark.django_db
def test_salary_rows_follow_the_files_role_by_role(content_dir):
    content_dir.load()
    content_dir.data["salaries"] = [
        _salary("cse", "PH", 19000, 26000),
        _salary("chat-agent", "IN", 200000, 300000),
    ]
    content_dir.write()

    report = content_dir.load()

    rows = SalaryRange.objects.order_by("role__slug", "order")
    assert [(s.role.slug, s.country, s.amount_min) for s in rows] == [
        ("chat-agent", "IN", 200000),
        ("cse", "PH", 19000),
    ]
    counts = report.of("SalaryRange")
    assert (counts.created, counts.updated, counts.deleted) == (1, 1, 2)


@pytest.mark.django_db
def test_onet_occupations_follow_the_extract(content_dir):
    content_dir.load()
    content_dir.onet["occupations"] = [
        o for o in content_dir.onet["occupations"] if o["code"] != "41-9041.00"
    ]
    content_dir.onet["occupations"][0]["title"] = "Supervisors"
    content_dir.write()

    report = content_dir.load()

    assert list(OnetOccupation.objects.values_list("code", "title")) == [
        ("43-1011.00", "Supervisors"),
        ("43-4051.00", "Customer Service Representatives"),
    ]
    counts = report.of("OnetOccupation")
    assert (counts.created, counts.updated, counts.deleted) == (0, 1, 1)


@pytest.mark.django_db
def test_a_role_linking_to_an_occupation_missing_from_the_extract_is_refused(content_dir):
    content_dir.load()
    before = snapshot()
    content = read_careers(content_dir.careers)
    onet = [o for o in read_onet(content_dir.onet_dir) if o["code"] != "43-4051.00"]

    with pytest.raises(ContentError, match=re.escape("O*NET code '43-4051.00' is not in")):
        load_careers(content, onet)

    assert snapshot() == before


@pytest.mark.django_db
def test_a_broken_file_lists_every_problem_and_changes_nothing(content_dir):
    content_dir.load()
    before = snapshot()
    content_dir.entry("roles", "team-leader")["skills"][0]["skill"] = "coachin"
    content_dir.entry("roles", "cse")["level"] = "boss"
    content_dir.data["ladder"][0]["years_min"] = 5
    content_dir.data["salaries"][0]["min"] = 900000
    content_dir.write()
    stderr = io.StringIO()

    with pytest.raises(CommandError, match="4 problems in the content files"):
        call_command("load_content", dir=content_dir.root, stderr=stderr)

    assert snapshot() == before
    assert stderr.getvalue().splitlines() == [
        "- roles.yaml, role 'cse': level 'boss' is not one of: entry, growth",
        "- roles.yaml, role 'team-leader': skill 'coachin' does not exist "
        "(did you mean 'coaching'?)",
        "- ladder.yaml, step 'cse → team-leader': years_min 5 is more than years_max 3",
        "- salaries.yaml, salary #1 (cse, IN): min 900000 is more than max 400000",
    ]


@pytest.mark.django_db
def test_the_command_loads_and_summarises(content_dir):
    out = io.StringIO()

    call_command("load_content", dir=content_dir.root, stdout=out)
    call_command("load_content", dir=content_dir.root, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Content loaded: ")
    assert "  Role: 3 created, 0 updated, 0 deleted" in lines
    assert lines[-1] == "Content loaded: 0 created, 0 updated, 0 deleted."


@pytest.mark.django_db
def test_the_command_check_option_only_validates(content_dir):
    out = io.StringIO()

    call_command("load_content", dir=content_dir.root, check=True, stdout=out)

    assert out.getvalue().startswith("ok: 3 roles, 2 ladder steps, 3 skills, 3 O*NET")
    assert not Role.objects.exists()


# --- Validation -----------------------------------------------------------------------------


def test_the_sample_content_is_valid_and_builds_the_ladder(content_dir):
    content, onet = content_dir.read()
    ladder = build_ladder(content)

    assert [r.slug for r in ladder.entry_roles()] == ["cse", "chat-agent"]
    assert ladder.role("cse").skills == ("spoken-english", "typing")
    assert ladder.role("cse").certifications == ("versant",)
    assert ladder.role("cse").tracks == ("international-voice", "domestic-voice")
    assert ladder.steps[1].years_max == 4.5
    assert ladder.steps[0].skills == ("coaching",)
    assert content.skill_names["typing"] == "Typing"
    assert content.certification_names["copc"] == "COPC CX Associate"
    assert content.role("team-leader")["rank"] == 3
    with pytest.raises(KeyError):
        content.role("astronaut")
    assert [o["code"] for o in onet] == ["41-9041.00", "43-1011.00", "43-4051.00"]
    assert onet[0]["tasks"] == []


def _break(file: str, index: int, /, **changes: Any):
    def apply(data: dict[str, list[dict[str, Any]]]) -> None:
        entry = data[file][index]
        for key, value in changes.items():
            if value is _DELETE:
                del entry[key]
            else:
                entry[key] = value

    return apply


_DELETE = object()


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (
            _break("tracks", 0, name=_DELETE),
            "tracks.yaml, track 'international-voice': name is missing",
        ),
        (
            _break("tracks", 0, colour="red"),
            "tracks.yaml, track 'international-voice': unknown field colour",
        ),
        (_break("tracks", 0, summary="x" * 301), "summary is 301 characters long (at most 300)"),
        (_break("tracks", 1, order="two"), "order must be a whole number, not 'two'"),
        (_break("tracks", 1, voice="yes"), "voice must be true or false, not 'yes'"),
        (_break("tracks", 5, slug="kpo-work"), "tracks.yaml: the track 'kpo' is missing"),
        (_break("tracks", 2, typical_tasks=[]), "typical_tasks is an empty list"),
        (_break("tracks", 2, typical_tasks="Answer"), "typical_tasks must be a list, not str"),
        (_break("skills", 0, slug="Spoken English"), "slug 'Spoken English' is not a valid slug"),
        (
            _break("skills", 1, slug="spoken-english"),
            "the slug 'spoken-english' is used by more than one skill",
        ),
        (_break("skills", 1, category="typing-speed"), "category 'typing-speed' is not one of:"),
        (_break("skills", 1, description=""), "skills.yaml, skill 'typing': description is empty"),
        (
            _break("skills", 1, description=None),
            "skills.yaml, skill 'typing': description is empty",
        ),
        (
            _break("skills", 1, how_tested=45),
            "how_tested must be text, not int 45 (put it in quotes",
        ),
        (
            _break("roles", 0, tracks=["voice"]),
            "roles.yaml, role 'cse': track 'voice' does not exist",
        ),
        (
            _break("roles", 0, tracks=["chat-email", "chat-email"]),
            "tracks lists 'chat-email' more than once",
        ),
        (
            _break("roles", 0, certifications=["versent"]),
            "certification 'versent' does not exist (did you mean 'versant'?)",
        ),
        (
            _break("roles", 0, rank=2),
            "roles.yaml, role 'cse': an entry role must have rank 1, not 2",
        ),
        (_break("roles", 2, rank=1, level="growth"), "a growth role must have rank 2 or more"),
        (_break("roles", 2, rank=7), "rank 7 is above 6"),
        (
            _break("roles", 0, day_in_the_job=[{"time": 570, "activity": "Huddle"}]),
            "day_in_the_job[1].time must be text, not int 570",
        ),
        (
            _break("roles", 0, day_in_the_job=["09:00 huddle"]),
            "day_in_the_job[1] must be a mapping of fields",
        ),
        (
            _break("roles", 0, skills=[{"skill": "typing", "level": "expert", "why": ""}]),
            "skills[1].level 'expert' is not one of: basic, working, strong",
        ),
        (
            _break(
                "roles", 0, skills=[{"skill": "typing", "level": "basic", "why": "", "weight": 2}]
            ),
            "unknown field skills[1].weight",
        ),
        (
            _break("roles", 0, skills=[{"skill": "typing", "level": "basic", "why": ""}] * 2),
            "skills lists 'typing' more than once",
        ),
        (
            _break("roles", 0, onet=[{"code": "43-4051", "why": "x"}]),
            "onet[1].code '43-4051' is not an O*NET-SOC code",
        ),
        (
            _break("roles", 0, onet=[{"code": "43-9061.00", "why": "x"}]),
            "O*NET code '43-9061.00' is not in onet/occupations.json",
        ),
        (
            _break("ladder", 0, to="team-lead"),
            "ladder.yaml, step 'cse → team-lead': to: role 'team-lead' does not exist",
        ),
        (_break("ladder", 0, years_min=-1), "years_min -1 is below 0"),
        (_break("ladder", 0, years_max=2.25), "years_max 2.25 has more than 1 decimal places"),
        (_break("ladder", 0, years_max="3"), "years_max must be a number, not '3'"),
        (
            _break("ladder", 0, confidence="sure"),
            "confidence 'sure' is not one of: low, medium, high",
        ),
        (_break("ladder", 0, skills=["coaching", "typo"]), "skill 'typo' does not exist"),
        (
            _break("ladder", 1, to="chat-agent"),
            "ladder.yaml: Step chat-agent → chat-agent goes nowhere.",
        ),
        (
            _break("ladder", 1, **{"from": "team-leader", "to": "cse"}),
            "ladder.yaml: The ladder has a cycle",
        ),
        (_break("certifications", 0, cost_min=100), "cost_min 100 is more than cost_max 70.5"),
        (
            _break("certifications", 0, cost_currency=None),
            "cost_currency is needed when a cost is given",
        ),
        (
            _break("certifications", 0, cost_currency="EUR"),
            "cost_currency 'EUR' is not one of: USD, INR, PHP",
        ),
        (
            _break("certifications", 0, helps_roles=["ceo"]),
            "helps_roles: role 'ceo' does not exist",
        ),
        (_break("certifications", 0, cost_year=1850), "cost_year 1850 is below 1990"),
        (
            _break("industries", 0, roles=["cso"]),
            "industries.yaml, industry 'banking': role 'cso' does not exist",
        ),
        (
            _break("companies", 0, tracks=["bpo"]),
            "companies.yaml, company 'acme': track 'bpo' does not exist",
        ),
        (
            _break("companies", 0, hires_in=["USA"]),
            "hires_in[1] 'USA' is not one of: India, Philippines",
        ),
        (
            _break("salaries", 0, role="agent"),
            "salaries.yaml, salary #1 (agent, IN): role 'agent' does not exist",
        ),
        (
            _break("salaries", 0, currency="PHP"),
            "currency 'PHP' does not match country 'IN' (expected 'INR')",
        ),
        (
            _break("salaries", 0, period="month"),
            "period 'month' does not match country 'IN': INR figures are per year",
        ),
        (
            _break("salaries", 0, min=None, max=None, note=""),
            "min and max are both empty and the note does not say why",
        ),
        (_break("salaries", 0, min=2.5), "min must be a whole number, not 2.5"),
        (_break("salaries", 0, country="US"), "country 'US' is not one of: IN, PH"),
        (_break("faqs", 0, topic="money"), "topic 'money' is not one of: getting-started"),
        (
            _break("books", 0, sources=[]),
            "books.yaml, book 'the-effortless-experience': sources is an empty list",
        ),
        (
            _break("books", 0, sources=[{"label": "x", "url": "x.com", "grade": "A"}]),
            "sources[1].url 'x.com' is not an http(s) address",
        ),
        (
            _break("books", 0, sources=[{"label": "x", "url": None, "grade": "D"}]),
            "sources[1].grade 'D' is not one of: A, B, C",
        ),
        (
            _break("books", 0, sources=[{"label": "", "url": None, "grade": "A"}]),
            "sources[1].label is empty",
        ),
        (
            _break("books", 0, sources=["https://example.com"]),
            "sources[1] must be {label, url, grade}",
        ),
        (
            _break("guides", 0, table={"columns": ["A", "B"], "rows": [["only one"]]}),
            "table.rows[1] must be a list of 2 cells",
        ),
        (
            _break("guides", 0, table={"columns": "A", "rows": []}),
            "table.columns must be a list of column headings",
        ),
        (
            _break("guides", 0, table={"columns": ["A"], "rows": []}),
            "table.rows must be a non-empty list of rows",
        ),
        (
            _break("guides", 0, table={"columns": ["A"], "rows": [[["nested"]]]}),
            "table.rows[1] has a cell that is not text or a number",
        ),
        (_break("guides", 0, table=["A"]), "table must be {columns, rows}"),
        (_break("guides", 0, sections=[{"heading": "H"}]), "sections[1].body is missing"),
    ],
)
def test_validation_reports_each_problem_with_file_and_entry(content_dir, breakage, expected):
    breakage(content_dir.data)

    problems = problems_of(content_dir)

    assert any(expected in problem for problem in problems), problems


def test_validation_reports_problems_of_every_file_at_once(content_dir):
    content_dir.entry("skills", "typing")["category"] = "speed"
    content_dir.entry("roles", "cse")["tracks"] = ["voice"]
    content_dir.data["ladder"][0]["confidence"] = "sure"
    content_dir.data["faqs"][0]["topic"] = "money"

    problems = problems_of(content_dir)

    assert len(problems) == 4
    assert [p.split(",")[0] for p in problems] == [
        "skills.yaml",
        "roles.yaml",
        "ladder.yaml",
        "faqs.yaml",
    ]


def test_a_step_with_only_one_end_of_its_years_is_reported_once(content_dir):
    content_dir.data["ladder"][1]["years_min"] = None

    problems = problems_of(content_dir)

    assert problems == [
        "ladder.yaml, step 'chat-agent → team-leader': give both years_min and years_max, "
        "or leave both empty"
    ]


def test_a_step_with_no_sourced_years_is_accepted_and_weighed_as_assumed(content_dir):
    content_dir.data["ladder"][1]["years_min"] = None
    content_dir.data["ladder"][1]["years_max"] = None
    content_dir.write()

    content = content_dir.read()

    assert content is not None


def test_a_role_no_entry_role_leads_to_is_reported(content_dir):
    content_dir.data["ladder"] = [content_dir.data["ladder"][1]]
    content_dir.data["roles"].append(
        _role(
            "island-manager",
            4,
            ["kpo"],
            skills=[{"skill": "coaching", "level": "strong", "why": ""}],
        )
    )

    problems = problems_of(content_dir)

    assert problems == [
        "ladder.yaml: Role 'island-manager' cannot be reached from any entry role.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- slug: a\n  slug: b\n", "tracks.yaml: line 2: the key 'slug' appears twice here"),
        ("- slug: [unclosed\n", "tracks.yaml: is not valid YAML"),
        ("slug: kpo\n", "tracks.yaml: must be a list of tracks entries, not dict"),
        ("", "tracks.yaml: must be a list of tracks entries, not NoneType"),
        ("[]\n", "tracks.yaml: has no entries"),
        ("- just text\n", "tracks.yaml, entry #1: the entry must be a mapping of fields"),
    ],
)
def test_file_level_problems_are_reported(content_dir, text, expected):
    (content_dir.careers / "tracks.yaml").write_text(text, encoding="utf-8")

    with pytest.raises(ContentError) as caught:
        read_careers(content_dir.careers)

    assert any(p.startswith(expected) for p in caught.value.problems), caught.value.problems


def test_missing_files_and_directories_are_reported(content_dir, tmp_path):
    (content_dir.careers / "books.yaml").unlink()
    with pytest.raises(ContentError, match=re.escape("books.yaml: the file is missing")):
        read_careers(content_dir.careers)
    with pytest.raises(ContentError, match=re.escape("the content directory does not exist")):
        read_careers(tmp_path / "nowhere")
    with pytest.raises(ContentError, match=re.escape("run scripts/extract_onet.py")):
        read_onet(tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("{not json", "is not valid JSON"),
        ('{"occupations": 3}', "must hold a list of occupations"),
        ("[3]", "entry #1: must be an object"),
        ('[{"code": "4340", "title": "x"}]', "code '4340' is not an O*NET-SOC code"),
        ('[{"code": "43-4051.00", "title": ""}]', "occupation 43-4051.00: the title is empty"),
        (
            '[{"code": "43-4051.00", "title": "a"}, {"code": "43-4051.00", "title": "b"}]',
            "occupation 43-4051.00: appears more than once",
        ),
        ('[{"code": "43-4051.00", "title": "a", "tasks": "x"}]', "tasks must be list"),
    ],
)
def test_a_broken_onet_extract_is_reported(content_dir, document, expected):
    (content_dir.onet_dir / "occupations.json").write_text(document, encoding="utf-8")

    with pytest.raises(ContentError) as caught:
        read_onet(content_dir.onet_dir)

    assert any(expected in p for p in caught.value.problems), caught.value.problems


def test_content_error_counts_its_problems():
    assert str(ContentError(["a"])).startswith("1 problem in the content files:\n- a")
    assert str(ContentError(["a", "b"])).startswith("2 problems")


# --- `launchpad ladder` ---------------------------------------------------------------------


def run_ladder(content_dir: ContentDir, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = ladder_command(["--dir", str(content_dir.careers), *args], out=out)
    return code, out.getvalue()


def test_ladder_validate_says_ok(content_dir):
    assert run_ladder(content_dir, "validate") == (
        0,
        "ok: 3 roles, 2 ladder steps, 3 skills, 2 certifications\n",
    )


def test_ladder_validate_prints_the_problems(content_dir, capsys):
    content_dir.entry("roles", "cse")["tracks"] = ["voice"]
    content_dir.write()

    assert run_ladder(content_dir, "validate") == (1, "")
    assert "roles.yaml, role 'cse': track 'voice' does not exist" in capsys.readouterr().err


def test_ladder_validate_checks_the_onet_links(content_dir, capsys):
    content_dir.onet["occupations"] = content_dir.onet["occupations"][:1]
    content_dir.write()

    assert run_ladder(content_dir, "validate")[0] == 1
    assert "O*NET code '43-4051.00' is not in" in capsys.readouterr().err


def test_ladder_path_prints_steps_years_and_asks(content_dir):
    code, out = run_ladder(content_dir, "path", "--to", "team-leader")

    assert code == 0
    assert out.splitlines() == [
        "Cse → Team Leader",
        "Start: get hired into the entry role Cse.",
        "Typically 2–3 years in all.",
        "",
        "1. Cse → Team Leader: 2–3 years",
        "   - Consistent quality scores.",
    ]


def test_ladder_path_follows_the_preferred_track_and_prints_json(content_dir):
    code, out = run_ladder(
        content_dir, "path", "--to", "team-leader", "--track", "chat-email", "--json"
    )

    data = json.loads(out)
    assert code == 0
    assert [r["slug"] for r in data["roles"]] == ["chat-agent", "team-leader"]
    assert (data["start"], data["years_min"], data["years_max"]) == (None, 2, 4.5)
    assert data["steps"][0]["asks"] == ["Consistent quality scores."]


def test_ladder_path_from_a_current_role(content_dir):
    code, out = run_ladder(content_dir, "path", "--from", "cse", "--to", "team-leader")

    assert code == 0
    assert out.startswith("Cse → Team Leader\nTypically 2–3 years")


def test_ladder_plan_prints_milestones_and_feasibility(content_dir):
    code, out = run_ladder(
        content_dir, "plan", "--to", "team-leader", "--by", "2029-01-15", "--today", "2026-01-15"
    )

    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "Cse → Team Leader"
    assert lines[1].startswith("Feasibility: realistic (3 years available; typically 2.5–3.5")
    assert "Get hired as a Cse" in lines
    assert lines[-1] == "  2029-01-15  Move up to Team Leader"


def test_ladder_plan_prints_json(content_dir):
    code, out = run_ladder(
        content_dir,
        "plan",
        "--to",
        "team-leader",
        "--from",
        "cse",
        "--by",
        "2027-02-15",
        "--today",
        "2026-01-15",
        "--json",
    )

    data = json.loads(out)
    assert code == 0
    assert data["feasibility"] == "ambitious"
    assert data["milestones"][-1]["kind"] == "role"
    assert data["milestones"][-1]["due"] == "2027-02-15"
    assert data["milestones"][1]["title"] == "Build and prove: Coaching"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("path", "--to", "astronaut"), 2, "there is no role 'astronaut'. Roles: cse, "),
        (("path", "--to", "team-leadr"), 2, "no role 'team-leadr' (did you mean 'team-leader'?)"),
        (("path", "--to", "team-leader", "--from", "ceo"), 2, "there is no role 'ceo'"),
        (("path", "--to", "team-leader", "--track", "bpo"), 2, "there is no track 'bpo'"),
        (("path", "--to", "cse", "--from", "team-leader"), 1, "no route from Team Leader"),
        (
            ("plan", "--to", "team-leader", "--by", "2020-01-01", "--today", "2026-01-01"),
            2,
            "The target date must be in the future",
        ),
        (("plan", "--to", "team-leader", "--by", "soon"), 2, "'soon' is not a date"),
        (("path",), 2, "the following arguments are required: --to"),
        ((), 2, "the following arguments are required: COMMAND"),
    ],
)
def test_ladder_explains_bad_arguments(content_dir, capsys, args, code, message):
    assert run_ladder(content_dir, *args) == (code, "")
    assert message in capsys.readouterr().err


def test_ladder_plan_defaults_to_today(content_dir):
    target = (datetime.date.today() + datetime.timedelta(days=800)).isoformat()

    code, out = run_ladder(content_dir, "plan", "--to", "team-leader", "--by", target)

    assert code == 0
    assert out.splitlines()[-1] == f"  {target}  Move up to Team Leader"


def test_ladder_help_exits_cleanly(content_dir, capsys):
    assert run_ladder(content_dir, "--help")[0] == 0
    assert "validate" in capsys.readouterr().out


def test_ladder_refuses_broken_content(content_dir, capsys):
    (content_dir.careers / "roles.yaml").unlink()

    assert run_ladder(content_dir, "path", "--to", "team-leader") == (1, "")
    assert "roles.yaml: the file is missing" in capsys.readouterr().err


def test_the_sample_content_round_trips_through_yaml_unchanged(content_dir):
    # Guard for the tests above: safe_dump/safe_load keeps every value as written.
    reread = {
        name: yaml.safe_load((content_dir.careers / f"{name}.yaml").read_text()) for name in FILES
    }
    assert reread == copy.deepcopy(content_dir.data)


def test_every_load_moves_the_content_version_on(content_dir, db):
    from launchpad.careers import selectors

    content_dir.write()
    before = selectors.content_version()
    content_dir.load()
    assert selectors.content_version() == before + 1
