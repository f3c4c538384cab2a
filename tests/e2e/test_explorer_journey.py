"""A visitor explores the industry without an account: tracks, roles (filtered live with
htmx), a role page with O*NET data, the ladder diagram, certifications, guides, FAQ and
search. Every page is checked with axe-core and may make no external request."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_a_visitor_explores_roles_the_ladder_and_guides(site):
    page = site.page

    site.go("/explore/")
    expect(page.locator("h1")).to_be_visible()

    # The role filter narrows the list in place (htmx) and keeps the URL shareable.
    site.go("/explore/roles/")
    all_roles = page.locator("#role-results .card").count()
    page.select_option("select[name=level]", "entry")
    expect(page).to_have_url(re.compile(r"level=entry"))
    page.select_option("select[name=voice]", "non-voice")
    expect(page).to_have_url(re.compile(r"voice=non-voice"))
    expect(page.locator("#role-results .card").first).to_be_visible()
    narrowed = page.locator("#role-results .card").count()
    assert 0 < narrowed < all_roles
    site.audit()

    page.locator("#role-results").get_by_role("link", name="Data Entry Operator").click()
    page.wait_for_url("**/explore/roles/data-entry-operator/")
    site.audit()
    expect(page.locator("main")).to_contain_text("Data Entry Keyers")
    expect(page.locator("main")).to_contain_text("used under the CC BY 4.0 license")

    # The ladder: a diagram whose nodes are links, plus a text alternative.
    site.go("/explore/ladder/")
    expect(page.locator("svg a").first).to_be_attached()
    page.locator("svg a", has_text="Team Leader").first.click()
    page.wait_for_url("**/explore/roles/team-leader/")

    site.go("/explore/certifications/")
    page.get_by_role("link", name=re.compile("ITIL 4 Foundation")).first.click()
    site.audit()
    expect(page.locator("main")).to_contain_text("PeopleCert")

    for path in (
        "/explore/bpo-vs-kpo/",
        "/explore/shifts-and-well-being/",
        "/explore/guides/hiring-process/",
        "/explore/guides/kpis-explained/",
        "/explore/faq/",
        "/explore/companies/",
        "/explore/industries/",
        "/explore/books/",
        "/explore/skills/",
        "/explore/tracks/technical-support/",
        "/explore/about-data/",
    ):
        site.go(path)
        expect(page.locator("h1")).to_be_visible()

    # Search from the header finds roles by another name they are known by.
    page.fill("#site-search", "telecaller")
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r".*/explore/search/\?q=telecaller"))
    site.audit()
    expect(
        page.locator("main").get_by_role("link", name="Customer Service Executive")
    ).to_be_visible()

    # An unknown role is a friendly 404, not an error.
    response = page.goto(site.base_url + "/explore/roles/no-such-role/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_contain_text("could not find")


def test_the_menu_and_skip_link_work_from_the_keyboard(site, viewport_name):
    page = site.page
    site.go("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    if viewport_name == "phone":
        page.get_by_text("Menu").click()
    expect(page.get_by_role("link", name="Career ladder")).to_be_visible()
