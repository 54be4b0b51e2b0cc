"""Scoring seekers against every profile: one batch of seekers, their needs against the
candidates' offers and texts, and the other signals, weighted by ``Params``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from analysis import analyse_tokens
from matching.batches import Columns, SeekerBatch
from matching.matrices import counts_matrix, rows_matrix
from matching.profiles import Profile
from matching.weights import (
    KIND_GROUPS,
    hands_on,
    zones_of,
)

_TERM = attrgetter("term")

if TYPE_CHECKING:
    pass


class ScoringParts:
    """The scoring half of the engine. Mixed into :class:`matching.engine.Engine`, whose
    ``__init__`` sets the attributes used here."""

    def _batch(
        self, seekers: list[Profile], need_filter: Collection[str] | None, grow: bool = False
    ) -> SeekerBatch:
        """The seekers' queries. ``grow`` keeps words that no document has yet (in the
        vocabulary, weighed 0 until a document has them): for a batch kept across
        :meth:`update`, where a changed profile may bring the very words a need uses."""
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
                bag = self._query_bag(tokens, own, grow)
                bag.update(self._query_bag(self._label_tokens.get(need.competence, ()), None, grow))
                need_owner.append(row)
                need_competence.append(need.competence)
                need_bags.append(bag)
            desc_bags.append(self._query_bag(analyse_tokens(seeker.needs_description), own, grow))
            surfaces.append(own)
        width = len(self._vocabulary)
        return SeekerBatch(
            seekers=seekers,
            need_owner=np.asarray(need_owner, dtype=np.int64),
            need_competence=need_competence,
            need_counts=counts_matrix(need_bags, width),
            desc_counts=counts_matrix(desc_bags, width),
            query_surfaces=surfaces,
        )

    def _columns(self, positions: np.ndarray | None) -> Columns:
        if positions is None:
            return Columns(
                positions=None,
                size=len(self.profiles),
                documents_t=self._documents_t,
                offers=self._offers_d,
                offer_categories=self._offer_categories_d,
                needs=self._needs_d,
                contributions_offered=self._contributions_offered_d,
                contributions_sought=self._contributions_sought_d,
                sdgs=self._sdgs_d,
                countries=self._countries_d,
                territories=self._territories_d,
                zones=self._zones_d,
                group=self._group,
                completeness_factor=self._completeness_factor,
            )
        return Columns(
            positions=positions,
            size=len(positions),
            documents_t=sparse.csr_matrix(self._documents[positions].T),
            offers=self._offers_d[:, positions],
            offer_categories=self._offer_categories_d[:, positions],
            needs=self._needs_d[:, positions],
            contributions_offered=self._contributions_offered_d[:, positions],
            contributions_sought=self._contributions_sought_d[:, positions],
            sdgs=self._sdgs_d[:, positions],
            countries=self._countries_d[:, positions],
            territories=self._territories_d[:, positions],
            zones=self._zones_d[:, positions],
            group=self._group[positions],
            completeness_factor=self._completeness_factor[positions],
        )

    def _cosines(
        self, documents_t: sparse.csr_matrix, *queries: sparse.csr_matrix
    ) -> tuple[np.ndarray, ...]:
        """Cosines (query rows x profiles) of l2-normalised TF-IDF rows, in one product."""
        stacked = sparse.vstack(queries, format="csr")
        cosines = (stacked @ documents_t).toarray()
        splits = np.cumsum([q.shape[0] for q in queries])[:-1]
        return tuple(np.split(cosines, splits, axis=0))

    def _scores(
        self, batch: SeekerBatch, columns: Columns
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Scores (seekers x columns), evidence (same shape) and exact-need hits per need."""
        seekers = batch.seekers
        n_seekers, n_profiles = len(seekers), columns.size
        n_needs = len(batch.need_owner)
        # Per need: competence (exact, else same category) and words.
        need_cols = np.asarray(
            [self._competence_col.get(c, -1) for c in batch.need_competence], dtype=np.int64
        )
        known = need_cols >= 0
        exact = np.zeros((n_needs, n_profiles), np.float32)
        # The (needs x profiles) arrays are the big ones: computed in place, in ``per_need``.
        per_need = np.zeros((n_needs, n_profiles), np.float32)
        if known.any():
            exact[known] = columns.offers[need_cols[known]]
            categories = self._category_of[need_cols[known]]
            per_need[known] = (
                self._category_credit[categories][:, None] * columns.offer_categories[categories]
            )
        np.maximum(exact, per_need, out=per_need)  # competence: exact, else same category
        need_text, words_raw = self._cosines(
            columns.documents_t, self._tfidf(batch.need_counts), self._tfidf(batch.desc_counts)
        )
        np.divide(need_text, self.params.text_saturation, out=need_text)
        np.minimum(need_text, 1.0, out=need_text)
        per_need *= self.params.need_competence_share
        need_text *= 1 - self.params.need_competence_share
        per_need += need_text
        del need_text

        needs_signal = np.zeros((n_seekers, n_profiles), np.float32)
        if n_needs:
            starts = np.flatnonzero(np.r_[True, batch.need_owner[1:] != batch.need_owner[:-1]])
            owners = batch.need_owner[starts]
            counts = np.diff(np.r_[starts, n_needs])
            best = np.maximum.reduceat(per_need, starts, axis=0)
            mean = np.add.reduceat(per_need, starts, axis=0) / counts[:, None]
            needs_signal[owners] = 0.5 * best + 0.5 * mean

        words = np.minimum(words_raw / self.params.text_saturation, 1.0)
        # A seeker with no words about its needs leans on its needs alone.
        has_words = np.asarray([bool(s.needs_description.strip()) for s in seekers])
        words[~has_words] = needs_signal[~has_words]

        def rows(items: Iterable[Iterable[Any]], columns: Mapping[Any, int]) -> np.ndarray:
            return rows_matrix(list(items), columns, max(1, len(columns))).toarray()

        def ratio(seeker_rows: np.ndarray, profile_columns: np.ndarray) -> np.ndarray:
            sizes = seeker_rows.sum(axis=1)
            sizes[sizes == 0] = 1
            return (seeker_rows @ profile_columns) / sizes[:, None]

        sought = rows((s.contributions_sought for s in seekers), self._contribution_col)
        contributions = ratio(sought, columns.contributions_offered)
        contributions[sought.sum(axis=1) == 0] = 0.5  # nothing asked: neutral
        peer = ratio(sought, columns.contributions_sought)
        need_rows = rows(({n.competence for n in s.needs} for s in seekers), self._competence_col)
        peer = np.maximum(peer, np.minimum(ratio(need_rows, columns.needs), 1.0))

        groups = np.asarray(
            [self._group_col[KIND_GROUPS.get(s.kind, "other")] for s in seekers], np.int32
        )
        kind = self._affinity[groups][:, columns.group]

        sdgs = ratio(rows((s.sdgs for s in seekers), self._sdg_col), columns.sdgs)
        countries = np.minimum(
            rows((s.countries for s in seekers), self._country_col) @ columns.countries, 1.0
        )
        same_place = np.minimum(
            rows((s.territories for s in seekers), self._territory_col) @ columns.territories,
            1.0,
        )
        near = np.minimum(rows((zones_of(s) for s in seekers), self._zone_col) @ columns.zones, 1.0)
        territory = np.maximum(same_place, self.params.zone_credit * near)
        hands = np.asarray([hands_on(s) for s in seekers], np.float32)
        remote = self.params.remote_territory_share
        territory *= (remote + (1 - remote) * hands)[:, None]

        w = self.params.weights
        score = (
            w["needs"] * needs_signal
            + w["words"] * words
            + w["contributions"] * contributions
            + w["kind"] * kind
            + w["countries"] * countries
            + w["territory"] * territory
            + w["sdgs"] * sdgs
            - self.params.peer_penalty * peer
        )
        score *= columns.completeness_factor[None, :]
        np.clip(score, 0.0, 1.0, out=score)
        evidence = np.maximum(needs_signal, words)
        return score.astype(np.float32), evidence, exact
