"""Suggested partners: the organisation's private list, and the public complementary block."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from actors import access
from actors.access import Need
from actors.models import Organisation
from coexist.cache import Scope, versions
from matching import selectors, services
from matching.models import Suggestion


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    """The organisation if this user may see its suggestions (members, facilitators)."""
    return access.organisation_for(
        user=request.user,
        slug=slug,
        need=Need.SEE_SUGGESTIONS,
        queryset=Organisation.objects.select_related("kind", "suggestion_ranking"),
    )


@login_required
@never_cache
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    if not hasattr(organisation, "suggestion_ranking"):
        # Never ranked: queued now (computed at once where Celery runs eagerly, in dev).
        services.suggestions_first_ranking(organisation=organisation)
    board = selectors.suggestions_dashboard(organisation=organisation)
    undo = None
    if request.GET.get("dismissed", "").isdigit():
        undo = next((s for s in board.dismissed if s.pk == int(request.GET["dismissed"])), None)
    if board.new_count:
        # A read that writes, on purpose: "new" means "not yet shown to this organisation",
        # so showing the list is what makes it seen (the digest and the badge count on it).
        # Idempotent, and the page is rendered from the list read above.
        services.suggestions_mark_seen(organisation=organisation, by=request.user)
    return render(
        request,
        "matching/dashboard.html",
        {"organisation": organisation, "board": board, "undo": undo},
    )


ACTIONS = {
    "dismiss": services.suggestion_dismiss,
    "restore": services.suggestion_restore,
    "contact": services.suggestion_mark_contacted,
    "uncontact": services.suggestion_unmark_contacted,
}


@login_required
@require_POST
def suggestion_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    organisation = _organisation(request, slug)
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("organisation", "candidate"),
        pk=pk,
        organisation=organisation,
    )
    ACTIONS[action](suggestion=suggestion, by=request.user)
    url = reverse("matching:dashboard", kwargs={"slug": organisation.slug})
    name = suggestion.candidate.name
    if action == "dismiss":
        # The page offers to undo it.
        return redirect(f"{url}?dismissed={suggestion.pk}")
    if action == "restore":
        messages.success(request, _("%(name)s is back in your suggestions.") % {"name": name})
    elif action == "contact":
        messages.success(request, _("%(name)s is marked as contacted.") % {"name": name})
    else:
        messages.success(request, _("%(name)s is no longer marked as contacted.") % {"name": name})
    return redirect(f"{url}#suggestion-{suggestion.pk}")


def complementary_html(*, organisation: Organisation) -> str:
    """The "complementary organisations" block of a public organisation page.

    Cached per organisation, language and the versions of the suggestions (bumped after
    every recompute) and of the directory (bumped by every change of an organisation).
    """
    # The candidates' names and kinds come from the directory: both scopes.
    key = f"complementary:{organisation.pk}:{versions(Scope.SUGGESTIONS, Scope.DIRECTORY)}"
    key += f":{get_language()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "matching/_complementary.html",
            {
                "suggestions": selectors.complementary_organisations(organisation=organisation),
                "organisation": organisation,
            },
        )
        cache.set(key, html, timeout=3600)
    return html
