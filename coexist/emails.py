"""Sending email: render, store in the outbox, queue a Celery task after commit.

A request never waits on SMTP or on the broker: the message is stored in the
same transaction as the change that caused it, queued after commit with a
short broker timeout, and the periodic sweep sends whatever could not be queued.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from coexist.models import Email

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def enqueue_after_commit(task, *args) -> None:
    """Queue ``task`` with ``args`` once the current transaction commits.

    If the broker cannot be reached the error is logged and swallowed: the
    work is already recorded in the database and a periodic job picks it up.
    """

    def _send() -> None:
        try:
            task.apply_async(args=args, retry=False)
        except Exception:  # noqa: BLE001 - any broker failure must not break the request
            logger.warning("broker unavailable, %s%r left for the periodic sweep", task.name, args)

    transaction.on_commit(_send)


@transaction.atomic
def email_queue(
    *,
    to: Iterable[str],
    template: str,
    context: dict,
    language: str | None = None,
    kind: str = "",
    headers: dict | None = None,
    about: Iterable = (),
    attachments: list[dict] | None = None,
) -> Email | None:
    """Render ``template`` (``.txt``, ``.html`` and ``_subject.txt``) and queue it."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return None
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        subject = " ".join(subject.splitlines())
        body_text = render_to_string(f"{template}.txt", context)
        body_html = render_to_string(f"{template}.html", context)
    return email_store(
        to=recipients,
        subject=f"[CoExist] {subject}",
        body_text=body_text,
        body_html=body_html,
        headers=headers or {},
        kind=kind or template.rsplit("/", 1)[-1],
        about=about,
        attachments=attachments,
    )


def _people(*, to: list[str], about: Iterable) -> set[int]:
    """Ids of the accounts a message is to (any of their addresses) or about."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    addresses = [address.lower() for address in to]
    ids = {getattr(user, "pk", user) for user in about if user is not None}
    ids |= set(get_user_model().objects.filter(email__in=addresses).values_list("pk", flat=True))
    ids |= set(EmailAddress.objects.filter(email__in=addresses).values_list("user_id", flat=True))
    return ids


@transaction.atomic
def email_store(
    *,
    to: list[str],
    subject: str,
    body_text: str,
    body_html: str = "",
    headers=None,
    kind="",
    secret: bool = False,
    about: Iterable = (),
    attachments: list[dict] | None = None,
) -> Email:
    """Store a rendered message in the outbox and queue its sending after commit.

    ``secret`` marks a message carrying a one-time secret (a reset link, a confirmation
    key): its body is never shown in the admin and is erased once sent. ``about`` lists
    the accounts the message speaks of besides its recipients (found by address).
    ``attachments``: text files, each ``{"filename", "content", "mimetype"}`` (a calendar
    file), stored with the message and attached when it is sent.
    """
    email = Email.objects.create(
        to=list(to),
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        headers=headers or {},
        kind=kind,
        secret=secret,
        attachments=[
            {
                "filename": str(item["filename"]),
                "content": str(item["content"]),
                "mimetype": str(item.get("mimetype") or "text/plain"),
            }
            for item in attachments or ()
        ],
    )
    email.people.set(_people(to=list(to), about=about))
    from coexist.tasks import email_send

    enqueue_after_commit(email_send, email.pk)
    return email


def email_claim(*, email_id: int) -> Email | None:
    """Take an email for sending; None when another worker has it or it is done."""
    claimed = Email.objects.filter(pk=email_id, status=Email.Status.READY).update(
        status=Email.Status.SENDING
    )
    if not claimed:
        return None
    return Email.objects.get(pk=email_id)


def email_deliver(*, email: Email) -> None:
    """Hand the message to the mail backend and record the result (raises on failure)."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
        headers=email.headers,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for item in email.attachments or ():
        message.attach(item["filename"], item["content"], item["mimetype"])
    try:
        message.send(fail_silently=False)
    except Exception as exc:
        email.attempts += 1
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        email.status = Email.Status.READY
        email.save(update_fields=["attempts", "last_error", "status"])
        raise
    email.attempts += 1
    email.status = Email.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    fields = ["attempts", "status", "sent_at", "last_error"]
    if email.secret:
        email.body_text = email.body_html = Email.ERASED
        email.headers = {}
        email.attachments = []
        fields += ["body_text", "body_html", "headers", "attachments"]
    email.save(update_fields=fields)


def email_mark_failed(*, email_id: int) -> None:
    """Give up on a message; a secret one is erased, since nobody will receive it."""
    unsent = Email.objects.filter(pk=email_id).exclude(status=Email.Status.SENT)
    unsent.update(status=Email.Status.FAILED)
    unsent.filter(secret=True).update(body_text=Email.ERASED, body_html=Email.ERASED, headers={})


def emails_purge(*, user) -> int:
    """Delete every stored message to or about ``user`` (their account is being deleted).

    Linked messages are found through ``people``; a message stored before that link
    existed is found by any of the account's addresses in its recipients or its text.
    """
    from allauth.account.models import EmailAddress
    from django.db.models import Q

    addresses = {user.email.lower()} | {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    match = Q(people=user)
    for address in addresses:
        match |= Q(to__icontains=address) | Q(body_text__icontains=address)
    ids = set(Email.objects.filter(match).values_list("pk", flat=True))
    deleted = Email.objects.filter(pk__in=ids).delete()[1].get(Email._meta.label, 0)
    return deleted


def emails_purge_older_than(*, days: int) -> int:
    """The retention rule of the privacy policy: delivery records are kept one year."""
    cutoff = timezone.now() - timedelta(days=days)
    return Email.objects.filter(created_at__lt=cutoff).delete()[1].get(Email._meta.label, 0)
