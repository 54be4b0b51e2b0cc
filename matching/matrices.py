"""Small sparse-matrix helpers for the matching engine. No Django here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

import numpy as np
from scipy import sparse


class Vocabulary:
    """Index terms and their column numbers; columns are only ever appended."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []

    def id(self, term: str) -> int:
        index = self.ids.get(term)
        if index is None:
            index = self.ids[term] = len(self.terms)
            self.terms.append(term)
        return index

    def copy(self) -> Vocabulary:
        other = Vocabulary()
        other.ids = dict(self.ids)
        other.terms = list(self.terms)
        return other

    def __len__(self) -> int:
        return len(self.terms)


def rows_matrix(
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


def counts_matrix(bags: Sequence[Mapping[int, float]], width: int) -> sparse.csr_matrix:
    """One row per bag of term counts, with sorted column indices."""
    indptr = np.zeros(len(bags) + 1, dtype=np.int64)
    np.cumsum([len(bag) for bag in bags], out=indptr[1:])
    total = int(indptr[-1])
    indices = np.fromiter(chain.from_iterable(bags), dtype=np.int32, count=total)
    data = np.fromiter(
        chain.from_iterable(bag.values() for bag in bags), dtype=np.float32, count=total
    )
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(bags), width))
    matrix.sort_indices()
    return matrix


def with_width(matrix: sparse.csr_matrix, width: int) -> sparse.csr_matrix:
    """The same rows with ``width`` columns (cut or padded with empty columns)."""
    if matrix.shape[1] == width:
        return matrix
    if matrix.shape[1] > width:
        return sparse.csr_matrix(matrix[:, :width])
    return sparse.csr_matrix(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width)
    )


def l2_normalise(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms).astype(np.float32) @ matrix)
