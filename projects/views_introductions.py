"""Introductions (asking, answering, brokering) and the organisation's private dashboard."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.selectors import user_is_facilitator
from actors import access as actors_access
from actors.models import Organisation
from actors.selectors import user_memberships
from coexist.forms import is_possible_key, posted
from projects import access, introductions, selectors, services
from projects.access import Action
from projects.forms import BrokerForm, DeclineForm, IntroductionRequestForm
from projects.models import Introduction, Project, ProjectNeed

slug_re = re.compile(r"[-a-zA-Z0-9_]+")


def _about(request: HttpRequest) -> tuple[Project | None, ProjectNeed | None]:
    """The project (``?project=slug``) and need (``?need=id``) a request is about."""
    source = request.POST if request.method == "POST" else request.GET
    project = need = None
    slug = (source.get("project") or "")[:220]
    if slug and not slug_re.fullmatch(slug):
        raise Http404  # not a slug (PostgreSQL refuses a NUL byte in a query: no 500)
    if slug:
        project = access.project_for(user=request.user, slug=slug, action=Action.VIEW)
    raw = source.get("need") or ""
    if raw:
        if not is_possible_key(ProjectNeed._meta.pk, raw):
            raise Http404
        need = get_object_or_404(ProjectNeed.objects.select_related("project__owner"), pk=raw)
        if not access.can(user=request.user, project=need.project, action=Action.VIEW):
            raise Http404
        project = need.project
    return project, need


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def request_introduction(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask to be introduced to the organisation ``slug``, on behalf of one of yours."""
    to_organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    project, need = _about(request)
    mine = [
        m.organisation
        for m in user_memberships(user=request.user)
        if m.status == "active" and m.organisation_id != to_organisation.pk
    ]
    form = IntroductionRequestForm(*posted(request, files=False), organisations=mine)
    ask_facilitators = False
    if request.method == "POST" and form.is_valid():
        try:
            introductions.introduction_request(
                from_organisation=form.cleaned_data["from_organisation"],
                to_organisation=to_organisation,
                by=request.user,
                message=form.cleaned_data["message"],
                project=project,
                need=need,
            )
        except ValidationError as error:
            ask_facilitators = any(
                e.code == introductions.ASK_FACILITATORS for e in error.error_list
            )
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your request was sent to %(name)s. They have %(days)s days to answer; "
                    "you will be emailed either way."
                )
                % {"name": to_organisation.name, "days": introductions.REPLY_DAYS},
            )
            return redirect("projects:dashboard", slug=form.cleaned_data["from_organisation"].slug)
    return render(
        request,
        "projects/introduction_request.html",
        {
            "to_organisation": to_organisation,
            "project": project,
            "need": need,
            "form": form,
            "has_organisations": bool(mine),
            "ask_facilitators": ask_facilitators,
        },
    )


@login_required
@never_cache
def introduction(request: HttpRequest, pk: int) -> HttpResponse:
    """The introduction as each side sees it: the answer form for the receiver's admins;
    the contact people of both sides once accepted, never before."""
    found = access.introduction_for(user=request.user, pk=pk)
    sides = (
        access.sides_answerable(user=request.user, introduction=found) if found.is_pending else []
    )
    contacts = {}
    if found.state == Introduction.State.ACCEPTED:
        contacts = {
            "from": selectors.contact_people(
                introduction=found, organisation=found.from_organisation
            ),
            "to": selectors.contact_people(introduction=found, organisation=found.to_organisation),
        }
    return render(
        request,
        "projects/introduction.html",
        {
            "introduction": found,
            "sides": sides,
            "decline_form": DeclineForm(),
            "contacts": contacts,
            # Before acceptance the receiver sees the organisation and the message, not who
            # wrote it (a person's name is a contact detail, PRODUCT.md).
            "show_requester": found.state == Introduction.State.ACCEPTED
            or user_is_facilitator(user=request.user)
            or access.is_active_member(user=request.user, organisation=found.from_organisation),
        },
    )


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    found = access.introduction_for(user=request.user, pk=pk)
    try:
        introductions.introduction_accept(introduction=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if found.state == Introduction.State.ACCEPTED:
            messages.success(
                request, _("Accepted: both sides received each other's contact people.")
            )
        else:
            messages.success(request, _("Accepted: the other organisation is still to answer."))
    return redirect(found)


@login_required
@require_http_methods(["GET", "POST"])
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    found = access.introduction_for(user=request.user, pk=pk)
    if not access.sides_answerable(user=request.user, introduction=found):
        if found.is_pending:
            raise Http404
        return redirect(found)
    form = DeclineForm(*posted(request, files=False))
    if request.method == "POST" and form.is_valid():
        try:
            introductions.introduction_decline(
                introduction=found,
                by=request.user,
                reason=form.cleaned_data["reason"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Declined: they were told politely."))
            return redirect(found)
    return render(request, "projects/decline.html", {"introduction": found, "form": form})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def broker(request: HttpRequest) -> HttpResponse:
    """A facilitator introduces two organisations (double opt-in)."""
    if not user_is_facilitator(user=request.user):
        raise Http404
    form = BrokerForm(*posted(request, files=False))
    if request.method == "POST" and form.is_valid():
        first = Organisation.objects.filter(slug=form.cleaned_data["first"]).first()
        second = Organisation.objects.filter(slug=form.cleaned_data["second"]).first()
        if first is None or second is None:
            form.add_error(None, _("No organisation has this slug."))
        else:
            try:
                created = introductions.introduction_broker(
                    first=first,
                    second=second,
                    by=request.user,
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Both organisations were asked."))
                return redirect(created)
    return render(request, "projects/broker.html", {"form": form})


@login_required
@never_cache
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's home inside CoExist, for its members (and the facilitators)."""
    organisation = actors_access.organisation_for(
        user=request.user, slug=slug, need=actors_access.Need.SEE_PEOPLE
    )
    context = selectors.dashboard(organisation=organisation, user=request.user)
    context["organisation"] = organisation
    context["is_member"] = access.is_active_member(user=request.user, organisation=organisation)
    return render(request, "projects/dashboard.html", context)


@login_required
@require_POST
def contact_consent(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = actors_access.organisation_for(
        user=request.user, slug=slug, need=actors_access.Need.SEE_PEOPLE
    )
    if not access.is_active_member(user=request.user, organisation=organisation):
        raise Http404
    agreed = services.contact_consent_set(
        organisation=organisation, by=request.user, agreed=bool(request.POST.get("agreed"))
    )
    messages.success(
        request,
        _("Your contact details will be shared with accepted introductions.")
        if agreed
        else _("Your contact details will no longer be shared with introductions."),
    )
    return redirect("projects:dashboard", slug=organisation.slug)
