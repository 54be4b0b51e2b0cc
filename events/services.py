"""Writes on events and registrations. Views, admin, tasks, commands and the demo call these.

The rule that matters most: never more confirmed registrations than places. Every
change that counts places (a registration, a cancellation, a capacity change, the
sweep) first locks the event's row (``select_for_update``), then counts and decides in
the same transaction: two requests for the last place are served one after the other.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import user_is_facilitator
from actors.models import Membership, Organisation
from actors.validators import logo_filename
from coexist.cache import Scope, bump
from coexist.slugs import unique_slug
from events import access, emails
from events.access import Need
from events.models import CalendarToken, Event, Registration

# Fields whose change moves the event in people's calendars: attendees are told.
SCHEDULE_FIELDS = ("starts_at", "ends_at", "venue", "street", "postcode", "city", "online_url")


def _changed() -> None:
    """The calendar pages show new content: now, and once committed (a page read in
    between would be cached under the new version)."""
    bump(Scope.EVENTS)
    transaction.on_commit(lambda: bump(Scope.EVENTS))


# The calendar's own pages: an event is never given one of their names.
RESERVED_SLUGS = frozenset({"passes", "mois", "proposer", "mon-calendrier"})


def _lock(event: Event) -> Event:
    """The event's row, locked until the transaction ends (re-read: the caller's copy
    may be stale)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _set_m2m(event: Event, m2m: dict) -> None:
    for field, values in m2m.items():
        getattr(event, field).set(values)


# Events ----------------------------------------------------------------------


@transaction.atomic
def event_propose(
    *, by, organisers, data: dict, m2m: dict | None = None, submit: bool = True
) -> Event:
    """An organisation admin proposes an event in the name of organisations they administer
    (it waits for a facilitator's review); a facilitator may create one for any
    organisations, or none (the CSI's own). ``submit``: pending review, else a draft."""
    organisers = list(organisers)
    facilitator = by is None or user_is_facilitator(user=by)  # None: a command on the server
    if not facilitator:
        if not organisers:
            raise ValidationError({"organisers": _("Choose the organisation that organises it.")})
        for organisation in organisers:
            if not access.may_propose_for(user=by, organisation=organisation):
                raise PermissionDenied
    event = Event(**data)
    event.slug = unique_slug(
        Event.objects.all(), event.title, fallback="evenement", reserved=RESERVED_SLUGS
    )
    event.status = Event.Status.PENDING if submit else Event.Status.DRAFT
    event.created_by = by
    if isinstance(data.get("image"), UploadedFile):
        event.image.name = logo_filename(organisation=event, upload=data["image"])
    event.full_clean()
    event.save()
    event.organisers.set(organisers)
    _set_m2m(event, m2m or {})
    if submit and not facilitator:
        emails.review_requested(event=event)
    _changed()
    return event


@transaction.atomic
def event_submit(*, event: Event, by) -> Event:
    """A draft goes to the facilitators' review."""
    access.ensure(user=by, event=event, need=Need.EDIT)
    event = _lock(event)
    if event.status != Event.Status.DRAFT:
        return event
    event.status = Event.Status.PENDING
    event.save(update_fields=["status", "updated_at"])
    emails.review_requested(event=event)
    _changed()
    return event


@transaction.atomic
def event_publish(*, event: Event, by) -> Event:
    """A facilitator publishes (``by=None``: a command run on the server, the demo)."""
    if by is not None:
        access.ensure(user=by, event=event, need=Need.PUBLISH)
    event = _lock(event)
    if event.status == Event.Status.PUBLISHED:
        return event
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be published again."))
    event.status = Event.Status.PUBLISHED
    event.published_at = event.published_at or timezone.now()
    event.sequence += 1
    event.save(update_fields=["status", "published_at", "sequence", "updated_at"])
    if event.created_by_id and not user_is_facilitator(user=event.created_by):
        emails.event_published(event=event)
    _changed()
    return event


@transaction.atomic
def event_update(*, event: Event, by, data: dict, m2m: dict | None = None) -> Event:
    """Edit an event. Every change raises its ``SEQUENCE``; a new time or place is sent to
    everyone registered with the updated .ics; more places promote the waiting list."""
    access.ensure(user=by, event=event, need=Need.EDIT)
    if "organisers" in (m2m or {}) and not user_is_facilitator(user=by):
        for organisation in m2m["organisers"]:
            if not access.may_propose_for(user=by, organisation=organisation):
                raise PermissionDenied
        if not m2m["organisers"]:
            raise ValidationError({"organisers": _("Choose the organisation that organises it.")})
    current = _lock(event)
    if current.status == Event.Status.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be changed."))
    before = {field: getattr(current, field) for field in SCHEDULE_FIELDS}
    old_image = current.image.name if current.image else ""
    for field, value in data.items():
        setattr(current, field, value)
    if "image" in data and isinstance(data["image"], UploadedFile):
        current.image.name = logo_filename(organisation=current, upload=data["image"])
    current.full_clean(exclude=["slug"])
    current.sequence += 1
    current.save()
    _set_m2m(current, m2m or {})
    new_image = current.image.name if current.image else ""
    if old_image and old_image != new_image:
        _image_delete_after_commit(name=old_image)
    moved = [f for f in SCHEDULE_FIELDS if getattr(current, f) != before[f]]
    if current.is_published:
        _promote(current)
        if moved:
            emails.event_changed(event=current, registrations=_active(current))
    _changed()
    return current


@transaction.atomic
def event_cancel(*, event: Event, by, reason: str) -> Event:
    """The organisers (or a facilitator) cancel: everyone registered is told, with the
    reason and a .ics saying STATUS:CANCELLED."""
    access.ensure(user=by, event=event, need=Need.EDIT)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the event is cancelled.")})
    event = _lock(event)
    if event.status == Event.Status.CANCELLED:
        return event
    was_published = event.is_published
    event.status = Event.Status.CANCELLED
    event.cancel_reason = reason[:2000]
    event.sequence += 1
    event.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
    if was_published:
        emails.event_cancelled(event=event, registrations=_active(event))
    _changed()
    return event


def _active(event: Event) -> list[Registration]:
    return list(event.registrations.active().select_related("user"))


def _image_delete_after_commit(*, name: str) -> None:
    from django.core.files.storage import default_storage

    def delete() -> None:
        if not Event.objects.filter(image=name).exists():
            default_storage.delete(name)

    transaction.on_commit(delete)


# Registrations ---------------------------------------------------------------


@dataclass(frozen=True)
class Places:
    capacity: int | None
    confirmed: int
    waitlisted: int

    @property
    def left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.confirmed)


def _places(event: Event) -> Places:
    counts = dict.fromkeys(Registration.Status.values, 0)
    for status in event.registrations.values_list("status", flat=True):
        counts[status] += 1
    return Places(
        capacity=event.capacity,
        confirmed=counts[Registration.Status.CONFIRMED],
        waitlisted=counts[Registration.Status.WAITLISTED],
    )


def _check_organisation(*, user, organisation: Organisation | None) -> None:
    if organisation is None:
        return
    if not Membership.objects.active().filter(user=user, organisation=organisation).exists():
        raise ValidationError(
            {"organisation": _("You can register on behalf of your own organisations only.")}
        )


@transaction.atomic
def registration_create(
    *, event: Event, user, organisation: Organisation | None = None
) -> Registration:
    """Register ``user`` (alone, or on behalf of one of their organisations): confirmed
    while places remain, else on the waiting list. Registering again returns the
    existing registration; after a cancellation it joins again, at the end of the list."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    _check_organisation(user=user, organisation=organisation)
    event = _lock(event)  # counted and decided under the lock: no overbooking
    now = timezone.now()
    if not event.registration_open(now):
        raise ValidationError(_("Registration for this event is not open."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        return registration
    places = _places(event)
    full = places.capacity is not None and (places.confirmed >= places.capacity)
    status = Registration.Status.WAITLISTED if full else Registration.Status.CONFIRMED
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.organisation = organisation
    registration.status = status
    registration.joined_at = now
    registration.promoted_at = registration.cancelled_at = None
    registration.save()
    if status == Registration.Status.CONFIRMED:
        emails.registration_confirmed(registration=registration)
    else:
        emails.registration_waitlisted(
            registration=registration, position=waitlist_position(registration=registration)
        )
    _changed()
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, by) -> Registration:
    """The member leaves the event or its waiting list (until the event starts); a freed
    place goes at once to the first person waiting."""
    if by is None or registration.user_id != by.pk:
        raise PermissionDenied
    event = _lock(registration.event)
    registration.refresh_from_db()
    if registration.status == Registration.Status.CANCELLED:
        return registration
    if timezone.now() >= event.starts_at:
        raise ValidationError(_("The event has started: registrations can no longer change."))
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    emails.registration_cancelled(registration=registration)
    if event.is_published:
        _promote(event)
    _changed()
    return registration


def _promote(event: Event) -> list[Registration]:
    """Give free places to the first people waiting, in order of joining (the event's row
    is locked by the caller); each is emailed."""
    if event.starts_at <= timezone.now():
        return []
    places = _places(event)
    waiting = Registration.objects.filter(event=event).waitlisted()
    if places.capacity is not None:
        waiting = waiting[: places.left]
    promoted = list(waiting.select_related("user"))
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        emails.registration_promoted(registration=registration)
    if promoted:
        _changed()
    return promoted


@transaction.atomic
def waitlist_promote(*, event: Event) -> list[Registration]:
    """Fill the free places of one event from its waiting list (the sweep, a command)."""
    event = _lock(event)
    if not event.is_published:
        return []
    return _promote(event)


def waitlist_sweep() -> int:
    """The periodic catch-up: every upcoming published event with people waiting and
    places free gets them filled. Returns how many people were promoted."""
    ids = (
        Event.objects.filter(
            status=Event.Status.PUBLISHED,
            starts_at__gt=timezone.now(),
            registrations__status=Registration.Status.WAITLISTED,
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    return sum(len(waitlist_promote(event=Event(pk=pk))) for pk in list(ids))


def waitlist_position(*, registration: Registration) -> int | None:
    """1 for the first person waiting; None when not on the list."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = (
        Registration.objects.filter(
            event_id=registration.event_id, status=Registration.Status.WAITLISTED
        )
        .filter(joined_at__lt=registration.joined_at)
        .count()
    )
    same_time = Registration.objects.filter(
        event_id=registration.event_id,
        status=Registration.Status.WAITLISTED,
        joined_at=registration.joined_at,
        pk__lt=registration.pk,
    ).count()
    return ahead + same_time + 1


# Reminders -------------------------------------------------------------------

REMINDER_HOUR = 9  # the day before, from 9:00 Paris time (the beat runs hourly)


def reminders_send(*, now=None) -> int:
    """The day before an event, remind everyone confirmed. Claimed with a conditional
    update on the local date of the start: sent once per event day (a second run, a second
    worker send nothing), and again only if the event moves to another day."""
    now = now or timezone.now()
    if timezone.localtime(now).hour < REMINDER_HOUR:
        return 0
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    sent = 0
    candidates = Event.objects.filter(
        status=Event.Status.PUBLISHED,
        starts_at__gt=now,
        starts_at__lt=now + timedelta(days=2, hours=2),
    ).values_list("pk", "starts_at", "reminded_for")
    for pk, starts_at, reminded_for in list(candidates):
        day = timezone.localtime(starts_at).date()
        if day != tomorrow or reminded_for == day:
            continue
        with transaction.atomic():
            claimed = (
                Event.objects.filter(pk=pk, starts_at=starts_at, status=Event.Status.PUBLISHED)
                .exclude(reminded_for=day)
                .update(reminded_for=day)
            )
            if not claimed:
                continue
            event = Event.objects.get(pk=pk)
            registrations = list(event.registrations.confirmed().select_related("user"))
            emails.event_reminder(event=event, registrations=registrations)
            sent += len(registrations)
    return sent


# The private feed --------------------------------------------------------------


@transaction.atomic
def calendar_token_regenerate(*, user) -> CalendarToken:
    """A new secret address for the member's "my registrations" feed; the old one stops."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    token, _created = CalendarToken.objects.update_or_create(
        user=user,
        defaults={"token": secrets.token_urlsafe(32), "created_at": timezone.now()},
    )
    return token


@transaction.atomic
def calendar_token_revoke(*, user) -> None:
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    CalendarToken.objects.filter(user=user).delete()
