"""Introductions, end to end on the services and the tasks: who is emailed, in which
language, what contact details travel (only after acceptance, only of people who agreed
or acted), and how a request is kept alive: a reminder halfway, expiry after 14 days."""

from datetime import timedelta

import pytest

from coexist.models import Email
from projects import introductions, services, tasks
from projects.models import Introduction
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def requester(organisation, member_user):
    member_user.full_name = "Awa Diallo"
    member_user.job_title = "Coordinatrice"
    member_user.save(update_fields=["full_name", "job_title"])
    return member_user


@pytest.fixture
def sent(organisation, other_organisation, requester, need, company_admin):
    return introductions.introduction_request(
        from_organisation=organisation,
        to_organisation=other_organisation,
        by=requester,
        message="Nous cherchons un partenaire logistique.",
        need=need,
    )


def test_the_receivers_admins_are_emailed_in_their_language(
    sent, company_admin, other_organisation
):
    french_admin = MembershipFactory(
        organisation=other_organisation, role="admin", user__preferred_language="fr"
    ).user
    Email.objects.all().delete()
    introductions.introduction_request(
        from_organisation=sent.from_organisation,
        to_organisation=other_organisation,
        by=sent.requested_by,
        message="Une autre question.",
    )
    english = Email.objects.get(kind="introduction_requested", to=[company_admin.email])
    french = Email.objects.get(kind="introduction_requested", to=[french_admin.email])
    assert "would like to meet you" in english.subject
    assert french.subject == "[CoExist] Eau Vive Solidarité souhaite vous rencontrer"
    assert f"/projets/mise-en-relation/{sent.pk + 1}/" in english.body_text


def test_the_request_email_carries_no_contact_details(sent, requester):
    email = Email.objects.get(kind="introduction_requested")
    assert requester.email not in email.body_text + email.body_html
    assert "Awa Diallo" not in email.body_text
    assert "Nous cherchons un partenaire logistique." in email.body_text


def test_accepting_sends_each_side_the_others_contact_people(
    sent, requester, company_admin, organisation, other_organisation
):
    consenting = MembershipFactory(organisation=organisation, user__full_name="Paul Martin").user
    services.contact_consent_set(organisation=organisation, by=consenting, agreed=True)
    silent = MembershipFactory(organisation=organisation, user__full_name="Zoé Silence").user
    Email.objects.all().delete()
    introductions.introduction_accept(introduction=sent, by=company_admin)
    to_company = Email.objects.get(kind="introduction_accepted", to=[company_admin.email])
    (to_ngo,) = [
        email
        for email in Email.objects.filter(kind="introduction_accepted")
        if requester.email in email.to
    ]
    assert Email.objects.filter(kind="introduction_accepted").count() == 2  # one per side
    # The company learns who to contact at the NGO: the requester and who agreed.
    assert requester.email in to_company.body_text and "Coordinatrice" in to_company.body_text
    assert consenting.email in to_company.body_text
    assert silent.email not in to_company.body_text
    # The NGO learns the company's admin who accepted (in their own language: French).
    assert company_admin.email in to_ngo.body_text and "CSR officer" in to_ngo.body_text
    assert (
        to_ngo.subject == "[CoExist] Mise en relation acceptée\u00a0: rencontrez Logistique Léman"
    )
    assert to_company.subject == "[CoExist] Introduction accepted: meet Eau Vive Solidarité"


def test_declining_tells_the_requester_politely_without_contacts(sent, requester, company_admin):
    Email.objects.all().delete()
    introductions.introduction_decline(
        introduction=sent, by=company_admin, reason="not_now", message="Revenez en septembre."
    )
    (email,) = Email.objects.filter(kind="introduction_declined")
    assert requester.email in email.to
    assert company_admin.email not in email.body_text + email.body_html
    assert "Revenez en septembre." in email.body_text
    assert sent.decline_reason == "not_now"


def test_a_declined_pair_is_recorded_for_matching(sent, company_admin, need):
    from projects.selectors import declined_pairs

    introductions.introduction_decline(introduction=sent, by=company_admin, reason="not_relevant")
    assert declined_pairs(need_ids=[need.pk]) == {
        (need.pk, sent.from_organisation_id, sent.to_organisation_id)
    }


def test_a_reminder_halfway_then_expiry_both_as_tasks(sent, company_admin, time_machine):
    time_machine.move_to(sent.created_at + timedelta(days=6, hours=23))
    assert tasks.introductions_remind.apply().get() == 0
    time_machine.move_to(sent.created_at + timedelta(days=7, minutes=1))
    assert tasks.introductions_remind.apply().get() == 1
    assert tasks.introductions_remind.apply().get() == 0  # once only
    (reminder,) = Email.objects.filter(kind="introduction_reminder")
    assert reminder.to == [company_admin.email]
    assert tasks.introductions_expire.apply().get() == 0
    time_machine.move_to(sent.deadline + timedelta(minutes=1))
    assert tasks.introductions_expire.apply().get() == 1
    assert tasks.introductions_expire.apply().get() == 0
    assert Introduction.objects.get(pk=sent.pk).state == Introduction.State.EXPIRED
    expired = Email.objects.filter(kind="introduction_expired")
    assert {address for email in expired for address in email.to} >= {
        company_admin.email,
        sent.requested_by.email,
    }


def test_an_answered_request_gets_no_reminder_and_does_not_expire(
    sent, company_admin, time_machine
):
    introductions.introduction_accept(introduction=sent, by=company_admin)
    time_machine.move_to(sent.deadline + timedelta(days=1))
    assert tasks.introductions_remind.apply().get() == 0
    assert tasks.introductions_expire.apply().get() == 0
    assert Introduction.objects.get(pk=sent.pk).state == Introduction.State.ACCEPTED


def test_an_organisation_without_admins_is_answered_through_the_facilitators(
    organisation, member_user, facilitator
):
    imported = OrganisationFactory()
    introductions.introduction_request(
        from_organisation=organisation, to_organisation=imported, by=member_user, message="Oui"
    )
    assert Email.objects.get(kind="introduction_requested").to == [facilitator.email]


def test_a_brokered_introduction_asks_both_sides_and_exchanges_once_both_accept(
    organisation, other_organisation, admin_user, company_admin, facilitator
):
    brokered = introductions.introduction_broker(
        first=organisation, second=other_organisation, by=facilitator, message="Rencontrez-vous"
    )
    asked = Email.objects.filter(kind="introduction_requested")
    assert {address for email in asked for address in email.to} == {
        admin_user.email,
        company_admin.email,
    }
    introductions.introduction_accept(introduction=brokered, by=admin_user)
    assert not Email.objects.filter(kind="introduction_accepted").exists()
    introductions.introduction_accept(introduction=brokered, by=company_admin)
    accepted = Email.objects.filter(kind="introduction_accepted")
    assert accepted.count() == 2
    to_company = accepted.get(to=[company_admin.email])
    assert admin_user.email in to_company.body_text
