"""The matching engine: who answers an organisation's needs, and why. No Django here.

Feed it plain data (a :class:`Taxonomy` and :class:`Profile` objects), build an
:class:`Engine` once, then ask :meth:`Engine.suggest` for one organisation or
:meth:`Engine.suggest_all` for the whole network.

Scoring (every signal lies in 0..1, the weights add up to 1, so a score lies in 0..1 and
means the same in every answer):

* **needs** — for each need of the seeker: the competence (offered exactly: 1; another
  competence of the same category: :data:`CATEGORY_CREDIT`) and the need's own words (the
  free text and the competence's labels in both languages) against the candidate's text
  (pitch, description, labels of its offered competences in French and English), by
  TF-IDF cosine over the bilingual analyser of :mod:`matching.text`. Needs are combined
  by half their mean and half their best, so answering one need very well counts, and
  answering all counts more.
* **words** — the seeker's ``needs_description`` against the candidate's text.
* **contributions** — the share of contribution types sought that the candidate offers.
* **kind** — kind complementarity (an NGO's need is better answered by a company than by
  another NGO), and a penalty when the candidate seeks the very contributions or
  competences that the seeker seeks (a peer with the same need, not an answer).
* **place** — shared countries of intervention, and the territory (much more when the
  need is hands-on and local: volunteering, premises, a local association).
* **SDGs** — the share of the seeker's SDGs that the candidate shares.
* **completeness** — a complete profile is a slightly safer suggestion (multiplier).

Everything is computed with sparse matrices, in batches of seekers, so the whole network
is ranked in seconds (see ``bench/matching_engine.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import numpy as np
from scipy import sparse

from matching.text import CONCEPT_PREFIX, CONCEPTS_BY_KEY, TRIGGER_STEMS, analyse_tokens

Language = Literal["fr", "en"]

# ---------------------------------------------------------------------------------------
# Weights. Hand-set, then checked on the tuning part of bench/matching_eval (never on the
# held-out part); see bench/matching_eval/README.md for the figures behind them.

WEIGHTS: dict[str, float] = {
    "needs": 0.46,
    "words": 0.14,
    "contributions": 0.12,
    "kind": 0.10,
    "countries": 0.06,
    "territory": 0.06,
    "sdgs": 0.06,
}
# Within one need: competence match vs the need's words.
NEED_COMPETENCE_SHARE = 0.5
# Credit for offering another competence of the same category; "sectors" is a grab-bag
# (water and child protection share it), so it earns less.
CATEGORY_CREDIT = 0.35
CATEGORY_CREDIT_OVERRIDES = {"sectors": 0.15}
# A TF-IDF cosine of this much already counts as a full text match.
TEXT_SATURATION = 0.35
# Penalty (subtracted) for a peer seeking the same contributions / competences.
PEER_PENALTY = 0.08
# Territory counts this share of its weight when the need is not hands-on.
REMOTE_TERRITORY_SHARE = 0.3
# Completeness multiplier: (1 - COMPLETENESS_SHARE) + COMPLETENESS_SHARE * completeness.
COMPLETENESS_SHARE = 0.15
# Below this, nothing in the candidate answers the needs themselves: not suggested.
MIN_EVIDENCE = 0.02

HANDS_ON_CONTRIBUTIONS = frozenset({"employee-volunteering", "premises-equipment"})
LOCAL_KINDS = frozenset({"association", "local-authority"})
# Territories that mean "anywhere" rather than a place.
VAGUE_TERRITORIES = frozenset({"international", "other-france", "other-switzerland"})
# Neighbouring territories around the CSI (the Grand Genève and the Savoies), where a
# hands-on partner is still close enough.
ZONES: dict[str, frozenset[str]] = {
    "leman": frozenset({"ain", "haute-savoie", "savoie", "geneve", "vaud", "valais"}),
    "rhone-alpes": frozenset(
        {"ain", "isere", "rhone", "savoie", "haute-savoie", "drome", "ardeche", "loire"}
    ),
    "romandie": frozenset({"geneve", "vaud", "valais", "neuchatel", "fribourg", "jura-ch"}),
}
ZONE_CREDIT = 0.6

KIND_GROUPS: dict[str, str] = {
    "ngo": "civil",
    "association": "civil",
    "company": "business",
    "social-enterprise": "sse",
    "foundation": "funder",
    "local-authority": "public",
    "public-agency": "public",
    "international-organisation": "public",
    "academic": "academic",
    "network": "network",
}
_GROUPS = ("civil", "business", "sse", "funder", "public", "academic", "network", "other")
# KIND_AFFINITY[seeker group][candidate group]: how naturally the second answers the first.
KIND_AFFINITY: dict[str, dict[str, float]] = {
    "civil": {
        "civil": 0.4,
        "business": 1.0,
        "sse": 0.8,
        "funder": 0.8,
        "public": 0.6,
        "academic": 0.7,
        "network": 0.5,
    },
    "business": {
        "civil": 1.0,
        "business": 0.6,
        "sse": 0.9,
        "funder": 0.3,
        "public": 0.5,
        "academic": 0.7,
        "network": 0.6,
    },
    "sse": {
        "civil": 0.8,
        "business": 1.0,
        "sse": 0.6,
        "funder": 0.8,
        "public": 0.6,
        "academic": 0.7,
        "network": 0.6,
    },
    "funder": {
        "civil": 1.0,
        "business": 0.6,
        "sse": 0.9,
        "funder": 0.4,
        "public": 0.6,
        "academic": 0.7,
        "network": 0.6,
    },
    "public": {
        "civil": 0.9,
        "business": 0.9,
        "sse": 0.9,
        "funder": 0.7,
        "public": 0.5,
        "academic": 0.8,
        "network": 0.6,
    },
    "academic": {
        "civil": 0.9,
        "business": 0.9,
        "sse": 0.8,
        "funder": 0.8,
        "public": 0.7,
        "academic": 0.5,
        "network": 0.6,
    },
    "network": {
        "civil": 0.8,
        "business": 0.9,
        "sse": 0.8,
        "funder": 0.8,
        "public": 0.7,
        "academic": 0.7,
        "network": 0.4,
    },
}
DEFAULT_AFFINITY = 0.6

MAX_REASONS = 6
MAX_WORDS = 3
BATCH_NEEDS = 800


# ---------------------------------------------------------------------------------------
# Data in


class Label(NamedTuple):
    fr: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language.startswith("en") else self.fr


@dataclass(frozen=True)
class Taxonomy:
    """Labels and structure of the taxonomies, as plain data.

    ``country_names`` maps ISO codes to French/English names; a French name may carry its
    preposition (``"au Burkina Faso"``), otherwise one is guessed. Missing countries fall
    back to :data:`matching.countries.COUNTRY_NAMES`, then to the code.
    """

    competence_category: Mapping[str, str]
    competence_labels: Mapping[str, Label]
    category_labels: Mapping[str, Label] = field(default_factory=dict)
    contribution_labels: Mapping[str, Label] = field(default_factory=dict)
    kind_labels: Mapping[str, Label] = field(default_factory=dict)
    territory_labels: Mapping[str, Label] = field(default_factory=dict)
    sdg_labels: Mapping[int, Label] = field(default_factory=dict)
    country_names: Mapping[str, Label] = field(default_factory=dict)

    @classmethod
    def from_csv(cls, directory: Any) -> Taxonomy:
        """Read the taxonomy CSV files shipped in ``actors/taxonomy/``."""
        import csv
        from pathlib import Path

        def rows(name: str) -> list[dict[str, str]]:
            with open(Path(directory) / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
                return list(csv.DictReader(f))

        def labels(name: str, key: str = "slug") -> dict[str, Label]:
            return {r[key]: Label(r["label_fr"], r["label_en"]) for r in rows(name)}

        competences = rows("competences")
        return cls(
            competence_category={r["slug"]: r["category"] for r in competences},
            competence_labels={r["slug"]: Label(r["label_fr"], r["label_en"]) for r in competences},
            category_labels=labels("competence_categories"),
            contribution_labels=labels("contribution_types"),
            kind_labels=labels("organisation_kinds"),
            territory_labels=labels("territories"),
            sdg_labels={int(k): v for k, v in labels("sdgs", "number").items()},
        )

    def competence_label(self, slug: str) -> Label:
        return self.competence_labels.get(slug, Label(slug, slug))

    def country_label(self, code: str) -> Label:
        from matching.countries import COUNTRY_NAMES

        code = code.upper()
        return self.country_names.get(code) or COUNTRY_NAMES.get(code) or Label(code, code)


class Need(NamedTuple):
    """One need: a competence slug and the organisation's own words about it."""

    competence: str
    text: str = ""


@dataclass(frozen=True)
class Profile:
    """What the engine knows of one organisation (or of a project, seen as a seeker).

    ``needs`` accepts :class:`Need` or plain ``(competence, text)`` tuples.
    ``completeness`` is 0..1; left as ``None`` it is estimated by :func:`completeness_of`.
    """

    id: int
    slug: str
    name: str
    kind: str
    pitch: str = ""
    description: str = ""
    needs_description: str = ""
    offers: frozenset[str] = frozenset()
    needs: tuple[Need, ...] = ()
    contributions_offered: frozenset[str] = frozenset()
    contributions_sought: frozenset[str] = frozenset()
    sdgs: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()
    territories: frozenset[str] = frozenset()
    completeness: float | None = None
    member_ids: frozenset[int] = frozenset()
    published: bool = True

    def __post_init__(self) -> None:
        fix = object.__setattr__
        fix(self, "needs", tuple(Need(*n) for n in self.needs))
        for name in (
            "offers",
            "contributions_offered",
            "contributions_sought",
            "territories",
            "member_ids",
        ):
            fix(self, name, frozenset(getattr(self, name)))
        fix(self, "sdgs", frozenset(int(s) for s in self.sdgs))
        fix(self, "countries", frozenset(c.upper() for c in self.countries))
        if self.completeness is None:
            fix(self, "completeness", completeness_of(self))

    @property
    def has_needs(self) -> bool:
        return bool(self.needs) or bool(self.needs_description.strip())


def completeness_of(profile: Profile) -> float:
    """A rough share of the profile that is filled in (0..1)."""
    checks = (
        bool(profile.pitch.strip()),
        len(profile.description) >= 200,
        len(profile.description) >= 600,
        bool(profile.offers),
        bool(profile.contributions_offered),
        bool(profile.sdgs),
        bool(profile.territories or profile.countries),
        bool(profile.needs or profile.needs_description.strip()),
    )
    return sum(checks) / len(checks)


# ---------------------------------------------------------------------------------------
# Data out


class Term(NamedTuple):
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
    terms: tuple[Term, ...]
    related: tuple[Term, ...] = ()

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
            tuple(Term(*t) for t in data.get("terms", ())),
            tuple(Term(*t) for t in data.get("related", ())),
        )


@dataclass(frozen=True)
class Suggestion:
    candidate_id: int
    score: float
    reasons: tuple[Reason, ...]
    # Competence slugs of the seeker's needs that the candidate offers exactly.
    answered_needs: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------
# Rendering reasons

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


# ---------------------------------------------------------------------------------------
# The index


class _Vocabulary:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []

    def id(self, term: str) -> int:
        index = self.ids.get(term)
        if index is None:
            index = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return index


def _rows(
    items: Sequence[Iterable[Any]], columns: Mapping[Any, int], width: int
) -> sparse.csr_matrix:
    """A 0/1 CSR matrix: one row per item, a 1 in the column of each known value."""
    indptr = [0]
    indices: list[int] = []
    for values in items:
        cols = sorted({columns[v] for v in values if v in columns})
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(items), width),
    )


def _counts_matrix(bags: Sequence[Counter[int]], width: int) -> sparse.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for bag in bags:
        for term, count in sorted(bag.items()):
            indices.append(term)
            data.append(count)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (
            np.asarray(data, dtype=np.float32),
            np.asarray(indices, dtype=np.int32),
            np.asarray(indptr, dtype=np.int64),
        ),
        shape=(len(bags), width),
    )


def _l2_normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms).astype(np.float32) @ matrix)


@dataclass
class _SeekerBatch:
    """Everything about a batch of seekers, as matrices aligned with ``seekers``."""

    seekers: list[Profile]
    need_owner: np.ndarray  # need row -> seeker row
    need_competence: list[str]
    need_query: sparse.csr_matrix  # need rows x vocabulary (tf-idf, l2)
    desc_query: sparse.csr_matrix  # seekers x vocabulary
    query_surfaces: list[dict[int, str]]  # per seeker: term id -> surface word


class Engine:
    """An index over all profiles, built once, queried many times.

    ``Engine(taxonomy, profiles)``; then :meth:`suggest` for one seeker, :meth:`suggest_for`
    for a profile that is not in the index (a project's needs), :meth:`suggest_all` for
    every profile with needs, and :meth:`update` when a few profiles change.
    """

    def __init__(self, taxonomy: Taxonomy, profiles: Iterable[Profile]) -> None:
        self.taxonomy = taxonomy
        self.profiles: list[Profile] = sorted(profiles, key=lambda p: (p.slug, p.id))
        self.position: dict[int, int] = {}
        for i, profile in enumerate(self.profiles):
            if profile.id in self.position:
                raise ValueError(f"duplicate profile id {profile.id}")
            self.position[profile.id] = i
        self._ids = np.asarray([p.id for p in self.profiles], dtype=np.int64)

        competences = sorted(taxonomy.competence_category)
        self._competence_col = {slug: i for i, slug in enumerate(competences)}
        categories = sorted(set(taxonomy.competence_category.values()))
        self._category_col = {slug: i for i, slug in enumerate(categories)}
        self._category_of = np.asarray(
            [self._category_col[taxonomy.competence_category[c]] for c in competences],
            dtype=np.int32,
        )
        self._category_credit = np.asarray(
            [CATEGORY_CREDIT_OVERRIDES.get(c, CATEGORY_CREDIT) for c in categories],
            dtype=np.float32,
        )
        contributions = sorted(
            set(taxonomy.contribution_labels)
            | {c for p in self.profiles for c in p.contributions_offered | p.contributions_sought}
        )
        self._contribution_col = {slug: i for i, slug in enumerate(contributions)}
        self._sdg_col = {n: n - 1 for n in range(1, 18)}
        countries = sorted({c for p in self.profiles for c in p.countries})
        self._country_col = {code: i for i, code in enumerate(countries)}
        territories = sorted(
            (set(taxonomy.territory_labels) | {t for p in self.profiles for t in p.territories})
            - VAGUE_TERRITORIES
        )
        self._territory_col = {slug: i for i, slug in enumerate(territories)}
        self._zone_col = {zone: i for i, zone in enumerate(sorted(ZONES))}
        self._group_col = {g: i for i, g in enumerate(_GROUPS)}
        self._affinity = np.full((len(_GROUPS), len(_GROUPS)), DEFAULT_AFFINITY, np.float32)
        for seeker_group, row in KIND_AFFINITY.items():
            for candidate_group, value in row.items():
                self._affinity[self._group_col[seeker_group], self._group_col[candidate_group]] = (
                    value
                )
        # Analysed competence labels (both languages), reused for documents and queries.
        self._label_tokens = {
            slug: analyse_tokens(f"{label.fr}. {label.en}")
            for slug, label in taxonomy.competence_labels.items()
        }
        self._label_terms = {
            slug: frozenset(t.term for t in tokens) for slug, tokens in self._label_tokens.items()
        }
        self._vocabulary = _Vocabulary()
        self._build()

    # -- building ------------------------------------------------------------------------

    def _document_bag(self, profile: Profile) -> Counter[int]:
        vocabulary = self._vocabulary
        bag: Counter[int] = Counter()
        for token in analyse_tokens(f"{profile.name}. {profile.pitch}. {profile.description}"):
            bag[vocabulary.id(token.term)] += 1
        for slug in profile.offers:
            for token in self._label_tokens.get(slug, ()):
                bag[vocabulary.id(token.term)] += 1
        return bag

    def _build(self) -> None:
        profiles = self.profiles
        bags = [self._document_bag(p) for p in profiles]
        width = len(self._vocabulary.terms)
        counts = _counts_matrix(bags, width)
        document_frequency = np.bincount(counts.indices, minlength=width).astype(np.float32)
        self._idf = np.log((1 + len(profiles)) / (1 + document_frequency)).astype(np.float32) + 1
        self._idf_width = width
        tf = counts.copy()
        tf.data = 1 + np.log(tf.data)
        self._documents = _l2_normalise(tf @ sparse.diags(self._idf).astype(np.float32))
        self._documents_t = sparse.csr_matrix(self._documents.T)
        self._build_structured()

    def _build_structured(self) -> None:
        profiles = self.profiles
        n_comp = len(self._competence_col)
        offered = _rows([p.offers for p in profiles], self._competence_col, n_comp)
        category_rows = [
            {
                self.taxonomy.competence_category[c]
                for c in p.offers
                if c in self.taxonomy.competence_category
            }
            for p in profiles
        ]

        # Small structured matrices are dense (values x profiles): fast BLAS and indexing.
        def dense(items: Sequence[Iterable[Any]], columns: Mapping[Any, int]) -> np.ndarray:
            return _rows(items, columns, max(1, len(columns))).T.toarray()

        self._offers_d = offered.T.toarray()
        self._offer_categories_d = dense(category_rows, self._category_col)
        self._needs_d = dense(
            [{n.competence for n in p.needs} - p.offers for p in profiles], self._competence_col
        )
        self._contributions_offered_d = dense(
            [p.contributions_offered for p in profiles], self._contribution_col
        )
        # What a profile seeks and does not give itself: a peer, not an answer.
        self._contributions_sought_d = dense(
            [p.contributions_sought - p.contributions_offered for p in profiles],
            self._contribution_col,
        )
        self._sdgs_d = dense([p.sdgs for p in profiles], self._sdg_col)
        self._countries_d = dense([p.countries for p in profiles], self._country_col)
        self._territories_d = dense([p.territories for p in profiles], self._territory_col)
        self._zones_d = dense([self._zones(p) for p in profiles], self._zone_col)
        self._group = np.asarray(
            [self._group_col[KIND_GROUPS.get(p.kind, "other")] for p in profiles], np.int32
        )
        self._completeness = np.asarray(
            [min(1.0, max(0.0, p.completeness or 0.0)) for p in profiles], np.float32
        )
        self._completeness_factor = (1 - COMPLETENESS_SHARE) + COMPLETENESS_SHARE * (
            self._completeness
        )
        self._unpublished = np.asarray([not p.published for p in profiles], dtype=bool)
        self._by_member: dict[int, list[int]] = {}
        for i, p in enumerate(profiles):
            for member in p.member_ids:
                self._by_member.setdefault(member, []).append(i)
        self._slug_rank = np.arange(len(profiles), dtype=np.int64)  # profiles sorted by slug

    @staticmethod
    def _zones(profile: Profile) -> list[str]:
        return [zone for zone, members in ZONES.items() if profile.territories & members]

    def update(self, profiles: Iterable[Profile]) -> Engine:
        """A new engine with these profiles added or replaced (the others kept as they are).

        Rebuilding is cheap (a few seconds for 10,000 profiles); this keeps the call site
        simple for an incremental recompute.
        """
        changed = {p.id: p for p in profiles}
        kept = [p for p in self.profiles if p.id not in changed]
        return Engine(self.taxonomy, [*kept, *changed.values()])

    # -- queries -------------------------------------------------------------------------

    def _tfidf_rows(self, bags: Sequence[Counter[int]]) -> sparse.csr_matrix:
        matrix = _counts_matrix(bags, self._idf_width)
        matrix.data = 1 + np.log(matrix.data)
        return _l2_normalise(matrix @ sparse.diags(self._idf).astype(np.float32))

    def _query_bag(self, tokens: Iterable[Any], surfaces: dict[int, str] | None) -> Counter[int]:
        bag: Counter[int] = Counter()
        ids = self._vocabulary.ids
        for token in tokens:
            term = ids.get(token.term)
            if term is None:
                continue
            bag[term] += 1
            if surfaces is not None and term not in surfaces:
                surfaces[term] = token.surface
        return bag

    def _batch(self, seekers: list[Profile], need_filter: Collection[str] | None) -> _SeekerBatch:
        need_owner: list[int] = []
        need_competence: list[str] = []
        need_bags: list[Counter[int]] = []
        desc_bags: list[Counter[int]] = []
        surfaces: list[dict[int, str]] = []
        for row, seeker in enumerate(seekers):
            own: dict[int, str] = {}
            needs = [n for n in seeker.needs if need_filter is None or n.competence in need_filter]
            for need in needs:
                tokens = analyse_tokens(need.text) if need.text else []
                bag = self._query_bag(tokens, own)
                bag.update(self._query_bag(self._label_tokens.get(need.competence, ()), None))
                need_owner.append(row)
                need_competence.append(need.competence)
                need_bags.append(bag)
            desc_bags.append(self._query_bag(analyse_tokens(seeker.needs_description), own))
            surfaces.append(own)
        return _SeekerBatch(
            seekers=seekers,
            need_owner=np.asarray(need_owner, dtype=np.int64),
            need_competence=need_competence,
            need_query=self._tfidf_rows(need_bags),
            desc_query=self._tfidf_rows(desc_bags),
            query_surfaces=surfaces,
        )

    def _cosines(self, *queries: sparse.csr_matrix) -> tuple[np.ndarray, ...]:
        """Cosines (query rows x profiles) of l2-normalised TF-IDF rows, in one product."""
        stacked = sparse.vstack(queries, format="csr")
        cosines = (stacked @ self._documents_t).toarray()
        splits = np.cumsum([q.shape[0] for q in queries])[:-1]
        return tuple(np.split(cosines, splits, axis=0))

    def _scores(self, batch: _SeekerBatch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Scores (seekers x profiles), evidence (same shape) and exact-need hits per need."""
        seekers = batch.seekers
        n_seekers, n_profiles = len(seekers), len(self.profiles)
        n_needs = len(batch.need_owner)
        # Per need: competence (exact, else same category) and words.
        need_cols = np.asarray(
            [self._competence_col.get(c, -1) for c in batch.need_competence], dtype=np.int64
        )
        known = need_cols >= 0
        exact = np.zeros((n_needs, n_profiles), np.float32)
        related = np.zeros((n_needs, n_profiles), np.float32)
        if known.any():
            exact[known] = self._offers_d[need_cols[known]]
            categories = self._category_of[need_cols[known]]
            related[known] = (
                self._category_credit[categories][:, None] * self._offer_categories_d[categories]
            )
        competence = np.maximum(exact, related)
        need_text_raw, words_raw = self._cosines(batch.need_query, batch.desc_query)
        need_text = np.minimum(need_text_raw / TEXT_SATURATION, 1.0)
        per_need = NEED_COMPETENCE_SHARE * competence + (1 - NEED_COMPETENCE_SHARE) * need_text

        needs_signal = np.zeros((n_seekers, n_profiles), np.float32)
        if n_needs:
            starts = np.flatnonzero(np.r_[True, batch.need_owner[1:] != batch.need_owner[:-1]])
            owners = batch.need_owner[starts]
            counts = np.diff(np.r_[starts, n_needs])
            best = np.maximum.reduceat(per_need, starts, axis=0)
            mean = np.add.reduceat(per_need, starts, axis=0) / counts[:, None]
            needs_signal[owners] = 0.5 * best + 0.5 * mean

        words = np.minimum(words_raw / TEXT_SATURATION, 1.0)
        # A seeker with no words about its needs leans on its needs alone.
        has_words = np.asarray([bool(s.needs_description.strip()) for s in seekers])
        words[~has_words] = needs_signal[~has_words]

        def rows(items: Iterable[Iterable[Any]], columns: Mapping[Any, int]) -> np.ndarray:
            return _rows(list(items), columns, max(1, len(columns))).toarray()

        def ratio(seeker_rows: np.ndarray, profile_columns: np.ndarray) -> np.ndarray:
            sizes = seeker_rows.sum(axis=1)
            sizes[sizes == 0] = 1
            return (seeker_rows @ profile_columns) / sizes[:, None]

        sought = rows((s.contributions_sought for s in seekers), self._contribution_col)
        contributions = ratio(sought, self._contributions_offered_d)
        contributions[sought.sum(axis=1) == 0] = 0.5  # nothing asked: neutral
        peer = ratio(sought, self._contributions_sought_d)
        need_rows = rows(({n.competence for n in s.needs} for s in seekers), self._competence_col)
        peer = np.maximum(peer, np.minimum(ratio(need_rows, self._needs_d), 1.0))

        groups = np.asarray(
            [self._group_col[KIND_GROUPS.get(s.kind, "other")] for s in seekers], np.int32
        )
        kind = self._affinity[groups][:, self._group]

        sdgs = ratio(rows((s.sdgs for s in seekers), self._sdg_col), self._sdgs_d)
        countries = np.minimum(
            rows((s.countries for s in seekers), self._country_col) @ self._countries_d, 1.0
        )
        same_place = np.minimum(
            rows((s.territories for s in seekers), self._territory_col) @ self._territories_d,
            1.0,
        )
        near = np.minimum(
            rows((self._zones(s) for s in seekers), self._zone_col) @ self._zones_d, 1.0
        )
        territory = np.maximum(same_place, ZONE_CREDIT * near)
        hands_on = np.asarray([self._hands_on(s) for s in seekers], np.float32)
        territory *= (REMOTE_TERRITORY_SHARE + (1 - REMOTE_TERRITORY_SHARE) * hands_on)[:, None]

        w = WEIGHTS
        score = (
            w["needs"] * needs_signal
            + w["words"] * words
            + w["contributions"] * contributions
            + w["kind"] * kind
            + w["countries"] * countries
            + w["territory"] * territory
            + w["sdgs"] * sdgs
            - PEER_PENALTY * peer
        )
        score *= self._completeness_factor[None, :]
        np.clip(score, 0.0, 1.0, out=score)
        evidence = np.maximum(needs_signal, words)
        return score.astype(np.float32), evidence, exact

    @staticmethod
    def _hands_on(profile: Profile) -> bool:
        local_place = bool(profile.territories - VAGUE_TERRITORIES)
        return local_place and (
            bool(profile.contributions_sought & HANDS_ON_CONTRIBUTIONS)
            or (profile.kind in LOCAL_KINDS and not profile.countries)
        )

    def _excluded(self, seeker: Profile, exclude_ids: Collection[int]) -> np.ndarray:
        mask = self._unpublished.copy()
        position = self.position.get(seeker.id)
        if position is not None:
            mask[position] = True
        for member in seeker.member_ids:
            mask[self._by_member.get(member, [])] = True
        for candidate in exclude_ids:
            position = self.position.get(candidate)
            if position is not None:
                mask[position] = True
        return mask

    def _top(self, scores: np.ndarray, allowed: np.ndarray, limit: int) -> np.ndarray:
        """Positions of the best ``limit`` allowed candidates: score, then slug."""
        candidates = np.flatnonzero(allowed)
        if candidates.size == 0 or limit <= 0:
            return candidates[:0]
        rounded = np.round(scores[candidates].astype(np.float64), 6)
        if candidates.size > limit:
            threshold = np.partition(rounded, candidates.size - limit)[candidates.size - limit]
            keep = rounded >= threshold
            candidates, rounded = candidates[keep], rounded[keep]
        order = np.lexsort((self._slug_rank[candidates], -rounded))
        return candidates[order[:limit]]

    def _rank(
        self,
        batch: _SeekerBatch,
        limit: int,
        exclude: Mapping[int, Collection[int]],
    ) -> Iterator[tuple[Profile, list[Suggestion]]]:
        scores, evidence, exact = self._scores(batch)
        need_rows_of: dict[int, list[int]] = {}
        for need_row, owner in enumerate(batch.need_owner.tolist()):
            need_rows_of.setdefault(owner, []).append(need_row)
        for row, seeker in enumerate(batch.seekers):
            allowed = ~self._excluded(seeker, exclude.get(seeker.id, ()))
            allowed &= evidence[row] >= MIN_EVIDENCE
            top = self._top(scores[row], allowed, limit)
            suggestions = []
            for position in top.tolist():
                rows = need_rows_of.get(row, [])
                answered = tuple(batch.need_competence[r] for r in rows if exact[r, position] > 0)
                suggestions.append(
                    Suggestion(
                        candidate_id=int(self._ids[position]),
                        score=round(float(scores[row, position]), 4),
                        reasons=self._reasons(batch, row, position, need_filter_rows=rows),
                        answered_needs=answered,
                    )
                )
            yield seeker, suggestions

    def suggest_for(
        self,
        seeker: Profile,
        *,
        limit: int = 10,
        exclude_ids: Collection[int] = frozenset(),
        need_filter: Collection[str] | None = None,
    ) -> list[Suggestion]:
        """Rank indexed profiles for ``seeker``, which need not be in the index.

        For a project: a Profile with the owner organisation's id, slug, kind, member ids
        and places, and the project's needs and SDGs.
        """
        batch = self._batch([seeker], need_filter)
        if not len(batch.need_owner) and not seeker.needs_description.strip():
            return []
        for _, suggestions in self._rank(batch, limit, {seeker.id: exclude_ids}):
            return suggestions
        return []

    def suggest(
        self,
        profile_id: int,
        limit: int = 10,
        exclude_ids: Collection[int] = frozenset(),
        need_filter: Collection[str] | None = None,
    ) -> list[Suggestion]:
        """Best candidates for the needs of the indexed profile ``profile_id``.

        ``need_filter``: only these needs (competence slugs) count; the needs description
        still does. ``exclude_ids``: profile ids never to suggest (dismissed ones).
        """
        seeker = self.profiles[self.position[profile_id]]
        return self.suggest_for(
            seeker, limit=limit, exclude_ids=exclude_ids, need_filter=need_filter
        )

    def suggest_all(
        self,
        limit: int = 10,
        *,
        exclude: Mapping[int, Collection[int]] | None = None,
        profile_ids: Collection[int] | None = None,
        workers: int = 2,
    ) -> dict[int, list[Suggestion]]:
        """Suggestions for every published profile with needs (or for ``profile_ids``).

        ``exclude`` maps a seeker id to the candidate ids it dismissed. Seekers are scored
        in batches, ``workers`` batches at a time (numpy and scipy release the GIL).
        """
        exclude = exclude or {}
        if profile_ids is None:
            seekers = [p for p in self.profiles if p.published and p.has_needs]
        else:
            seekers = [self.profiles[self.position[i]] for i in profile_ids if i in self.position]
            seekers = [p for p in seekers if p.has_needs]
        batches: list[list[Profile]] = [[]]
        needs_in_batch = 0
        for seeker in seekers:
            if needs_in_batch >= BATCH_NEEDS:
                batches.append([])
                needs_in_batch = 0
            batches[-1].append(seeker)
            needs_in_batch += max(1, len(seeker.needs))

        def run(batch: list[Profile]) -> list[tuple[Profile, list[Suggestion]]]:
            return list(self._rank(self._batch(batch, None), limit, exclude)) if batch else []

        result: dict[int, list[Suggestion]] = {}
        if workers > 1 and len(batches) > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                done = list(pool.map(run, batches))
        else:
            done = [run(batch) for batch in batches]
        for ranked in done:
            for seeker, suggestions in ranked:
                result[seeker.id] = suggestions
        return result

    # -- reasons -------------------------------------------------------------------------

    def _reasons(
        self, batch: _SeekerBatch, row: int, position: int, need_filter_rows: list[int]
    ) -> tuple[Reason, ...]:
        seeker = batch.seekers[row]
        candidate = self.profiles[position]
        tax = self.taxonomy
        reasons: list[Reason] = []
        needed = [batch.need_competence[r] for r in need_filter_rows]
        exact = [c for c in needed if c in candidate.offers]
        if exact:
            reasons.append(Reason("offers", tuple(self._competence_term(c) for c in exact)))
        category = tax.competence_category
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
                        (self._competence_term(siblings[0]),),
                        (self._competence_term(slug),),
                    )
                )
        for slug in sorted(seeker.contributions_sought & candidate.contributions_offered):
            label = tax.contribution_labels.get(slug, Label(slug, slug))
            reasons.append(Reason("contribution", (Term(slug, label.fr, label.en),)))
        shared = self._shared_words(batch, row, position, exact)
        if shared:
            reasons.append(Reason("words", shared))
        countries = sorted(seeker.countries & candidate.countries)
        if countries:
            reasons.append(
                Reason(
                    "countries",
                    tuple(Term(c, *self.taxonomy.country_label(c)) for c in countries[:3]),
                )
            )
        places = sorted((seeker.territories & candidate.territories) - VAGUE_TERRITORIES)
        if places and (self._hands_on(seeker) or len(reasons) < MAX_REASONS - 1):
            reasons.append(
                Reason(
                    "territory",
                    tuple(Term(t, *tax.territory_labels.get(t, Label(t, t))) for t in places[:2]),
                )
            )
        sdgs = sorted(seeker.sdgs & candidate.sdgs)
        if sdgs:
            reasons.append(
                Reason(
                    "sdgs",
                    tuple(
                        Term(str(n), *tax.sdg_labels.get(n, Label(str(n), str(n))))
                        for n in sdgs[:4]
                    ),
                )
            )
        return tuple(reasons[:MAX_REASONS])

    def _competence_term(self, slug: str) -> Term:
        label = self.taxonomy.competence_label(slug)
        return Term(slug, label.fr, label.en)

    def _shared_words(
        self, batch: _SeekerBatch, row: int, position: int, exact: list[str]
    ) -> tuple[Term, ...]:
        surfaces = batch.query_surfaces[row]
        if not surfaces:
            return ()
        documents = self._documents
        start, end = documents.indptr[position], documents.indptr[position + 1]
        doc_terms = documents.indices[start:end].tolist()
        common_at = [i for i, t in enumerate(doc_terms) if t in surfaces]
        if not common_at:
            return ()
        doc_weights = documents.data[start:end]
        common = [doc_terms[i] for i in common_at]
        weights = (doc_weights[common_at] * self._idf[common]).tolist()
        terms = self._vocabulary.terms
        # Words already said by an "offers" reason are not repeated.
        said: set[str] = set()
        for slug in exact:
            said |= self._label_terms.get(slug, frozenset())
        picked: list[Term] = []
        concepts_shown: set[str] = set()
        surfaces_shown: set[str] = set()
        candidates = sorted(
            zip(common, weights, strict=True),
            key=lambda item: (-item[1], terms[item[0]]),
        )
        matched = {terms[t][1:] for t, _ in candidates if terms[t].startswith(CONCEPT_PREFIX)}
        broader_of_matched = {b for key in matched for b in CONCEPTS_BY_KEY[key].broader}
        # Concepts first (they read well in both languages), the most specific ones only,
        # then plain words that no shown concept already covers.
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
                    picked.append(Term(term, concept.label_fr, concept.label_en))
                else:
                    if set(TRIGGER_STEMS.get(term, ())) & concepts_shown:
                        continue
                    surface = surfaces[term_id]
                    if surface in surfaces_shown or len(surface) < 3:
                        continue
                    surfaces_shown.add(surface)
                    picked.append(Term(term, surface, surface))
                if len(picked) >= MAX_WORDS:
                    return tuple(picked)
        return tuple(picked)


def build_index(taxonomy: Taxonomy, profiles: Iterable[Profile]) -> Engine:
    """Same as ``Engine(taxonomy, profiles)``."""
    return Engine(taxonomy, profiles)


def suggestion_texts(suggestion: Suggestion, language: Language | str = "fr") -> list[str]:
    """The reasons of a suggestion as text, in order."""
    return [reason_text(r, language) for r in suggestion.reasons]
