"""Site-wide Celery tasks: thin, taking ids, idempotent."""

import smtplib
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from coexist.emails import email_claim, email_deliver, email_mark_failed, emails_purge_older_than
from coexist.models import Email

MAX_EMAIL_RETRIES = 6
SWEEP_GRACE = timedelta(minutes=2)
STUCK_AFTER = timedelta(minutes=30)


@shared_task(
    bind=True,
    max_retries=MAX_EMAIL_RETRIES,
    acks_late=True,
    time_limit=60,
    soft_time_limit=50,
)
def email_send(self, email_id: int) -> str:
    """Send one stored email; retried with exponential back-off on SMTP or network errors."""
    email = email_claim(email_id=email_id)
    if email is None:
        return "skipped"
    try:
        email_deliver(email=email)
    except (smtplib.SMTPException, OSError) as exc:
        if self.request.retries >= self.max_retries:
            email_mark_failed(email_id=email_id)
            return "failed"
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 3600)) from exc
    return "sent"


@shared_task(time_limit=300, soft_time_limit=280)
def email_send_pending() -> int:
    """Sweep the outbox: queue what the broker did not take, and unstick abandoned sends."""
    now = timezone.now()
    Email.objects.filter(status=Email.Status.SENDING, created_at__lt=now - STUCK_AFTER).update(
        status=Email.Status.READY
    )
    ids = list(
        Email.objects.filter(
            status=Email.Status.READY,
            created_at__lt=now - SWEEP_GRACE,
            attempts__lt=MAX_EMAIL_RETRIES + 1,
        ).values_list("pk", flat=True)[:500]
    )
    for email_id in ids:
        email_send.delay(email_id)
    return len(ids)


EMAIL_RETENTION_DAYS = 365


@shared_task(time_limit=600, soft_time_limit=580)
def emails_purge_expired() -> int:
    """The privacy policy's retention of emails: delivery records are kept for one year."""
    return emails_purge_older_than(days=EMAIL_RETENTION_DAYS)
