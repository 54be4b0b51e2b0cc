"""The admin pages facilitators use every day answer, with their filters and search."""

import pytest
from django.urls import reverse

from coexist.emails import email_store
from tests.factories import UserFactory


@pytest.mark.parametrize(
    "name",
    [
        "admin:actors_organisation_changelist",
        "admin:actors_pendingorganisation_changelist",
        "admin:actors_membership_changelist",
        "admin:actors_organisationneed_changelist",
        "admin:accounts_user_changelist",
        "admin:coexist_email_changelist",
        "admin:matching_suggestion_changelist",
        "admin:actors_competence_changelist",
    ],
)
def test_a_facilitator_sees_each_list_and_can_search_it(client_for, facilitator, name):
    client = client_for(facilitator)
    assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse(name), {"q": "eau"}).status_code == 200


def test_a_facilitator_reads_the_outbox_but_cannot_change_it(client_for, facilitator):
    email = email_store(to=["a@example.org"], subject="Bonjour", body_text="Texte")
    client = client_for(facilitator)
    page = client.get(reverse("admin:coexist_email_change", args=[email.pk]))
    assert page.status_code == 200 and "Bonjour" in page.content.decode()
    assert client.get(reverse("admin:coexist_email_add")).status_code == 403


def test_a_facilitator_views_users_but_cannot_change_them(client_for, facilitator, db):
    other = UserFactory(email="membre@example.org")
    client = client_for(facilitator)
    assert "membre@example.org" in client.get(reverse("admin:accounts_user_changelist")).text
    response = client.post(
        reverse("admin:accounts_user_change", args=[other.pk]),
        {"email": "pirate@example.org"},
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.email == "membre@example.org"


def test_members_without_staff_status_are_kept_out_of_the_admin(client_for, member_user):
    client = client_for(member_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert client.get(response["Location"]).status_code == 403  # allauth's secure admin login
