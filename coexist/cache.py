"""Versioned cache keys: a change bumps the version, old entries simply expire."""

from django.core.cache import cache

DIRECTORY_VERSION_KEY = "directory:version"


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
