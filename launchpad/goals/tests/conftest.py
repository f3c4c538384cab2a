"""A small career ladder for the goal planner's tests.

    Customer Service Rep (entry, voice) -0.5 to 1.5 y-> Senior Rep -1 to 3 y-> Team Leader
    Customer Service Rep -1 to 2 y-> Quality Analyst
    Data Entry Operator (entry, back office) -1 to 2 y-> Quality Analyst

Nothing leads from Data Entry Operator to Team Leader, so that target is out of reach.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from launchpad.careers.models import Certification, Role, Skill
from launchpad.careers.tests.factories import (
    CertificationFactory,
    LadderStepFactory,
    RoleFactory,
    RoleSkillFactory,
    SkillFactory,
    TrackFactory,
)

TODAY = datetime.date(2026, 3, 1)


@dataclass
class SmallLadder:
    rep: Role
    data_entry: Role
    senior: Role
    team_leader: Role
    quality: Role
    english: Skill
    typing: Skill
    coaching: Skill
    auditing: Skill
    cs_cert: Certification
    six_sigma: Certification


@pytest.fixture
def ladder(db) -> SmallLadder:
    voice = TrackFactory(slug="international-voice", name="International voice")
    back_office = TrackFactory(slug="back-office", name="Back office")
    english = SkillFactory(slug="spoken-english", name="Spoken English")
    typing = SkillFactory(slug="typing", name="Typing", category=Skill.Category.TYPING)
    coaching = SkillFactory(slug="coaching", name="Coaching", category=Skill.Category.LEADERSHIP)
    auditing = SkillFactory(slug="call-auditing", name="Call auditing")
    cs_cert = CertificationFactory(slug="cs-basics", name="Customer Service Basics")
    six_sigma = CertificationFactory(slug="six-sigma-yellow", name="Six Sigma Yellow Belt")
    rep = RoleFactory(
        slug="customer-service-rep",
        title="Customer Service Rep",
        tracks=[voice],
        certifications=[cs_cert],
    )
    RoleSkillFactory(role=rep, skill=english, order=1)
    RoleSkillFactory(role=rep, skill=typing, order=2)
    data_entry = RoleFactory(
        slug="data-entry-operator", title="Data Entry Operator", tracks=[back_office]
    )
    RoleSkillFactory(role=data_entry, skill=typing, order=1)
    senior = RoleFactory(slug="senior-rep", title="Senior Rep", level=Role.Level.GROWTH, rank=2)
    team_leader = RoleFactory(
        slug="team-leader", title="Team Leader", level=Role.Level.GROWTH, rank=3
    )
    quality = RoleFactory(
        slug="quality-analyst", title="Quality Analyst", level=Role.Level.GROWTH, rank=3
    )
    LadderStepFactory(
        from_role=rep,
        to_role=senior,
        years_min=Decimal("0.5"),
        years_max=Decimal("1.5"),
        asks=["Steady quality scores"],
        skills=[english],
    )
    LadderStepFactory(
        from_role=senior,
        to_role=team_leader,
        years_min=Decimal("1"),
        years_max=Decimal("3"),
        asks=["Coach new hires", "Handle escalations"],
        skills=[coaching],
        certifications=[six_sigma],
    )
    LadderStepFactory(
        from_role=rep,
        to_role=quality,
        years_min=Decimal("1"),
        years_max=Decimal("2"),
        skills=[auditing],
    )
    LadderStepFactory(
        from_role=data_entry,
        to_role=quality,
        years_min=Decimal("1"),
        years_max=Decimal("2"),
        skills=[auditing],
    )
    return SmallLadder(
        rep,
        data_entry,
        senior,
        team_leader,
        quality,
        english,
        typing,
        coaching,
        auditing,
        cs_cert,
        six_sigma,
    )


@pytest.fixture
def alice_rep(alice, ladder):
    """alice, working as a Customer Service Rep."""
    alice.profile.current_role = ladder.rep
    alice.profile.save()
    return alice


@pytest.fixture
def today() -> datetime.date:
    return TODAY


def years_after(day: datetime.date, years: float) -> datetime.date:
    return day + datetime.timedelta(days=round(years * 365.25))


def local_today() -> datetime.date:
    # alice lives in Asia/Kolkata; the views plan from her calendar day.
    return timezone.localdate(timezone=zoneinfo.ZoneInfo("Asia/Kolkata"))


@pytest.fixture
def goal(alice_rep, ladder):
    """alice's goal: Customer Service Rep to Team Leader in three years."""
    from launchpad.goals import services

    today = local_today()
    return services.goal_create(
        user=alice_rep,
        target_role=ladder.team_leader,
        start_role=ladder.rep,
        target_date=years_after(today, 3),
        aspiration="management",
        motivation="To lead a team.",
        today=today,
    )


def goal_fields(**overrides):
    """A valid goal as the form and the API take it, with `overrides` applied."""
    fields = {
        "start_role": "customer-service-rep",
        "target_role": "team-leader",
        "target_date": years_after(local_today(), 2).isoformat(),
        "aspiration": "management",
        "motivation": "For my family",
    }
    fields.update(overrides)
    return fields
