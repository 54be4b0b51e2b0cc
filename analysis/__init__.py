"""CoExist's one text analyser, for French and English (no Django here).

The directory's search on SQLite and the matching engine both read text through it;
PostgreSQL's full-text search keeps its own ``coexist_fr`` configuration, which is the
same idea in the database (``unaccent`` then the French Snowball stemmer).

1. :func:`normalise`: lower case, ligatures split (``Œuvre`` → ``oeuvre``), elisions cut
   (``l'eau`` → ``eau``), accents removed.
2. :func:`language_of`: French or English, by the function words a text uses (our texts
   carry no language tag, and a directory mixes both).
3. :func:`words`: every word that is not a stop word, reduced by the Snowball stemmer of
   that language (PyStemmer, the maintained C implementation), accents removed after
   stemming: ``pompes`` → ``pomp``, ``réseaux`` → ``reseau``, ``pumping`` → ``pump``.
4. :func:`analyse_tokens`: those words, plus the *concepts* their words and phrases name
   (:data:`CONCEPTS`, loaded from ``concepts.csv``), each with its broader concepts:
   ``pompes solaires`` and ``photovoltaic pumping`` both add ``~solar`` → ``~renewable``
   → ``~energy``. Concepts do the cross-language work that stemming cannot.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

HERE = Path(__file__).resolve().parent
CONCEPT_PREFIX = "~"
LANGUAGES = ("fr", "en")

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "‘": "'"})
_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)'")
_WORD = re.compile(r"[^\W_]+")
_STEMMERS = {"fr": Stemmer.Stemmer("french"), "en": Stemmer.Stemmer("english")}


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _lower(text: str) -> str:
    """Lower case, ligatures split, elided articles cut; accents kept."""
    return _ELISION.sub(" ", (text or "").lower().translate(_LIGATURES))


def normalise(text: str) -> str:
    """Lower case, no accents, no elided articles, single spaces: ``L'Éducation`` →
    ``education``. The form every comparison of words uses."""
    return " ".join(_strip_accents(_lower(text)).split())


def _read_words(name: str) -> list[str]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [word for line in lines if not line.startswith("#") for word in line.split()]


STOP_WORDS: frozenset[str] = frozenset(_read_words("stop_words.txt"))
# Function words that tell the two languages apart (normalised), one language a file.
_MARKERS = {language: frozenset(_read_words(f"markers_{language}.txt")) for language in LANGUAGES}


def language_of(text: str) -> str | None:
    """``"fr"`` or ``"en"``, whichever language's function words the text uses more;
    None when they tell nothing (a few words: "pompes solaires", "Transport")."""
    tokens = _WORD.findall(normalise(text))
    french = sum(token in _MARKERS["fr"] for token in tokens)
    english = sum(token in _MARKERS["en"] for token in tokens)
    if french == english:
        return None
    return "en" if english > french else "fr"


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "fr") -> str:
    """The Snowball stem of a lower-case word in ``language``, without accents.

    Stemming comes before removing accents, as Snowball's French rules expect them:
    ``énergie`` → ``énerg`` → ``energ``. Numbers and words of three letters or fewer
    are kept whole."""
    if len(word) <= 3 or word.isdigit():
        return _strip_accents(word)
    return _strip_accents(_STEMMERS[language].stemWord(word))


@dataclass(frozen=True, slots=True)
class Token:
    """An index term and the word (or phrase) of the text that produced it."""

    term: str
    surface: str


@lru_cache(maxsize=300_000)
def _chunk_tokens(chunk: str, language: str | None) -> tuple[Token, ...]:
    """The word tokens of one whitespace-separated chunk (texts share most chunks).

    With no language (a short text that does not tell), a word whose French and English
    stems differ gives both: "pumping" is found by "pump" and "pompage" by "pompag"."""
    tokens = []
    for word in _WORD.findall(_lower(chunk)):
        bare = _strip_accents(word)
        if len(bare) < 2 or bare in STOP_WORDS:
            continue
        if language is not None:
            tokens.append(Token(stem(word, language), word))
            continue
        french, english = stem(word, "fr"), stem(word, "en")
        tokens.append(Token(french, word))
        if english != french:
            tokens.append(Token(english, word))
    return tuple(tokens)


def word_tokens(text: str, language: str | None = None) -> list[Token]:
    """The stemmed tokens of ``text``, in order (its language detected when not given)."""
    language = language or language_of(text)
    tokens: list[Token] = []
    for chunk in (text or "").split():
        tokens.extend(_chunk_tokens(chunk, language))
    return tokens


def words(text: str, language: str | None = None) -> list[tuple[str, str]]:
    """(stem, surface word) for every non-stop word of ``text``, in order."""
    return [(token.term, token.surface) for token in word_tokens(text, language)]


def query_words(text: str) -> list[frozenset[str]]:
    """For a search query: each non-stop word as the set of its French and English stems
    (a query is too short to tell its language; a document matches either)."""
    found = []
    for word in _WORD.findall(_lower(text)):
        bare = _strip_accents(word)
        if len(bare) >= 2 and bare not in STOP_WORDS:
            found.append(frozenset({stem(word, "fr"), stem(word, "en")}))
    return found


# Concepts --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Concept:
    key: str
    label_fr: str
    label_en: str
    triggers: tuple[str, ...]
    broader: tuple[str, ...] = ()


def _load_concepts() -> tuple[Concept, ...]:
    with (HERE / "concepts.csv").open(encoding="utf-8", newline="") as rows:
        return tuple(
            Concept(
                row["key"],
                row["label_fr"],
                row["label_en"],
                tuple(t.strip() for t in row["triggers"].split("|") if t.strip()),
                tuple(row["broader"].split()),
            )
            for row in csv.DictReader(rows)
        )


CONCEPTS: tuple[Concept, ...] = _load_concepts()
CONCEPTS_BY_KEY: dict[str, Concept] = {concept.key: concept for concept in CONCEPTS}


def _expand(keys: Iterable[str]) -> tuple[str, ...]:
    """The concepts and, transitively, their broader ones, in order."""
    seen: list[str] = []
    todo = list(keys)
    while todo:
        key = todo.pop(0)
        if key in seen or key not in CONCEPTS_BY_KEY:
            continue
        seen.append(key)
        todo.extend(CONCEPTS_BY_KEY[key].broader)
    return tuple(seen)


def _build_triggers() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    """Stem sequences -> the concepts they name. A trigger is written once, in either
    language, and is stemmed both ways, so that it fires whatever the text's language."""
    table: dict[tuple[str, ...], list[str]] = {}
    for concept in CONCEPTS:
        for trigger in concept.triggers:
            for language in LANGUAGES:
                stems = tuple(term for term, _ in words(trigger, language))
                if stems and concept.key not in table.setdefault(stems, []):
                    table[stems].append(concept.key)
    longest = max((len(stems) for stems in table), default=1)
    return {stems: _expand(keys) for stems, keys in table.items()}, longest


_TRIGGERS, _LONGEST = _build_triggers()
_TRIGGER_FIRST = frozenset(stems[0] for stems in _TRIGGERS)
# The stems that name a concept on their own (reasons avoid listing a word and its concept).
TRIGGER_STEMS: dict[str, tuple[str, ...]] = {k[0]: v for k, v in _TRIGGERS.items() if len(k) == 1}


@lru_cache(maxsize=100_000)
def _concept_tokens(concepts: tuple[str, ...], surface: str) -> tuple[Token, ...]:
    return tuple(Token(CONCEPT_PREFIX + key, surface) for key in concepts)


def analyse_tokens(text: str, language: str | None = None) -> list[Token]:
    """Index terms of ``text`` with the surface that produced each: its stems, then a
    ``~concept`` term (with its broader ones) per occurrence of a trigger, the longest
    trigger winning at each position."""
    found = word_tokens(text, language)
    tokens = list(found)
    stems = [token.term for token in found]
    count, i = len(stems), 0
    while i < count:
        if stems[i] not in _TRIGGER_FIRST:  # no trigger starts here: the common case
            i += 1
            continue
        for n in range(min(_LONGEST, count - i), 0, -1):
            concepts = _TRIGGERS.get(tuple(stems[i : i + n]))
            if concepts:
                surface = " ".join(token.surface for token in found[i : i + n])
                tokens.extend(_concept_tokens(concepts, surface))
                i += n
                break
        else:
            i += 1
    return tokens


def analyse(text: str, language: str | None = None) -> list[str]:
    """Index terms of ``text`` (stems and ``~concept`` terms), with repetitions."""
    return [token.term for token in analyse_tokens(text, language)]
