"""Versioned cache keys, one version per kind of content: a change bumps its scope, old
entries simply expire."""

import hashlib
import re
import secrets
from collections.abc import Iterable
from enum import StrEnum
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

PAGE_TIMEOUT = 600


class Scope(StrEnum):
    """A kind of content with its own cache version: a change bumps its scope only, and
    what shows that content keys its cache on the scope's version. A new pillar adds its
    scope (projects, events…) and bumps it from its services after commit."""

    DIRECTORY = "directory"  # organisations and what they offer and need
    SUGGESTIONS = "suggestions"  # the ranked partners (bumped by every recompute)
    MEMBERSHIPS = "memberships"  # who belongs to which organisation, in which role
    PROJECTS = "projects"  # projects, their needs and partners
    EVENTS = "events"  # the calendar: events, their places left and waiting lists
    MEDIATHEQUE = "mediatheque"  # the médiathèque's resources


def _fresh_version() -> int:
    return secrets.randbelow(2**52)


def _key(scope: Scope) -> str:
    return f"version:{scope}"


def versions(*scopes: Scope) -> str:
    """The current versions of ``scopes``, as one key fragment (one cache round trip).

    A missing version (never set, or evicted) starts from a random number, never from 1:
    entries cached under an earlier version can never be served again by mistake."""
    keys = [_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _fresh_version(), timeout=None)
            found[key] = cache.get(key)
    return "-".join(f"{scope}{found[key]}" for scope, key in zip(scopes, keys, strict=True))


def bump(*scopes: Scope) -> None:
    """Invalidate what was cached for ``scopes`` (old entries simply expire)."""
    for scope in scopes:
        try:
            cache.incr(_key(scope))
        except ValueError:  # missing: start a fresh, never-used version
            cache.set(_key(scope), _fresh_version(), timeout=None)


# A page rendered for a signed-in member carries a CSRF token (the sign-out form), which is
# each browser's own: the cached copy holds this placeholder, replaced when it is served.
CSRF_PLACEHOLDER = b"@@coexist-csrf-token@@"
_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def page_viewer(request, *, per_user: bool) -> str | None:
    """Who a page is rendered for, as part of its cache key; None: never from the cache.

    A visitor with no session: "visitor" (no query at all). Anyone with a pending message
    gets a fresh page. A signed-in member: "member" or "staff" (what the navigation shows),
    or their own id for pages that differ per person (``per_user``). Reading the user
    checks the session as every request does (a password change still signs out)."""
    if request.method != "GET" or "messages" in request.COOKIES:
        return None
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return "visitor"
    if request.session.get("_messages"):
        return None
    user = request.user
    if not user.is_authenticated:
        return "visitor-with-session"
    if per_user:
        return f"user-{user.pk}"
    return "staff" if user.is_staff else "member"


MAX_CACHED_QUERY = 512  # characters: a longer query string is served, never stored


def page_cache_key(request, *, params: frozenset[str], scopes: tuple[Scope, ...]) -> str | None:
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
    return f"page:{versions(*scopes)}:{get_language()}:{digest}"


def page_cache(
    view=None,
    *,
    params: Iterable[str] = (),
    scopes: Iterable[Scope] = (Scope.DIRECTORY,),
    per_user: bool = False,
):
    """Serve whole pages from the cache, to visitors and to signed-in members alike.

    Keyed by the versions of the content ``scopes`` the page shows (bumped by every
    change of that content), the language, who it is rendered for (:func:`page_viewer`),
    the path and the view's known query parameters (``params``). A page whose response
    says ``no-store`` (people's contact details) is never stored, nor one that sets a
    cookie; the CSRF token of a cached page is each browser's own (a placeholder).
    """
    known = frozenset(params)
    shown = tuple(scopes)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            viewer = page_viewer(request, per_user=per_user)
            if viewer is None:
                return view(request, *args, **kwargs)
            key = page_cache_key(request, params=known, scopes=shown)
            if key is not None:
                key = f"{key}:{viewer}"
                cached = cache.get(key)
                if cached is not None:
                    if CSRF_PLACEHOLDER in cached:
                        cached = cached.replace(CSRF_PLACEHOLDER, get_token(request).encode())
                    return HttpResponse(cached, content_type="text/html; charset=utf-8")
            response = view(request, *args, **kwargs)
            if (
                key is not None
                and response.status_code == 200
                and not response.streaming
                and not response.cookies
                and "no-store" not in response.get("Cache-Control", "")
            ):
                content = _CSRF_FIELD.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
                cache.set(key, content, timeout=PAGE_TIMEOUT)
            return response

        return wrapper

    return decorator(view) if view is not None else decorator
