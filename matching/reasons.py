"""Why a candidate is suggested: reasons as data, how they are found, how they read.

A :class:`Reason` is plain data (a code and the terms it names, each in French and
English), stored as JSON by the Django side (:meth:`Reason.to_dict`) and rendered in the
reader's language by :func:`reason_text`. :func:`find_reasons` and :func:`shared_words`
compute them for one seeker and one candidate from what the engine knows. No Django here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from analysis import CONCEPT_PREFIX, CONCEPTS_BY_KEY, TRIGGER_STEMS, normalise
from matching.profiles import Label, Language, Profile, Taxonomy
from matching.weights import (
    CATEGORY_CREDIT_OVERRIDES,
    MAX_REASONS,
    MAX_WORDS,
    VAGUE_TERRITORIES,
    hands_on,
)


class Mention(NamedTuple):
    """A thing a reason names: a key (slug, code or word) and its French/English text."""

    key: str
    fr: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language.startswith("en") else self.fr


@dataclass(frozen=True)
class Reason:
    """Why a candidate is suggested, as data: render it with :func:`reason_text`.

    Codes: ``offers`` (competences needed and offered), ``offers_related`` (a competence
    of the same category: ``terms`` holds the offered one, ``related`` the needed one),
    ``contribution`` (one contribution type sought and offered), ``words`` (shared
    words), ``countries`` (shared countries of intervention), ``territory`` (shared or
    neighbouring territory), ``sdgs`` (shared SDGs).
    """

    code: str
    terms: tuple[Mention, ...]
    related: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "terms": [list(t) for t in self.terms],
            "related": [list(t) for t in self.related],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        return cls(
            data["code"],
            tuple(Mention(*t) for t in data.get("terms", ())),
            tuple(Mention(*t) for t in data.get("related", ())),
        )


@dataclass(frozen=True)
class Match:
    candidate_id: int
    score: float
    reasons: tuple[Reason, ...]
    # Competence slugs of the seeker's needs that the candidate offers exactly.
    answered_needs: tuple[str, ...] = ()


# Finding them


def competence_term(taxonomy: Taxonomy, slug: str) -> Mention:
    label = taxonomy.competence_label(slug)
    return Mention(slug, label.fr, label.en)


def find_reasons(
    *,
    taxonomy: Taxonomy,
    seeker: Profile,
    candidate: Profile,
    needed: Sequence[str],
    shared_words: Callable[[list[str]], tuple[Mention, ...]],
) -> tuple[Reason, ...]:
    """Why ``candidate`` answers ``seeker``'s ``needed`` competences, best reasons first.

    ``shared_words(exact)`` gives the words the seeker's needs share with the candidate's
    text, leaving out those already said by the exactly answered competences ``exact``.
    """
    reasons: list[Reason] = []
    exact = [c for c in needed if c in candidate.offers]
    if exact:
        reasons.append(Reason("offers", tuple(competence_term(taxonomy, c) for c in exact)))
    category = taxonomy.competence_category
    for slug in needed:
        if slug in candidate.offers or slug not in category:
            continue
        siblings = sorted(
            c for c in candidate.offers if category.get(c) == category[slug] and c not in needed
        )
        if siblings and category[slug] not in CATEGORY_CREDIT_OVERRIDES:
            reasons.append(
                Reason(
                    "offers_related",
                    (competence_term(taxonomy, siblings[0]),),
                    (competence_term(taxonomy, slug),),
                )
            )
    for slug in sorted(seeker.contributions_sought & candidate.contributions_offered):
        label = taxonomy.contribution_labels.get(slug, Label(slug, slug))
        reasons.append(Reason("contribution", (Mention(slug, label.fr, label.en),)))
    countries = sorted(seeker.countries & candidate.countries)
    # Country names are said by the "countries" reason: not again as shared words.
    country_words = {
        word
        for code in countries
        for label in taxonomy.country_label(code)
        for word in normalise(label).split()
    }
    words = tuple(
        term for term in shared_words(exact) if not set(normalise(term.fr).split()) <= country_words
    )
    if words:
        reasons.append(Reason("words", words))
    if countries:
        reasons.append(
            Reason(
                "countries",
                tuple(Mention(c, *taxonomy.country_label(c)) for c in countries[:3]),
            )
        )
    places = sorted((seeker.territories & candidate.territories) - VAGUE_TERRITORIES)
    if places and (hands_on(seeker) or len(reasons) < MAX_REASONS - 1):
        reasons.append(
            Reason(
                "territory",
                tuple(
                    Mention(t, *taxonomy.territory_labels.get(t, Label(t, t))) for t in places[:2]
                ),
            )
        )
    sdgs = sorted(seeker.sdgs & candidate.sdgs)
    if sdgs:
        reasons.append(
            Reason(
                "sdgs",
                tuple(
                    Mention(str(n), *taxonomy.sdg_labels.get(n, Label(str(n), str(n))))
                    for n in sdgs[:4]
                ),
            )
        )
    return tuple(reasons[:MAX_REASONS])


# Words every profile uses: they count in the score (TF-IDF already weighs them
# down) but say nothing to a reader as a reason.
GENERIC_WORDS = frozenset(
    {
        "competence", "competences", "skill", "skills", "soutien", "support", "site", "sites",
        "besoin", "besoins", "need", "needs", "partenaire", "partenaires", "partner",
        "partners", "partenariat", "partenariats", "partnership", "projet", "projets",
        "project", "projects", "aide", "help", "accompagnement", "appui", "structure",
        "structures", "organisation", "organisations", "association", "entreprise",
        "company", "financier", "financiere", "mecenat", "sponsorship",
    }
)  # fmt: skip


def pick_words(
    common: list[int],
    weights: list[float],
    terms: Sequence[str],
    surfaces: Mapping[int, str],
    said: set[str],
) -> tuple[Mention, ...]:
    """The words to show among the index terms ``common`` to a query and a document.

    ``weights`` ranks them (TF-IDF weight in the document); ``surfaces`` gives the query's
    own spelling of each term; terms in ``said`` were already named by another reason.
    Concepts come first (they read well in both languages), the most specific ones only,
    then plain words that no shown concept already covers.
    """
    picked: list[Mention] = []
    concepts_shown: set[str] = set()
    surfaces_shown: set[str] = set()
    candidates = sorted(
        zip(common, weights, strict=True),
        key=lambda item: (-item[1], terms[item[0]]),
    )
    matched = {terms[t][1:] for t, _ in candidates if terms[t].startswith(CONCEPT_PREFIX)}
    broader_of_matched = {b for key in matched for b in CONCEPTS_BY_KEY[key].broader}
    for want_concept in (True, False):
        for term_id, _ in candidates:
            term = terms[term_id]
            if term.startswith(CONCEPT_PREFIX) != want_concept or term in said:
                continue
            if want_concept:
                key = term[1:]
                if key in broader_of_matched:
                    continue
                concept = CONCEPTS_BY_KEY[key]
                concepts_shown.add(key)
                picked.append(Mention(term, concept.label_fr, concept.label_en))
            else:
                if set(TRIGGER_STEMS.get(term, ())) & concepts_shown:
                    continue
                surface = surfaces[term_id]
                if surface in surfaces_shown or len(surface) < 3:
                    continue
                if normalise(surface) in GENERIC_WORDS:
                    continue
                surfaces_shown.add(surface)
                picked.append(Mention(term, surface, surface))
            if len(picked) >= MAX_WORDS:
                return tuple(picked)
    return tuple(picked)


# Rendering

_CONTRIBUTION_PHRASES: dict[str, Label] = {
    "financial-sponsorship": Label("apporte du mécénat financier", "gives financial sponsorship"),
    "skills-sponsorship": Label(
        "pratique le mécénat de compétences", "gives skills-based sponsorship"
    ),
    "in-kind-donation": Label("fait des dons en nature", "makes in-kind donations"),
    "employee-volunteering": Label(
        "propose du bénévolat de salariés", "offers employee volunteering"
    ),
    "technical-expertise": Label("apporte une expertise technique", "brings technical expertise"),
    "co-innovation": Label(
        "co-construit des innovations sociétales", "co-creates social innovation"
    ),
    "economic-cooperation": Label(
        "pratique la coopération économique (achats, sous-traitance)",
        "offers economic cooperation (purchasing, subcontracting)",
    ),
    "network-visibility": Label("apporte réseau et visibilité", "brings network and visibility"),
    "premises-equipment": Label(
        "met à disposition des locaux et équipements", "provides premises and equipment"
    ),
}

_FR_MASCULINE_IN_E = frozenset(
    {"cambodge", "mexique", "mozambique", "zimbabwe", "belize", "suriname"}
)
_FR_PLURAL = frozenset(
    {
        "etats-unis",
        "pays-bas",
        "philippines",
        "emirats arabes unis",
        "comores",
        "maldives",
        "seychelles",
    }
)


def french_in(name: str) -> str:
    """``Burkina Faso`` → ``au Burkina Faso``; ``Inde`` → ``en Inde``; keeps a given one."""
    if name.split(" ", 1)[0] in {"au", "en", "aux", "à", "a"}:
        return name
    key = name.lower()
    plain = "".join(c for c in key if c.isalpha() or c in " -")
    if plain in _FR_PLURAL:
        return f"aux {name}"
    if key[:1] in "aeiouyéèêâîôûh" or (key.endswith("e") and plain not in _FR_MASCULINE_IN_E):
        return f"en {name}"
    return f"au {name}"


def _join(items: Sequence[str], language: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    last = " and " if language.startswith("en") else " et "
    return ", ".join(items[:-1]) + last + items[-1]


def reason_text(reason: Reason, language: Language | str = "fr") -> str:
    """The reason as a short phrase in French (``"fr"``, the default) or English."""
    en = language.startswith("en")
    texts = [t.text(language) for t in reason.terms]
    code = reason.code
    if code == "offers":
        return ("offers " if en else "propose ") + _join(texts, language)
    if code == "offers_related":
        related = _join([t.text(language) for t in reason.related], language)
        if en:
            return f"offers {_join(texts, language)}, close to {related}"
        return f"propose {_join(texts, language)}, proche de {related}"
    if code == "contribution":
        term = reason.terms[0]
        phrase = _CONTRIBUTION_PHRASES.get(term.key)
        if phrase:
            return phrase.get(language)
        return ("gives " if en else "apporte : ") + term.text(language)
    if code == "words":
        return ("shared words: " if en else "mots communs : ") + ", ".join(texts)
    if code == "countries":
        if en:
            return "also works in " + _join(texts, language)
        return "intervient aussi " + _join([french_in(t) for t in texts], "fr")
    if code == "territory":
        return ("also active in " if en else "présent aussi : ") + _join(texts, language)
    if code == "sdgs":
        if en:
            label = "SDG" if len(texts) == 1 else "SDGs"
            return f"shares {label} {_join([t.key for t in reason.terms], language)}"
        label = "l'ODD" if len(texts) == 1 else "les ODD"
        return f"partage {label} {_join([t.key for t in reason.terms], 'fr')}"
    return _join(texts, language)


def suggestion_texts(match: Match, language: Language | str = "fr") -> list[str]:
    """The reasons of a suggestion as text, in order."""
    return [reason_text(r, language) for r in match.reasons]
