"""Anonymous visitors get whole pages from the cache; nobody ever gets a stale or personal one."""

import pytest
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
