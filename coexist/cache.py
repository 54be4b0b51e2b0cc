"""Versioned cache keys: a change bumps the version, old entries simply expire."""

import hashlib
from collections.abc import Iterable
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


MAX_CACHED_QUERY = 512  # characters: a longer query string is served, never stored


def page_cache_key(request, *, params: frozenset[str]) -> str | None:
    """The cache key of a page for anonymous visitors, or None when it must not be stored.

    Keyed on the path and the *known* parameters only, sorted: a query string with any
    other parameter (``?utm_source=…``, random junk) is rendered but never stored, so
    visitors cannot fill the cache with copies of one page.
    """
    if any(name not in params for name in request.GET):
        return None
    items = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    query = repr(items)
    if len(query) > MAX_CACHED_QUERY:
        return None
    digest = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()[:40]
    return f"page:{directory_version()}:{get_language()}:{digest}"


def anonymous_page_cache(view=None, *, params: Iterable[str] = ()):
    """Serve whole pages to anonymous visitors from the cache.

    Keyed by the directory version (bumped on every change of an organisation),
    the language, the path and the view's known query parameters (``params``).
    Signed-in members, and visitors with a session or a pending message, always get a
    freshly rendered page. Cached pages hold no CSRF token (the language switcher is
    a GET form).
    """
    known = frozenset(params)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _anonymous_and_stateless(request):
                return view(request, *args, **kwargs)
            key = page_cache_key(request, params=known)
            if key is not None:
                cached = cache.get(key)
                if cached is not None:
                    return HttpResponse(cached, content_type="text/html; charset=utf-8")
            response = view(request, *args, **kwargs)
            if (
                key is not None
                and response.status_code == 200
                and not response.streaming
                and not response.cookies
                and b"csrfmiddlewaretoken" not in response.content
            ):
                cache.set(key, response.content, timeout=PAGE_TIMEOUT)
            return response

        return wrapper

    return decorator(view) if view is not None else decorator
