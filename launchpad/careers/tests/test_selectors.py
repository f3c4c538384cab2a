"""Selectors of the career knowledge base: lists, filters, detail getters, the ladder."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.http import Http404

from launchpad.careers import selectors
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
from launchpad.core.ladder import find_path

CREDIT = (
    "This page includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)


@dataclass
class Sample:
    voice: Track
    chat: Track
    tech: Track
    spoken: Skill
    typing: Skill
    coaching: Skill
    itil: Certification
    yellow_belt: Certification
    csr: Role
    chat_agent: Role
    tech_support: Role
    sme: Role
    team_leader: Role
    onet: OnetOccupation


def source(label: str = "Example source", grade: str = "B") -> dict[str, str]:
    return {"label": label, "url": "https://example.com/source", "grade": grade}


def build_sample_content() -> Sample:
    """A small, self-contained knowledge base: 3 tracks, 5 roles, a 2-rung ladder."""
    voice = Track.objects.create(
        slug="international-voice",
        name="International voice",
        order=1,
        voice=True,
        summary="Phone calls with overseas customers.",
        description="Calls at night.",
        typical_tasks=["Answer inbound calls"],
        entry_requirements=["12th pass"],
        sources=[source("Voice source", "C")],
    )
    chat = Track.objects.create(
        slug="chat-email",
        name="Chat and email",
        order=2,
        summary="Written support.",
        description="You type replies.",
    )
    tech = Track.objects.create(
        slug="technical-support",
        name="Technical support",
        order=3,
        voice=True,
        technical=True,
        summary="Fix devices and accounts.",
    )
    spoken = Skill.objects.create(
        slug="spoken-english",
        name="Spoken English",
        category="communication",
        description="Speaking clearly.",
        how_tested="A Versant test scored 20 to 80.",
        how_to_build="Read aloud daily.",
    )
    typing = Skill.objects.create(
        slug="typing",
        name="Typing",
        category="typing",
        description="Fast, accurate typing.",
        how_tested="A five-minute typing test.",
    )
    coaching = Skill.objects.create(
        slug="coaching",
        name="Coaching",
        category="leadership",
        description="Helping agents.",
    )
    itil = Certification.objects.create(
        slug="itil-4-foundation",
        name="ITIL 4 Foundation",
        issuer="PeopleCert",
        cost_min=Decimal("350"),
        cost_max=Decimal("400"),
        cost_currency="USD",
        cost_year=2025,
        effort="15–45 hours",
        format="40 questions, 60 minutes",
        validity="3 years",
        prerequisites="None",
        level="intermediate",
        summary="IT service management basics.",
        sources=[source("PeopleCert", "A")],
    )
    yellow_belt = Certification.objects.create(
        slug="lean-six-sigma-yellow-belt",
        name="Lean Six Sigma Yellow Belt",
        issuer="IASSC",
    )
    csr = Role.objects.create(
        slug="customer-service-representative",
        title="Customer service representative",
        level="entry",
        rank=1,
        voice=True,
        summary="Answers customer calls.",
        what_the_work_is="You take calls.\n\nYou log them.",
        day_in_the_job=[{"time": "9:00 pm", "activity": "Log in and read updates"}],
        kpis=["Average handle time (AHT)"],
        education="12th pass or graduate.",
        also_called=["CSR", "Call centre agent"],
        sources=[source("CSR source", "C")],
    )
    csr.tracks.add(voice)
    chat_agent = Role.objects.create(
        slug="chat-support-associate",
        title="Chat support associate",
        level="entry",
        rank=1,
        summary="Answers customers in chat.",
        also_called=["Live chat agent"],
    )
    chat_agent.tracks.add(chat)
    tech_support = Role.objects.create(
        slug="technical-support-associate",
        title="Technical support associate",
        level="entry",
        rank=1,
        voice=True,
        technical=True,
        summary="Troubleshoots for customers.",
    )
    tech_support.tracks.add(tech)
    tech_support.certifications.add(itil)
    sme = Role.objects.create(
        slug="senior-associate",
        title="Senior associate (SME)",
        level="growth",
        rank=2,
        voice=True,
        summary="Handles the hardest cases.",
    )
    sme.tracks.add(voice, chat)
    team_leader = Role.objects.create(
        slug="team-leader",
        title="Team leader",
        level="growth",
        rank=3,
        voice=True,
        summary="Leads a team of agents.",
    )
    team_leader.tracks.add(voice, chat, tech)
    team_leader.certifications.add(yellow_belt)
    RoleSkill.objects.create(role=csr, skill=spoken, level="strong", why="Every call", order=1)
    RoleSkill.objects.create(role=csr, skill=typing, level="basic", why="Notes", order=2)
    RoleSkill.objects.create(role=chat_agent, skill=typing, level="strong", why="Chats")
    RoleSkill.objects.create(role=team_leader, skill=coaching, level="strong", why="Coaching")
    step = LadderStep.objects.create(
        from_role=csr,
        to_role=sme,
        years_min=Decimal("0.5"),
        years_max=Decimal("1.5"),
        asks=["Top quality scores"],
        confidence="medium",
        sources=[source("Ladder", "C")],
    )
    step.skills.add(spoken)
    LadderStep.objects.create(
        from_role=chat_agent,
        to_role=sme,
        years_min=Decimal("1"),
        years_max=Decimal("2"),
    )
    leader_step = LadderStep.objects.create(
        from_role=sme,
        to_role=team_leader,
        years_min=Decimal("1"),
        years_max=Decimal("3"),
        asks=["Coach new agents"],
        how_promoted="An internal interview.",
    )
    leader_step.skills.add(coaching)
    leader_step.certifications.add(yellow_belt)
    LadderStep.objects.create(
        from_role=tech_support,
        to_role=team_leader,
        years_min=Decimal("2"),
        years_max=Decimal("3"),
    )
    SalaryRange.objects.create(
        role=csr,
        country="IN",
        currency="INR",
        period="year",
        amount_min=260000,
        amount_max=480000,
        year=2024,
        sources=[source("Pay blog", "C")],
    )
    SalaryRange.objects.create(
        role=csr,
        country="PH",
        currency="PHP",
        period="month",
        amount_min=18000,
        amount_max=25000,
        year=2025,
        note="Metro Manila",
        sources=[source("JobStreet", "C")],
    )
    onet = OnetOccupation.objects.create(
        code="43-4051.00",
        title="Customer Service Representatives",
        tasks=[{"text": "Keep records of customer interactions.", "type": "Core"}],
        skills=[{"name": "Active Listening", "importance": 4, "level": 4}],
        technology=[{"example": "Salesforce CRM", "commodity": "CRM software", "hot": True}],
        related=[{"code": "41-9041.00", "title": "Telemarketers", "tier": "Primary-Short"}],
    )
    RoleOnetLink.objects.create(role=csr, occupation=onet, why="Closest match")
    banking = Industry.objects.create(
        slug="banking",
        name="Banking and finance",
        summary="Card and loan queries.",
        work_examples=["Card activation"],
    )
    banking.roles.add(csr)
    acme = Company.objects.create(
        slug="acme-outsourcing",
        name="Acme Outsourcing",
        what_they_do="Runs contact centres.",
        hires_in=["India"],
    )
    acme.tracks.add(voice)
    manila = Company.objects.create(
        slug="manila-contact",
        name="Manila Contact",
        what_they_do="Chat support.",
        hires_in=["Philippines"],
    )
    manila.tracks.add(chat)
    Faq.objects.create(
        slug="do-i-need-a-degree",
        question="Do I need a degree?",
        topic="getting-started",
        answer="Many entry roles take 12th pass candidates.",
        order=1,
    )
    Faq.objects.create(
        slug="night-shifts",
        question="Will I work at odd hours?",
        topic="shifts",
        answer="Most international voice work happens overnight in India.",
        order=1,
    )
    Book.objects.create(
        slug="crucial-conversations",
        title="Crucial Conversations",
        author="Patterson et al.",
        why_read="Staying calm when stakes are high.",
        topics=["communication"],
    )
    Guide.objects.create(
        slug="bpo-vs-kpo",
        title="BPO vs KPO",
        summary="Processes versus knowledge work.",
        sections=[{"heading": "What BPO means", "body": "Following a process."}],
        table={"columns": ["", "BPO", "KPO"], "rows": [["Work", "Process", "Judgement"]]},
    )
    Guide.objects.create(
        slug="shifts-and-well-being",
        title="Shifts and well-being",
        summary="Night work.",
        sections=[{"heading": "Sleep", "body": "Keep a fixed sleep window."}],
    )
    return Sample(
        voice=voice,
        chat=chat,
        tech=tech,
        spoken=spoken,
        typing=typing,
        coaching=coaching,
        itil=itil,
        yellow_belt=yellow_belt,
        csr=csr,
        chat_agent=chat_agent,
        tech_support=tech_support,
        sme=sme,
        team_leader=team_leader,
        onet=onet,
    )


@pytest.fixture
def sample(db) -> Sample:
    return build_sample_content()


def slugs(roles) -> list[str]:
    return [role.slug for role in roles]


def test_track_list_is_in_display_order(sample):
    assert [t.slug for t in selectors.track_list()] == [
        "international-voice",
        "chat-email",
        "technical-support",
    ]


def test_role_list_without_filters_returns_every_role_by_rank_then_title(sample):
    assert slugs(selectors.role_list()) == [
        "chat-support-associate",
        "customer-service-representative",
        "technical-support-associate",
        "senior-associate",
        "team-leader",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            selectors.RoleFilters(track="chat-email"),
            ["chat-support-associate", "senior-associate", "team-leader"],
        ),
        (selectors.RoleFilters(voice=False), ["chat-support-associate"]),
        (selectors.RoleFilters(technical=True), ["technical-support-associate"]),
        (selectors.RoleFilters(level="growth"), ["senior-associate", "team-leader"]),
        (
            selectors.RoleFilters(track="international-voice", level="entry"),
            ["customer-service-representative"],
        ),
        (
            selectors.RoleFilters(track="chat-email", voice=True, level="growth"),
            ["senior-associate", "team-leader"],
        ),
    ],
)
def test_role_list_filters_narrow_the_results(sample, filters, expected):
    assert slugs(selectors.role_list(filters)) == expected


def test_role_list_with_a_track_does_not_repeat_roles_in_several_tracks(sample):
    roles = slugs(selectors.role_list(selectors.RoleFilters(voice=True)))
    assert len(roles) == len(set(roles))


def test_role_list_prefetches_tracks_in_a_bounded_number_of_queries(
    sample, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        for role in selectors.role_list():
            [t.name for t in role.tracks.all()]


def test_role_detail_prefetches_everything_its_page_shows(sample, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        role = selectors.role_detail("customer-service-representative")
        [rs.skill.name for rs in role.role_skills.all()]
        [s.to_role.title for s in role.steps_out.all()]
        [sk.name for s in role.steps_out.all() for sk in s.skills.all()]
        [link.occupation.code for link in role.onet_links.all()]
        list(role.salaries.all())
        list(role.industries.all())
        list(role.certifications.all())
        list(role.tracks.all())


@pytest.mark.parametrize("slug", ["nope", "../etc/passwd", "x" * 500, "", "a b", "ü-role"])
def test_role_detail_raises_404_for_an_unknown_or_malformed_slug(sample, slug):
    with pytest.raises(Http404):
        selectors.role_detail(slug)


@pytest.mark.parametrize(
    "getter",
    [
        selectors.track_detail,
        selectors.skill_detail,
        selectors.certification_detail,
        selectors.guide_detail,
    ],
)
def test_detail_getters_raise_404_for_unknown_slugs(sample, getter):
    with pytest.raises(Http404):
        getter("no-such-thing")
    with pytest.raises(Http404):
        getter("../" * 40)


def test_ladder_from_db_builds_roles_and_steps_with_their_skills_and_certifications(sample):
    ladder = selectors.ladder_from_db()
    assert {r.slug for r in ladder.roles} == set(Role.objects.values_list("slug", flat=True))
    csr = ladder.role("customer-service-representative")
    assert csr.is_entry and csr.rank == 1
    assert csr.tracks == ("international-voice",)
    assert csr.skills == ("spoken-english", "typing")
    assert not ladder.role("team-leader").is_entry
    assert ladder.role("team-leader").certifications == ("lean-six-sigma-yellow-belt",)
    (leader_step,) = ladder.steps_from("senior-associate")
    assert leader_step.to_slug == "team-leader"
    assert (leader_step.years_min, leader_step.years_max) == (1.0, 3.0)
    assert leader_step.asks == ("Coach new agents",)
    assert leader_step.skills == ("coaching",)
    assert leader_step.certifications == ("lean-six-sigma-yellow-belt",)


def test_ladder_from_db_keeps_unknown_years_unknown(sample):
    manager = Role.objects.create(
        slug="operations-manager",
        title="Operations manager",
        level="growth",
        rank=4,
        summary="Runs a process.",
    )
    LadderStep.objects.create(from_role=sample.team_leader, to_role=manager)
    (step,) = selectors.ladder_from_db().steps_from("team-leader")
    assert (step.years_min, step.years_max) == (None, None)
    assert not step.years_known


def test_ladder_from_db_finds_the_quickest_path_for_a_fresher(sample):
    ladder = selectors.ladder_from_db()
    quickest = find_path(ladder, start=None, target="team-leader")
    assert quickest.roles == ("technical-support-associate", "team-leader")
    voice = find_path(
        ladder, start=None, target="team-leader", preferred_tracks=["international-voice"]
    )
    assert voice.roles == ("customer-service-representative", "senior-associate", "team-leader")


def test_ladder_cache_is_reused_until_the_content_version_changes(sample, settings):
    from launchpad.careers.services import content_version_bump

    settings.CONTENT_CACHE_SECONDS = 60
    selectors.clear_ladder_cache()
    try:
        first = selectors.ladder_from_db()
        assert selectors.ladder_from_db() is first
        Role.objects.create(
            slug="trainer", title="Trainer", level="growth", rank=3, summary="Trains new hires."
        )
        assert selectors.ladder_from_db() is first
        content_version_bump()
        second = selectors.ladder_from_db()
        assert second is not first
        assert second.has_role("trainer")
        LadderStep.objects.filter(from_role__slug="senior-associate").update(years_max=Decimal("4"))
        content_version_bump()
        third = selectors.ladder_from_db()
        assert third.steps_from("senior-associate")[0].years_max == 4.0
    finally:
        selectors.clear_ladder_cache()


def test_ladder_cache_is_off_in_tests_by_default(sample):
    assert selectors.ladder_from_db() is not selectors.ladder_from_db()


def test_skills_are_grouped_by_category_in_declared_order(sample):
    groups = selectors.skills_by_category()
    assert [value for value, _label, _skills in groups] == ["communication", "typing", "leadership"]


def test_faqs_are_grouped_by_topic_in_declared_order(sample):
    groups = selectors.faqs_by_topic()
    assert [g.topic for g in groups] == ["getting-started", "shifts"]
    assert groups[1].faqs[0].slug == "night-shifts"


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        (None, ["Acme Outsourcing", "Manila Contact"]),
        ("IN", ["Acme Outsourcing"]),
        ("PH", ["Manila Contact"]),
        ("XX", ["Acme Outsourcing", "Manila Contact"]),
    ],
)
def test_company_list_filters_by_country(sample, country, expected):
    assert [c.name for c in selectors.company_list(country)] == expected


def test_content_counts_count_each_kind(sample):
    counts = selectors.content_counts()
    assert counts["roles"] == 5
    assert counts["guides"] == 2
    assert counts["faqs"] == 2


@pytest.mark.parametrize(
    ("slug", "valid"),
    [
        ("team-leader", True),
        ("a", True),
        ("../etc", False),
        ("", False),
        ("x" * 81, False),
        (None, False),
        ("with space", False),
    ],
)
def test_is_valid_slug(slug, valid):
    assert selectors.is_valid_slug(slug) is valid
