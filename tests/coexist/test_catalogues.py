"""The French catalogue is complete: every string the site shows has a translation."""

from pathlib import Path

import polib
from django.conf import settings


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    )


def test_every_french_string_is_translated_and_none_is_fuzzy():
    french = catalogue("fr")
    assert len(french) > 300
    assert [entry.msgid for entry in french.untranslated_entries()] == []
    assert [entry.msgid for entry in french.fuzzy_entries()] == []


def test_french_translations_keep_their_placeholders():
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]")
    for entry in catalogue("fr").translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(placeholder.findall(entry.msgid)) == sorted(
            placeholder.findall(entry.msgstr)
        ), entry.msgid


def test_the_english_catalogue_exists_and_falls_back_to_the_source():
    english = catalogue("en")
    assert english.metadata.get("Language") == "en"
    assert len(english) == len(catalogue("fr"))
