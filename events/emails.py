"""Emails about events, queued through the outbox; each person in their own language.

Messages to attendees are personal (a position on the waiting list, their own link):
one message per person, never a list of recipients that would show who comes.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.selectors import FACILITATORS_GROUP
from actors.models import Membership
from coexist.emails import absolute_url, email_queue
from events.ics import event_attachment


def _context(event, **extra) -> dict:
    return {
        "event": event,
        "event_url": absolute_url(event.get_absolute_url()),
        "ics_url": absolute_url(reverse("events:event_ics", kwargs={"slug": event.slug})),
        **extra,
    }


def _to_person(user, *, template: str, event, attach: bool = False, **extra) -> None:
    email_queue(
        to=[user.email],
        language=user.preferred_language or "fr",
        template=f"events/emails/{template}",
        context=_context(event, user=user, attached=attach, **extra),
        attachments=[event_attachment(event)] if attach else None,
        about=[user],
    )


def registration_confirmed(*, registration) -> None:
    _to_person(registration.user, template="confirmed", event=registration.event, attach=True)


def registration_waitlisted(*, registration, position: int | None) -> None:
    _to_person(
        registration.user, template="waitlisted", event=registration.event, position=position
    )


def registration_promoted(*, registration) -> None:
    _to_person(registration.user, template="promoted", event=registration.event, attach=True)


def registration_cancelled(*, registration) -> None:
    _to_person(registration.user, template="left", event=registration.event)


def event_changed(*, event, registrations) -> None:
    for registration in registrations:
        _to_person(
            registration.user,
            template="changed",
            event=event,
            attach=registration.status == registration.Status.CONFIRMED,
            registration=registration,
        )


def event_cancelled(*, event, registrations) -> None:
    for registration in registrations:
        _to_person(registration.user, template="cancelled", event=event, attach=True)


def event_reminder(*, event, registrations) -> None:
    for registration in registrations:
        _to_person(registration.user, template="reminder", event=event, attach=True)


def _facilitators() -> list[tuple[str, str]]:
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=FACILITATORS_GROUP)
        .values_list("email", "preferred_language")
        .distinct()
    )


def review_requested(*, event) -> None:
    """Tell the facilitators that an event waits for review."""
    review_url = absolute_url(reverse("admin:events_event_change", args=[event.pk]))
    by_language: dict[str, list[str]] = {}
    for address, language in _facilitators():
        by_language.setdefault(language or "fr", []).append(address)
    for language, addresses in sorted(by_language.items()):
        email_queue(
            to=addresses,
            language=language,
            template="events/emails/review_requested",
            context=_context(event, review_url=review_url),
        )


def event_published(*, event) -> None:
    """Tell the organisers' admins their event is in the calendar."""
    admins = (
        Membership.objects.admins()
        .filter(organisation__events=event, user__is_active=True)
        .select_related("user")
    )
    for user in {membership.user for membership in admins}:
        _to_person(user, template="published", event=event)
