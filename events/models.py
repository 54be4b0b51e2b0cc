"""The shared calendar: events, registrations with their waiting list, private feeds."""

import uuid
from urllib.parse import quote_plus

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.models import SDG, Competence, Organisation
from actors.validators import validate_logo, validate_website

MAX_CAPACITY = 100_000


class EventQuerySet(models.QuerySet):
    def published(self):
        """What the calendar shows: published events, and cancelled ones (struck out,
        kept so that a subscribed calendar learns of the cancellation)."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending review")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        MEETUP = "meetup", _("Meetup")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        WEBINAR = "webinar", _("Webinar")
        SPEED_MEETING = "speed-meeting", _("Speed meeting")

    # The UID calendar apps know the event by: the same in every .ics, never changed.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="events", verbose_name=_("organisers")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("place"), max_length=200, blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        validators=[validate_website],
        help_text=_("Shown to registered people only."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Leave empty for an unlimited number of places."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        validators=[MaxLengthValidator(20000)],
        help_text=_("Plain text or Markdown."),
    )
    sdgs = models.ManyToManyField(
        SDG, blank=True, related_name="events", verbose_name=_("sustainable development goals")
    )
    competences = models.ManyToManyField(
        Competence, blank=True, related_name="events", verbose_name=_("competences concerned")
    )
    image = models.ImageField(
        _("image"),
        upload_to="events/%Y/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True, max_length=2000)
    # Raised on every change, so that calendar apps replace their copy (RFC 5545).
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    # The local date of the start for which the reminder went out: a reminder is sent
    # once per day of the event, and follows it when it moves to another day.
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["status", "starts_at", "id"], name="event_status_start"),
            models.Index(fields=["status", "ends_at"], name="event_status_end"),
            models.Index(fields=["status", "kind", "starts_at"], name="event_status_kind"),
            models.Index(fields=["status", "reminded_for", "starts_at"], name="event_reminder"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes < opens:
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        if closes and self.ends_at and closes > self.ends_at:
            errors["registration_closes_at"] = _("Registration must close before the event ends.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not (self.street or self.city)

    @property
    def address(self) -> str:
        return ", ".join(
            part
            for part in (self.venue, self.street, f"{self.postcode} {self.city}".strip())
            if part
        )

    @property
    def map_url(self) -> str:
        """An OpenStreetMap search for the address (no key, no tracking script)."""
        if not (self.street or self.city):
            return ""
        query = ", ".join(p for p in (self.street, self.postcode, self.city) if p)
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.is_published or now >= self.starts_at:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now > self.registration_closes_at)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("joined_at", "id")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        verbose_name=_("on behalf of"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    # The waiting list's order: set when the person (re-)joins.
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="unique_registration"),
        ]
        indexes = [
            models.Index(fields=["event", "status", "joined_at", "id"], name="registration_list"),
            models.Index(fields=["user", "status"], name="registration_user"),
        ]

    def __str__(self) -> str:
        return f"{self.event} — {self.get_status_display()}"


class CalendarToken(models.Model):
    """The secret of a member's private "my registrations" feed: regenerating it replaces
    the secret, revoking deletes it (the old address then answers 404)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_token",
        verbose_name=_("user"),
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("private calendar feed")
        verbose_name_plural = _("private calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
