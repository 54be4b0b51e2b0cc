"""Versioned cache keys: a change bumps the version, old entries simply expire."""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

DIRECTORY_VERSION_KEY = "directory:version"
PAGE_TIMEOUT = 600


def directory_version() -> int:
    version = cache.get(DIRECTORY_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(DIRECTORY_VERSION_KEY, version, timeout=None)
    return version


def bump_directory_version() -> None:
    try:
        cache.incr(DIRECTORY_VERSION_KEY)
    except ValueError:
        cache.set(DIRECTORY_VERSION_KEY, 2, timeout=None)


def _anonymous_and_stateless(request) -> bool:
    """A visitor with no session and no pending message: the page is the same for all."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def anonymous_page_cache(view):
    """Serve whole pages to anonymous visitors from the cache.

    Keyed by the directory version (bumped on every change of an organisation),
    the language and the full path. Signed-in members, and visitors with a
    session or a pending message, always get a freshly rendered page. Cached
    pages hold no CSRF token (the language switcher is a GET form).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _anonymous_and_stateless(request):
            return view(request, *args, **kwargs)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:40]
        key = f"page:{directory_version()}:{get_language()}:{digest}"
        cached = cache.get(key)
        if cached is not None:
            return HttpResponse(cached, content_type="text/html; charset=utf-8")
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and b"csrfmiddlewaretoken" not in response.content
        ):
            cache.set(key, response.content, timeout=PAGE_TIMEOUT)
        return response

    return wrapper
