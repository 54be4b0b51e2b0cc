"""The calendar's periodic jobs (Celery beat): thin, idempotent."""

from celery import shared_task

from events import services


@shared_task(time_limit=300, soft_time_limit=280)
def waitlist_sweep() -> int:
    """Catch-up: free places go to the first people waiting (the services already promote
    at once; this catches anything missed, e.g. a place freed by a deleted account)."""
    return services.waitlist_sweep()


@shared_task(time_limit=600, soft_time_limit=580)
def reminders_send() -> int:
    """The day-before reminders; running it again sends nothing twice."""
    return services.reminders_send()
