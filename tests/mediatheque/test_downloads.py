"""Files are served by a view that checks access, with headers that make them harmless;
a members-only file reaches a visitor by no path (page, download, media URL, feed)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mediatheque import services
from mediatheque.models import Resource
from mediatheque.services import resource_process
from tests.mediatheque.factories import make_resource
from tests.mediatheque.files import image, pdf

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_public_file_is_an_attachment_with_its_name_and_harmless_headers(client):
    resource = make_resource(title="Guide", file=("Guide « été » 2026.pdf", pdf("Guide")))
    response = client.get(reverse("mediatheque:download", args=[resource.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        "filename*=utf-8''Guide%20%C2%AB%20%C3%A9t%C3%A9%20%C2%BB%202026.pdf"
        in (response["Content-Disposition"])
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert body(response).startswith(b"%PDF")


def test_images_are_shown_inline(client):
    resource = make_resource(title="Affiche", file=("affiche.png", image("PNG")))
    response = client.get(reverse("mediatheque:download", args=[resource.slug]))
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Content-Type"] == "image/png"


def test_downloads_are_counted_atomically_not_for_the_uploader(client, facilitator, member_user):
    resource = services.resource_create(
        by=facilitator,
        data={"title": "Guide", "kind": Resource.Kind.GUIDE},
        upload=SimpleUploadedFile("g.pdf", pdf()),
    )
    url = reverse("mediatheque:download", args=[resource.slug])
    client.get(url)  # a visitor
    client.force_login(member_user)
    client.get(url)
    client.force_login(facilitator)  # the uploader
    client.get(url)
    resource.refresh_from_db()
    assert resource.download_count == 2


def test_a_visitor_gets_a_members_only_file_by_no_path(client, settings):
    resource = make_resource(
        title="Convention réservée",
        file=("convention.pdf", pdf("Clause secrète")),
        access=Resource.Access.MEMBERS,
    )
    resource_process(resource_id=resource.pk)
    resource.refresh_from_db()
    assert resource.preview
    stored = (settings.MEDIATHEQUE_PRIVATE_ROOT / resource.file.name).read_bytes()
    # Not in the served media folder at all.
    assert not (settings.MEDIA_ROOT / resource.file.name).exists()
    assert not str(settings.MEDIATHEQUE_PRIVATE_ROOT).startswith(str(settings.MEDIA_ROOT))
    page = client.get(resource.get_absolute_url())
    download = client.get(reverse("mediatheque:download", args=[resource.slug]))
    preview = client.get(reverse("mediatheque:preview", args=[resource.slug]))
    media = client.get(f"{settings.MEDIA_URL}{resource.file.name}")
    rss = client.get(reverse("mediatheque:feed"))
    atom = client.get(reverse("mediatheque:feed_atom"))
    assert download.status_code == 302 and "/accounts/login/" in download["Location"]
    assert preview.status_code == 404
    assert media.status_code == 404
    for response in (page, rss, atom):
        assert stored[:200] not in response.content
        assert resource.file.name.encode() not in response.content
        assert b"Clause secr" not in response.content
    assert b"/telecharger/" not in rss.content and b"/telecharger/" not in atom.content


def test_a_member_gets_it_privately(client, member_user):
    resource = make_resource(title="Réservé", access=Resource.Access.MEMBERS)
    client.force_login(member_user)
    response = client.get(reverse("mediatheque:download", args=[resource.slug]))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_production_hands_the_file_to_the_proxy(client, settings):
    settings.MEDIATHEQUE_ACCEL_REDIRECT_PREFIX = "/_private/"
    resource = make_resource(title="Guide")
    response = client.get(reverse("mediatheque:download", args=[resource.slug]))
    assert response["X-Accel-Redirect"] == f"/_private/{resource.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_link_resource_redirects_and_counts(client):
    resource = make_resource(title="Article", external_url="https://example.org/article")
    response = client.get(reverse("mediatheque:download", args=[resource.slug]))
    assert response.status_code == 302 and response["Location"] == "https://example.org/article"
    resource.refresh_from_db()
    assert resource.download_count == 1


def test_a_draft_file_is_not_found_for_outsiders(client, outsider, organisation):
    resource = make_resource(title="Brouillon", publishers=[organisation], status="draft")
    client.force_login(outsider)
    assert client.get(reverse("mediatheque:download", args=[resource.slug])).status_code == 404
    assert client.get(resource.get_absolute_url()).status_code == 404


def test_the_download_view_refuses_post(client):
    resource = make_resource(title="Guide")
    assert client.post(reverse("mediatheque:download", args=[resource.slug])).status_code == 405
