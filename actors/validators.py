"""Validators for what organisations type or upload."""

import contextlib
import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Detected format -> the extension the stored file gets (never the uploader's name).
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
LOGO_MAX_PIXELS = 4000 * 4000

# French (0X XX XX XX XX, +33 X XX XX XX XX) and Swiss (0XX XXX XX XX,
# +41 XX XXX XX XX) numbers, with spaces, dots, dashes or nothing between groups.
_PHONE_SEPARATORS = re.compile(r"[\s.\-/()]")
_PHONE_PATTERNS = (
    re.compile(r"^0[1-9]\d{8}$"),  # France or Switzerland, national notation
    re.compile(r"^(?:\+|00)33[1-9]\d{8}$"),  # France, international
    re.compile(r"^(?:\+|00)41[1-9]\d{8}$"),  # Switzerland, international
    re.compile(r"^(?:\+|00)(?:33|41)0[1-9]\d{8}$"),  # +33 (0)1 …, a common habit
)


def normalise_phone(value: str) -> str:
    return _PHONE_SEPARATORS.sub("", value or "")


def validate_phone(value: str) -> None:
    if not value:
        return
    compact = normalise_phone(value)
    if not any(pattern.match(compact) for pattern in _PHONE_PATTERNS):
        raise ValidationError(
            _("Enter a French or Swiss phone number, e.g. 04 50 12 34 56 or +41 22 123 45 67."),
            code="invalid_phone",
        )


def validate_logo(file) -> None:
    """Check an uploaded logo by its content: a real image, an allowed format, a bounded size."""
    if not file:
        return
    size = getattr(file, "size", 0) or 0
    if size > settings.LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large (%(size)s MB); the limit is %(limit)s MB."),
            code="logo_too_large",
            params={
                "size": f"{size / 1024 / 1024:.1f}",
                "limit": settings.LOGO_MAX_BYTES // 1024 // 1024,
            },
        )
    from PIL import Image, UnidentifiedImageError

    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a PNG, JPEG or WebP file."),
            code="logo_not_image",
        ) from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            file.seek(position)
    if image_format not in LOGO_FORMATS:
        raise ValidationError(
            _("Upload a PNG, JPEG or WebP image (this one is %(format)s)."),
            code="logo_format",
            params={"format": image_format},
        )
    if width * height > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("The image is too large in pixels; at most 4000 × 4000."),
            code="logo_pixels",
        )


def logo_format(file) -> str | None:
    """The image format Pillow detects in the content (PNG, JPEG, WEBP), or None."""
    from PIL import Image, UnidentifiedImageError

    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            return image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    finally:
        with contextlib.suppress(OSError, ValueError):
            file.seek(position)


def logo_filename(*, organisation, upload) -> str:
    """The stored name of an uploaded logo: the organisation's slug and the extension of
    the format detected in the content (a PNG named ``logo.pdf`` is stored as ``.png``)."""
    extension = LOGO_FORMATS.get(logo_format(upload) or "", "img")
    stem = (organisation.slug or "logo")[:80]
    return f"{stem}.{extension}"


def logo_delete_after_commit(*, name: str) -> None:
    """Delete a logo file that nothing uses any more, once the change is committed."""
    from django.core.files.storage import default_storage
    from django.db import transaction

    def delete() -> None:
        from actors.models import Organisation

        if not Organisation.objects.filter(logo=name).exists():
            default_storage.delete(name)

    transaction.on_commit(delete)


def validate_languages(value) -> None:
    """Working languages: a list of ISO 639-1 codes (the JSON field would take any JSON)."""
    from actors.languages import is_language_code

    if not isinstance(value, list) or not all(
        isinstance(code, str) and is_language_code(code) for code in value
    ):
        raise ValidationError(
            _("Choose working languages from the list of ISO 639-1 codes."),
            code="invalid_languages",
        )


_website_url = URLValidator(schemes=["http", "https"])


def normalise_website(value: str) -> str:
    """An http(s) address as stored: trimmed, scheme and host in lower case."""
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def validate_website(value: str) -> None:
    """http(s) only, to a host named plainly: no user part (``https://evil.example\\@a.org``
    sends a browser to evil.example) and no backslash, which browsers read as a slash."""
    if not value:
        return
    message = _("Enter an http(s) address, e.g. https://example.org.")
    if "\\" in value or any(ord(c) < 33 for c in value):
        raise ValidationError(message, code="invalid_website")
    try:
        _website_url(value)
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except (ValidationError, ValueError):
        raise ValidationError(message, code="invalid_website") from None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or not parts.hostname:
        raise ValidationError(message, code="invalid_website")


def website_host(value: str) -> str:
    """The host a link really goes to, as the browser reads it (internationalised names in
    their ASCII form, so that a look-alike shows as what it is)."""
    try:
        host = urlsplit(value or "").hostname or ""
        return host.encode("idna").decode("ascii") if host else ""
    except (ValueError, UnicodeError):
        return host
