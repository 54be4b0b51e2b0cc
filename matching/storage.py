"""Writing rankings in bulk, for :mod:`matching.services` (which decides what to write).

For each organisation ranked, its best candidates are upserted (score, reasons, answered
needs, computed at: the state is never touched), the new or seen rows that fell out of the
ranking are deleted (dismissed and contacted rows stay), and its :class:`Ranking` row
records when and the scores that let a later change be settled without ranking again.
"""

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from matching.batches import Ranked
from matching.models import Ranking, Suggestion
from matching.reasons import Match

# Organisations written per transaction by a full recompute.
CHUNK = 500
# Rows per statement (old SQLite builds allow 999 parameters per statement).
BULK_SIZE = 500
# What a new ranking may delete: rows the organisation did nothing with.
REPLACEABLE = (Suggestion.State.NEW, Suggestion.State.SEEN)


@dataclass
class Written:
    rows: int = 0  # suggestions inserted or updated
    deleted: int = 0  # suggestions that fell out of a list


class Row(NamedTuple):
    organisation_id: int
    candidate_id: int
    score: float
    reasons: list[dict]
    answered_needs: list[str]

    @classmethod
    def of(cls, organisation_id: int, found: Match) -> "Row":
        return cls(
            organisation_id,
            found.candidate_id,
            found.score,
            [reason.to_dict() for reason in found.reasons],
            list(found.answered_needs),
        )


def store_rankings(*, ranked: Mapping[int, Ranked], organisation_ids: Collection[int]) -> Written:
    """Write the rankings of ``organisation_ids``; those absent from ``ranked`` seek
    nothing (or left the network) and lose their list."""
    written = Written()
    ids = sorted(set(organisation_ids))
    for start in range(0, len(ids), CHUNK):
        _store_chunk(ranked, ids[start : start + CHUNK], written)
    return written


@transaction.atomic
def _store_chunk(
    ranked: Mapping[int, Ranked], organisation_ids: list[int], written: Written
) -> None:
    now = timezone.now()
    rows = [
        Row.of(organisation_id, found)
        for organisation_id in organisation_ids
        for found in (ranked[organisation_id].suggestions if organisation_id in ranked else ())
    ]
    keep = {(row.organisation_id, row.candidate_id) for row in rows}
    stale = [
        pk
        for pk, organisation_id, candidate_id in Suggestion.objects.filter(
            organisation_id__in=organisation_ids, state__in=REPLACEABLE
        ).values_list("pk", "organisation_id", "candidate_id")
        if (organisation_id, candidate_id) not in keep
    ]
    written.deleted += delete_rows(stale)
    upsert_rows(rows, now=now)
    written.rows += len(rows)
    Ranking.objects.filter(
        organisation_id__in=[pk for pk in organisation_ids if pk not in ranked]
    ).delete()
    upsert_rankings(
        [
            Ranking(
                organisation_id=organisation_id,
                computed_at=now,
                listed=[found.candidate_id for found in ranked[organisation_id].suggestions],
                reserve=[list(entry) for entry in ranked[organisation_id].reserve],
                floor=ranked[organisation_id].floor,
            )
            for organisation_id in organisation_ids
            if organisation_id in ranked
        ]
    )


def delete_rows(pks: list[int]) -> int:
    """Delete these suggestions unless the organisation acted on them meanwhile."""
    deleted = 0
    for start in range(0, len(pks), BULK_SIZE):
        count, _ = Suggestion.objects.filter(
            pk__in=pks[start : start + BULK_SIZE], state__in=REPLACEABLE
        ).delete()
        deleted += count
    return deleted


def upsert_rankings(rankings: list[Ranking], *, fields: Iterable[str] | None = None) -> None:
    Ranking.objects.bulk_create(
        rankings,
        batch_size=BULK_SIZE,
        update_conflicts=True,
        unique_fields=["organisation"],
        update_fields=list(fields or ("computed_at", "listed", "reserve", "floor")),
    )


_UPSERTED = ("score", "reasons", "answered_needs", "computed_at", "updated_at")


def upsert_rows(rows: list[Row], *, now: datetime) -> None:
    """Insert these suggestions, or update their score, reasons and times where the pair
    exists (never the state). On PostgreSQL through COPY into a temporary table: Django's
    bulk insert quotes the JSON client-side, five times slower."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        Suggestion.objects.bulk_create(
            [Suggestion(**row._asdict(), computed_at=now) for row in rows],
            batch_size=BULK_SIZE,
            update_conflicts=True,
            unique_fields=["organisation", "candidate"],
            update_fields=list(_UPSERTED),
        )
        return
    table = Suggestion._meta.db_table
    columns = "organisation_id, candidate_id, score, reasons, answered_needs"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS matching_suggestion_load ("
            " organisation_id bigint, candidate_id bigint, score double precision,"
            " reasons jsonb, answered_needs jsonb) ON COMMIT DELETE ROWS"
        )
        with cursor.cursor.copy(f"COPY matching_suggestion_load ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    (
                        row.organisation_id,
                        row.candidate_id,
                        row.score,
                        json.dumps(row.reasons, ensure_ascii=False),
                        json.dumps(row.answered_needs),
                    )
                )
        cursor.execute(
            f"INSERT INTO {table} ({columns}, state, computed_at, created_at, updated_at) "
            f"SELECT {columns}, %s, %s, %s, %s FROM matching_suggestion_load "
            "ON CONFLICT (organisation_id, candidate_id) DO UPDATE SET "
            + ", ".join(f"{name} = EXCLUDED.{name}" for name in _UPSERTED),
            [Suggestion.State.NEW, now, now, now],
        )
        cursor.execute("TRUNCATE matching_suggestion_load")
