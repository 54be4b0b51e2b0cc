"""Who may see or do what with an event: the one place these rules are written.

The same model as ``actors/access.py``: views call :func:`event_for` first (the event,
or ``Http404``: an event that is not published does not exist for outsiders, nor does
its attendee list); services check again with :func:`ensure` (``PermissionDenied``).

Organisers are the active admins of the event's organiser organisations.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.selectors import user_is_facilitator
from actors.models import Membership
from events.models import Event


class Need(StrEnum):
    VIEW = "view"  # the event's page (public once published or cancelled)
    EDIT = "edit"  # change, cancel (organisers, facilitators)
    SEE_ATTENDEES = "see_attendees"  # who is registered, the CSV export
    PUBLISH = "publish"  # the review: facilitators only


def is_organiser(*, event: Event, user) -> bool:
    """An active admin of one of the event's organiser organisations (one query)."""
    if user is None or not user.is_authenticated or event.pk is None:
        return False
    return Membership.objects.admins().filter(user=user, organisation__events=event).exists()


def may_propose_for(*, user, organisation) -> bool:
    """Propose an event in an organisation's name: its admins and facilitators."""
    if user is None or not user.is_authenticated:
        return False
    if user_is_facilitator(user=user):
        return True
    return Membership.objects.admins().filter(user=user, organisation=organisation).exists()


def can(*, user, event: Event, need: Need) -> bool:
    if need is Need.VIEW and event.status in (Event.Status.PUBLISHED, Event.Status.CANCELLED):
        return True  # no query for the most common question
    if user is None or not user.is_authenticated:
        return False
    if user_is_facilitator(user=user):
        return True
    if need is Need.PUBLISH:
        return False
    if need in (Need.VIEW, Need.EDIT, Need.SEE_ATTENDEES):
        return is_organiser(event=event, user=user)
    raise ValueError(f"unknown need {need!r}")


def ensure(*, user, event: Event, need: Need) -> None:
    if not can(user=user, event=event, need=need):
        raise PermissionDenied


def event_for(*, user, slug: str, need: Need, queryset=None) -> Event:
    """For views: the event with this slug if ``user`` may do ``need``, else 404."""
    event = get_object_or_404(queryset if queryset is not None else Event.objects.all(), slug=slug)
    if not can(user=user, event=event, need=need):
        raise Http404
    return event
