"""Personal data goes when the account goes, and the privacy policy's retention holds:
emails are kept one year, an account inactive for three years is warned, then deleted
30 days later unless its owner signs in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.tasks import retention_run
from actors import services as actors_services
from actors.models import Membership
from coexist.models import Email
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_deleting_an_account_deletes_the_emails_to_and_about_its_owner(
    client_for, organisation, admin_user
):
    requester = UserFactory(email="curieuse@ong.example", full_name="Camille Curieuse")
    actors_services.membership_request(
        organisation=organisation, user=requester, message="Je travaille sur l'eau potable"
    )
    join_request = Email.objects.get(kind="join_requested")
    assert join_request.to == [admin_user.email]  # to the admins, about the requester
    unrelated = Email.objects.create(to=[admin_user.email], subject="Autre", body_text="x")

    client = client_for(requester)
    client.post(reverse("accounts:delete"), {"confirm": requester.email})

    assert not Email.objects.filter(pk=join_request.pk).exists()
    leftovers = " ".join(e.subject + e.body_text + " ".join(e.to) for e in Email.objects.all())
    assert "curieuse@ong.example" not in leftovers
    assert "Camille Curieuse" not in leftovers
    assert "eau potable" not in leftovers
    assert Email.objects.filter(pk=unrelated.pk).exists()


def test_deletion_also_finds_emails_stored_before_they_were_linked(db):
    user = UserFactory(email="ancienne@ong.example")
    old = Email.objects.create(to=["ANCIENNE@ong.example"], subject="s", body_text="x")
    mentions = Email.objects.create(
        to=["admin@ong.example"], subject="s", body_text="ancienne@ong.example veut rejoindre"
    )
    services.user_delete(user=user)
    assert not Email.objects.filter(pk__in=[old.pk, mentions.pk]).exists()


def test_the_last_admin_rule_is_checked_by_the_service(organisation, admin_user):
    with pytest.raises(services.LastAdminError):
        services.user_delete(user=admin_user)
    assert Membership.objects.admins().filter(organisation=organisation).count() == 1


@pytest.fixture
def dormant(time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=3 * 365 + 10))
    user = UserFactory(email="dormante@ong.example", preferred_language="fr")
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    time_machine.move_to(timezone.now() + timedelta(days=3 * 365 + 10))
    return user


def test_an_account_inactive_for_three_years_is_warned_once(dormant, db):
    active = UserFactory(email="active@ong.example")
    active.last_login = timezone.now() - timedelta(days=10)
    active.save(update_fields=["last_login"])

    assert retention_run.apply().get() == {"warned": 1, "deleted": 0}
    assert retention_run.apply().get() == {"warned": 0, "deleted": 0}  # once

    warning = Email.objects.get(kind="inactivity_warning")
    assert warning.to == ["dormante@ong.example"]
    assert "supprimé" in warning.subject  # in the member's language
    assert reverse("account_login") in warning.body_text


def test_a_warned_account_is_deleted_thirty_days_later(dormant, time_machine):
    retention_run.apply()
    time_machine.move_to(timezone.now() + timedelta(days=29))
    assert retention_run.apply().get()["deleted"] == 0
    time_machine.move_to(timezone.now() + timedelta(days=2))

    assert retention_run.apply().get()["deleted"] == 1

    assert not type(dormant).objects.filter(pk=dormant.pk).exists()
    assert not Email.objects.filter(to=["dormante@ong.example"]).exists()


def test_signing_in_after_the_warning_keeps_the_account(dormant, time_machine, client):
    retention_run.apply()
    time_machine.move_to(timezone.now() + timedelta(days=5))
    client.post(
        reverse("account_login"),
        {"login": dormant.email, "password": "correct-horse-battery"},
    )
    dormant.refresh_from_db()
    assert dormant.last_login > dormant.inactivity_warned_at
    time_machine.move_to(timezone.now() + timedelta(days=60))

    assert retention_run.apply().get() == {"warned": 0, "deleted": 0}
    assert type(dormant).objects.filter(pk=dormant.pk).exists()


def test_a_dormant_last_admin_is_deleted_and_the_facilitators_told(
    dormant, time_machine, organisation, facilitator
):
    MembershipFactory(user=dormant, organisation=organisation, role=Membership.Role.ADMIN)
    retention_run.apply()
    time_machine.move_to(timezone.now() + timedelta(days=31))

    assert retention_run.apply().get()["deleted"] == 1

    notice = Email.objects.get(kind="organisations_without_admin")
    assert notice.to == [facilitator.email]
    assert organisation.name in notice.body_text


def test_staff_accounts_are_never_deleted_for_inactivity(time_machine, db):
    time_machine.move_to(timezone.now() - timedelta(days=4 * 365))
    staff = UserFactory(is_staff=True)
    time_machine.move_to(timezone.now() + timedelta(days=4 * 365 + 60))
    retention_run.apply()
    time_machine.move_to(timezone.now() + timedelta(days=60))
    retention_run.apply()
    assert type(staff).objects.filter(pk=staff.pk).exists()
