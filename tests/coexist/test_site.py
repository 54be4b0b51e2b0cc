"""Site-wide pages: home with live figures, legal pages in every footer, health check."""

import pytest
from django.conf import settings
from django.urls import reverse

from actors.models import Organisation
from tests.factories import OrganisationFactory, kind


@pytest.mark.django_db
def test_home_shows_live_figures_by_kind(client):
    OrganisationFactory(kind=kind("ngo"))
    OrganisationFactory(kind=kind("ngo"))
    OrganisationFactory(kind=kind("company"))
    OrganisationFactory(kind=kind("company"), status=Organisation.Status.PENDING)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>3</strong>" in html  # published only
    assert "?kind=ngo" in html and "?kind=company" in html
    assert "?kind=foundation" not in html  # only figures that exist


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["legal_notice", "privacy", "accessibility"])
def test_legal_pages_exist_and_are_linked_from_every_page(client, name):
    url = reverse(name)
    assert client.get(url).status_code == 200
    assert f'href="{url}"' in client.get(reverse("actors:directory")).content.decode()


@pytest.mark.django_db
def test_pages_are_french_first_and_english_on_request(client):
    html = client.get("/").content.decode()
    assert '<html lang="fr">' in html
    assert "Annuaire" in html
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Directory" in html


@pytest.mark.django_db
def test_the_language_switcher_works_without_javascript(client):
    response = client.get(reverse("switch_language"), {"language": "en", "next": "/annuaire/"})
    assert response.status_code == 302 and response["Location"] == "/annuaire/"
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get("/annuaire/").content.decode()


@pytest.mark.django_db
def test_the_language_switcher_does_not_redirect_elsewhere(client):
    response = client.get(
        reverse("switch_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    response = client.get(reverse("switch_language"), {"language": "xx", "next": "/annuaire/"})
    assert "django_language" not in response.cookies


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["broker"] == ("ok" if settings.REDIS_URL else "not configured")


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "broker": "error"}


@pytest.mark.django_db
@pytest.mark.skipif(
    not settings.USING_POSTGRES,
    reason="closing SQLite's in-memory test database would destroy it; run on PostgreSQL",
)
def test_healthz_is_503_when_the_database_is_down(client):
    from django.db import connection

    connection.close()
    original = dict(connection.settings_dict)
    connection.settings_dict["NAME"] = "/nonexistent/dir/db.sqlite3"
    connection.settings_dict["ENGINE"] = "django.db.backends.sqlite3"
    connection.settings_dict["OPTIONS"] = {}
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_parallel_test_workers_do_not_share_a_redis_database(settings):
    import os

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not (settings.REDIS_URL and worker):
        pytest.skip("only meaningful with Redis and several workers")
    base = int(os.environ["REDIS_URL"].rsplit("/", 1)[-1])
    expected = (base + int(worker.removeprefix("gw"))) % 16
    assert settings.REDIS_URL.endswith(f"/{expected}")
