"""Ranking: who may never be suggested to a seeker, and the best allowed candidates."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING

import numpy as np

from matching.batches import Ranked, SeekerBatch
from matching.profiles import Profile
from matching.reasons import (
    Match,
)

_TERM = attrgetter("term")

if TYPE_CHECKING:
    pass


class RankingParts:
    """The ranking part of the engine. Mixed into :class:`matching.engine.Engine`, whose
    ``__init__`` sets the attributes used here."""

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

    def _all_seekers(self) -> SeekerBatch:
        """Every indexed profile with needs, analysed once and kept across :meth:`update`."""
        if self._seekers is None:
            self._seekers = self._batch([p for p in self.profiles if p.has_needs], None, grow=True)
        return self._seekers
