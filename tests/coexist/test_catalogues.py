"""The French catalogue is complete: every string the site shows has a translation."""

import re
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


# French typography (issue 8, item 19): a non-breaking space (U+00A0, or the narrow
# U+202F) before ":", ";", "!" and "?", never a plain space nor none. Markup, URLs,
# placeholders and clock times are not French text and are left out.
_NOT_TEXT = re.compile(
    r"<[^>]*>"  # tags and their attributes (href="…?…")
    r"|\w+://\S*"  # URLs
    r"|%\(\w+\)[sd]|\{\{[^}]*\}\}"  # placeholders
    r"|\d+:\d+"  # times
    r"|&\w+;"  # entities
)
_BAD_PUNCTUATION = re.compile(r"(?<![\u00a0\u202f])[:;!?]")


def french_typography_errors(text: str) -> list[str]:
    bare = _NOT_TEXT.sub("", text)
    return [bare[max(0, m.start() - 15) : m.end()] for m in _BAD_PUNCTUATION.finditer(bare)]


def test_french_strings_put_a_non_breaking_space_before_high_punctuation():
    errors = {}
    for entry in catalogue("fr").translated_entries():
        texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        found = [error for text in texts for error in french_typography_errors(text)]
        if found:
            errors[entry.msgid] = found
    assert errors == {}


def test_the_typography_check_catches_what_it_should():
    assert french_typography_errors("Attention : ceci") == ["Attention :"]
    assert french_typography_errors("Attention: ceci") == ["Attention:"]
    assert french_typography_errors("Vraiment\u00a0?") == []
    assert french_typography_errors('<a href="/x?y=1">lien</a>, https://a.example, 10:30') == []
