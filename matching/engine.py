"""The matching engine: who answers an organisation's needs, and why. No Django here.

Feed it plain data (a :class:`Taxonomy` and :class:`Profile` objects), build an
:class:`Engine` once, then ask :meth:`Engine.suggest` for one organisation or
:meth:`Engine.suggest_all` for the whole network. When a few profiles change,
:meth:`Engine.update` gives a new engine in a fraction of the build time, and
:meth:`Engine.candidate_scores` tells how the changed profiles now score, as candidates,
for every seeker (what an incremental recompute needs).

Scoring (every signal lies in 0..1, the weights add up to 1, so a score lies in 0..1 and
means the same in every answer; the weights are in :mod:`matching.weights`):

* **needs** — for each need of the seeker: the competence (offered exactly: 1; another
  competence of the same category: :data:`CATEGORY_CREDIT`) and the need's own words (the
  free text and the competence's labels in both languages) against the candidate's text
  (pitch, description, labels of its offered competences in French and English), by
  TF-IDF cosine over the bilingual analyser of :mod:`analysis`. Needs are combined
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

Modules, by topic: :mod:`matching.profiles` (the input dataclasses), :mod:`matching.weights`
(the model's parameters, and :class:`~matching.weights.Params` that the engine takes),
:mod:`matching.reasons` (reasons: finding and rendering them), :mod:`matching.batches` and
:mod:`matching.matrices` (containers and sparse helpers); the engine itself is this class
(building, updating, the public queries) with its parts by topic: :mod:`matching.index`
(the TF-IDF index and structured columns), :mod:`matching.scoring` (the signals),
:mod:`matching.ranking` (exclusions and top candidates), :mod:`matching.explaining`
(reasons and shared words). Text goes through :mod:`analysis`.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from operator import attrgetter

import numpy as np
from scipy import sparse

from analysis import analyse_tokens
from matching.batches import Ranked, SeekerBatch
from matching.explaining import ExplainingParts
from matching.index import IndexParts
from matching.matrices import Vocabulary, counts_matrix, with_width
from matching.profiles import Profile, Taxonomy
from matching.ranking import RankingParts
from matching.reasons import Match
from matching.scoring import ScoringParts
from matching.weights import (
    BATCH_NEEDS,
    DEFAULT_AFFINITY,
    GROUPS,
    KIND_AFFINITY,
    ZONES,
    Params,
)

_TERM = attrgetter("term")


class Engine(IndexParts, ScoringParts, RankingParts, ExplainingParts):
    """An index over all profiles, built once, queried many times.

    ``Engine(taxonomy, profiles)``; then :meth:`suggest` for one seeker, :meth:`suggest_for`
    for a profile that is not in the index (a project's needs), :meth:`suggest_all` for
    every profile with needs, :meth:`update` when a few profiles change and
    :meth:`candidate_scores` to score a few candidates for every seeker.

    Not safe for concurrent calls from several threads (:meth:`suggest_all` runs its own
    threads internally).
    """

    def __init__(
        self, taxonomy: Taxonomy, profiles: Iterable[Profile], params: Params | None = None
    ) -> None:
        self.taxonomy = taxonomy
        self.params = params or Params()
        competences = sorted(taxonomy.competence_category)
        self._competence_col = {slug: i for i, slug in enumerate(competences)}
        categories = sorted(set(taxonomy.competence_category.values()))
        self._category_col = {slug: i for i, slug in enumerate(categories)}
        self._category_of = np.asarray(
            [self._category_col[taxonomy.competence_category[c]] for c in competences],
            dtype=np.int32,
        )
        self._category_credit = np.asarray(
            [
                self.params.category_credit_overrides.get(c, self.params.category_credit)
                for c in categories
            ],
            dtype=np.float32,
        )
        self._sdg_col = {n: n - 1 for n in range(1, 18)}
        self._zone_col = {zone: i for i, zone in enumerate(sorted(ZONES))}
        self._group_col = {g: i for i, g in enumerate(GROUPS)}
        self._affinity = np.full((len(GROUPS), len(GROUPS)), DEFAULT_AFFINITY, np.float32)
        for seeker_group, row in KIND_AFFINITY.items():
            for candidate_group, value in row.items():
                self._affinity[self._group_col[seeker_group], self._group_col[candidate_group]] = (
                    value
                )
        # Analysed competence labels (both languages), reused for documents and queries.
        self._label_tokens = {
            slug: analyse_tokens(label.fr, "fr") + analyse_tokens(label.en, "en")
            for slug, label in taxonomy.competence_labels.items()
        }
        self._label_terms = {
            slug: frozenset(t.term for t in tokens) for slug, tokens in self._label_tokens.items()
        }
        self._label_term_lists = {
            slug: [t.term for t in tokens] for slug, tokens in self._label_tokens.items()
        }
        self._vocabulary = Vocabulary()
        self._seekers: SeekerBatch | None = None
        self._seeker_rows: tuple[SeekerBatch, dict[int, tuple[int, list[int]]]] | None = None
        ordered = self._ordered(profiles)
        bags = [self._document_bag(p) for p in ordered]
        self._index(ordered, counts_matrix(bags, len(self._vocabulary)))

    def update(self, profiles: Iterable[Profile], removed_ids: Collection[int] = ()) -> Engine:
        """A new engine with these profiles added or replaced and ``removed_ids`` dropped.

        Only the changed profiles' texts are analysed again; the others' term counts are
        reused, then the IDF and the structured arrays are recomputed, so the result scores
        as a freshly built engine would. This engine is left as it was.
        """
        changed = {p.id: p for p in profiles}
        gone = set(removed_ids) | set(changed)
        new = copy.copy(self)
        new._vocabulary = self._vocabulary.copy()
        kept = [p for p in self.profiles if p.id not in gone]
        fresh = list(changed.values())
        bags = [new._document_bag(p) for p in fresh]
        width = len(new._vocabulary)
        kept_rows = with_width(self._counts[[self.position[p.id] for p in kept]], width)
        stacked = sparse.vstack([kept_rows, counts_matrix(bags, width)], format="csr")
        source = {p.id: i for i, p in enumerate([*kept, *fresh])}
        ordered = new._ordered([*kept, *fresh])
        new._index(ordered, stacked[[source[p.id] for p in ordered]], previous=self)
        if self._seekers is not None:
            seekers = [p for p in fresh if p.has_needs]
            new._seekers = self._seekers.without(gone).plus(new._batch(seekers, None, grow=True))
        return new

    def suggest_for(
        self,
        seeker: Profile,
        *,
        limit: int = 10,
        exclude_ids: Collection[int] = frozenset(),
        need_filter: Collection[str] | None = None,
    ) -> list[Match]:
        """Rank indexed profiles for ``seeker``, which need not be in the index.

        For a project: a Profile with the owner organisation's id, slug, kind, member ids
        and places, and the project's needs and SDGs.
        """
        batch = self._batch([seeker], need_filter)
        if not len(batch.need_owner) and not seeker.needs_description.strip():
            return []
        for _, ranked in self._rank(batch, limit, {seeker.id: exclude_ids}):
            return ranked.suggestions
        return []

    def suggest(
        self,
        profile_id: int,
        limit: int = 10,
        exclude_ids: Collection[int] = frozenset(),
        need_filter: Collection[str] | None = None,
    ) -> list[Match]:
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
    ) -> dict[int, list[Match]]:
        """Suggestions for every published profile with needs (or for ``profile_ids``).

        ``exclude`` maps a seeker id to the candidate ids it dismissed. Seekers are scored
        in batches, ``workers`` batches at a time (numpy and scipy release the GIL).
        """
        ranked = self.rank_all(limit, exclude=exclude, profile_ids=profile_ids, workers=workers)
        return {seeker: r.suggestions for seeker, r in ranked.items()}

    def rank_all(
        self,
        limit: int = 10,
        *,
        exclude: Mapping[int, Collection[int]] | None = None,
        profile_ids: Collection[int] | None = None,
        workers: int = 2,
        reserve: int = 0,
    ) -> dict[int, Ranked]:
        """As :meth:`suggest_all`, with the ``reserve`` next best candidates of each list
        and the best score below them: what a later change of a few candidates needs to
        settle the list without ranking it again."""
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

        def run(batch: list[Profile]) -> list[tuple[Profile, Ranked]]:
            if not batch:
                return []
            return list(self._rank(self._batch(batch, None), limit, exclude, reserve))

        result: dict[int, Ranked] = {}
        if workers > 1 and len(batches) > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                done = list(pool.map(run, batches))
        else:
            done = [run(batch) for batch in batches]
        for ranked in done:
            for seeker, found in ranked:
                result[seeker.id] = found
        return result

    def candidate_scores(
        self,
        candidate_ids: Collection[int],
        *,
        exclude: Mapping[int, Collection[int]] | None = None,
    ) -> dict[int, dict[int, float]]:
        """How ``candidate_ids`` score for every indexed profile with needs.

        Maps each seeker id (published or not: an organisation under review may already see
        suggestions) to ``{candidate id: score}`` for those candidates that
        :meth:`suggest` could return to it (published, not itself, no shared member, not
        in ``exclude[seeker]``, some evidence), with the same scores. The seekers' queries
        are analysed once and kept across :meth:`update`, so after a change this costs
        milliseconds, not a full ranking.
        """
        exclude = exclude or {}
        positions = np.asarray(
            sorted(self.position[c] for c in set(candidate_ids) if c in self.position),
            dtype=np.int64,
        )
        batch = self._all_seekers()
        if not positions.size or not batch.seekers:
            return {s.id: {} for s in batch.seekers}
        scores, evidence, _ = self._scores(batch, self._columns(positions))
        candidate_ids_at = self._ids[positions]
        blocked = self._unpublished[positions]
        members = [self.profiles[p].member_ids for p in positions.tolist()]
        result: dict[int, dict[int, float]] = {}
        for row, seeker in enumerate(batch.seekers):
            excluded = exclude.get(seeker.id, ())
            found: dict[int, float] = {}
            for i, candidate in enumerate(candidate_ids_at.tolist()):
                if (
                    blocked[i]
                    or candidate == seeker.id
                    or candidate in excluded
                    or evidence[row, i] < self.params.min_evidence
                    or not members[i].isdisjoint(seeker.member_ids)
                ):
                    continue
                found[candidate] = round(float(scores[row, i]), 4)
            result[seeker.id] = found
        return result

    def explain(self, seeker_id: int, candidate_id: int, score: float) -> Match:
        """The suggestion of ``candidate_id`` to ``seeker_id`` (an indexed profile with
        needs) with its reasons and answered needs, as :meth:`suggest` gives it, for a
        ``score`` found by :meth:`candidate_scores`."""
        batch = self._all_seekers()
        if self._seeker_rows is None or self._seeker_rows[0] is not batch:
            rows: dict[int, list[int]] = {}
            for need_row, owner in enumerate(batch.need_owner.tolist()):
                rows.setdefault(owner, []).append(need_row)
            self._seeker_rows = (
                batch,
                {seeker.id: (row, rows.get(row, [])) for row, seeker in enumerate(batch.seekers)},
            )
        row, need_rows = self._seeker_rows[1][seeker_id]
        position = self.position[candidate_id]
        offers = self.profiles[position].offers
        return Match(
            candidate_id=candidate_id,
            score=score,
            reasons=self._reasons(batch, row, position, need_filter_rows=need_rows),
            answered_needs=tuple(
                batch.need_competence[r]
                for r in need_rows
                if batch.need_competence[r] in offers
                and batch.need_competence[r] in self._competence_col
            ),
        )
