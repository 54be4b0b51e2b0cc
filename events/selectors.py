"""Reads on the calendar, shaped for the pages that show them (constant query counts)."""

import calendar as pycalendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.selectors import user_is_facilitator
from actors.models import Membership, Organisation
from events import access
from events.filters import month_bounds
from events.models import CalendarToken, Event, Registration

EVENTS_PER_PAGE = 200  # a calendar page lists at most this many events


def with_counts(queryset: QuerySet) -> QuerySet:
    """Events with their organisers and their confirmed and waiting counts."""
    return queryset.prefetch_related(
        Prefetch("organisers", queryset=Organisation.objects.only("pk", "name", "slug"))
    ).annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
        ),
        waitlisted_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        ),
    )


def organiser_choices() -> list[tuple[str, str]]:
    """(slug, name) of the organisations that organise a published event (the filter)."""
    return list(
        Organisation.objects.filter(events__status=Event.Status.PUBLISHED)
        .order_by("sort_name", "name")
        .values_list("slug", "name")
        .distinct()
    )


def upcoming(*, filterset) -> list[Event]:
    queryset = filterset.qs.published().upcoming().order_by("starts_at", "id")
    return list(with_counts(queryset)[:EVENTS_PER_PAGE])


def past(*, filterset) -> list[Event]:
    queryset = filterset.qs.published().past().order_by("-starts_at", "-id")
    return list(with_counts(queryset)[:EVENTS_PER_PAGE])


@dataclass
class Day:
    date: date
    in_month: bool
    events: list


def month_weeks(*, filterset, first: date) -> list[list[Day]]:
    """The month's grid, Monday first, each day with the events that touch it."""
    start, end = month_bounds(first)
    events = list(
        with_counts(
            filterset.qs.published()
            .filter(starts_at__lt=end, ends_at__gte=start)
            .order_by("starts_at", "id")
        )[:EVENTS_PER_PAGE]
    )
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        row = []
        for day in week:
            todays = [
                e
                for e in events
                if timezone.localtime(e.starts_at).date()
                <= day
                <= timezone.localtime(e.ends_at).date()
            ]
            row.append(Day(date=day, in_month=day.month == first.month, events=todays))
        weeks.append(row)
    return weeks


def feed_events(*, filterset, limit: int = 500) -> list[Event]:
    """The public feed: published and cancelled events from 30 days ago on."""
    since = timezone.now() - timedelta(days=30)
    return list(filterset.qs.published().filter(ends_at__gte=since).order_by("starts_at")[:limit])


def event_detail(*, pk: int) -> Event:
    return with_counts(Event.objects.filter(pk=pk)).prefetch_related("sdgs", "competences").get()


def viewer_context(*, event: Event, user) -> dict:
    """What the event page shows the signed-in person: their registration and place on the
    list, the organisations they may register for, and what they may manage."""
    if not user.is_authenticated:
        return {"registration": None, "position": None, "can_edit": False}
    from events.services import waitlist_position

    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status == Registration.Status.CANCELLED:
        registration = None
    facilitator = user_is_facilitator(user=user)
    organiser = facilitator or access.is_organiser(event=event, user=user)
    return {
        "registration": registration,
        "position": waitlist_position(registration=registration) if registration else None,
        "can_edit": organiser and not event.is_cancelled,
        "can_see_attendees": organiser,
        "my_organisations": list(
            Organisation.objects.filter(
                memberships__user=user, memberships__status=Membership.Status.ACTIVE
            )
            .order_by("name")
            .only("pk", "name")
        ),
    }


def attendees(*, event: Event) -> list[Registration]:
    """Who comes and who waits, in order: for the organisers and facilitators only."""
    return list(
        event.registrations.active()
        .select_related("user", "organisation")
        .order_by("status", "joined_at", "id")
    )


def user_registrations(*, user) -> list[Registration]:
    return list(
        Registration.objects.filter(user=user)
        .active()
        .select_related("event")
        .order_by("event__starts_at")
    )


def private_feed_events(*, token: str) -> tuple[object, list[Event]] | None:
    """The events of the member whose secret this is (None: no such secret)."""
    found = CalendarToken.objects.filter(token=token[:64]).select_related("user").first()
    if found is None or not found.user.is_active:
        return None
    events = list(
        Event.objects.filter(
            registrations__user=found.user,
            registrations__status=Registration.Status.CONFIRMED,
        )
        .exclude(status__in=[Event.Status.DRAFT, Event.Status.PENDING])
        .order_by("starts_at")
    )
    return found.user, events


def calendar_token(*, user) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def registrations_export(*, user) -> list[dict]:
    """A person's registrations, for "download my data" (an accounts hook)."""
    return [
        {
            "event": r.event.title,
            "event_slug": r.event.slug,
            "status": r.status,
            "organisation": r.organisation.name if r.organisation else None,
            "joined_at": r.joined_at.isoformat(),
        }
        for r in Registration.objects.filter(user=user)
        .select_related("event", "organisation")
        .order_by("joined_at")
    ]
