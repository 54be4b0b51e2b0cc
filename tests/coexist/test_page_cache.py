"""Anonymous visitors get whole pages from the cache; nobody ever gets a stale or personal one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors import services
from tests.factories import OrganisationFactory


@pytest.fixture
def eau_vive(db):
    return OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive")


@pytest.mark.parametrize("name", ["home", "actors:directory"])
def test_a_repeated_anonymous_visit_runs_no_query(
    client, eau_vive, name, django_assert_num_queries
):
    url = reverse(name)
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert b"csrfmiddlewaretoken" not in second.content


def test_an_organisation_page_is_cached_then_refreshed_after_a_change(
    client, eau_vive, facilitator, django_assert_max_num_queries
):
    url = reverse("actors:detail", args=[eau_vive.slug])
    assert "Eau Vive Solidarité" in client.get(url).content.decode()
    with django_assert_max_num_queries(1):  # at most the session-less lookup
        client.get(url)
    services.organisation_update(
        organisation=eau_vive, by=facilitator, data={"name": "Eau Vive Léman"}, m2m={}
    )
    assert "Eau Vive Léman" in client.get(url).content.decode()


def test_signed_in_members_never_get_the_cached_page(client, organisation, member_user):
    url = reverse("actors:detail", args=[organisation.slug])
    client.get(url)  # cached for anonymous visitors
    client.force_login(member_user)
    html = client.get(url).content.decode()
    assert member_user.email in html  # a member sees the people of their organisation
    assert "csrfmiddlewaretoken" in html


def test_each_language_has_its_own_cached_page(client, eau_vive):
    url = reverse("actors:directory")
    assert '<html lang="fr">' in client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    assert '<html lang="en">' in client.get(url).content.decode()


def test_a_draft_organisation_is_never_cached_for_visitors(client, db):
    draft = OrganisationFactory(slug="brouillon", status="draft")
    assert client.get(reverse("actors:detail", args=[draft.slug])).status_code == 404


def _cache_size() -> int:
    """How many entries the cache holds (local memory in the default run, Redis in CI)."""
    from django.core.cache import cache

    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):
        return len(cache._cache)
    return cache._cache.get_client().dbsize()


@pytest.mark.parametrize("name", ["home", "actors:directory"])
def test_unknown_query_parameters_cannot_fill_the_cache(client, eau_vive, name):
    url = reverse(name)
    client.get(url)
    client.get(url)
    size = _cache_size()

    for n in range(100):
        response = client.get(url, {"utm_source": f"campagne-{n}"})
        assert response.status_code == 200
        assert "Eau Vive" in response.content.decode()

    assert _cache_size() == size


def test_known_parameters_are_keyed_in_any_order(client, eau_vive, django_assert_num_queries):
    url = reverse("actors:directory")
    client.get(url, {"kind": "ngo", "sort": "name"})
    with django_assert_num_queries(0):
        response = client.get(f"{url}?sort=name&kind=ngo")
    assert "Eau Vive" in response.content.decode()


def test_the_production_cache_can_never_evict_the_brokers_queues():
    """docker-compose.yml: the cache is a separate Redis, bounded and LRU; the broker's
    Redis never evicts."""
    from pathlib import Path

    compose = (Path(__file__).parents[2] / "docker-compose.yml").read_text()
    cache_service = compose.split("\n  cache:\n", 1)[1].split("\n\n", 1)[0]
    broker_service = compose.split("\n  redis:\n", 1)[1].split("\n\n", 1)[0]
    assert "--maxmemory\n" in cache_service and "allkeys-lru" in cache_service
    assert "noeviction" in broker_service
    assert "CACHE_URL: redis://cache:6379/0" in compose
    assert "REDIS_URL: redis://redis:6379/0" in compose


def test_each_kind_of_content_has_its_own_version(client, eau_vive, django_assert_num_queries):
    """A recompute of suggestions refreshes the organisation pages (which show
    complementary organisations) but not the directory list, which does not show them."""
    from coexist.cache import Scope, bump

    directory = reverse("actors:directory")
    detail = reverse("actors:detail", args=[eau_vive.slug])
    client.get(directory)
    client.get(detail)

    bump(Scope.SUGGESTIONS)

    with django_assert_num_queries(0):
        client.get(directory)  # still served from the cache
    with CaptureQueriesContext(connection) as detail_queries:
        client.get(detail)
    assert len(detail_queries) > 0  # rendered again


def test_a_lost_version_never_brings_back_old_entries():
    """If the cache loses a version key (an eviction), the new version is a fresh one."""
    from django.core.cache import cache

    from coexist.cache import Scope, versions

    first = versions(Scope.DIRECTORY)
    cache.delete("version:directory")
    assert versions(Scope.DIRECTORY) != first
