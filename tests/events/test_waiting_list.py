"""The waiting list: beyond capacity people wait in order of joining; a cancellation or
more places promote the first ones at once, and the periodic sweep catches the rest."""

import pytest

from events import services, tasks
from events.models import Registration
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def register(event, count):
    return [services.registration_create(event=event, user=UserFactory()) for _ in range(count)]


def statuses(registrations):
    return [Registration.objects.get(pk=r.pk).status for r in registrations]


def test_beyond_capacity_people_wait_in_order_of_joining():
    event = EventFactory(capacity=2)
    people = register(event, 5)
    assert statuses(people) == ["confirmed"] * 2 + ["waitlisted"] * 3
    positions = [services.waitlist_position(registration=r) for r in people]
    assert positions == [None, None, 1, 2, 3]


def test_a_cancellation_promotes_the_first_person_waiting(mailoutbox):
    event = EventFactory(capacity=2)
    first, second, third, fourth = register(event, 4)
    services.registration_cancel(registration=second, by=second.user)
    assert statuses([first, second, third, fourth]) == [
        "confirmed",
        "cancelled",
        "confirmed",
        "waitlisted",
    ]
    assert services.waitlist_position(registration=Registration.objects.get(pk=fourth.pk)) == 1


def test_leaving_the_waiting_list_moves_the_others_up():
    event = EventFactory(capacity=1)
    _, second, third = register(event, 3)
    services.registration_cancel(registration=second, by=second.user)
    assert statuses([second, third]) == ["cancelled", "waitlisted"]
    assert services.waitlist_position(registration=Registration.objects.get(pk=third.pk)) == 1


def test_more_places_promote_as_many_people_waiting(organisation, admin_user):
    event = EventFactory(capacity=1, organisers=[organisation])
    people = register(event, 4)
    services.event_update(event=event, by=admin_user, data={"capacity": 3})
    assert statuses(people) == ["confirmed", "confirmed", "confirmed", "waitlisted"]


def test_unlimited_places_promote_everyone(organisation, admin_user):
    event = EventFactory(capacity=1, organisers=[organisation])
    people = register(event, 3)
    services.event_update(event=event, by=admin_user, data={"capacity": None})
    assert statuses(people) == ["confirmed"] * 3


def test_registering_again_after_leaving_joins_the_end_of_the_list():
    event = EventFactory(capacity=1)
    first, second, third = register(event, 3)
    services.registration_cancel(registration=third, by=third.user)
    again = services.registration_create(event=event, user=third.user)
    assert again.pk == third.pk and again.status == "waitlisted"
    assert services.waitlist_position(registration=again) == 2


def test_the_sweep_fills_places_freed_behind_the_services_back():
    event = EventFactory(capacity=1)
    first, second, third = register(event, 3)
    Registration.objects.filter(pk=first.pk).delete()  # e.g. an account deleted
    assert tasks.waitlist_sweep.apply().get() == 1
    assert statuses([second, third]) == ["confirmed", "waitlisted"]
    assert tasks.waitlist_sweep.apply().get() == 0


def test_never_more_confirmed_than_places():
    event = EventFactory(capacity=3)
    register(event, 10)
    assert Registration.objects.filter(event=event).confirmed().count() == 3
