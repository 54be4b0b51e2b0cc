"""Each guard of the calendar's services, tested on the service itself: the admin, a task
or a command calls them directly. Deleting any one guard turns one of these red."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from events import services
from events.models import Event, Registration
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def data(**extra):
    start = timezone.now() + timedelta(days=10)
    return {
        "title": "Speed-meeting ONG entreprises",
        "kind": Event.Kind.SPEED_MEETING,
        "starts_at": start,
        "ends_at": start + timedelta(hours=3),
        "city": "Annemasse",
        "capacity": 20,
        **extra,
    }


def test_an_admin_proposes_for_their_organisation_and_it_waits_for_review(
    organisation, admin_user, facilitator, mailoutbox
):
    event = services.event_propose(by=admin_user, organisers=[organisation], data=data())
    assert event.status == Event.Status.PENDING
    assert list(event.organisers.all()) == [organisation]
    assert event.created_by == admin_user


@pytest.mark.parametrize("persona", ["member_user", "outsider"])
def test_only_the_organisations_admins_propose_in_its_name(request, organisation, persona):
    with pytest.raises(PermissionDenied):
        services.event_propose(
            by=request.getfixturevalue(persona), organisers=[organisation], data=data()
        )
    assert not Event.objects.exists()


def test_an_admin_must_name_an_organiser(admin_user):
    with pytest.raises(ValidationError):
        services.event_propose(by=admin_user, organisers=[], data=data())


def test_an_event_cannot_end_before_it_starts(organisation, admin_user):
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError):
        services.event_propose(
            by=admin_user,
            organisers=[organisation],
            data=data(starts_at=start, ends_at=start - timedelta(hours=1)),
        )


def test_only_facilitators_publish(event, admin_user, facilitator):
    Event.objects.filter(pk=event.pk).update(status=Event.Status.PENDING)
    event.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.event_publish(event=event, by=admin_user)
    published = services.event_publish(event=event, by=facilitator)
    assert published.status == Event.Status.PUBLISHED
    assert published.sequence == event.sequence + 1


@pytest.mark.parametrize("persona", ["member_user", "outsider", "stranger"])
def test_only_organisers_and_facilitators_edit_or_cancel(request, event, persona):
    by = UserFactory() if persona == "stranger" else request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.event_update(event=event, by=by, data={"title": "Pris"})
    with pytest.raises(PermissionDenied):
        services.event_cancel(event=event, by=by, reason="non")
    event.refresh_from_db()
    assert event.title == "Atelier mécénat de compétences"
    assert event.status == Event.Status.PUBLISHED


def test_an_organiser_edits_and_each_change_raises_the_sequence(event, admin_user):
    before = event.sequence
    services.event_update(event=event, by=admin_user, data={"title": "Atelier renommé"})
    services.event_update(event=event, by=admin_user, data={"capacity": 60})
    event.refresh_from_db()
    assert (event.title, event.capacity, event.sequence) == ("Atelier renommé", 60, before + 2)


def test_cancelling_needs_a_reason(event, admin_user):
    with pytest.raises(ValidationError):
        services.event_cancel(event=event, by=admin_user, reason="  ")
    cancelled = services.event_cancel(event=event, by=admin_user, reason="Intervenant malade")
    assert cancelled.status == Event.Status.CANCELLED
    assert cancelled.cancel_reason == "Intervenant malade"


def test_a_cancelled_event_is_not_edited_nor_published_again(event, admin_user, facilitator):
    services.event_cancel(event=event, by=admin_user, reason="Reporté")
    with pytest.raises(ValidationError):
        services.event_update(event=event, by=admin_user, data={"title": "Autre"})
    with pytest.raises(ValidationError):
        services.event_publish(event=event, by=facilitator)


def test_an_admin_cannot_hand_the_event_to_an_organisation_they_do_not_administer(
    event, admin_user, other_organisation
):
    with pytest.raises(PermissionDenied):
        services.event_update(
            event=event, by=admin_user, data={}, m2m={"organisers": [other_organisation]}
        )
    assert list(event.organisers.all()) != [other_organisation]


# Registrations -------------------------------------------------------------------


def test_a_visitor_cannot_register(event):
    with pytest.raises(PermissionDenied):
        services.registration_create(event=event, user=AnonymousUser())


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.PENDING, "cancelled"])
def test_registering_needs_a_published_event(organisation, member_user, status):
    event = EventFactory(status=status, organisers=[organisation])
    with pytest.raises(ValidationError):
        services.registration_create(event=event, user=member_user)


def test_the_registration_window_is_respected(member_user):
    now = timezone.now()
    early = EventFactory(registration_opens_at=now + timedelta(days=1))
    late = EventFactory(registration_closes_at=now - timedelta(minutes=1))
    started = EventFactory(starts_at=now - timedelta(minutes=5))
    for event in (early, late, started):
        with pytest.raises(ValidationError):
            services.registration_create(event=event, user=member_user)
    assert not Registration.objects.exists()


def test_on_behalf_of_ones_own_organisation_only(event, member_user, other_organisation):
    with pytest.raises(ValidationError):
        services.registration_create(event=event, user=member_user, organisation=other_organisation)
    registration = services.registration_create(
        event=event, user=member_user, organisation=event.organisers.first()
    )
    assert registration.organisation == event.organisers.first()


def test_a_left_organisation_no_longer_counts(event, organisation):
    membership = MembershipFactory(organisation=organisation, status="left")
    with pytest.raises(ValidationError):
        services.registration_create(event=event, user=membership.user, organisation=organisation)


def test_registering_twice_keeps_one_registration(event, member_user):
    first = services.registration_create(event=event, user=member_user)
    again = services.registration_create(event=event, user=member_user)
    assert first.pk == again.pk
    assert Registration.objects.filter(event=event).count() == 1


def test_only_the_person_cancels_their_registration(event, member_user, admin_user, facilitator):
    registration = services.registration_create(event=event, user=member_user)
    for by in (admin_user, facilitator, None):
        with pytest.raises(PermissionDenied):
            services.registration_cancel(registration=registration, by=by)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_cancelling_is_possible_until_the_event_starts(member_user):
    event = EventFactory(starts_at=timezone.now() + timedelta(hours=1))
    registration = services.registration_create(event=event, user=member_user)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError):
        services.registration_cancel(registration=registration, by=member_user)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_private_feed_tokens_need_a_signed_in_member():
    with pytest.raises(PermissionDenied):
        services.calendar_token_regenerate(user=AnonymousUser())
    with pytest.raises(PermissionDenied):
        services.calendar_token_revoke(user=None)


def test_a_registration_is_unique_per_person_and_event_in_the_database(event, member_user):
    from django.db import IntegrityError, transaction

    RegistrationFactory(event=event, user=member_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, user=member_user)
