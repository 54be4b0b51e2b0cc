"""Calendar files (RFC 5545) with the ``icalendar`` library, as calendar apps need them.

- One UID per event (``<uuid>@coexist``), the same in an email's attachment, the per-event
  download and every feed; ``SEQUENCE`` is the event's revision, raised on every change.
- ``DTSTAMP``, ``DTSTART`` and ``DTEND`` always, in Europe/Paris with its ``VTIMEZONE``
  (Outlook refuses a TZID it has no definition for).
- A cancelled event stays, with ``STATUS:CANCELLED``, so that subscribed calendars drop it.
- No ``ORGANIZER`` nor ``ATTENDEE`` (clients would send "accepted" replies to them), and
  never a person's name: a file says what the event is, not who comes.
"""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from coexist.emails import absolute_url
from events.models import Event

PRODID = "-//CSI Annemasse//CoExist//FR"
PARIS = ZoneInfo("Europe/Paris")


def event_uid(event: Event) -> str:
    return f"{event.uid}@coexist"


def _location(event: Event) -> str:
    return event.address or ("" if not event.online_url else "En ligne / Online")


def _vevent(event: Event, *, with_online_link: bool) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", (event.updated_at or timezone.now()).astimezone(ZoneInfo("UTC")))
    vevent.add("dtstart", event.starts_at.astimezone(PARIS))
    vevent.add("dtend", event.ends_at.astimezone(PARIS))
    vevent.add("summary", event.title)
    url = absolute_url(event.get_absolute_url())
    vevent.add("url", url)
    description = event.description[:4000]
    if with_online_link and event.online_url:
        description = f"{event.online_url}\n\n{description}"
    vevent.add("description", f"{description}\n\n{url}".strip())
    location = _location(event)
    if with_online_link and event.online_url and not event.address:
        location = event.online_url
    if location:
        vevent.add("location", location)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if event.is_cancelled else "OPAQUE")
    return vevent


def calendar_bytes(
    events: Iterable[Event],
    *,
    name: str = "CoExist",
    method: str | None = "PUBLISH",
    with_online_link: bool = False,
) -> bytes:
    """A calendar of ``events``. ``with_online_link``: the event's online link is in the
    file (for registered people only: their attachments and private feed)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(icalendar.Timezone.from_tzid("Europe/Paris"))
    for event in events:
        calendar.add_component(_vevent(event, with_online_link=with_online_link))
    return calendar.to_ical()


def event_attachment(event: Event) -> dict:
    """The .ics an email carries (for a registered person, so with the online link)."""
    return {
        "filename": f"{event.slug[:60]}.ics",
        "content": calendar_bytes([event], name=event.title, with_online_link=True).decode(),
        "mimetype": "text/calendar",
    }
