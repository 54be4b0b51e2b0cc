"""Deleting an account from the admin goes through the service: the emails about the
person go too, and the last admin of an organisation is protected."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from coexist.models import Email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_deleting_an_account_in_the_admin_deletes_the_emails_about_it(superuser_client):
    user = UserFactory(email="partie@ong.example")
    Email.objects.create(to=[user.email], subject="s", body_text="b")
    url = reverse("admin:accounts_user_delete", args=[user.pk])

    superuser_client.post(url, {"post": "yes"})

    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not Email.objects.filter(to=["partie@ong.example"]).exists()


def test_the_last_admin_of_an_organisation_cannot_be_deleted_from_the_admin(
    superuser_client, organisation, admin_user
):
    url = reverse("admin:accounts_user_delete", args=[admin_user.pk])
    page = superuser_client.get(url).content.decode()
    assert f"last administrator of {organisation.name}" in page

    superuser_client.post(url, {"post": "yes"})

    assert get_user_model().objects.filter(pk=admin_user.pk).exists()


def test_a_member_can_be_deleted_from_the_admin_with_their_memberships(
    superuser_client, organisation, member_user
):
    url = reverse("admin:accounts_user_delete", args=[member_user.pk])
    assert "permission to delete" not in superuser_client.get(url).content.decode()
    superuser_client.post(url, {"post": "yes"})
    assert not get_user_model().objects.filter(pk=member_user.pk).exists()
