from __future__ import annotations

from django.urls import reverse

from launchpad.simulator import services
from launchpad.simulator.models import SimulationRun
from launchpad.simulator.tests.conftest import GOOD_BILLING, START

HTMX = {"HTTP_HX_REQUEST": "true"}


def _start(client, slug="billing-double-charge") -> SimulationRun:
    response = client.post(reverse("simulator:start", args=[slug]))
    run = SimulationRun.objects.latest("id")
    assert response.status_code == 302 and response.url == reverse("simulator:run", args=[run.pk])
    return run


def test_home_lists_scenarios_with_filters(alice_client, billing, chats):
    page = alice_client.get(reverse("simulator:home")).content.decode()
    assert billing.title in page and chats[0].title in page and 'id="multi-start"' in page
    chat_only = alice_client.get(reverse("simulator:home"), {"channel": "chat"}).content.decode()
    assert billing.title not in chat_only.split('id="multi"')[0] and chats[0].title in chat_only
    voice = alice_client.get(reverse("simulator:home"), {"track": "chat-email"}).content.decode()
    assert billing.title not in voice.split('id="multi"')[0]


def test_brief_shows_what_to_find_out_but_never_the_values(alice_client, billing):
    page = alice_client.get(reverse("simulator:scenario", args=[billing.slug])).content.decode()
    assert "Meera Iyer" in page and "Account number" in page and "Start the call" in page
    assert "Verify the account number and date of birth" in page  # the policy
    for value in ("40021877", "14 August 1990", "649"):
        assert value not in page


def test_a_full_chat_without_javascript_then_the_result(alice_client, billing):
    run = _start(alice_client)
    page = alice_client.get(reverse("simulator:run", args=[run.pk])).content.decode()
    assert "I&#x27;ve been charged twice" in page and f'id="run{run.pk}-text"' in page
    assert "Customer's mood" in page and "Annoyed" in page and f'id="run{run.pk}-send"' in page
    for text, _seconds in GOOD_BILLING:
        response = alice_client.post(reverse("simulator:say", args=[run.pk]), {"text": text})
        assert response.status_code == 302
    assert response.url == reverse("simulator:result", args=[run.pk])
    run.refresh_from_db()
    assert run.is_finished and run.outcome == "resolved" and run.total is not None
    assert alice_client.get(reverse("simulator:run", args=[run.pk])).status_code == 302
    result = alice_client.get(response.url).content.decode()
    assert 'id="qa-total"' in result and 'id="line-opening"' in result
    assert 'href="#turn-1"' in result and 'id="turn-1"' in result
    assert "Handle time" in result and "Meera Iyer" in result


def test_htmx_reply_appends_turns_and_refreshes_the_status(alice_client, billing):
    run = _start(alice_client)
    url = reverse("simulator:say", args=[run.pk])
    response = alice_client.post(url, {"text": GOOD_BILLING[0][0], "at": "1"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f'id="run{run.pk}-turn-1"' in body and f'id="run{run.pk}-turn-2"' in body
    assert f'id="run{run.pk}-turn-0"' not in body
    assert f'id="run{run.pk}-status" hx-swap-oob="true"' in body
    assert f'id="run{run.pk}-announce" hx-swap-oob="innerHTML"' in body
    refused = alice_client.post(url, {"text": "  ", "at": "2"}, **HTMX).content.decode()
    assert "Type your reply" in refused and "turn-3" not in refused
    for text, _seconds in GOOD_BILLING[1:]:
        body = alice_client.post(url, {"text": text}, **HTMX).content.decode()
    assert f'id="run{run.pk}-result-link"' in body and "The conversation has ended" in body
    again = alice_client.post(url, {"text": "Hello?"}, **HTMX)
    assert again.headers["HX-Redirect"] == reverse("simulator:result", args=[run.pk])


def test_refused_reply_without_javascript_shows_the_error(alice_client, billing):
    run = _start(alice_client)
    response = alice_client.post(reverse("simulator:say", args=[run.pk]), {"text": ""})
    assert response.status_code == 400 and "Type your reply" in response.content.decode()
    ahead = alice_client.post(reverse("simulator:say", args=[run.pk]), {"text": "Hi", "at": "500"})
    assert ahead.status_code == 400 and "ahead" in ahead.content.decode()
    run.refresh_from_db()
    assert run.agent_turns == []


def test_end_early_scores_and_delete(alice_client, billing):
    run = _start(alice_client)
    alice_client.post(reverse("simulator:say", args=[run.pk]), {"text": "Yes?"})
    response = alice_client.post(reverse("simulator:end", args=[run.pk]))
    assert response.url == reverse("simulator:result", args=[run.pk])
    page = alice_client.get(response.url).content.decode()
    assert "You ended it early" in page and "What to do better" in page
    home = alice_client.get(reverse("simulator:home")).content.decode()
    assert 'id="qa-history"' in home and billing.title in home
    alice_client.post(reverse("simulator:delete", args=[run.pk]))
    assert not SimulationRun.objects.exists()


def test_multi_chat_page_and_replies(alice_client, chats):
    response = alice_client.post(
        reverse("simulator:multi_start"), {"scenario": [c.slug for c in chats[:2]]}
    )
    runs = list(SimulationRun.objects.order_by("id"))
    assert len(runs) == 2 and response.url == reverse("simulator:multi", args=[runs[0].group])
    page = alice_client.get(response.url).content.decode()
    for run in runs:
        assert f'id="run{run.pk}-text"' in page and f'id="run{run.pk}-end"' in page
    assert "Your reply to" in page
    reply = alice_client.post(reverse("simulator:say", args=[runs[1].pk]), {"text": "Hello"})
    assert reply.url.startswith(response.url)
    too_few = alice_client.post(reverse("simulator:multi_start"), {"scenario": [chats[0].slug]})
    assert too_few.status_code == 302 and SimulationRun.objects.count() == 2


def test_unpublished_scenario_is_not_found(alice_client, billing):
    billing.is_published = False
    billing.save()
    assert alice_client.get(reverse("simulator:scenario", args=[billing.slug])).status_code == 404
    assert alice_client.post(reverse("simulator:start", args=[billing.slug])).status_code == 404


def test_pages_need_login(client, billing, alice):
    run = services.run_start(user=alice, scenario=billing, now=START)
    for url in (reverse("simulator:home"), reverse("simulator:run", args=[run.pk])):
        assert client.get(url).status_code == 302
