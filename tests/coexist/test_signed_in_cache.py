"""Signed-in members are served cached pages too, never someone else's.

The directory is the same for every member (only the navigation differs for staff):
one copy per language, query and viewer class, with each browser's own CSRF token put
back when it is served. An organisation's page differs per person (their membership):
one copy per person, rendered again when memberships change. A page showing people's
contact details is never stored.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from actors import services
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def directory(db):
    OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive-annuaire")
    return reverse("actors:directory")


def test_a_members_second_visit_comes_from_the_cache(directory, django_assert_max_num_queries):
    client = signed_in(UserFactory())
    client.get(directory)
    with django_assert_max_num_queries(1):  # the user, as every signed-in request
        second = client.get(directory)
    assert second.status_code == 200
    assert "Eau Vive Solidarité" in second.content.decode()


def test_each_browser_gets_its_own_csrf_token_and_can_sign_out(directory):
    alice, bruno = signed_in(UserFactory()), signed_in(UserFactory())
    alice.get(directory)  # renders and stores the page
    page = bruno.get(directory).content.decode()  # from the cache

    token = TOKEN.search(page).group(1)
    assert "@@coexist-csrf-token@@" not in page
    bruno_csrf = Client(enforce_csrf_checks=True)
    bruno_csrf.cookies = bruno.cookies
    response = bruno_csrf.post(reverse("account_logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302  # the token works for this browser


def test_staff_and_members_get_their_own_navigation(directory, facilitator):
    member_page = signed_in(UserFactory()).get(directory).content.decode()
    staff_page = signed_in(facilitator).get(directory).content.decode()
    again = signed_in(UserFactory()).get(directory).content.decode()
    assert reverse("admin:index") in staff_page
    assert reverse("admin:index") not in member_page
    assert reverse("admin:index") not in again


def test_a_pending_message_is_shown_on_a_fresh_page(directory, organisation):
    client = signed_in(UserFactory())
    client.get(directory)  # stored for members
    client.post(reverse("actors:join", args=[organisation.slug]))  # a message now waits

    with_message = client.get(directory).content.decode()
    after = client.get(directory).content.decode()

    assert 'class="message message-success"' in with_message  # not the stored copy
    assert 'class="message message-success"' not in after  # shown once


def test_an_organisation_page_is_per_person_and_follows_memberships(organisation, admin_user):
    visitor = UserFactory()
    client = signed_in(visitor)
    url = organisation.get_absolute_url()
    assert reverse("actors:join", args=[organisation.slug]) in client.get(url).content.decode()
    other = signed_in(UserFactory())
    other.get(url)

    services.membership_request(organisation=organisation, user=visitor)

    page = client.get(url).content.decode()
    assert reverse("actors:join", args=[organisation.slug]) not in page  # asked: waiting
    assert reverse("actors:join", args=[organisation.slug]) in other.get(url).content.decode()


def test_a_page_with_peoples_contacts_is_never_stored(organisation, admin_user, member_user):
    url = organisation.get_absolute_url()
    client = signed_in(member_user)
    client.get(url)
    admin_user.full_name = "Nouveau Nom"
    admin_user.save(update_fields=["full_name"])
    assert "Nouveau Nom" in client.get(url).content.decode()  # rendered again, not stored


def test_a_session_signed_out_by_a_password_change_gets_no_cached_page(directory):
    user = UserFactory()
    client = signed_in(user)
    client.get(directory)
    user.set_password("un-autre-mot-de-passe-42")
    user.save()
    page = client.get(directory).content.decode()
    assert reverse("accounts:profile") not in page  # signed out: the visitor's page
