"""Fixtures for the call simulator: scenario rows made from the packaged scenario files (read
once per process), a fixed clock, and a good and a bad billing call as the candidate's turns."""

from __future__ import annotations

import copy
import datetime
import functools
from typing import Any

import pytest
from django.utils import timezone

from launchpad.core import call_qa
from launchpad.simulator.loader import read_simulator
from launchpad.simulator.models import Scenario

START = timezone.make_aware(datetime.datetime(2026, 11, 23, 10, 0))
CHATS = ("order-not-delivered-chat", "slow-laptop-chat", "wrong-item-exchange-chat")

# (text, seconds since the start): resolves the billing call with full marks.
GOOD_BILLING = [
    ("Good morning, thank you for calling Northwind Mobile, my name is Asha. I'm so sorry "
     "to hear that, I'll sort this out for you.", 4),
    ("May I have your account number and date of birth, please?", 9),
    ("Thank you. Could you tell me when you first noticed the second charge?", 14),
    ("May I place you on hold for two minutes while I check your bill?", 19),
    ("Thank you for holding. I have checked your account: the charge of Rs 649 was posted "
     "twice, and your bill total is Rs 1,298.00.", 80),
    ("I have raised a refund of Rs 649. It will be credited within 5-7 working days and "
     "your reference number is NW-20418.", 85),
    ("Is there anything else I can help you with? Thank you for calling Northwind Mobile, "
     "have a great day!", 90),
]  # fmt: skip


@functools.cache
def packaged() -> dict[str, tuple[dict[str, Any], call_qa.Scenario]]:
    return {parsed.id: (spec, parsed) for spec, parsed in read_simulator().scenarios}


def spec_of(slug: str) -> dict[str, Any]:
    return copy.deepcopy(packaged()[slug][0])


def make_scenario(slug: str, **fields: Any) -> Scenario:
    parsed = packaged()[slug][1]
    defaults: dict[str, Any] = {
        "title": parsed.title, "channel": parsed.channel, "tracks": list(parsed.tracks),
        "spec": spec_of(slug),
    }  # fmt: skip
    return Scenario.objects.create(slug=slug, **{**defaults, **fields})


def at(seconds: float) -> datetime.datetime:
    return START + datetime.timedelta(seconds=seconds)


@pytest.fixture
def now() -> datetime.datetime:
    return START


@pytest.fixture
def billing(db) -> Scenario:
    return make_scenario("billing-double-charge")


@pytest.fixture
def chats(db) -> list[Scenario]:
    return [make_scenario(slug) for slug in CHATS]
