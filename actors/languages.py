"""Working languages: the 184 ISO 639-1 codes, named in French or English (pycountry).

Django's own language list only knows the languages it is translated into,
which leaves out Wolof, Malagasy, Bambara… spoken where members work.
"""

import gettext
from functools import cache

import pycountry
from django.utils.translation import get_language


@cache
def _names(language: str) -> dict[str, str]:
    translation = gettext.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    return {
        entry.alpha_2: translation.gettext(entry.name)
        for entry in pycountry.languages
        if hasattr(entry, "alpha_2")
    }


def _active() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def is_language_code(code: str) -> bool:
    return code in _names("en")


def language_name(code: str) -> str:
    return _names(_active()).get(code, code)


def language_choices() -> list[tuple[str, str]]:
    names = _names(_active())
    return sorted(((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1])
