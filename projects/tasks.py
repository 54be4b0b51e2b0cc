"""Celery tasks for introductions: thin and idempotent (each step is claimed in the
database, so a second run or a second worker sends nothing twice)."""

from celery import shared_task

from projects import introductions


@shared_task(time_limit=300, soft_time_limit=270)
def introductions_remind() -> int:
    """Halfway through the reply window, one reminder to the receiver (Celery beat)."""
    return introductions.introductions_send_reminders()


@shared_task(time_limit=300, soft_time_limit=270)
def introductions_expire() -> int:
    """Past the reply window, the request expires and both sides are told (Celery beat)."""
    return introductions.introductions_expire()
