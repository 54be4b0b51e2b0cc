"""An organisation's website is an http(s) address to a plainly named host, stored
normalised and shown as the host the link really goes to."""

import pytest
from django.core.exceptions import ValidationError

from actors import services
from actors.directory_io import import_directory
from actors.validators import normalise_website, validate_website, website_host
from tests.actors.test_import_export import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.org",
        "ftps://example.org/x",
        "javascript:alert(1)",
        "https://evil.example\\@example.org",
        "https://evil.example\\example.org",
        "https://user:pass@example.org",
        "https://evil.example@example.org",
        "https://exa mple.org",
        "https://example.org:notaport",
        "file:///etc/passwd",
    ],
)
def test_addresses_that_are_not_plain_http_are_refused(value):
    with pytest.raises(ValidationError):
        validate_website(value)


@pytest.mark.parametrize(
    "value, stored",
    [
        ("  HTTPS://Example.ORG/Projets?id=3  ", "https://example.org/Projets?id=3"),
        ("http://eau-vive.example:8080/", "http://eau-vive.example:8080/"),
    ],
)
def test_addresses_are_stored_normalised(organisation, admin_user, value, stored):
    validate_website(value.strip())
    assert normalise_website(value) == stored
    services.organisation_update(
        organisation=organisation, by=admin_user, data={"website": value.strip()}, m2m={}
    )
    organisation.refresh_from_db()
    assert organisation.website == stored


def test_the_profile_form_refuses_ftp_and_the_backslash_trick(client_for, admin_user, organisation):
    from django.urls import reverse

    from tests.actors.test_organisation_pages import profile

    client = client_for(admin_user)
    for value in ("ftp://example.org", "https://evil.example\\@example.org"):
        response = client.post(
            reverse("actors:edit", args=[organisation.slug]), profile(website=value)
        )
        assert response.status_code == 200
        assert "website" in response.context["form"].errors


def test_the_import_refuses_them_too():
    content = csv_bytes({"name": "Piège", "kind": "ngo", "website": "https://evil.example\\@a.org"})
    result = import_directory(filename="d.csv", content=content)
    assert {(e.row, e.column) for e in result.errors} == {(1, "website")}


def test_the_page_shows_the_real_host(client, organisation, admin_user):
    services.organisation_update(
        organisation=organisation,
        by=admin_user,
        data={"website": "https://xn--exmple-cua.org/"},  # exämple.org, a look-alike
        m2m={},
    )
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert ">xn--exmple-cua.org</a>" in page
    assert website_host("https://EXAMPLE.org/path") == "example.org"
