"""The newcomer's journey: sign up, fill the profile, explore a role, set a goal, see it on
the dashboard, tick a milestone, export the data and delete the account."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from playwright.sync_api import expect


def test_a_newcomer_signs_up_plans_a_goal_exports_and_deletes(site, password):
    from launchpad.accounts.models import User

    page = site.page

    site.go("/")
    page.get_by_role("link", name="Create a free account").click()
    site.audit()
    page.fill("input[name=full_name]", "Maria Santos")
    page.fill("input[name=email]", "Maria.Santos@Example.com")
    page.fill("input[name=password1]", password)
    page.fill("input[name=password2]", password + "-typo")
    page.get_by_role("button", name="Create my account").click()
    # A mismatched confirmation is explained and nothing is created.
    expect(page.locator(".errorlist").first).to_be_visible()
    site.audit()
    assert not User.objects.filter(email__iexact="maria.santos@example.com").exists()
    page.fill("input[name=password1]", password)
    page.fill("input[name=password2]", password)
    page.select_option("select[name=time_zone]", "Asia/Manila")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/accounts/profile/")
    site.audit()

    # The profile: a bad CGPA is refused with a message, then a good profile is saved.
    page.select_option("select[name=country]", "PH")
    page.fill("input[name=city]", "Cebu City")
    page.fill("input[name=phone]", "0917 123 4567")
    page.select_option("select[name=education_level]", "undergraduate")
    page.fill("input[name=degree]", "BS")
    page.fill("input[name=field_of_study]", "Information Technology")
    page.fill("input[name=graduation_year]", "2025")
    page.select_option("select[name=score_type]", "cgpa")
    page.fill("input[name=score_value]", "11")
    page.check("input[name=shift_availability][value=night]")
    page.check("input[name=work_types][value=chat-email]")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    site.audit()
    page.fill("input[name=score_value]", "8.4")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator(".message-success")).to_be_visible()
    user = User.objects.get(email="maria.santos@example.com")
    assert user.profile.city == "Cebu City"
    assert user.profile.phone == "+639171234567"
    assert str(user.profile.score_value) == "8.40"

    # Explore: the role list filtered to non-voice, then a role page, then set it as a goal.
    site.go("/explore/roles/?voice=non-voice")
    page.get_by_role("link", name="Chat and Email Support Associate").first.click()
    page.wait_for_url("**/explore/roles/chat-email-support-associate/")
    site.audit()
    expect(page.get_by_text("O*NET 29.3 Database")).to_be_visible()
    site.go("/explore/roles/team-leader/")
    page.get_by_role("link", name="Set this as my goal").click()
    page.wait_for_url(re.compile(r".*/goals/new/.*"))
    site.audit()
    target_date = datetime.date.today() + datetime.timedelta(days=3 * 365)
    page.fill("input[name=target_date]", target_date.isoformat())
    page.locator("input[name=target_date]").dispatch_event("change")
    page.check("input[name=aspiration][value=management]")
    page.fill("textarea[name=motivation]", "I want to coach a team of my own.")
    page.get_by_role("button", name="Set my goal").click()
    page.wait_for_url(re.compile(r".*/goals/\d+/$"))
    site.audit()
    expect(page.locator("h1")).to_contain_text("Team Leader")
    goal = user.goals.get()
    assert goal.milestones.count() > 3

    # Tick the first milestone (htmx) and see progress on the dashboard.
    first = goal.milestones.order_by("order").first()
    page.locator(f"#tick-{first.pk}").click()
    expect(page.locator(f"#milestone-{first.pk}")).to_have_class(re.compile("done"))
    site.go("/goals/")
    expect(page.get_by_text("Team Leader").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Next")

    # Export all my data as JSON.
    site.go("/accounts/settings/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    exported = json.loads(Path(download_info.value.path()).read_text())
    assert exported["user"]["email"] == "maria.santos@example.com"
    assert exported["goals"][0]["milestones"][0]["done_at"]

    # Delete the account: a wrong password changes nothing; the right one removes it all.
    page.get_by_role("link", name=re.compile("Delete my account")).click()
    site.audit()
    page.fill("input[name=password]", "not-my-password")
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert User.objects.filter(pk=user.pk).exists()
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Delete my account and all my data").click()
    page.wait_for_url(re.compile(r".*/$"))
    site.audit()
    assert not User.objects.filter(pk=user.pk).exists()
