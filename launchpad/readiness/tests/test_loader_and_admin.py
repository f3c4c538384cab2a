"""Loading the readiness content, publishing the index as versions, and the admin."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from launchpad.careers.models import Track
from launchpad.content.reader import ContentError, read_content
from launchpad.content.readiness_reader import ReadinessContent, read_readiness
from launchpad.core.readiness import ReadinessSpecError
from launchpad.readiness.loader import load_readiness
from launchpad.readiness.models import DocumentKind, IndexComponent, IndexVersion, Knockout
from launchpad.readiness.services import publish_index
from launchpad.readiness.tests.conftest import packaged


def component_count(content: ReadinessContent) -> int:
    assert content.index is not None
    return sum(len(track.components) for track in content.index.tracks)


# --- The packaged files -------------------------------------------------------------------


def test_the_packaged_readiness_files_parse():
    content = read_readiness()

    assert content.index is not None and content.knockouts is not None
    assert content.index.version
    assert len(content.knockouts.documents) >= 8
    assert {d.country for d in content.knockouts.documents} == {"IN", "PH"}
    assert {k.rule for k in content.knockouts.knockouts} >= {"shifts", "documents", "age_min"}


def test_every_track_of_the_packaged_careers_content_has_components():
    careers, _onet = read_content()
    index = read_readiness().index
    assert index is not None

    track_slugs = {track["slug"] for track in careers.tracks}
    assert track_slugs
    for slug in track_slugs:
        spec = index.track(slug)
        assert spec is not None and spec.components, slug
        assert spec.total_weight > 0


def test_an_absent_folder_means_no_readiness_content(tmp_path):
    assert read_readiness(tmp_path) == ReadinessContent()


def test_a_broken_file_lists_its_problems(tmp_path):
    (tmp_path / "index.yaml").write_text("version: x\ntracks: []\n", encoding="utf-8")
    (tmp_path / "knockouts.yaml").write_text("knockouts: [1, 2", encoding="utf-8")

    with pytest.raises(ContentError) as caught:
        read_readiness(tmp_path)

    problems = caught.value.problems
    assert any(p.startswith("index.yaml: index: tracks must be a non-empty list") for p in problems)
    assert any(p.startswith("knockouts.yaml: cannot be read") for p in problems)


# --- Loading --------------------------------------------------------------------------------


def test_loading_creates_the_rows_and_publishes_version_one(tracks):
    content = packaged()
    assert content.index is not None and content.knockouts is not None

    report = load_readiness(content)

    version = IndexVersion.objects.get()
    assert report.published == version.pk
    assert version.label == content.index.version
    assert version.published_by == "load-content"
    assert IndexComponent.objects.count() == component_count(content)
    assert DocumentKind.objects.count() == len(content.knockouts.documents)
    assert Knockout.objects.count() == len(content.knockouts.knockouts)
    assert report.counts == {
        "IndexComponent": [component_count(content), 0, 0],
        "DocumentKind": [len(content.knockouts.documents), 0, 0],
        "Knockout": [len(content.knockouts.knockouts), 0, 0],
    }
    assert [t["track"] for t in version.spec["tracks"]] == [t.track for t in content.index.tracks]
    voice = version.spec["tracks"][0]
    assert voice["summary"] == content.index.tracks[0].summary
    assert [c["key"] for c in voice["components"]] == [
        c.key for c in content.index.tracks[0].components
    ]
    assert f"version #{version.pk}" in report.summary()


def test_reloading_unchanged_files_publishes_nothing_new(tracks):
    content = packaged()
    load_readiness(content)

    again = load_readiness(content)

    assert again.published is None
    assert IndexVersion.objects.count() == 1
    assert again.counts["IndexComponent"] == [0, component_count(content), 0]
    assert "published" not in again.summary()


def test_a_changed_weight_in_the_files_publishes_a_new_version(tracks):
    content = packaged()
    load_readiness(content)
    assert content.index is not None
    first, *rest = content.index.tracks
    heavier = dataclasses.replace(first.components[0], weight=first.components[0].weight + 5)
    changed = dataclasses.replace(
        content,
        index=dataclasses.replace(
            content.index,
            tracks=(dataclasses.replace(first, components=(heavier, *first.components[1:])),
                    *rest),
        ),
    )  # fmt: skip

    report = load_readiness(changed)

    latest = IndexVersion.objects.latest()
    assert report.published == latest.pk and IndexVersion.objects.count() == 2
    assert latest.spec["tracks"][0]["components"][0]["weight"] == heavier.weight


def test_a_component_removed_from_the_files_is_deleted(tracks):
    content = packaged()
    load_readiness(content)
    assert content.index is not None
    first, *rest = content.index.tracks
    fewer = dataclasses.replace(
        content,
        index=dataclasses.replace(
            content.index,
            tracks=(dataclasses.replace(first, components=first.components[1:]), *rest),
        ),
    )

    report = load_readiness(fewer)

    assert report.counts["IndexComponent"][2] == 1
    assert not IndexComponent.objects.filter(
        track__slug=first.track, key=first.components[0].key
    ).exists()


def test_a_track_that_is_not_loaded_is_refused_and_nothing_is_written(tracks):
    Track.objects.filter(slug="kpo").delete()

    with pytest.raises(ContentError) as caught:
        load_readiness(packaged())

    assert caught.value.problems == ["readiness: track 'kpo' is not loaded"]
    assert not IndexComponent.objects.exists()
    assert not DocumentKind.objects.exists()
    assert not Knockout.objects.exists()
    assert not IndexVersion.objects.exists()


# --- Publishing -----------------------------------------------------------------------------


def test_publishing_after_an_edit_creates_a_new_version_with_the_same_label(content):
    first = IndexVersion.objects.get()
    row = IndexComponent.objects.get(track__slug="chat-email", key="typing-speed")
    row.weight = 25
    row.save()

    version = publish_index(by="test")

    assert version is not None and version.pk > first.pk
    assert version.label == first.label and version.published_by == "test"
    chat = next(t for t in version.spec["tracks"] if t["track"] == "chat-email")
    assert chat["summary"] == next(
        t["summary"] for t in first.spec["tracks"] if t["track"] == "chat-email"
    )
    assert next(c for c in chat["components"] if c["key"] == "typing-speed")["weight"] == 25
    assert publish_index(by="test") is None


def test_publishing_with_nothing_loaded_publishes_nothing(db):
    assert publish_index(by="test") is None
    assert not IndexVersion.objects.exists()


def test_floor_at_or_above_threshold_is_refused_by_the_model(content):
    row = IndexComponent.objects.get(track__slug="chat-email", key="typing-speed")
    row.floor = row.threshold

    with pytest.raises(ValidationError) as caught:
        row.full_clean()

    assert "threshold" in caught.value.message_dict
    assert IndexVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weight": 0}, "weight"),
        ({"sources": []}, "sources"),
        ({"measure": "language.other", "self_rated": ""}, "self_rated"),
    ],
)
def test_other_invalid_edits_are_refused_by_the_model(content, changes, field):
    row = IndexComponent.objects.get(track__slug="chat-email", key="typing-speed")
    for name, value in changes.items():
        setattr(row, name, value)

    with pytest.raises(ValidationError) as caught:
        row.clean()

    assert field in caught.value.message_dict


def test_an_invalid_set_is_refused_by_publishing_and_nothing_is_published(content):
    IndexComponent.objects.filter(track__slug="kpo").update(
        sources=[{"label": "Somewhere", "url": "ftp://example.com", "grade": "Z"}]
    )

    with pytest.raises(ReadinessSpecError, match="grade must be A, B or C"):
        publish_index(by="test")

    assert IndexVersion.objects.count() == 1


def test_a_knockout_the_checklist_could_not_evaluate_is_refused(content):
    knockout = Knockout.objects.get(key="india-pan")
    knockout.params = {"all_of": ["passport"]}

    with pytest.raises(ValidationError, match="passport"):
        knockout.clean()

    knockout.params = {"all_of": ["pan"]}
    knockout.clean()


# --- Admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["indexcomponent", "indexversion", "knockout", "documentkind"])
def test_staff_can_open_every_readiness_changelist(staff_client, content, model):
    url = reverse(f"admin:readiness_{model}_changelist")

    assert staff_client.get(url).status_code == 200
    assert staff_client.get(url, {"q": "typing"}).status_code == 200


def test_a_candidate_cannot_open_the_admin(alice_client, content):
    response = alice_client.get(reverse("admin:readiness_indexcomponent_changelist"))
    assert response.status_code == 302


def component_form(row: IndexComponent, **changes: object) -> dict[str, object]:
    import json

    data: dict[str, object] = {
        "track": row.track_id, "key": row.key, "order": row.order, "label": row.label,
        "measure": row.measure, "weight": row.weight, "floor": row.floor,
        "threshold": row.threshold, "target": row.target, "self_rated": row.self_rated,
        "why": row.why, "next_step": row.next_step, "note": row.note,
        "sources": json.dumps(row.sources),
    }  # fmt: skip
    data.update(changes)
    return data


def test_an_admin_edit_publishes_a_new_version(staff_client, content):
    row = IndexComponent.objects.get(track__slug="chat-email", key="typing-speed")
    url = reverse("admin:readiness_indexcomponent_change", args=[row.pk])

    response = staff_client.post(url, component_form(row, threshold=32), follow=True)

    assert response.status_code == 200
    latest = IndexVersion.objects.latest()
    assert IndexVersion.objects.count() == 2
    assert latest.published_by == "admin: staff@example.com"
    assert f"Published the Readiness Index as version #{latest.pk}." in response.content.decode()


def test_an_invalid_admin_edit_is_refused_and_publishes_nothing(staff_client, content):
    row = IndexComponent.objects.get(track__slug="chat-email", key="typing-speed")
    url = reverse("admin:readiness_indexcomponent_change", args=[row.pk])

    response = staff_client.post(url, component_form(row, floor=row.threshold))

    assert response.status_code == 200
    assert "Needs floor &lt; threshold &lt; target." in response.content.decode()
    row.refresh_from_db()
    assert row.floor < row.threshold
    assert IndexVersion.objects.count() == 1


def test_index_versions_cannot_be_added_or_edited_in_the_admin(staff_client, content):
    version = IndexVersion.objects.get()

    assert staff_client.get(reverse("admin:readiness_indexversion_add")).status_code == 403
    page = staff_client.get(reverse("admin:readiness_indexversion_change", args=[version.pk]))
    assert page.status_code == 200
    assert (
        staff_client.post(
            reverse("admin:readiness_indexversion_change", args=[version.pk]), {"label": "x"}
        ).status_code
        == 403
    )
