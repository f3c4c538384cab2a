"""Search runs the same on SQLite (FTS5) and PostgreSQL (tsvector): these tests run on both."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils import translation

from launchpad.core.resume.match import JobReading
from launchpad.jobs import search
from launchpad.jobs.models import Posting
from launchpad.jobs.reading import posting_job_text, posting_reading
from launchpad.jobs.search import Filters
from launchpad.resumes.analysis import vocabulary

TODAY = datetime.date(2026, 11, 23)
RESUME = {
    "basics": {"name": "Alice", "label": "Customer support fresher"},
    "work": [
        {
            "name": "Acme", "position": "Chat support intern",
            "highlights": ["Handled customer chats and e-mails", "Kept CSAT above 90%"],
        }
    ],
    "skills": [{"name": "Zendesk"}, {"name": "Typing 40 WPM"}],
}  # fmt: skip


@pytest.fixture(autouse=True)
def _no_cached_matches():
    # Matches are cached by resume version and posting id, which other tests reuse.
    cache.clear()


def make(title, *, owner=None, terms=(), days_ago=1, **fields):
    text = " ".join([title, fields.get("company", ""), fields.get("description", "")])
    return Posting.objects.create(
        title=title, owner=owner, terms=list(terms), search_text=text,
        fingerprint=f"{title}-{owner.pk if owner else 0}-{days_ago}",
        posted_on=TODAY - datetime.timedelta(days=days_ago), **fields,
    )  # fmt: skip


@pytest.fixture
def board(db, alice, eve):
    return {
        "chat": make(
            "Chat support associate",
            company="Globex",
            city="Pune",
            track="chat-email",
            shifts=["night"],
            salary_min=250000,
            salary_max=320000,
            salary_currency="INR",
            salary_period="year",
            terms=["chat-support", "csat", "zendesk"],
            must_have=["Excellent written English"],
            responsibilities=["Handle customer chats"],
        ),
        "voice": make(
            "International voice process",
            company="Initech",
            city="Manila",
            track="international-voice",
            shifts=["night", "rotational"],
            salary_min=18000,
            salary_max=22000,
            salary_currency="PHP",
            salary_period="month",
            terms=["voice-process", "aht"],
            days_ago=20,
            description="Handling inbound calls for a US telecom client",
        ),
        "data": make(
            "Data entry operator",
            company="Umbrella",
            city="pune",
            track="back-office",
            shifts=["day"],
            terms=["data-entry"],
            days_ago=60,
        ),
        "retired": make("Old chat job", is_active=False),
        "alices": make("Chat job Alice pasted", owner=alice, days_ago=2),
        "eves": make("Chat job Eve pasted", owner=eve, days_ago=3),
    }


def titles(page):
    return [hit.posting.title for hit in page.hits]


def test_everyone_sees_public_postings_and_only_their_own_pasted_ones(alice, board):
    page = search.search(alice, Filters(), today=TODAY)

    assert set(titles(page)) == {
        "Chat support associate", "International voice process", "Data entry operator",
        "Chat job Alice pasted",
    }  # fmt: skip
    assert titles(page)[0] == "Chat support associate"  # newest first without a resume


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(q="chat"), {"Chat support associate", "Chat job Alice pasted"}),
        (Filters(q="handling telecom"), {"International voice process"}),  # stems and prefixes
        (Filters(q="chat OR voice; DROP TABLE"), set()),  # no query syntax gets through
        (Filters(track="back-office"), {"Data entry operator"}),
        (Filters(city="PUNE"), {"Chat support associate", "Data entry operator"}),
        (Filters(shift="rotational"), {"International voice process"}),
        (Filters(salary_at_least=300000, currency="INR"), {"Chat support associate"}),
        (Filters(salary_at_least=25000, currency="PHP"), set()),
        (Filters(posted_within_days=7), {"Chat support associate", "Chat job Alice pasted"}),
    ],
)
def test_filters_and_text(alice, board, filters, expected):
    assert set(titles(search.search(alice, filters, today=TODAY))) == expected


def test_a_resume_ranks_by_the_match_and_flags_knockouts(alice, board):
    page = search.search(alice, Filters(), today=TODAY, resume=(1, RESUME))

    assert page.ranked_by_resume
    assert titles(page)[0] == "Chat support associate"
    best = page.hits[0]
    assert best.score is not None and best.score > 0
    scores = [hit.score for hit in page.hits]
    assert scores == sorted(scores, reverse=True)


def test_pages_hold_twenty_and_the_number_is_clamped(alice, db):
    for n in range(45):
        make(f"Voice job {n}", days_ago=n + 1)

    first = search.search(alice, Filters(), today=TODAY)
    last = search.search(alice, Filters(), today=TODAY, page=99)

    assert (first.total, first.pages, len(first.hits)) == (45, 3, 20)
    assert (last.number, len(last.hits)) == (3, 5)


def test_the_text_queries_keep_only_words():
    assert search.fts_query('chat "support" NEAR(x) -night*') == (
        '"chat"* "support"* "near"* "x"* "night"*'
    )
    assert search.tsquery("chat & !voice:* | (x)") == "chat:* & voice:* & x:*"
    assert search.fts_query("  ") == "" and search.tsquery("!&") == ""


def test_quick_score_is_the_share_of_the_postings_terms_the_resume_shows():
    held = frozenset({"csat", "zendesk"})

    assert search.quick_score(["csat", "zendesk", "aht", "nps"], held) == 0.5
    assert search.quick_score([], held) == 0.0


def test_editing_a_posting_updates_the_text_index(alice, board):
    posting = board["data"]
    posting.search_text = "Medical coding analyst"
    posting.save()

    assert titles(search.search(alice, Filters(q="coding"), today=TODAY)) == ["Data entry operator"]
    assert titles(search.search(alice, Filters(q="umbrella"), today=TODAY)) == []
    posting.delete()
    assert titles(search.search(alice, Filters(q="coding"), today=TODAY)) == []


def test_a_common_word_gives_the_same_postings_walking_the_date_index(alice, board, monkeypatch):
    # On SQLite, from SQLITE_DENSE matches up the filter is written so the date index drives
    # the query; the postings found must be the same either way (PostgreSQL ignores it).
    sparse = titles(search.search(alice, Filters(q="chat"), today=TODAY))
    monkeypatch.setattr(search, "SQLITE_DENSE", 1)
    dense = titles(search.search(alice, Filters(q="chat"), today=TODAY))

    assert dense == sparse == ["Chat support associate", "Chat job Alice pasted"]


def test_a_search_stores_the_reading_it_made_and_the_next_one_uses_it(alice, board):
    chat = board["chat"]
    assert chat.reading is None  # made without the importer, as before readings existed

    first = search.search(alice, Filters(q="chat"), today=TODAY, resume=(1, RESUME))
    chat.refresh_from_db()
    stored = chat.reading

    assert stored["text_digest"] and stored["job"]["title"] == "Chat support associate"
    reading, fresh = posting_reading(chat)
    assert fresh is None and reading == JobReading.from_data(stored, vocabulary())
    cache.clear()
    again = search.search(alice, Filters(q="chat"), today=TODAY, resume=(2, RESUME))
    assert [h.score for h in again.hits] == [h.score for h in first.hits]


def test_an_edited_posting_is_read_again_never_matched_on_its_old_text(alice, board):
    chat = board["chat"]
    search.search(alice, Filters(q="chat"), today=TODAY, resume=(1, RESUME))
    chat.refresh_from_db()
    before = chat.reading
    chat.must_have = ["Tally ERP and GST filing"]
    chat.save()

    reading, fresh = posting_reading(chat)

    assert fresh is not None and fresh["text_digest"] != before["text_digest"]
    assert reading.spec.must_have[0] == "Tally ERP and GST filing"


@pytest.mark.parametrize(
    "damaged", [{"text_digest": "x"}, "not a reading", {"stamp": "job-reading-0"}]
)
def test_a_damaged_or_stale_reading_is_read_again(alice, board, damaged):
    chat = board["chat"]
    Posting.objects.filter(pk=chat.pk).update(reading=damaged)
    chat.refresh_from_db()

    reading, fresh = posting_reading(chat)

    assert fresh is not None and reading.spec.title == "Chat support associate"
    page = search.search(alice, Filters(q="chat"), today=TODAY, resume=(3, RESUME))
    assert page.hits[0].score is not None
    chat.refresh_from_db()
    assert chat.reading == fresh


def test_the_advert_the_match_reads_is_english_under_any_language(board):
    posting = board["chat"]
    posting.workplace = "hybrid"
    with translation.override("hi"):
        text = posting_job_text(posting)

    assert "Location: Pune (hybrid)" in text
