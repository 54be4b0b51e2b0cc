"""The plain containers the engine computes with: a batch of seekers' queries, the
candidate side of the scores, and one seeker's ranking. No Django here."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import sparse

from matching.matrices import with_width
from matching.profiles import Profile
from matching.reasons import Match


@dataclass
class SeekerBatch:
    """Everything about a batch of seekers, as matrices aligned with ``seekers``.

    Queries are kept as raw term counts; the engine weighs them with its current IDF when
    it scores, so a batch stays valid across :meth:`Engine.update`.
    """

    seekers: list[Profile]
    need_owner: np.ndarray  # need row -> seeker row
    need_competence: list[str]
    need_counts: sparse.csr_matrix  # need rows x vocabulary (raw counts)
    desc_counts: sparse.csr_matrix  # seekers x vocabulary (raw counts)
    query_surfaces: list[dict[int, str]]  # per seeker: term id -> surface word

    def without(self, ids: Collection[int]) -> SeekerBatch:
        """The same batch minus the seekers whose id is in ``ids``."""
        keep = np.asarray([s.id not in ids for s in self.seekers], dtype=bool)
        new_row = np.cumsum(keep) - 1
        need_keep = keep[self.need_owner] if len(self.need_owner) else np.zeros(0, dtype=bool)
        return SeekerBatch(
            seekers=[s for s, k in zip(self.seekers, keep, strict=True) if k],
            need_owner=new_row[self.need_owner[need_keep]].astype(np.int64),
            need_competence=[c for c, k in zip(self.need_competence, need_keep, strict=True) if k],
            need_counts=self.need_counts[np.flatnonzero(need_keep)],
            desc_counts=self.desc_counts[np.flatnonzero(keep)],
            query_surfaces=[q for q, k in zip(self.query_surfaces, keep, strict=True) if k],
        )

    def plus(self, other: SeekerBatch) -> SeekerBatch:
        """This batch followed by ``other``."""
        width = max(self.desc_counts.shape[1], other.desc_counts.shape[1])
        return SeekerBatch(
            seekers=[*self.seekers, *other.seekers],
            need_owner=np.concatenate(
                [self.need_owner, other.need_owner + len(self.seekers)]
            ).astype(np.int64),
            need_competence=[*self.need_competence, *other.need_competence],
            need_counts=sparse.vstack(
                [with_width(self.need_counts, width), with_width(other.need_counts, width)],
                format="csr",
            ),
            desc_counts=sparse.vstack(
                [with_width(self.desc_counts, width), with_width(other.desc_counts, width)],
                format="csr",
            ),
            query_surfaces=[*self.query_surfaces, *other.query_surfaces],
        )


class Ranked(NamedTuple):
    """One seeker's ranking: its suggestions, best first; the next best candidates as
    ``(id, score)`` (the reserve), each scoring above ``floor``; and ``floor``, the best
    score of the candidates left out of both (``None`` when there is none)."""

    suggestions: list[Match]
    reserve: list[tuple[int, float]]
    floor: float | None


@dataclass
class Columns:
    """The candidate side of the scores: profile arrays for all profiles or a few."""

    positions: np.ndarray | None  # None: every profile
    size: int
    documents_t: sparse.csr_matrix
    offers: np.ndarray
    offer_categories: np.ndarray
    needs: np.ndarray
    contributions_offered: np.ndarray
    contributions_sought: np.ndarray
    sdgs: np.ndarray
    countries: np.ndarray
    territories: np.ndarray
    zones: np.ndarray
    group: np.ndarray
    completeness_factor: np.ndarray
