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
(the model's parameters), :mod:`matching.reasons` (reasons: finding and rendering them),
:mod:`matching.batches` and :mod:`matching.matrices` (containers and sparse helpers), and
this one (the index, scoring and ranking; it reads the parameters through its own
globals, which the evaluation's ablation patches). Names are re-exported here.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from operator import attrgetter
from typing import Any

import numpy as np
from scipy import sparse

from analysis import analyse_tokens
from matching.batches import Columns, Ranked, SeekerBatch
from matching.matrices import Vocabulary, counts_matrix, l2_normalise, rows_matrix, with_width
from matching.profiles import Profile, Taxonomy
from matching.reasons import (
    Match,
    Mention,
    Reason,
    find_reasons,
    pick_words,
)
from matching.weights import (
    BATCH_NEEDS,
    DEFAULT_AFFINITY,
    GROUPS,
    KIND_AFFINITY,
    KIND_GROUPS,
    VAGUE_TERRITORIES,
    ZONES,
    Params,
    hands_on,
    zones_of,
)

_TERM = attrgetter("term")


class Engine:
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

    def _excluded(self, seeker: Profile, exclude_ids: Collection[int]) -> np.ndarray:
        """Profiles (positions) never to suggest to ``seeker``."""
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
        batch: SeekerBatch,
        limit: int,
        exclude: Mapping[int, Collection[int]],
        reserve: int = 0,
    ) -> Iterator[tuple[Profile, Ranked]]:
        scores, evidence, exact = self._scores(batch, self._columns(None))
        need_rows_of: dict[int, list[int]] = {}
        for need_row, owner in enumerate(batch.need_owner.tolist()):
            need_rows_of.setdefault(owner, []).append(need_row)
        for row, seeker in enumerate(batch.seekers):
            allowed = ~self._excluded(seeker, exclude.get(seeker.id, ()))
            allowed &= evidence[row] >= self.params.min_evidence
            top = self._top(scores[row], allowed, limit + reserve + 1)
            after = [
                (int(self._ids[p]), round(float(scores[row, p]), 4)) for p in top[limit:].tolist()
            ]
            floor = after[reserve][1] if len(after) > reserve else None
            kept = [entry for entry in after[:reserve] if floor is None or entry[1] > floor]
            top = top[:limit]
            suggestions = []
            for position in top.tolist():
                rows = need_rows_of.get(row, [])
                answered = tuple(batch.need_competence[r] for r in rows if exact[r, position] > 0)
                suggestions.append(
                    Match(
                        candidate_id=int(self._ids[position]),
                        score=round(float(scores[row, position]), 4),
                        reasons=self._reasons(batch, row, position, need_filter_rows=rows),
                        answered_needs=answered,
                    )
                )
            yield seeker, Ranked(suggestions, kept, floor)

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

    def _all_seekers(self) -> SeekerBatch:
        """Every indexed profile with needs, analysed once and kept across :meth:`update`."""
        if self._seekers is None:
            self._seekers = self._batch([p for p in self.profiles if p.has_needs], None, grow=True)
        return self._seekers

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

    # -- reasons -------------------------------------------------------------------------

    def _reasons(
        self, batch: SeekerBatch, row: int, position: int, need_filter_rows: list[int]
    ) -> tuple[Reason, ...]:
        return find_reasons(
            taxonomy=self.taxonomy,
            seeker=batch.seekers[row],
            candidate=self.profiles[position],
            needed=[batch.need_competence[r] for r in need_filter_rows],
            shared_words=lambda exact: self._shared_words(batch, row, position, exact),
        )

    def _shared_words(
        self, batch: SeekerBatch, row: int, position: int, exact: list[str]
    ) -> tuple[Mention, ...]:
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
        # Words already said by an "offers" reason are not repeated.
        said: set[str] = set()
        for slug in exact:
            said |= self._label_terms.get(slug, frozenset())
        return pick_words(common, weights, self._vocabulary.terms, surfaces, said)
