"""Explorer pages: every page renders, filters, htmx fragments, 404s, the ladder, O*NET credit."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.management import call_command, get_commands
from django.urls import NoReverseMatch, reverse

from launchpad.careers.models import Certification, Guide, OnetOccupation, Role
from launchpad.careers.templatetags.careers_tags import (
    clean_sources,
    format_money,
    format_years,
    ladder_diagram,
)
from launchpad.careers.tests.factories import (
    CertificationFactory,
    LadderStepFactory,
    RoleFactory,
    RoleSkillFactory,
    SkillFactory,
    TrackFactory,
)
from launchpad.careers.tests.test_selectors import CREDIT, build_sample_content
from launchpad.core.ladder import Ladder, RoleNode, Step


@pytest.fixture
def sample(db):
    return build_sample_content()


def page(client, name, *args, **params):
    response = client.get(reverse(f"careers:{name}", args=args), params)
    assert response.status_code == 200, (name, args, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("explore", (), "Six kinds of work"),
        ("track_detail", ("international-voice",), "Answer inbound calls"),
        ("role_list", (), "Chat support associate"),
        ("role_detail", ("customer-service-representative",), "A day in the job"),
        ("ladder", (), "The ladder as text"),
        ("skill_list", (), "Spoken English"),
        ("skill_detail", ("spoken-english",), "A Versant test scored 20 to 80."),
        ("certification_list", (), "ITIL 4 Foundation"),
        ("certification_detail", ("itil-4-foundation",), "PeopleCert"),
        ("industry_list", (), "Card activation"),
        ("company_list", (), "Acme Outsourcing"),
        ("faq_list", (), "Will I work at odd hours?"),
        ("book_list", (), "Crucial Conversations"),
        ("guide_list", (), "Shifts and well-being"),
        ("guide_detail", ("bpo-vs-kpo",), "What BPO means"),
        ("bpo_vs_kpo", (), "What BPO means"),
        ("shifts", (), "Keep a fixed sleep window."),
        ("search", (), "Search roles, skills and more"),
        ("about_data", (), "Salary figures are indicative"),
    ],
)
def test_every_explorer_page_renders_its_content(client, sample, name, args, expected):
    html = page(client, name, *args)
    assert expected in html
    assert "<title>" in html and "<h1>" in html
    assert "css/careers.css" in html


def test_explorer_pages_render_with_no_content_loaded(client, db):
    for name in (
        "explore",
        "role_list",
        "ladder",
        "skill_list",
        "certification_list",
        "industry_list",
        "company_list",
        "faq_list",
        "book_list",
        "guide_list",
        "search",
        "about_data",
    ):
        page(client, name)


@pytest.mark.parametrize(
    "path",
    [
        "/explore/roles/no-such-role/",
        "/explore/roles/../etc/passwd/",
        "/explore/roles/%2E%2E%2Fetc/",
        "/explore/roles/" + "x" * 400 + "/",
        "/explore/tracks/nope/",
        "/explore/skills/nope/",
        "/explore/certifications/nope/",
        "/explore/guides/nope/",
        "/explore/guides/" + "a-" * 200 + "/",
    ],
)
def test_unknown_or_malformed_slugs_are_404_pages_not_errors(client, sample, path):
    response = client.get(path)
    assert response.status_code == 404


def test_guide_shortcut_is_404_when_its_guide_is_not_loaded(client, sample):
    Guide.objects.filter(slug="shifts-and-well-being").delete()
    assert client.get(reverse("careers:shifts")).status_code == 404


def test_detail_pages_have_breadcrumbs(client, sample):
    html = page(client, "role_detail", "customer-service-representative")
    assert 'class="breadcrumbs"' in html
    assert 'aria-current="page"' in html


def test_pages_accept_only_get(client, sample):
    assert client.post(reverse("careers:role_list")).status_code == 405


# --- Role list ---------------------------------------------------------------------------


def role_titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/explore/roles/[^"]+/">([^<]+)</a></h3>', html)


def test_role_list_filters_narrow_the_results(client, sample):
    assert len(role_titles(page(client, "role_list"))) == 5
    html = page(client, "role_list", voice="non-voice")
    assert role_titles(html) == ["Chat support associate"]
    html = page(client, "role_list", track="chat-email", level="growth")
    assert role_titles(html) == ["Senior associate (SME)", "Team leader"]
    html = page(client, "role_list", technical="technical")
    assert role_titles(html) == ["Technical support associate"]


def test_role_list_ignores_an_invalid_filter_and_says_so(client, sample):
    html = page(client, "role_list", voice="sometimes", level="growth", track="<b>x</b>")
    assert role_titles(html) == ["Senior associate (SME)", "Team leader"]
    assert "We ignored “sometimes”" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<b>x</b>" not in html


def test_role_list_with_no_match_suggests_clearing_filters(client, sample):
    html = page(client, "role_list", track="technical-support", voice="non-voice")
    assert role_titles(html) == []
    assert "No role matches all of these filters" in html


def test_role_list_form_works_without_javascript_and_with_htmx(client, sample):
    html = page(client, "role_list")
    assert 'method="get"' in html
    assert 'hx-get="/explore/roles/"' in html
    assert '<label for="id_track">Track</label>' in html
    assert '<button type="submit">' in html


def test_role_list_htmx_request_returns_only_the_results_fragment(client, sample):
    response = client.get(
        reverse("careers:role_list"), {"voice": "non-voice"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert role_titles(html) == ["Chat support associate"]
    assert "HX-Request" in response["Vary"]


def test_role_list_htmx_history_restore_gets_the_full_page(client, sample):
    response = client.get(
        reverse("careers:role_list"),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in response.content.decode()


def test_role_list_query_count_is_bounded(client, sample, django_assert_max_num_queries):
    for _ in range(10):
        RoleFactory(tracks=[sample.voice, sample.chat, TrackFactory()])
    with django_assert_max_num_queries(3):
        page(client, "role_list")
    with django_assert_max_num_queries(3):
        page(client, "role_list", track="chat-email")


# --- Role detail --------------------------------------------------------------------------


def test_role_detail_shows_the_whole_role(client, sample):
    html = page(client, "role_detail", "customer-service-representative")
    for expected in (
        "Answers customer calls.",
        "Also called:",
        "CSR",
        "9:00 pm",
        "Log in and read updates",
        'href="/explore/skills/spoken-english/"',
        "Strong",
        "A Versant test scored 20 to 80.",
        "Average handle time (AHT)",
        "12th pass or graduate.",
        "₹2.6–4.8 LPA",
        "₱18,000–25,000 per month",
        "2024",
        "Metro Manila",
        "Figures vary; check current job boards.",
        "Senior associate (SME)",
        "Typically after 6 months to 1.5 years in this role.",
        "Top quality scores",
        "This is an entry role",
        "Banking and finance",
        "CSR source",
    ):
        assert expected in html, expected


def test_role_detail_tables_have_header_scopes(client, sample):
    html = page(client, "role_detail", "customer-service-representative")
    assert '<th scope="col">' in html
    assert '<th scope="row">' in html


def test_role_detail_shows_where_the_role_comes_from(client, sample):
    html = page(client, "role_detail", "team-leader")
    assert "Where it comes from" in html
    assert 'href="/explore/roles/senior-associate/"' in html
    assert "Lean Six Sigma Yellow Belt" in html
    assert "This is the top of the ladder we describe." in html


def test_role_detail_with_onet_links_shows_the_occupation_and_the_exact_credit(client, sample):
    html = page(client, "role_detail", "customer-service-representative")
    assert "Customer Service Representatives" in html
    assert "43-4051.00" in html
    assert "Keep records of customer interactions." in html
    assert "Active Listening" in html
    assert "Salesforce CRM" in html
    assert "Telemarketers" in html
    assert CREDIT in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html


def test_role_detail_without_onet_links_has_no_onet_credit(client, sample):
    html = page(client, "role_detail", "team-leader")
    assert "O*NET 29.3 Database" not in html


def test_role_detail_makes_no_external_requests(client, sample):
    html = page(client, "role_detail", "customer-service-representative")
    for tag in re.findall(r"<(?:img|script|link|iframe)\b[^>]*>", html):
        assert "http://" not in tag and "https://" not in tag, tag


def test_role_detail_links_to_setting_a_goal_when_goals_are_available(client, sample):
    html = page(client, "role_detail", "team-leader")
    try:
        goal_url = reverse("goals:goal_create")
    except NoReverseMatch:
        assert "Set this as my goal" not in html
    else:
        assert f'href="{goal_url}?target=team-leader"' in html


def test_role_detail_without_pay_says_there_is_no_figure(client, sample):
    html = page(client, "role_detail", "team-leader")
    assert "No sourced pay figure for this role yet." in html


def test_role_detail_query_count_is_bounded(client, sample, django_assert_max_num_queries):
    role = RoleFactory(
        level="growth",
        rank=2,
        tracks=TrackFactory.create_batch(3),
        certifications=CertificationFactory.create_batch(3),
    )
    for _ in range(4):
        RoleSkillFactory(role=role)
        LadderStepFactory(
            from_role=role,
            to_role=RoleFactory(level="growth", rank=3),
            skills=SkillFactory.create_batch(2),
            certifications=CertificationFactory.create_batch(2),
        )
        LadderStepFactory(
            to_role=role,
            skills=SkillFactory.create_batch(2),
            certifications=CertificationFactory.create_batch(2),
        )
    # The head and the content version, then one query for the role and one per prefetched
    # relation, whatever the number of rows.
    with django_assert_max_num_queries(15):
        html = page(client, "role_detail", role.slug)
    assert html.count("usually after") == 4
    with django_assert_max_num_queries(13):
        page(client, "role_detail", "customer-service-representative")


# --- Ladder -------------------------------------------------------------------------------


def test_ladder_svg_has_a_link_per_role_and_an_accessible_group(client, sample):
    html = page(client, "ladder")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="group"' in svg and 'role="img"' not in svg
    assert "<title" in svg and "<desc" in svg
    links = re.findall(r'<a href="(/explore/roles/[^"]+/)"[^>]*aria-label="([^"]+)"', svg)
    assert {href for href, _label in links} == {
        reverse("careers:role_detail", args=[slug])
        for slug in Role.objects.values_list("slug", flat=True)
    }
    assert all(label for _href, label in links)
    assert 'class="ladder-figure"' in html


def test_ladder_has_a_text_alternative_listing_every_role_and_its_moves(client, sample):
    html = page(client, "ladder")
    text = html[html.index('class="ladder-text"') :]
    for title in (
        "Customer service representative",
        "Chat support associate",
        "Technical support associate",
        "Senior associate (SME)",
        "Team leader",
    ):
        assert title in text
    assert "usually after 1–3 years" in text
    assert "No further step on this ladder." in text


def test_ladder_highlights_the_path_between_two_roles(client, sample):
    html = page(
        client, "ladder", **{"from": "customer-service-representative", "to": "team-leader"}
    )
    assert "Your path: Customer service representative to Team leader" in html
    assert "on the highlighted path" in html
    assert html.count('class="node node-on-path"') == 3
    assert html.count("edge edge-on-path") == 2
    assert "In total: typically 1.5–4.5 years." in html


def test_ladder_path_for_a_fresher_starts_at_an_entry_role(client, sample):
    html = page(client, "ladder", to="team-leader")
    assert "Start by getting hired as Technical support associate" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"to": "no-such-role"}, "There is no role called “no-such-role” on the ladder."),
        ({"from": "../etc", "to": "team-leader"}, "There is no role called “../etc”"),
        ({"from": "team-leader"}, "Pick the role you want to reach"),
        ({"from": "team-leader", "to": "team-leader"}, "You are already in this role"),
        (
            {"from": "team-leader", "to": "customer-service-representative"},
            "The ladder has no route from Team leader to Customer service representative.",
        ),
    ],
)
def test_ladder_path_with_bad_input_shows_a_message_not_an_error(client, sample, params, message):
    html = page(client, "ladder", **params)
    assert message in html
    assert "node-on-path" not in html


def test_ladder_svg_text_uses_accessible_colours(client, sample):
    html = page(client, "ladder", to="team-leader")
    fills = set(re.findall(r'<text[^>]*fill="(#[0-9a-f]{6})"', html))
    assert fills <= {"#1a1f29", "#ffffff"}


def add_manager_with_unknown_years(sample) -> Role:
    manager = RoleFactory(
        slug="operations-manager", title="Operations manager", level="growth", rank=4
    )
    LadderStepFactory(from_role=sample.team_leader, to_role=manager, years_min=None, years_max=None)
    return manager


def test_steps_without_a_sourced_timeline_say_so(client, sample):
    add_manager_with_unknown_years(sample)
    html = page(client, "role_detail", "team-leader")
    assert "No source gives a typical time for this step." in html
    html = page(client, "role_detail", "operations-manager")
    assert "no source gives a typical time" in html
    html = page(client, "ladder")
    assert "no source gives a typical time" in html


def test_a_path_through_a_step_without_years_counts_an_assumed_duration(client, sample):
    add_manager_with_unknown_years(sample)
    html = page(client, "ladder", **{"from": "senior-associate", "to": "operations-manager"})
    assert "no source gives a typical time (we count about 2 years)" in html
    assert "In total: typically 3–5 years." in html
    assert "This counts 1 step with no sourced timeline as about 2 years." in html


# --- Other pages --------------------------------------------------------------------------


def test_certification_pages_show_cost_with_currency_and_year_or_no_figure(client, sample):
    html = page(client, "certification_list")
    assert "US$350–400 (2025 figure)" in html
    assert "No sourced figure" in html
    html = page(client, "certification_detail", "itil-4-foundation")
    assert "15–45 hours" in html and "3 years" in html
    assert 'href="/explore/roles/technical-support-associate/"' in html
    assert "Grade A" in html


def test_company_list_filters_by_country(client, sample):
    html = page(client, "company_list", country="PH")
    assert "Manila Contact" in html and "Acme Outsourcing" not in html
    html = page(client, "company_list", country="Mars")
    assert "Manila Contact" in html and "Acme Outsourcing" in html
    assert "We ignored “Mars”" in html


def test_faq_page_groups_questions_by_topic_in_details(client, sample):
    html = page(client, "faq_list")
    assert html.index("Getting started") < html.index("Shifts")
    assert '<details class="faq" id="night-shifts">' in html


def test_guide_page_renders_its_table_with_header_scopes(client, sample):
    html = page(client, "guide_detail", "bpo-vs-kpo")
    assert '<th scope="col">KPO</th>' in html
    assert '<th scope="row">Work</th>' in html


def test_skill_page_lists_the_roles_that_need_it(client, sample):
    html = page(client, "skill_detail", "typing")
    assert "Chat support associate" in html
    assert "Customer service representative" in html


def test_track_page_lists_its_roles_and_companies(client, sample):
    html = page(client, "track_detail", "chat-email")
    assert "Chat support associate" in html
    assert "Manila Contact" in html


def test_about_data_page_has_the_onet_credit_and_source_grades(client, sample):
    html = page(client, "about_data")
    assert CREDIT in html
    assert "Grade A" in html and "Grade C" in html


def test_sources_never_render_a_non_http_link(client, sample):
    Certification.objects.filter(slug="itil-4-foundation").update(
        sources=[{"label": "Bad", "url": "javascript:alert(1)", "grade": "A"}]
    )
    html = page(client, "certification_detail", "itil-4-foundation")
    assert "javascript:" not in html
    assert "Bad" in html


# --- Formatting helpers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((260000, 480000, "INR", "year"), "₹2.6–4.8 LPA"),
        ((300000, 300000, "INR", "year"), "₹3 LPA"),
        ((325000, None, "INR", "year"), "from ₹3.25 LPA"),
        ((18000, 25000, "PHP", "month"), "₱18,000–25,000 per month"),
        ((None, 25000, "PHP", "month"), "up to ₱25,000 per month"),
        ((Decimal("195.00"), Decimal("395.00"), "USD", ""), "US$195–395"),
        ((4500, 150000, "INR", ""), "₹4,500–1,50,000"),
        ((None, None, "USD", ""), ""),
    ],
)
def test_format_money(args, expected):
    assert format_money(*args) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (1, 2, "1–2 years"),
        (1, 1, "1 year"),
        (Decimal("0.5"), Decimal("1.5"), "6 months to 1.5 years"),
        (Decimal("0.5"), Decimal("0.75"), "6–9 months"),
        (2, 3, "2–3 years"),
        (None, None, ""),
    ],
)
def test_format_years(low, high, expected):
    assert format_years(low, high) == expected


def test_clean_sources_skips_malformed_entries_and_unsafe_urls():
    cleaned = clean_sources(
        [
            {"label": "A", "url": "https://a.example/", "grade": "a"},
            "junk",
            {"label": "B", "url": "javascript:x", "grade": "Z"},
            {"label": "", "url": None},
        ]
    )
    assert cleaned[0]["grade"] == "A" and cleaned[0]["url"] == "https://a.example/"
    assert cleaned[1]["url"] == "" and cleaned[1]["grade_label"] == "ungraded"
    assert len(cleaned) == 2
    assert clean_sources(None) == []


# --- The real content ---------------------------------------------------------------------


def test_real_content_renders_every_role_page_and_the_ladder(client, db):
    if "load_content" not in get_commands():
        pytest.skip("the load_content command does not exist yet")
    call_command("load_content", verbosity=0)
    slugs = list(Role.objects.values_list("slug", flat=True))
    if not slugs:
        pytest.skip("no roles in the content files yet")
    for slug in slugs:
        page(client, "role_detail", slug)
    html = page(client, "ladder")
    for slug in slugs:
        assert reverse("careers:role_detail", args=[slug]) in html
    if OnetOccupation.objects.exists():
        linked = Role.objects.filter(onet_links__isnull=False).first()
        if linked is not None:
            assert CREDIT in page(client, "role_detail", linked.slug)
    for name in (
        "explore",
        "role_list",
        "certification_list",
        "faq_list",
        "company_list",
        "industry_list",
        "book_list",
        "skill_list",
        "guide_list",
        "about_data",
    ):
        page(client, name)
    for guide in Guide.objects.all():
        page(client, "guide_detail", guide.slug)


def test_ladder_diagram_draws_a_move_between_roles_of_the_same_rank_side_to_side(db):
    ladder = Ladder(
        roles=(
            RoleNode("agent", "Agent", 1, True),
            RoleNode("am", "Assistant manager", 4, False),
            RoleNode("om", "Operations manager", 4, False),
        ),
        steps=(Step("agent", "am", 1, 2), Step("am", "om", 1, 2)),
    )
    diagram = ladder_diagram(ladder)
    side, up = sorted(diagram["edges"], key=lambda e: e.y1 != e.y2)
    assert side.y1 == side.y2
    assert up.y1 != up.y2
    assert len(diagram["nodes"]) == 3


def test_a_cached_role_page_costs_two_queries_and_a_content_change_shows_at_once(
    client, sample, settings, django_assert_max_num_queries
):
    from django.core.cache import cache

    from launchpad.careers.services import content_version_bump

    settings.CONTENT_CACHE_SECONDS = 600
    cache.clear()
    role = RoleFactory(title="Night Shift Hero")
    page(client, "role_detail", role.slug)
    with django_assert_max_num_queries(2):
        second = page(client, "role_detail", role.slug)
    assert second.count("Night Shift Hero") >= 3

    Role.objects.filter(pk=role.pk).update(title="Day Shift Hero")
    content_version_bump()
    assert "Day Shift Hero" in page(client, "role_detail", role.slug)
    cache.clear()
