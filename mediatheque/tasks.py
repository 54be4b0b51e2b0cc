"""The médiathèque's background work: thin tasks that take ids and call a service."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils.translation import gettext as _

from mediatheque import services


@shared_task(
    name="mediatheque.tasks.process_resource",
    soft_time_limit=settings.MEDIATHEQUE_EXTRACT_TIME_LIMIT,
    time_limit=settings.MEDIATHEQUE_EXTRACT_TIME_LIMIT + 15,
    acks_late=True,
)
def process_resource(resource_id: int) -> None:
    """Draw the text and preview of a resource's file, within a time limit: a hostile PDF
    stalls a worker for at most that long, never a web request."""
    try:
        services.resource_process(resource_id=resource_id)
    except SoftTimeLimitExceeded:
        services.resource_extraction_failed(
            resource_id=resource_id,
            message=_("Stopped after %(seconds)d seconds: the file takes too long to read.")
            % {"seconds": settings.MEDIATHEQUE_EXTRACT_TIME_LIMIT},
        )
