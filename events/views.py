"""The calendar's pages. Thin: check access (events.access), validate, call a service."""

import copy
import csv
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.selectors import user_is_facilitator
from actors.models import Membership, Organisation
from coexist.cache import Scope, page_cache
from coexist.forms import posted
from events import access, ics, selectors, services
from events.access import Need
from events.filters import EventFilter, parse_month
from events.forms import CancelEventForm, EventForm, RegistrationForm
from events.links import calendar_links, event_links
from events.models import Event, Registration

CALENDAR_PARAMS = frozenset({"kind", "organiser", "sdg", "mode", "month"})
CALENDAR_SCOPES = (Scope.EVENTS, Scope.DIRECTORY)


def _filterset(request: HttpRequest) -> EventFilter:
    params = request.GET.copy()
    for key in list(params):
        if key not in CALENDAR_PARAMS:
            del params[key]
    return EventFilter(
        params or None, queryset=Event.objects.all(), organisers=selectors.organiser_choices()
    )


def _calendar_context(request: HttpRequest, filterset: EventFilter) -> dict:
    return {
        "filter": filterset,
        "query": filterset.data.urlencode() if filterset.is_bound else "",
        **calendar_links(request, filterset),
    }


@require_GET
@page_cache(params=CALENDAR_PARAMS, scopes=CALENDAR_SCOPES)
def calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming events, filtered by the query string."""
    filterset = _filterset(request)
    return render(
        request,
        "events/calendar.html",
        {
            **_calendar_context(request, filterset),
            "events": selectors.upcoming(filterset=filterset),
            "view": "upcoming",
        },
    )


@require_GET
@page_cache(params=CALENDAR_PARAMS, scopes=CALENDAR_SCOPES)
def past(request: HttpRequest) -> HttpResponse:
    filterset = _filterset(request)
    return render(
        request,
        "events/calendar.html",
        {
            **_calendar_context(request, filterset),
            "events": selectors.past(filterset=filterset),
            "view": "past",
        },
    )


@require_GET
@page_cache(params=CALENDAR_PARAMS, scopes=CALENDAR_SCOPES)
def month(request: HttpRequest) -> HttpResponse:
    """A month's grid (no JavaScript): previous and next months are plain links."""
    first = parse_month(request.GET.get("month")) or timezone.localdate().replace(day=1)
    filterset = _filterset(request)
    previous = (first.replace(day=1) - timedelta(days=1)).replace(day=1)
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    others = filterset.data.copy() if filterset.is_bound else None
    if others is not None and "month" in others:
        del others["month"]
    return render(
        request,
        "events/month.html",
        {
            **_calendar_context(request, filterset),
            "first": first,
            "weeks": selectors.month_weeks(filterset=filterset, first=first),
            "previous": previous,
            "following": following,
            "other_filters": others.urlencode() if others else "",
            "view": "month",
        },
    )


@page_cache(scopes=CALENDAR_SCOPES, per_user=True)  # visitors only: members' pages are no-store
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.VIEW)
    event = selectors.event_detail(pk=event.pk)
    context = {
        "event": event,
        "places_left": None
        if event.capacity is None
        else max(0, event.capacity - event.confirmed_count),
        "registration_open": event.registration_open(),
        "started": timezone.now() >= event.starts_at,
        **selectors.viewer_context(event=event, user=request.user),
        **event_links(request, event),
    }
    if request.user.is_authenticated:
        context["form"] = RegistrationForm(
            organisations=Organisation.objects.filter(
                pk__in=[o.pk for o in context["my_organisations"]]
            )
        )
    response = render(request, "events/detail.html", context)
    if request.user.is_authenticated:
        add_never_cache_headers(response)  # the person's own state, an online link
    return response


@require_GET
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One event as a calendar file (published or cancelled events; no online link)."""
    event = access.event_for(user=request.user, slug=slug, need=Need.VIEW)
    if event.status not in (Event.Status.PUBLISHED, Event.Status.CANCELLED):
        raise Http404
    return _calendar_response(ics.calendar_bytes([event], name=event.title), f"{event.slug}.ics")


def _calendar_response(body: bytes, filename: str, *, private: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    else:
        response["Cache-Control"] = "public, max-age=900"
    return response


@require_GET
def feed_ics(request: HttpRequest) -> HttpResponse:
    """The public iCalendar feed: the calendar's filters apply (``?kind=webinar``)."""
    filterset = _filterset(request)
    return _calendar_response(
        ics.calendar_bytes(selectors.feed_events(filterset=filterset), name="CoExist"),
        "coexist.ics",
    )


@require_GET
def private_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A member's confirmed registrations at a secret address calendar apps read without a
    session (with the online links, which only registered people get)."""
    found = selectors.private_feed_events(token=token)
    if found is None:
        raise Http404
    _user, events = found
    body = ics.calendar_bytes(events, name=_("CoExist — my registrations"), with_online_link=True)
    return _calendar_response(body, "coexist-mes-inscriptions.ics", private=True)


@login_required
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.VIEW)
    organisations = Organisation.objects.filter(
        memberships__user=request.user, memberships__status=Membership.Status.ACTIVE
    )
    form = RegistrationForm(request.POST, organisations=organisations)
    if not form.is_valid():
        messages.error(request, _("Choose one of your organisations, or yourself only."))
        return redirect(event)
    try:
        registration = services.registration_create(
            event=event, user=request.user, organisation=form.cleaned_data["organisation"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(event)
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. A confirmation is on its way."))
    else:
        messages.info(
            request,
            _("The event is full: you are number %(position)s on the waiting list.")
            % {"position": services.waitlist_position(registration=registration)},
        )
    return redirect(event)


@login_required
@require_POST
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.VIEW)
    registration = get_object_or_404(Registration.objects.active(), event=event, user=request.user)
    was_waiting = registration.status == Registration.Status.WAITLISTED
    try:
        services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You left the waiting list.")
            if was_waiting
            else _("Your registration is cancelled."),
        )
    return redirect(event)


@login_required
@never_cache
@require_GET
def attendees(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.SEE_ATTENDEES)
    return render(
        request,
        "events/attendees.html",
        {"event": event, "registrations": selectors.attendees(event=event)},
    )


@login_required
@never_cache
@require_GET
def attendees_csv(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.SEE_ATTENDEES)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    response.write("\ufeff")  # spreadsheet programs read UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow(["name", "email", "organisation", "status", "position", "joined_at"])
    position = 0
    for registration in selectors.attendees(event=event):
        waiting = registration.status == Registration.Status.WAITLISTED
        position = position + 1 if waiting else position
        writer.writerow(
            [
                _safe_cell(registration.user.full_name),
                _safe_cell(registration.user.email),
                _safe_cell(registration.organisation.name if registration.organisation else ""),
                registration.status,
                position if waiting else "",
                timezone.localtime(registration.joined_at).isoformat(timespec="minutes"),
            ]
        )
    return response


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _proposable(user):
    if user_is_facilitator(user=user):
        return Organisation.objects.published().order_by("name")
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__status=Membership.Status.ACTIVE,
        memberships__role=Membership.Role.ADMIN,
    ).order_by("name")


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest) -> HttpResponse:
    organisations = _proposable(request.user)
    form = EventForm(*posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data, organisers, m2m = form.split()
        try:
            event = services.event_propose(
                by=request.user, organisers=organisers, data=data, m2m=m2m
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else _("Refused."))
        else:
            messages.success(
                request,
                _("Thank you! The event waits for review by the CSI team; you will be emailed."),
            )
            return redirect(event)
    return render(
        request,
        "events/form.html",
        {"form": form, "creating": True, "may_propose": organisations.exists()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.EDIT)
    if event.is_cancelled:
        messages.error(request, _("A cancelled event cannot be changed."))
        return redirect(event)
    organisations = _proposable(request.user) | event.organisers.all()
    form = EventForm(
        *posted(request), instance=copy.copy(event), organisations=organisations.distinct()
    )
    if request.method == "POST" and form.is_valid():
        data, organisers, m2m = form.split()
        try:
            services.event_update(
                event=event, by=request.user, data=data, m2m={**m2m, "organisers": organisers}
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else _("Refused."))
        else:
            messages.success(request, _("The event was saved."))
            return redirect(event)
    return render(
        request,
        "events/form.html",
        {"form": form, "event": event, "creating": False, "may_propose": True},
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.event_for(user=request.user, slug=slug, need=Need.EDIT)
    form = CancelEventForm(*posted(request, files=False))
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(event=event, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event is cancelled; everyone registered is told."))
            return redirect(event)
    return render(request, "events/cancel.html", {"event": event, "form": form})


@login_required
@require_POST
def feed_regenerate(request: HttpRequest) -> HttpResponse:
    services.calendar_token_regenerate(user=request.user)
    messages.success(
        request, _("Your private calendar address is new: the old one no longer works.")
    )
    return redirect("accounts:profile")


@login_required
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    services.calendar_token_revoke(user=request.user)
    messages.success(request, _("Your private calendar address was deleted."))
    return redirect("accounts:profile")
