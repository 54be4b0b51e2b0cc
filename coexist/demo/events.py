"""The calendar's demo: past and upcoming events, one full with a waiting list, written
through the events services only (``coexist/demo/data/events.json``). Running it again
changes nothing: an event whose title exists is left alone."""

import json
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from actors.models import SDG, Membership
from events import services
from events.models import Event

DATA = Path(__file__).parent / "data" / "events.json"


@dataclass
class Result:
    created: int = 0
    unchanged: int = 0
    registrations: int = 0


def _start(now: datetime, days: int, hour: int) -> datetime:
    day = timezone.localtime(now).date() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour=hour)))


@transaction.atomic
def seed(*, organisations: list, users: list, now: datetime | None = None) -> Result:
    """``organisations``: published organisations to organise the events (in order);
    ``users``: members who register (to the first events, as the data file says)."""
    now = now or timezone.now()
    result = Result()
    specs = json.loads(DATA.read_text(encoding="utf-8"))["events"]
    for index, spec in enumerate(specs):
        if Event.objects.filter(title=spec["title"]).exists():
            result.unchanged += 1
            continue
        starts_at = _start(now, spec["days"], spec["hour"])
        organisers = organisations[index % max(1, len(organisations)) :][: spec["organisers"]]
        data = {
            "title": spec["title"],
            "kind": spec["kind"],
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=spec["hours"]),
            "capacity": spec["capacity"],
            "description": spec["description"],
            **{
                key: spec.get(key, "")
                for key in ("venue", "street", "postcode", "city", "online_url")
            },
        }
        event = services.event_propose(
            by=None,
            organisers=organisers,
            data=data,
            m2m={"sdgs": list(SDG.objects.filter(number__in=spec["sdgs"]))},
            submit=False,
        )
        event = services.event_publish(event=event, by=None)
        result.created += 1
        if event.registration_open(now):
            for user in users[: spec["register"]]:
                membership = Membership.objects.active().filter(user=user).first()
                services.registration_create(
                    event=event,
                    user=user,
                    organisation=membership.organisation if membership else None,
                )
                result.registrations += 1
    return result
