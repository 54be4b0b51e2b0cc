"""Explaining a suggestion: its reasons and the words the two profiles share."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from matching.batches import SeekerBatch
from matching.reasons import (
    Mention,
    Reason,
    find_reasons,
    pick_words,
)

_TERM = attrgetter("term")

if TYPE_CHECKING:
    pass


class ExplainingParts:
    """The explaining part of the engine. Mixed into :class:`matching.engine.Engine`, whose
    ``__init__`` sets the attributes used here."""

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
