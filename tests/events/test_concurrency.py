"""No overbooking under concurrency, proved on PostgreSQL: 50 people register at the same
moment for 10 places, each from their own thread and database connection."""

import threading

import pytest
from django.db import connection, connections

from events import services
from events.models import Registration
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (select_for_update) need PostgreSQL; SQLite serialises every write",
)


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_for_ten_places():
    event = EventFactory(capacity=10)
    users = [UserFactory() for _ in range(50)]
    barrier = threading.Barrier(len(users))
    errors = []

    def register(user):
        try:
            barrier.wait(timeout=30)
            services.registration_create(event=event, user=user)
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=Registration.Status.CONFIRMED).count() == 10
    assert registrations.filter(status=Registration.Status.WAITLISTED).count() == 40
    positions = sorted(
        services.waitlist_position(registration=r) for r in registrations.waitlisted()
    )
    assert positions == list(range(1, 41))
