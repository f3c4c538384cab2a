"""Search across the career content: matching, ranking, limits and the search page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from launchpad.careers import selectors
from launchpad.careers.models import Role
from launchpad.careers.tests.test_selectors import build_sample_content


@pytest.fixture
def sample(db):
    return build_sample_content()


def group(results: selectors.SearchResults, key: str) -> list[str]:
    for found in results.groups:
        if found.key == key:
            return [hit.title for hit in found.hits]
    return []


def test_search_finds_a_role_by_an_also_called_synonym(sample):
    results = selectors.search("call centre agent")
    assert group(results, "roles") == ["Customer service representative"]


def test_search_finds_a_faq_by_a_word_in_its_answer(sample):
    results = selectors.search("overnight")
    assert group(results, "faqs") == ["Will I work at odd hours?"]


def test_search_is_case_insensitive(sample):
    assert group(selectors.search("CHAT SUPPORT"), "roles") == ["Chat support associate"]


def test_search_puts_title_matches_before_text_matches(sample):
    Role.objects.create(
        slug="quality-analyst",
        title="Quality analyst",
        level="growth",
        rank=3,
        summary="Audits calls of every team leader.",
    )
    titles = group(selectors.search("team leader"), "roles")
    assert titles[0] == "Team leader"
    assert "Quality analyst" in titles


def test_search_needs_every_word_of_the_query(sample):
    assert group(selectors.search("chat associate"), "roles") == ["Chat support associate"]
    assert selectors.search("chat zebra").total == 0


def test_search_looks_at_every_kind_of_content(sample):
    expectations = {
        "tracks": ("International voice", "International voice"),
        "skills": ("Spoken English", "Spoken English"),
        "certifications": ("PeopleCert", "ITIL 4 Foundation"),
        "industries": ("card activation", "Banking and finance"),
        "companies": ("contact centres", "Acme Outsourcing"),
        "books": ("Crucial", "Crucial Conversations"),
        "guides": ("knowledge work", "BPO vs KPO"),
    }
    for key, (query, title) in expectations.items():
        assert title in group(selectors.search(query), key), key


def test_search_results_link_to_their_pages(sample):
    results = selectors.search("Acme")
    (companies,) = [g for g in results.groups if g.key == "companies"]
    assert companies.hits[0].url == reverse("careers:company_list") + "#acme-outsourcing"
    assert companies.total == 1


@pytest.mark.parametrize("query", ["", "   ", "a", " b "])
def test_search_with_an_empty_or_too_short_query_gives_a_message_and_no_results(sample, query):
    results = selectors.search(query)
    assert results.problem
    assert results.groups == []


def test_search_cuts_a_long_query_to_100_characters(sample):
    results = selectors.search("chat " + "x" * 300)
    assert len(results.query) == 100
    assert results.truncated


@pytest.mark.parametrize("query", ["%%", "__", "100%", "'; DROP TABLE careers_role; --", "\\"])
def test_search_treats_wildcards_and_quotes_as_plain_text(sample, query):
    assert selectors.search(query).total == 0
    assert Role.objects.count() == 5


def test_search_page_shows_grouped_results_with_counts(client, sample):
    response = client.get(reverse("careers:search"), {"q": "chat"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chat support associate" in html
    assert "Roles" in html
    assert "results for “chat”" in html
    assert response.context["search_query"] == "chat"


def test_search_page_prefills_the_header_search_box(client, sample):
    response = client.get(reverse("careers:search"), {"q": "typing"})
    assert 'value="typing"' in response.content.decode()


def test_search_page_with_no_query_explains_what_to_type(client, sample):
    response = client.get(reverse("careers:search"))
    assert response.status_code == 200
    assert "Type a word to search for" in response.content.decode()


def test_search_page_with_a_one_letter_query_asks_for_two(client, sample):
    response = client.get(reverse("careers:search"), {"q": "a"})
    assert "at least two characters" in response.content.decode()


def test_search_page_escapes_the_query(client, sample):
    response = client.get(reverse("careers:search"), {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_search_page_says_when_nothing_matches(client, sample):
    response = client.get(reverse("careers:search"), {"q": "zebra"})
    html = response.content.decode()
    assert "0 results" in html
    assert "Nothing matched every word" in html
