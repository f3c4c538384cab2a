from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from launchpad.interview.models import CompanyNote, Question


class QuestionFactory(DjangoModelFactory[Question]):
    """A valid behavioural operations question unless told otherwise."""

    class Meta:
        model = Question
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"ops-question-{n}")
    round = "operations"
    kind = "behavioural"
    prompt = factory.LazyAttribute(lambda o: f"Tell me about {o.slug.replace('-', ' ')}.")
    looking_for = "Calm, structured handling of a difficult customer, owning the outcome."
    structure = factory.LazyFunction(
        lambda: ["Set the scene briefly", "Say what you did", "Say how it ended"]
    )
    mistakes = factory.LazyFunction(lambda: ["Blaming the customer", "No result"])
    talking_points = factory.LazyFunction(
        lambda: [
            {"point": "Acknowledge the feeling", "cues": ["sorry", "apologise", "understand"]},
            {
                "point": "Listen fully",
                "cues": ["listened", "let him finish", "without interrupting"],
            },
            {"point": "Fix or escalate", "cues": ["refund", "escalate", "resolved"]},
        ]
    )
    tracks = factory.LazyFunction(lambda: ["all"])
    roles = factory.LazyFunction(list)
    star = True
    min_words = 60
    max_words = 180
    think_seconds = 20
    answer_seconds = 100
    about_company = False
    job_terms = factory.LazyFunction(list)
    sources = factory.LazyFunction(
        lambda: [{"label": "BPO interview tips", "url": "https://example.com/tips", "grade": "C"}]
    )
    order = factory.Sequence(int)


class CompanyNoteFactory(DjangoModelFactory[CompanyNote]):
    class Meta:
        model = CompanyNote

    name = factory.Sequence(lambda n: f"Company {n}")
    services = "Inbound voice, chat support, collections"
    client_industries = "Telecom, banking"
    locations = "Pune, Manila"
    values = "Customer obsession"
