"""Accounts: sign up by email with mandatory verification, my account, my data, deleting it."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

from actors.models import Membership, Organisation
from coexist.models import Email
from coexist.tasks import email_send
from tests.factories import MembershipFactory, UserFactory

User = get_user_model()


@pytest.mark.django_db
def test_sign_up_requires_confirming_the_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "Amina@Example.org",
                "password1": "un-long-mot-de-passe",
                "password2": "un-long-mot-de-passe",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    # Not logged in until the address is confirmed.
    assert client.get(reverse("accounts:profile")).status_code == 302

    email = Email.objects.get(to=["amina@example.org"])
    email_send.apply(args=[email.pk])
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body).group(0)
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_new_account_keeps_the_language_it_signed_up_in(client, language):
    client.cookies["django_language"] = language
    client.post(
        reverse("account_signup"),
        {
            "email": "amina@example.org",
            "password1": "un-long-mot-de-passe",
            "password2": "un-long-mot-de-passe",
        },
    )
    assert User.objects.get(email="amina@example.org").preferred_language == language


@pytest.mark.django_db
def test_an_unverified_user_cannot_log_in(client):
    UserFactory(email="pas-encore@example.org", verified=False)
    response = client.post(
        reverse("account_login"),
        {"login": "pas-encore@example.org", "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.django_db
def test_a_verified_user_logs_in_by_email_in_their_language(client):
    UserFactory(email="lea@example.org", preferred_language="en")
    response = client.post(
        reverse("account_login"), {"login": "lea@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"


@pytest.mark.django_db
def test_the_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_my_account_needs_a_login(client):
    for name in ("accounts:profile", "accounts:data_export", "accounts:delete"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_my_account_saves_name_job_language_and_digest(client_for):
    user = UserFactory()
    client = client_for(user)
    response = client.post(
        reverse("accounts:profile"),
        {"full_name": "Amina Diallo", "job_title": "Coordinatrice", "preferred_language": "en"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.job_title, user.preferred_language, user.weekly_digest) == (
        "Amina Diallo",
        "Coordinatrice",
        "en",
        False,
    )
    assert response.cookies["django_language"].value == "en"


@pytest.mark.django_db
def test_my_account_rejects_bad_input_and_keeps_data(client_for):
    user = UserFactory(full_name="Avant")
    client = client_for(user)
    response = client.post(
        reverse("accounts:profile"), {"full_name": "x" * 200, "preferred_language": "xx"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"full_name", "preferred_language"}
    user.refresh_from_db()
    assert user.full_name == "Avant"


@pytest.mark.django_db
def test_download_my_data_gives_everything_about_me(client_for, organisation):
    membership = MembershipFactory(organisation=organisation, user__email="moi@example.org")
    client = client_for(membership.user)
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "moi@example.org"
    assert data["memberships"][0]["organisation_slug"] == organisation.slug
    assert data["email_addresses"][0]["verified"] is True


@pytest.mark.django_db
def test_my_data_lists_the_emails_sent_to_me_without_their_secrets(client_for, organisation):
    user = MembershipFactory(organisation=organisation, user__email="moi@example.org").user
    client = client_for(user)
    client.post(reverse("account_reset_password"), {"email": user.email})
    from coexist.emails import email_queue

    email_queue(
        to=[user.email],
        template="actors/emails/membership_accepted",
        context={"organisation": organisation, "user": user, "organisation_url": "/x/"},
    )
    data = json.loads(client.get(reverse("accounts:data_export")).content)

    emails = data["emails_to_or_about_you"]
    assert [e["kind"] for e in emails] == ["password_reset_key", "membership_accepted"]
    assert emails[0]["body"] is None  # the reset link is not exported either
    assert organisation.name in emails[1]["body"]


@pytest.mark.django_db
def test_deleting_my_account_needs_the_email_typed_again(client_for, member_user):
    client = client_for(member_user)
    response = client.post(reverse("accounts:delete"), {"confirm": "someone@else.org"})
    assert response.status_code == 200
    assert response.context["form"].errors["confirm"]
    assert User.objects.filter(pk=member_user.pk).exists()


@pytest.mark.django_db
def test_deleting_my_account_removes_memberships_and_keeps_the_organisation(
    client_for, member_user, organisation
):
    client = client_for(member_user)
    response = client.post(reverse("accounts:delete"), {"confirm": member_user.email.upper()})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member_user.pk).exists()
    assert not Membership.objects.filter(user_id=member_user.pk).exists()
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert client.get(reverse("accounts:profile")).status_code == 302  # logged out


@pytest.mark.django_db
def test_the_last_admin_cannot_delete_their_account(client_for, admin_user, organisation):
    client = client_for(admin_user)
    response = client.post(reverse("accounts:delete"), {"confirm": admin_user.email})
    assert response.status_code == 200
    assert organisation.name in response.content.decode()
    assert User.objects.filter(pk=admin_user.pk).exists()


def test_account_pages_refuse_other_methods(client_for, db):
    client = client_for(UserFactory())
    assert client.put(reverse("accounts:profile")).status_code == 405
    assert client.delete(reverse("accounts:delete")).status_code == 405


@pytest.mark.django_db
def test_a_facilitator_is_a_staff_member_of_the_facilitators_group(django_assert_num_queries):
    from django.contrib.auth.models import Group

    from accounts.selectors import FACILITATORS_GROUP, user_is_facilitator
    from tests.factories import make_facilitator

    assert user_is_facilitator(user=make_facilitator())
    not_staff = UserFactory()
    not_staff.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    assert not user_is_facilitator(user=not_staff)
    member = UserFactory()
    with django_assert_num_queries(0):  # most requests: no query to know it
        assert not user_is_facilitator(user=member)


@pytest.mark.django_db
def test_the_weekly_digest_is_opt_in_and_says_what_it_holds_today(client_for):
    from accounts.models import User

    user = User.objects.create_user("nouveau@example.org", "x")
    assert user.weekly_digest is False
    page = client_for(user).get(reverse("accounts:profile")).content.decode()
    assert "nouveaux partenaires suggérés" in page
    assert "projets et événements" not in page
