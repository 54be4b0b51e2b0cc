import json
from time import monotonic, sleep

from allauth.account.views import signup as allauth_signup
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.selectors import account_deletion_blockers, user_data_export
from coexist.forms import posted
from coexist.i18n import set_language_cookie


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(*posted(request, files=False), instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_update_profile(user=request.user, data=form.cleaned_data)
        translation.activate(user.preferred_language)
        messages.success(request, _("Your account was saved."))
        return set_language_cookie(redirect("accounts:profile"), user.preferred_language)
    return render(
        request,
        "accounts/profile.html",
        {"form": form},
    )


@login_required
@never_cache
def data_export(request: HttpRequest) -> HttpResponse:
    data = user_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="coexist-my-data-{stamp}.json"'
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    orphaned = account_deletion_blockers(user=request.user)
    form = DeleteAccountForm(*posted(request, files=False), user=request.user, orphaned=orphaned)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            services.user_delete(user=user, way_out=form.cleaned_data.get("way_out", ""))
        except services.LastAdminError as error:
            # It became the last admin of an organisation since the page was shown.
            form.add_error(
                None,
                _(
                    "You are now the last administrator of %(names)s: choose what becomes "
                    "of it, then confirm again."
                )
                % {"names": ", ".join(o.name for o in error.organisations)},
            )
            orphaned = error.organisations
            form = DeleteAccountForm(request.POST, user=user, orphaned=orphaned)
            form.is_valid()
        else:
            logout(request)
            messages.success(request, _("Your account and personal data were deleted."))
            return redirect("home")
    return render(request, "accounts/delete.html", {"form": form, "orphaned": orphaned})


def signup(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """allauth's sign-up, each posted answer lasting at least
    ``ACCOUNT_SIGNUP_DURATION_FLOOR`` seconds: a new address (an account written, a
    confirmation sent) and one that already has an account (a notice sent) then take the
    same time, and a stopwatch cannot tell members' addresses."""
    started = monotonic()
    response = allauth_signup(request, *args, **kwargs)
    if request.method == "POST":
        remaining = settings.ACCOUNT_SIGNUP_DURATION_FLOOR - (monotonic() - started)
        if remaining > 0:
            sleep(remaining)
    return response
