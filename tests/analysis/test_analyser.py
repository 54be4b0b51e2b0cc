"""CoExist's one analyser: what the SQLite search and the matching read text with."""

import pytest

from analysis import CONCEPTS, analyse, language_of, normalise, query_words, stem, words


def test_normalise_removes_case_accents_ligatures_and_elisions():
    assert normalise("L'Éducation À LA Santé") == "education a la sante"
    assert normalise("Œuvre d’entraide") == "oeuvre entraide"


@pytest.mark.parametrize(
    "text, language",
    [
        ("Nous creusons des puits au Burkina Faso avec les villages.", "fr"),
        ("We dig wells in Burkina Faso with the villages.", "en"),
        ("Transport", None),
        ("pompes solaires", None),
    ],
)
def test_the_language_of_a_text_comes_from_its_function_words(text, language):
    assert language_of(text) == language


def test_snowball_stems_in_the_texts_language_accents_removed_after():
    assert stem("énergie", "fr") == "energ"
    assert stem("réseaux", "fr") == stem("réseau", "fr") == "reseau"
    assert stem("partenariats", "fr") == stem("partenariat", "fr")
    assert stem("pumping", "en") == stem("pumps", "en") == "pump"
    assert stem("eau", "fr") == "eau"  # short words are kept whole


def test_stop_words_are_never_terms():
    assert [term for term, _ in words("Nous cherchons des partenaires pour le projet")] == []


def test_a_short_text_that_does_not_tell_its_language_is_stemmed_both_ways():
    assert {"pump", "pumping"} <= set(analyse("pumping"))


def test_concepts_bridge_the_two_languages():
    assert "~solar" in analyse("pompes solaires")
    assert "~solar" in analyse("photovoltaic pumping for farms")
    assert "~energy" in analyse("Installation d'énergie solaire")  # broader concepts too
    assert len(CONCEPTS) >= 60


def test_a_query_word_matches_in_either_language():
    assert query_words("eau potable") == [frozenset({"eau"}), frozenset({"potabl"})]
    assert query_words("énergie") == [frozenset({"energ", "energi"})]
    assert query_words("les et de") == []
