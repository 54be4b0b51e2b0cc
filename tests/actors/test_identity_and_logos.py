"""An organisation's identity is what visitors trust it by.

Changing the name, website, public email, phone or logo of a published or verified
organisation removes the "verified by the CSI" badge until a facilitator verifies it
again, and tells the facilitators what changed. Logos are stored under a name taken
from their detected content, and an old logo leaves the disk once replaced or cleared.
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from actors import services
from actors.models import Organisation
from coexist.models import Email
from tests.actors.test_organisation_pages import profile
from tests.admin_forms import admin_change_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def image(name="logo.png", fmt="PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), (0, 110, 140)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def verified(organisation, facilitator):
    services.organisation_set_verified(organisation=organisation, by=facilitator, verified=True)
    organisation.refresh_from_db()
    assert organisation.verified and organisation.is_published
    return organisation


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Fondation Internationale pour l'Eau"),
        ("website", "https://fondation-eau.example"),
        ("email", "dons@fondation-eau.example"),
        ("phone", "+41 22 123 45 67"),
        ("logo", image()),
    ],
)
def test_an_identity_change_by_its_admin_removes_the_badge_and_tells_the_facilitators(
    verified, admin_user, facilitator, field, value
):
    services.organisation_update(organisation=verified, by=admin_user, data={field: value}, m2m={})

    verified.refresh_from_db()
    assert not verified.verified
    assert verified.is_published  # still listed, without the badge
    notice = Email.objects.get(kind="identity_changed")
    assert notice.to == [facilitator.email]
    assert reverse("admin:actors_organisation_change", args=[verified.pk]) in notice.body_text


def test_the_notice_gives_the_old_and_new_values(verified, admin_user):
    services.organisation_update(
        organisation=verified, by=admin_user, data={"name": "Banque Mondiale"}, m2m={}
    )
    body = Email.objects.get(kind="identity_changed").body_text
    assert "« Eau Vive Solidarité » → « Banque Mondiale »" in body


def test_other_changes_keep_the_badge(verified, admin_user):
    services.organisation_update(
        organisation=verified,
        by=admin_user,
        data={"pitch": "Eau potable pour tous", "name": verified.name},
        m2m={},
    )
    verified.refresh_from_db()
    assert verified.verified
    assert not Email.objects.filter(kind="identity_changed").exists()


def test_a_facilitators_own_edit_keeps_the_badge(verified, facilitator):
    services.organisation_update(
        organisation=verified, by=facilitator, data={"name": "Eau Vive Léman"}, m2m={}
    )
    verified.refresh_from_db()
    assert verified.verified


def test_an_unverified_published_organisation_is_reported_too(
    organisation, admin_user, facilitator
):
    services.organisation_update(
        organisation=organisation, by=admin_user, data={"website": "https://x.example"}, m2m={}
    )
    assert Email.objects.filter(kind="identity_changed").exists()


def test_the_page_no_longer_shows_the_badge_and_the_admin_is_told(client, verified, admin_user):
    client.force_login(admin_user)
    assert (
        "Verified by the CSI"
        in client.get(verified.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    response = client.post(
        reverse("actors:edit", args=[verified.slug]),
        profile(name="Fondation Eau du Monde"),
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    page = response.content.decode()
    assert "badge is removed until the CSI team checks it again" in page
    assert "Verified by the CSI" not in page


# Logos -----------------------------------------------------------------------


def test_a_logo_is_named_from_its_content_not_from_the_uploaders_name(organisation, admin_user):
    services.organisation_update(
        organisation=organisation, by=admin_user, data={"logo": image("logo.pdf")}, m2m={}
    )
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".png")
    assert Path(organisation.logo.name).stem.startswith(organisation.slug)

    services.organisation_update(
        organisation=organisation,
        by=admin_user,
        data={"logo": image("photo.png", fmt="JPEG")},
        m2m={},
    )
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".jpg")


def test_a_gif_is_refused_as_every_message_says(client, admin_user, organisation):
    client.force_login(admin_user)
    response = client.post(
        reverse("actors:edit", args=[organisation.slug]),
        profile(logo=image("anim.gif", fmt="GIF")),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Upload a PNG, JPEG or WebP image" in response.content.decode()


def test_a_replaced_or_cleared_logo_is_deleted_from_disk_after_commit(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(
            organisation=organisation, by=admin_user, data={"logo": image()}, m2m={}
        )
    organisation.refresh_from_db()
    first = Path(organisation.logo.path)
    assert first.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(
            organisation=organisation, by=admin_user, data={"logo": image()}, m2m={}
        )
    organisation.refresh_from_db()
    second = Path(organisation.logo.path)
    assert second.exists() and not first.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(
            organisation=organisation, by=admin_user, data={"logo": ""}, m2m={}
        )
    assert not second.exists()
    assert not Organisation.objects.get(pk=organisation.pk).logo


def test_a_refused_edit_deletes_nothing(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(
            organisation=organisation, by=admin_user, data={"logo": image()}, m2m={}
        )
    organisation.refresh_from_db()
    kept = Path(organisation.logo.path)
    from django.core.exceptions import ValidationError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.organisation_update(
            organisation=Organisation.objects.get(pk=organisation.pk),
            by=admin_user,
            data={"logo": image(), "phone": "pas un numéro"},
            m2m={},
        )
    assert kept.exists()


def test_the_admin_names_and_cleans_logos_the_same_way(
    client, organisation, facilitator, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    url, data = admin_change_data(client, organisation)
    data["logo"] = image("logo.gif.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".png")
    first = Path(organisation.logo.path)
    data.pop("logo")
    data["logo-clear"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert not first.exists()
