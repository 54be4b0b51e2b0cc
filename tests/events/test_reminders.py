"""The reminder the day before (Celery beat, hourly): from 9:00 Paris time the day before,
to everyone confirmed, never twice, and following the event when it moves to another day.
Time travel with time-machine, including the weeks clocks change (Sunday 28 March and
Sunday 31 October 2027)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine

from coexist.models import Email
from events import services, tasks
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def reminders() -> list[Email]:
    return list(Email.objects.filter(kind="reminder"))


def setup_event(start, *, people=2, capacity=None):
    with time_machine.travel(start - timedelta(days=10), tick=False):
        event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), capacity=capacity)
        users = [UserFactory() for _ in range(people)]
        for user in users:
            services.registration_create(event=event, user=user)
    return event, users


def run_at(moment) -> int:
    with time_machine.travel(moment, tick=False):
        return tasks.reminders_send.apply().get()


def test_the_reminder_goes_the_day_before_to_confirmed_people_only():
    event, users = setup_event(paris(2027, 6, 16, 14, 0), people=3, capacity=2)
    assert run_at(paris(2027, 6, 15, 8, 59)) == 0  # before 9:00
    assert run_at(paris(2027, 6, 14, 10, 0)) == 0  # two days before
    assert run_at(paris(2027, 6, 15, 9, 5)) == 2
    assert sorted(e.to[0] for e in reminders()) == sorted(u.email for u in users[:2])
    assert all(e.attachments for e in reminders())


def test_the_reminder_is_never_sent_twice():
    setup_event(paris(2027, 6, 16, 14, 0))
    assert run_at(paris(2027, 6, 15, 9, 5)) == 2
    assert run_at(paris(2027, 6, 15, 10, 5)) == 0
    assert run_at(paris(2027, 6, 15, 23, 5)) == 0
    assert len(reminders()) == 2


def test_a_rescheduled_event_is_reminded_the_day_before_its_new_date(facilitator):
    event, _users = setup_event(paris(2027, 6, 16, 14, 0))
    assert run_at(paris(2027, 6, 15, 9, 5)) == 2
    with time_machine.travel(paris(2027, 6, 15, 12, 0), tick=False):
        new_start = paris(2027, 6, 23, 14, 0)
        services.event_update(
            event=event,
            by=facilitator,
            data={"starts_at": new_start, "ends_at": new_start + timedelta(hours=2)},
        )
    assert run_at(paris(2027, 6, 16, 9, 5)) == 0  # the old day: nothing
    assert run_at(paris(2027, 6, 22, 9, 5)) == 2
    assert len(reminders()) == 4


def test_a_cancelled_event_sends_no_reminder(facilitator):
    event, _users = setup_event(paris(2027, 6, 16, 14, 0))
    with time_machine.travel(paris(2027, 6, 10, 12, 0), tick=False):
        services.event_cancel(event=event, by=facilitator, reason="Reporté")
    assert run_at(paris(2027, 6, 15, 9, 5)) == 0


@pytest.mark.parametrize(
    "start, before, on_time",
    [
        # Spring: clocks go forward on Sunday 28 March 2027 at 2:00.
        (paris(2027, 3, 29, 9, 0), paris(2027, 3, 28, 8, 30), paris(2027, 3, 28, 9, 5)),
        (paris(2027, 3, 28, 10, 0), paris(2027, 3, 27, 8, 30), paris(2027, 3, 27, 9, 5)),
        # Autumn: clocks go back on Sunday 31 October 2027 at 3:00.
        (paris(2027, 11, 1, 9, 0), paris(2027, 10, 31, 8, 30), paris(2027, 10, 31, 9, 5)),
        (paris(2027, 10, 31, 10, 0), paris(2027, 10, 30, 8, 30), paris(2027, 10, 30, 9, 5)),
    ],
)
def test_the_day_before_in_a_week_when_clocks_change(start, before, on_time):
    setup_event(start)
    assert run_at(before) == 0
    assert run_at(on_time) == 2
    assert run_at(on_time + timedelta(hours=5)) == 0
    (first, _second) = reminders()
    assert f", {start:%H:%M} – " in first.body_text  # Paris time, not UTC
    vevent = icalendar.Calendar.from_ical(first.attachments[0]["content"]).walk("VEVENT")[0]
    assert vevent["DTSTART"].dt == start
