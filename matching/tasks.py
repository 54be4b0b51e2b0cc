"""Celery tasks for matching: thin, taking ids, idempotent (a recompute can run twice)."""

import logging
import threading
import time

from celery import shared_task
from celery.signals import worker_process_init
from django.db import connections

from matching import network, services

logger = logging.getLogger(__name__)


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


def warm_up() -> float:
    """Build the network's engine now, so the first recompute only patches it."""
    started = time.perf_counter()
    network.network_engine()
    seconds = time.perf_counter() - started
    logger.info("matching engine warm in %.2f s", seconds)
    return seconds


@worker_process_init.connect(dispatch_uid="matching_warm_up")
def _warm_up_when_a_worker_starts(**kwargs) -> None:
    # In a thread: a worker process must finish starting quickly; a task that arrives
    # meanwhile waits on the engine's lock for the build already under way.
    threading.Thread(target=_warm_up_in_thread, name="matching-warm-up", daemon=True).start()


def _warm_up_in_thread() -> None:
    try:
        warm_up()
    except Exception:
        logger.exception("matching engine warm-up failed; the first task will build it")
    finally:
        connections.close_all()  # this thread's own connections
