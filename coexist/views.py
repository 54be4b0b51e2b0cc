import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from coexist import selectors
from coexist.cache import Scope, page_cache, versions
from coexist.i18n import safe_next, set_language_cookie

logger = logging.getLogger(__name__)


@require_GET
def switch_language(request: HttpRequest) -> HttpResponse:
    """Change the interface language: a GET form, so cached pages need no CSRF token.

    It only sets the (strictly necessary) language cookie and redirects back.
    """
    language = request.GET.get("language", "")
    response = redirect(safe_next(request))
    if language in dict(settings.LANGUAGES):
        set_language_cookie(response, language)
    return response


@page_cache
def home(request: HttpRequest) -> HttpResponse:
    key = f"home:{versions(Scope.DIRECTORY)}:{get_language()}"
    body_html = cache.get(key)
    if body_html is None:
        body_html = render_to_string(
            "coexist/_home_body.html",
            {
                "figures": selectors.key_figures(),
                "newest": selectors.newest_organisations(),
            },
        )
        cache.set(key, body_html, timeout=600)
    return render(request, "coexist/home.html", {"body_html": body_html})


def legal_notice(request: HttpRequest) -> HttpResponse:
    legal = {
        "director": settings.LEGAL_PUBLICATION_DIRECTOR,
        "host_name": settings.LEGAL_HOST_NAME,
        "host_address": settings.LEGAL_HOST_ADDRESS,
        "host_phone": settings.LEGAL_HOST_PHONE,
    }
    return render(request, "coexist/legal_notice.html", {"legal": legal})


def contact(request: HttpRequest) -> HttpResponse:
    """How to reach the CSI team: every "contact us" of the site links here."""
    csi = {
        "email": settings.CSI_CONTACT_EMAIL,
        "phone": settings.CSI_CONTACT_PHONE,
        "address_lines": [line.strip() for line in settings.CSI_CONTACT_ADDRESS.split(",")],
    }
    return render(request, "coexist/contact.html", {"csi": csi})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "coexist/privacy.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "coexist/accessibility.html")


def _check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("healthz: database check failed")
        return False


def _check_broker() -> bool | None:
    """None when no broker is configured (eager Celery)."""
    if not settings.REDIS_URL:
        return None
    try:
        import redis

        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1
        )
        return bool(client.ping())
    except Exception:  # noqa: BLE001 - any failure means "down"
        logger.warning("healthz: broker check failed")
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = _check_database()
    broker = _check_broker()
    healthy = database and broker is not False
    body = {
        "status": "ok" if healthy else "error",
        "database": "ok" if database else "error",
        "broker": {None: "not configured", True: "ok", False: "error"}[broker],
    }
    return JsonResponse(body, status=200 if healthy else 503)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico: the icon is a static file (resolved at request time,
    once the static files are collected)."""
    from django.http import HttpResponsePermanentRedirect
    from django.templatetags.static import static

    return HttpResponsePermanentRedirect(static("favicon.svg"))
