"""The outbox: every email is stored before it is queued, so none is lost."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Email(models.Model):
    class Status(models.TextChoices):
        READY = "ready", _("Ready to send")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # Text attachments (a calendar file): [{"filename", "content", "mimetype"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    kind = models.CharField(_("kind"), max_length=64, blank=True, db_index=True)
    # A message that carries a one-time secret (password reset link, email confirmation
    # key, sign-in code): its body is never shown, not even to superusers, and is erased
    # as soon as it has been sent or has failed for good.
    secret = models.BooleanField(_("holds a one-time secret"), default=False)
    # The accounts this message is to or about (a join request is about its requester):
    # deleting an account deletes them; the retention job purges the rest after a year.
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="outbox_emails",
        verbose_name=_("people concerned"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.READY
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="email_status_created")]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"

    ERASED = "—"  # what an erased body holds
