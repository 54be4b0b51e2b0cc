"""Adding a resource on the site: an organisation admin's waits for review; a bad or
too large file is refused with a message on the form and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mediatheque.models import Resource
from tests.mediatheque.files import HTML, pdf

pytestmark = pytest.mark.django_db


def fields(organisation, **extra):
    return {
        "title": "Modèle de convention",
        "kind": "template",
        "summary": "Un modèle à adapter.",
        "publication_date": "2026-01-15",
        "access": "members",
        "languages": ["fr"],
        "publishers": [organisation.pk],
        **extra,
    }


def stored(settings):
    root = settings.MEDIATHEQUE_PRIVATE_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_an_admin_adds_a_resource_that_waits_for_review(client, admin_user, organisation):
    client.force_login(admin_user)
    response = client.post(
        reverse("mediatheque:create"),
        fields(organisation, upload=SimpleUploadedFile("convention.pdf", pdf())),
    )
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.status == Resource.Status.PENDING
    assert list(resource.publishers.all()) == [organisation]
    assert resource.uploaded_by == admin_user


def test_a_bad_file_is_said_on_the_form_and_nothing_is_stored(
    client, admin_user, organisation, settings
):
    client.force_login(admin_user)
    response = client.post(
        reverse("mediatheque:create"),
        fields(organisation, upload=SimpleUploadedFile("rapport.pdf", HTML)),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["upload"]
    assert not Resource.objects.exists() and stored(settings) == []
    assert response.context["form"]["title"].value() == "Modèle de convention"  # nothing lost


def test_a_file_over_the_limit_is_dropped_while_it_arrives(
    client, admin_user, organisation, settings
):
    settings.MEDIATHEQUE_MAX_UPLOAD_BYTES = 2000
    client.force_login(admin_user)
    response = client.post(
        reverse("mediatheque:create"),
        fields(organisation, upload=SimpleUploadedFile("gros.pdf", pdf() + b" " * 5000)),
    )
    assert response.status_code == 200
    assert "upload" in response.context["form"].errors
    assert not Resource.objects.exists() and stored(settings) == []


def test_a_simple_member_cannot_add_resources(client, member_user):
    client.force_login(member_user)
    assert client.get(reverse("mediatheque:create")).status_code == 404


def test_the_facilitators_admin_adds_a_resource_through_the_service(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("admin:mediatheque_resource_add"),
        {
            "title": "Étude",
            "kind": "study",
            "summary": "",
            "publication_date": "2026-01-15",
            "access": "public",
            "languages": ["fr"],
            "upload": SimpleUploadedFile("etude.pdf", pdf()),
        },
    )
    assert response.status_code == 302, response.content[:3000]
    resource = Resource.objects.get()
    assert resource.status == Resource.Status.DRAFT and resource.file
    assert resource.uploaded_by == facilitator
