"""Project pages: the board, a project, its forms. Introductions are in views_introductions."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from actors import access as actors_access
from actors.selectors import page_number, query_without_page
from coexist.cache import Scope, page_cache
from coexist.forms import posted
from projects import access, selectors, services
from projects.access import Action
from projects.filters import ProjectFilter
from projects.forms import NeedForm, ProjectForm
from projects.models import Project, ProjectNeed

SORTS = {"newest", "ending", "relevance"}
BOARD_PARAMS = frozenset({*ProjectFilter.base_filters, "sort", "page"})
FILTER_PARAMS = frozenset(ProjectFilter.base_filters)


def _sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", "")
    if sort not in SORTS:
        sort = "relevance" if request.GET.get("q") else "newest"
    return sort


@page_cache(params=BOARD_PARAMS, scopes=(Scope.PROJECTS, Scope.DIRECTORY))
def board(request: HttpRequest) -> HttpResponse:
    """Projects seeking partners: filters, search, sort and pagination in the query string."""
    filterset = ProjectFilter(request.GET or None, queryset=Project.objects.public())
    sort = _sort(request)
    page = selectors.board_page(
        filterset=filterset, sort=sort, page=page_number(request.GET.get("page"))
    )
    filters = query_without_page(request.GET, params=FILTER_PARAMS)
    return render(
        request,
        "projects/board.html",
        {
            "filter": filterset,
            "sort": sort,
            "page": page,
            "query": query_without_page(request.GET, params=BOARD_PARAMS),
            "filters_query": filters,
            "searching": bool(request.GET.get("q")),
        },
    )


@page_cache(scopes=(Scope.PROJECTS, Scope.DIRECTORY, Scope.MEMBERSHIPS), per_user=True)
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for(user=request.user, slug=slug, action=Action.VIEW)
    full = selectors.project_detail(pk=project.pk)
    seen = actors_access.standing(organisation=project.owner, user=request.user)
    context = {
        "project": full,
        "needs": list(full.needs.all()),
        "partners": [
            p.second if p.first_id == full.owner_id else p.first for p in full.partnerships.all()
        ],
        "can_edit": access.allowed(seen=seen, project=full, action=Action.EDIT),
        "can_publish": access.allowed(seen=seen, project=full, action=Action.PUBLISH),
        "is_owner_member": seen.is_member,
    }
    response = render(request, "projects/detail.html", context)
    if not full.is_public:
        add_never_cache_headers(response)
    return response


def _owner_for_create(request: HttpRequest, slug: str):
    organisation = actors_access.organisation_for(
        user=request.user, slug=slug, need=actors_access.Need.SEE_PEOPLE
    )
    if not access.is_active_member(user=request.user, organisation=organisation):
        raise Http404  # a facilitator curates; projects are written by members
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, slug: str) -> HttpResponse:
    owner = _owner_for_create(request, slug)
    form = ProjectForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        data, m2m = form.split()
        try:
            project = services.project_create(owner=owner, by=request.user, data=data, m2m=m2m)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The project was saved as a draft. Add its needs, then publish it.")
            )
            return redirect("projects:needs", slug=project.slug)
    return render(request, "projects/form.html", {"form": form, "owner": owner, "creating": True})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for(user=request.user, slug=slug, action=Action.EDIT)
    form = ProjectForm(*posted(request), instance=copy.copy(project))
    if request.method == "POST" and form.is_valid():
        data, m2m = form.split()
        try:
            services.project_update(project=project, by=request.user, data=data, m2m=m2m)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The project was saved."))
            return redirect(project)
    return render(
        request,
        "projects/form.html",
        {"form": form, "owner": project.owner, "project": project, "creating": False},
    )


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for(user=request.user, slug=slug, action=Action.PUBLISH)
    if request.POST.get("unpublish"):
        services.project_unpublish(project=project, by=request.user)
        messages.success(request, _("The project is no longer published."))
    else:
        services.project_publish(project=project, by=request.user)
        if project.owner.is_published:
            messages.success(request, _("The project is published."))
        else:
            messages.info(
                request,
                _("The project is published: it will be public once your organisation is."),
            )
    return redirect(project)


@login_required
@require_http_methods(["GET", "POST"])
def needs(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for(user=request.user, slug=slug, action=Action.EDIT)
    form = NeedForm(*posted(request, files=False))
    if request.method == "POST" and form.is_valid():
        try:
            services.need_add(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The need was added."))
            return redirect("projects:needs", slug=project.slug)
    return render(
        request,
        "projects/needs.html",
        {
            "project": project,
            "form": form,
            "needs": list(selectors.project_detail(pk=project.pk).needs.all()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for(user=request.user, slug=slug, action=Action.EDIT)
    need = get_object_or_404(ProjectNeed, pk=pk, project=project)
    initial = {
        "competence": need.competence_id,
        "contribution_type": need.contribution_type_id,
        "description": need.description,
    }
    form = NeedForm(*posted(request, files=False), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_update(need=need, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The need was saved."))
            return redirect("projects:needs", slug=project.slug)
    return render(
        request, "projects/need_form.html", {"project": project, "need": need, "form": form}
    )


NEED_ACTIONS = {"fulfil": ProjectNeed.State.FULFILLED, "reopen": ProjectNeed.State.OPEN}


@login_required
@require_POST
def need_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    if action not in (*NEED_ACTIONS, "remove"):
        raise Http404
    project = access.project_for(user=request.user, slug=slug, action=Action.EDIT)
    need = get_object_or_404(ProjectNeed, pk=pk, project=project)
    if action == "remove":
        services.need_remove(need=need, by=request.user)
        messages.success(request, _("The need was removed."))
    else:
        services.need_set_state(need=need, by=request.user, state=NEED_ACTIONS[action])
        messages.success(request, _("The need was updated."))
    return redirect("projects:needs", slug=project.slug)
