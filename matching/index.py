"""Building the engine's index: profiles in order, their analysed texts as TF-IDF vectors,
and their structured columns (kinds, offers, contributions, places, SDGs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from analysis import analyse_tokens
from matching.matrices import l2_normalise, rows_matrix, with_width
from matching.profiles import Profile
from matching.weights import (
    KIND_GROUPS,
    VAGUE_TERRITORIES,
    zones_of,
)

_TERM = attrgetter("term")

if TYPE_CHECKING:
    from matching.engine import Engine


class IndexParts:
    """The index-building half of the engine. Mixed into :class:`matching.engine.Engine`, whose
    ``__init__`` sets the attributes used here."""

    # -- building ------------------------------------------------------------------------

    @staticmethod
    def _ordered(profiles: Iterable[Profile]) -> list[Profile]:
        ordered = sorted(profiles, key=lambda p: (p.slug, p.id))
        seen: set[int] = set()
        for profile in ordered:
            if profile.id in seen:
                raise ValueError(f"duplicate profile id {profile.id}")
            seen.add(profile.id)
        return ordered

    def _document_bag(self, profile: Profile) -> dict[int, int]:
        """Mention id -> count in the profile's text and its offered competences' labels."""
        tokens = analyse_tokens(f"{profile.name}. {profile.pitch}. {profile.description}")
        terms = Counter(map(_TERM, tokens))
        for slug in profile.offers:
            terms.update(self._label_term_lists.get(slug, ()))
        known = self._vocabulary.ids.get
        new_id = self._vocabulary.id
        bag = {}
        for term, count in terms.items():
            term_id = known(term)
            bag[new_id(term) if term_id is None else term_id] = count
        return bag

    def _index(
        self, profiles: list[Profile], counts: sparse.csr_matrix, previous: Engine | None = None
    ) -> None:
        """Index ``profiles`` (sorted by slug) whose document term counts are ``counts``
        (reusing what ``previous`` computed for the same profiles)."""
        taxonomy = self.taxonomy
        self.profiles: list[Profile] = profiles
        self.position: dict[int, int] = {p.id: i for i, p in enumerate(profiles)}
        self._ids = np.asarray([p.id for p in profiles], dtype=np.int64)
        contributions = sorted(
            set(taxonomy.contribution_labels)
            | {c for p in profiles for c in p.contributions_offered | p.contributions_sought}
        )
        self._contribution_col = {slug: i for i, slug in enumerate(contributions)}
        countries = sorted({c for p in profiles for c in p.countries})
        self._country_col = {code: i for i, code in enumerate(countries)}
        territories = sorted(
            (set(taxonomy.territory_labels) | {t for p in profiles for t in p.territories})
            - VAGUE_TERRITORIES
        )
        self._territory_col = {slug: i for i, slug in enumerate(territories)}

        self._counts = counts
        width = counts.shape[1]
        document_frequency = np.bincount(counts.indices, minlength=width).astype(np.float32)
        self._idf = np.log((1 + len(profiles)) / (1 + document_frequency)).astype(np.float32) + 1
        self._idf_width = width
        # Queries weigh only terms that some document has (others cannot match anything).
        self._query_idf = self._idf * (document_frequency > 0)
        tf = counts.copy()
        tf.data = 1 + np.log(tf.data)
        self._documents = l2_normalise(tf @ sparse.diags(self._idf).astype(np.float32))
        self._documents_t = sparse.csr_matrix(self._documents.T)
        self._build_structured(previous)

    # Per-profile arrays (the profile is the last axis), built by :meth:`_structured_of`.
    _STRUCTURED = (
        "_offers_d",
        "_offer_categories_d",
        "_needs_d",
        "_contributions_offered_d",
        "_contributions_sought_d",
        "_sdgs_d",
        "_countries_d",
        "_territories_d",
        "_zones_d",
        "_group",
        "_completeness",
        "_unpublished",
    )

    def _structured_of(self, profiles: Sequence[Profile]) -> dict[str, np.ndarray]:
        n_comp = len(self._competence_col)
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
            return rows_matrix(items, columns, max(1, len(columns))).T.toarray()

        return {
            "_offers_d": rows_matrix(
                [p.offers for p in profiles], self._competence_col, n_comp
            ).T.toarray(),
            "_offer_categories_d": dense(category_rows, self._category_col),
            "_needs_d": dense(
                [{n.competence for n in p.needs} - p.offers for p in profiles],
                self._competence_col,
            ),
            "_contributions_offered_d": dense(
                [p.contributions_offered for p in profiles], self._contribution_col
            ),
            # What a profile seeks and does not give itself: a peer, not an answer.
            "_contributions_sought_d": dense(
                [p.contributions_sought - p.contributions_offered for p in profiles],
                self._contribution_col,
            ),
            "_sdgs_d": dense([p.sdgs for p in profiles], self._sdg_col),
            "_countries_d": dense([p.countries for p in profiles], self._country_col),
            "_territories_d": dense([p.territories for p in profiles], self._territory_col),
            "_zones_d": dense([zones_of(p) for p in profiles], self._zone_col),
            "_group": np.asarray(
                [self._group_col[KIND_GROUPS.get(p.kind, "other")] for p in profiles], np.int32
            ),
            "_completeness": np.asarray(
                [min(1.0, max(0.0, p.completeness or 0.0)) for p in profiles], np.float32
            ),
            "_unpublished": np.asarray([not p.published for p in profiles], dtype=bool),
        }

    def _build_structured(self, previous: Engine | None = None) -> None:
        """The structured arrays; from ``previous`` for the profiles it already had (the
        same objects), when the columns (countries, territories…) did not change."""
        profiles = self.profiles
        reusable = previous is not None and (
            previous._contribution_col == self._contribution_col
            and previous._country_col == self._country_col
            and previous._territory_col == self._territory_col
        )
        if previous is not None and reusable:
            old = np.asarray(
                [
                    previous.position[p.id]
                    if p.id in previous.position and previous.profiles[previous.position[p.id]] is p
                    else -1
                    for p in profiles
                ],
                dtype=np.int64,
            )
            kept = old >= 0
            fresh = np.flatnonzero(~kept)
            fresh_arrays = self._structured_of([profiles[i] for i in fresh.tolist()])
            for name in self._STRUCTURED:
                before = getattr(previous, name)
                array = np.empty((*before.shape[:-1], len(profiles)), dtype=before.dtype)
                array[..., kept] = before[..., old[kept]]
                array[..., fresh] = fresh_arrays[name]
                setattr(self, name, array)
        else:
            for name, array in self._structured_of(profiles).items():
                setattr(self, name, array)
        share = self.params.completeness_share
        self._completeness_factor = (1 - share) + share * (self._completeness)
        self._by_member: dict[int, list[int]] = {}
        for i, p in enumerate(profiles):
            for member in p.member_ids:
                self._by_member.setdefault(member, []).append(i)
        self._slug_rank = np.arange(len(profiles), dtype=np.int64)  # profiles sorted by slug

    # -- queries -------------------------------------------------------------------------

    def _tfidf(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Raw query term counts as l2-normalised TF-IDF rows over the documents' terms."""
        matrix = with_width(counts, self._idf_width).copy()
        matrix.data = 1 + np.log(matrix.data)
        return l2_normalise(matrix @ sparse.diags(self._query_idf).astype(np.float32))

    def _query_bag(
        self, tokens: Iterable[Any], surfaces: dict[int, str] | None, grow: bool
    ) -> Counter[int]:
        bag: Counter[int] = Counter()
        ids = self._vocabulary.ids
        add = self._vocabulary.id
        for token in tokens:
            term = add(token.term) if grow else ids.get(token.term)
            if term is None:
                continue
            bag[term] += 1
            if surfaces is not None and term not in surfaces:
                surfaces[term] = token.surface
        return bag
