import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from actors import access, selectors, services
from actors.access import Need
from actors.filters import OrganisationFilter
from actors.forms import JoinRequestForm, LeaveForm, OrganisationCreateForm, OrganisationForm
from actors.models import Membership, Organisation
from coexist.cache import Scope, page_cache, versions
from coexist.forms import posted

SORTS = {"name", "newest", "relevance"}
DIRECTORY_PARAMS = frozenset({*OrganisationFilter.base_filters, "sort", "page"})


@page_cache(params=DIRECTORY_PARAMS)
def directory(request: HttpRequest) -> HttpResponse:
    """The public directory: filters, search, sort and pagination, all in the query string."""
    filterset = OrganisationFilter(request.GET or None, queryset=Organisation.objects.published())
    # No sort chosen (the menu's first option): relevance for a search, else the name.
    sort_chosen = request.GET.get("sort", "")
    if sort_chosen not in SORTS:
        sort_chosen = ""
    sort = sort_chosen or ("relevance" if request.GET.get("q", "").strip() else "name")
    page_number = selectors.page_number(request.GET.get("page"))
    key = selectors.directory_cache_key(
        version=versions(Scope.DIRECTORY),
        language=get_language(),
        query=request.GET,
        page=page_number,
        params=DIRECTORY_PARAMS,
    )
    # The bare directory (no query string, an unbound filterset) is the most visited page.
    cacheable = filterset.is_valid() or not filterset.is_bound
    body_html = cache.get(key) if cacheable else None
    if body_html is None:
        page = selectors.directory_page(filterset=filterset, sort=sort, page=page_number)
        body_html = render_to_string(
            "actors/_directory_body.html",
            {
                "filter": filterset,
                "sort": sort,
                "sort_chosen": sort_chosen,
                "page": page,
                "query": selectors.query_without_page(request.GET, params=DIRECTORY_PARAMS),
                "back_query": selectors.directory_back_query(
                    request.GET, params=DIRECTORY_PARAMS, page=page.number
                ),
                "searching": bool(request.GET.get("q")),
                # Open the folded filters when some are set (small screens fold them).
                "filters_active": sum(
                    1
                    for name in OrganisationFilter.base_filters
                    if any(value.strip() for value in request.GET.getlist(name))
                ),
            },
        )
        cache.set(key, body_html, timeout=600)
    return render(request, "actors/directory.html", {"body_html": body_html})


@page_cache(
    params=("back",),
    scopes=(
        Scope.DIRECTORY,
        Scope.SUGGESTIONS,
        Scope.MEMBERSHIPS,
        Scope.PROJECTS,
        Scope.MEDIATHEQUE,
    ),
    per_user=True,
)
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.organisation_for(user=request.user, slug=slug, need=Need.VIEW)
    key = f"org:{organisation.pk}:{versions(Scope.DIRECTORY)}:{get_language()}"
    body_html = cache.get(key)
    if body_html is None:
        full = selectors.organisation_detail(pk=organisation.pk)
        body_html = render_to_string("actors/_organisation_body.html", {"organisation": full})
        cache.set(key, body_html, timeout=3600)
    context = {
        "organisation": organisation,
        "body_html": body_html,
        # "Back to the directory" returns to the search it came from (?back=…).
        "directory_url": selectors.directory_back_url(
            request.GET.get("back", ""), params=DIRECTORY_PARAMS
        ),
    }
    if request.user.is_authenticated:
        context.update(
            selectors.organisation_viewer_context(organisation=organisation, user=request.user)
        )
    response = render(request, "actors/detail.html", context)
    if context.get("people_visible"):
        add_never_cache_headers(response)  # people's contact details: private, no-store
    return response


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    form = OrganisationCreateForm(*posted(request))
    similar = []
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["not_a_duplicate"]:
            similar = selectors.organisations_named_like(name=form.cleaned_data["name"])
        if not similar:
            data, m2m, needs = form.split()
            try:
                organisation = services.organisation_create(
                    by=request.user,
                    data=data,
                    m2m=m2m,
                    needs=needs,
                    submission=form.cleaned_data["submission"],
                )
            except services.AlreadySubmitted as replay:
                messages.info(
                    request,
                    _("This form was already sent: %(name)s exists, nothing was created twice.")
                    % {"name": replay.organisation.name},
                )
                return redirect(replay.organisation)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! %(name)s is waiting for review by the CSI team; "
                        "you will receive an email once it is published."
                    )
                    % {"name": organisation.name},
                )
                return redirect(organisation)
    return render(request, "actors/form.html", {"form": form, "creating": True, "similar": similar})


def _editable(request: HttpRequest, slug: str) -> Organisation:
    return access.organisation_for(user=request.user, slug=slug, need=Need.EDIT)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _editable(request, slug)
    # The form gets a copy: validating writes the typed values on its instance, and the
    # page must keep naming the organisation as it is saved when the input is refused.
    form = OrganisationForm(*posted(request), instance=copy.copy(organisation))
    if request.method == "POST" and form.is_valid():
        data, m2m, needs = form.split()
        was_verified = organisation.verified
        try:
            services.organisation_update(
                organisation=organisation, by=request.user, data=data, m2m=m2m, needs=needs
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The profile was saved."))
            if was_verified and not organisation.verified:
                messages.warning(
                    request,
                    _(
                        "You changed the organisation's identity: the “verified by the CSI” "
                        "badge is removed until the CSI team checks it again."
                    ),
                )
            return redirect(organisation)
    return render(
        request, "actors/form.html", {"form": form, "organisation": organisation, "creating": False}
    )


@login_required
@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _editable(request, slug)
    services.organisation_submit(organisation=organisation, by=request.user)
    messages.success(request, _("The organisation was sent for review."))
    return redirect(organisation)


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.published(), slug=slug)
    form = JoinRequestForm(*posted(request, files=False))
    if request.method == "POST" and form.is_valid():
        membership = services.membership_request(
            organisation=organisation, user=request.user, message=form.cleaned_data["message"]
        )
        if membership.status == Membership.Status.ACTIVE:
            messages.info(
                request, _("You are already a member of %(name)s.") % {"name": organisation.name}
            )
        elif selectors.organisation_admin_recipients(organisation=organisation):
            messages.success(
                request,
                _("Your request was sent to the administrators of %(name)s.")
                % {"name": organisation.name},
            )
        else:
            messages.success(
                request,
                _(
                    "%(name)s has no administrator on CoExist yet: your request was sent "
                    "to the CSI team, who will answer it."
                )
                % {"name": organisation.name},
            )
        return redirect(organisation)
    return render(request, "actors/join.html", {"organisation": organisation, "form": form})


@login_required
@never_cache
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _editable(request, slug)
    return render(
        request,
        "actors/members.html",
        {
            "organisation": organisation,
            "memberships": selectors.organisation_memberships(organisation=organisation),
        },
    )


MEMBERSHIP_ACTIONS = {"accept", "decline", "promote", "demote", "remove"}


@login_required
@require_POST
def membership_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    if action not in MEMBERSHIP_ACTIONS:
        raise Http404
    organisation = _editable(request, slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    try:
        with transaction.atomic():
            if action == "accept":
                services.membership_accept(membership=membership, by=request.user)
                messages.success(
                    request, _("%(user)s is now a member.") % {"user": membership.user}
                )
            elif action == "decline":
                services.membership_decline(membership=membership, by=request.user)
                messages.success(request, _("The request was declined."))
            elif action in ("promote", "demote"):
                role = Membership.Role.ADMIN if action == "promote" else Membership.Role.MEMBER
                services.membership_set_role(membership=membership, by=request.user, role=role)
                messages.success(request, _("The role was changed."))
            else:
                services.membership_end(membership=membership, by=request.user)
                messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("actors:members", slug=organisation.slug)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    """Leave an organisation, after a page that says what it means; its last administrator
    chooses there what becomes of it (hand it to the CSI team, or have it archived)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    membership = get_object_or_404(
        Membership, organisation=organisation, user=request.user, status=Membership.Status.ACTIVE
    )
    last_admin = selectors.is_last_admin(organisation=organisation, user=request.user)
    form = LeaveForm(*posted(request, files=False), last_admin=last_admin)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(
                membership=membership,
                by=request.user,
                way_out=form.cleaned_data.get("way_out", ""),
            )
        except ValidationError as error:
            # It became the last admin since the page was shown: ask for the way out.
            form = LeaveForm(request.POST, last_admin=True)
            form.is_valid()
            form.add_error(None, error)
            last_admin = True
        else:
            messages.success(request, _("You left %(name)s.") % {"name": organisation.name})
            return redirect("accounts:profile")
    return render(
        request,
        "actors/leave.html",
        {
            "organisation": organisation,
            "leaving": [organisation],
            "form": form,
            "last_admin": last_admin,
        },
    )
