"""Celery tasks for matching: thin, taking ids, idempotent (a recompute can run twice)."""

from celery import shared_task

from matching import services


@shared_task(time_limit=300, soft_time_limit=270, acks_late=True)
def recompute_for_organisations(organisation_ids: list[int], as_candidates: bool = True) -> dict:
    """Recompute after these organisations changed (queued after commit by
    ``actors.services.organisation_changed``, and after a dismissal)."""
    result = services.suggestions_recompute(
        organisation_ids=[int(pk) for pk in organisation_ids], as_candidates=as_candidates
    )
    return {"organisations": result.organisations, "seconds": result.seconds}


@shared_task(time_limit=1800, soft_time_limit=1700, acks_late=True)
def recompute_all() -> dict:
    """The nightly full recompute (Celery beat): also catches up anything lost."""
    result = services.suggestions_recompute_all()
    return {"organisations": result.organisations, "seconds": result.seconds}
