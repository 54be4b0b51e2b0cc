"""The calendar's demo: past and upcoming events, one full with a waiting list, through
the services; running it again changes nothing."""

import pytest

from coexist.demo import events as demo
from events.models import Event, Registration
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_past_and_upcoming_events_and_a_waiting_list():
    organisations = [OrganisationFactory() for _ in range(3)]
    users = [UserFactory() for _ in range(5)]
    result = demo.seed(organisations=organisations, users=users)
    assert result.created == 6
    assert Event.objects.past().published().exists()
    assert Event.objects.upcoming().published().count() == 4
    full = Event.objects.get(capacity=3)
    assert full.registrations.confirmed().count() == 3
    assert full.registrations.waitlisted().count() == 2
    again = demo.seed(organisations=organisations, users=users)
    assert (again.created, again.unchanged) == (0, 6)
    assert Registration.objects.count() == result.registrations
