"""Projects seeking partners, their needs, introductions between organisations, partnerships.

Rules about their own fields live here (constraints, small properties); every write goes
through :mod:`projects.services`, who may do what is :mod:`projects.access`.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from actors.validators import validate_logo


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """What visitors see: published, not hidden by a facilitator, of a published owner."""
        return self.filter(
            publication=Project.Publication.PUBLISHED,
            owner__status="published",
        ).exclude(curation=Project.Curation.HIDDEN)

    def seeking(self):
        return self.public().filter(status=Project.Status.SEEKING)


class Project(models.Model):
    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        SEEKING = "seeking", _("Seeking partners")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Publication(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Curation(models.TextChoices):
        NONE = "none", _("Not curated")
        FEATURED = "featured", _("Featured")
        HIDDEN = "hidden", _("Hidden by the CSI")

    owner = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="projects",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(
        _("summary"), max_length=200, blank=True, help_text=_("One line, at most 200 characters.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        validators=[MaxLengthValidator(20000)],
        help_text=_("Plain text or Markdown."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="projects/%Y/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    sdgs = models.ManyToManyField(
        "actors.SDG",
        blank=True,
        related_name="projects",
        verbose_name=_("sustainable development goals"),
    )
    territories = models.ManyToManyField(
        "actors.Territory", blank=True, related_name="projects", verbose_name=_("territories")
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SEEKING
    )
    publication = models.CharField(
        _("publication"), max_length=16, choices=Publication.choices, default=Publication.DRAFT
    )
    curation = models.CharField(
        _("curation"), max_length=16, choices=Curation.choices, default=Curation.NONE
    )
    curation_reason = models.TextField(
        _("reason given by the CSI"), blank=True, validators=[MaxLengthValidator(2000)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    # Search, as for organisations (actors/search.py): analysed terms for SQLite,
    # a weighted tsvector for PostgreSQL.
    search_terms = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="project_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication", "status", "-published_at", "-id"], name="project_newest"
            ),
            models.Index(fields=["publication", "status", "ends_on"], name="project_ending"),
            models.Index(fields=["owner", "publication"], name="project_owner"),
            models.Index(fields=["curation"], name="project_curation"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.publication == self.Publication.PUBLISHED

    @property
    def is_public(self) -> bool:
        return (
            self.is_published
            and self.curation != self.Curation.HIDDEN
            and self.owner.status == "published"
        )


class ProjectNeed(models.Model):
    """What a project looks for: a competence, a kind of contribution, in its own words."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        FULFILLED = "fulfilled", _("Fulfilled")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="needs", verbose_name=_("project")
    )
    competence = models.ForeignKey(
        "actors.Competence",
        on_delete=models.PROTECT,
        related_name="project_needs",
        verbose_name=_("competence"),
    )
    contribution_type = models.ForeignKey(
        "actors.ContributionType",
        on_delete=models.PROTECT,
        related_name="project_needs",
        verbose_name=_("contribution sought"),
    )
    description = models.TextField(
        _("in your own words"), blank=True, validators=[MaxLengthValidator(2000)]
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    fulfilled_at = models.DateTimeField(_("fulfilled"), null=True, blank=True)

    class Meta:
        verbose_name = _("project need")
        verbose_name_plural = _("project needs")
        ordering = ["state", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "competence", "contribution_type"], name="unique_project_need"
            )
        ]
        indexes = [
            models.Index(fields=["state", "competence"], name="project_need_competence"),
            models.Index(fields=["state", "contribution_type"], name="project_need_contribution"),
        ]

    def __str__(self) -> str:
        return f"{self.project} — {self.competence}"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN


class ContactPerson(models.Model):
    """A member who agreed that their name, job title and email are given to the other
    side once an introduction of their organisation is accepted."""

    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="contact_people",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_for",
        verbose_name=_("user"),
    )
    agreed_at = models.DateTimeField(_("agreed"), default=timezone.now)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_contact_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class Introduction(models.Model):
    """A request that one organisation be put in touch with another (*mise en relation*)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")

    class DeclineReason(models.TextChoices):
        NOT_RELEVANT = "not_relevant", _("Not relevant for us")
        NOT_NOW = "not_now", _("Not now")
        ALREADY_PARTNERS = "already_partners", _("We are already partners")
        OTHER = "other", _("Other")

    from_organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_sent",
        verbose_name=_("from organisation"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions_requested",
        verbose_name=_("requested by"),
    )
    to_organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_received",
        verbose_name=_("to organisation"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions",
        verbose_name=_("project"),
    )
    need = models.ForeignKey(
        ProjectNeed,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions",
        verbose_name=_("need"),
    )
    message = models.TextField(_("message"), validators=[MaxLengthValidator(2000)])
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PENDING
    )
    # A facilitator's introduction is a double opt-in: each side accepts, then contacts
    # are exchanged. A member's request is accepted by its own side when it is sent.
    brokered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions_brokered",
        verbose_name=_("brokered by"),
    )
    from_accepted_at = models.DateTimeField(_("accepted by the first side"), null=True, blank=True)
    to_accepted_at = models.DateTimeField(_("accepted by the second side"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=20, choices=DeclineReason.choices, blank=True
    )
    decline_message = models.TextField(
        _("message with the answer"), blank=True, validators=[MaxLengthValidator(2000)]
    )
    declined_by_organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("declined by"),
    )
    deadline = models.DateTimeField(_("answer expected by"))
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_organisation=F("to_organisation")),
                name="introduction_not_to_itself",
            ),
            models.CheckConstraint(
                condition=~Q(state="declined") | ~Q(decline_reason=""),
                name="introduction_declined_has_reason",
            ),
            # One pending request per pair and need (and per pair with no need).
            models.UniqueConstraint(
                fields=["from_organisation", "to_organisation", "need"],
                condition=Q(state="pending", need__isnull=False),
                name="introduction_one_pending_per_need",
            ),
            models.UniqueConstraint(
                fields=["from_organisation", "to_organisation"],
                condition=Q(state="pending", need__isnull=True),
                name="introduction_one_pending_per_pair",
            ),
        ]
        indexes = [
            models.Index(
                fields=["to_organisation", "state", "-created_at"], name="introduction_received"
            ),
            models.Index(
                fields=["from_organisation", "state", "-created_at"], name="introduction_sent"
            ),
            models.Index(fields=["state", "deadline"], name="introduction_deadline"),
            models.Index(fields=["state", "created_at"], name="introduction_age"),
        ]

    def __str__(self) -> str:
        return f"{self.from_organisation} → {self.to_organisation}"

    def get_absolute_url(self) -> str:
        return reverse("projects:introduction", kwargs={"pk": self.pk})

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING

    @property
    def is_brokered(self) -> bool:
        return self.brokered_by_id is not None


class Partnership(models.Model):
    """Two organisations working together, from an accepted introduction (issue 11
    follows it through its stages)."""

    class Stage(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        IN_DISCUSSION = "in_discussion", _("In discussion")
        AGREED = "agreed", _("Agreed")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ABANDONED = "abandoned", _("Abandoned")

    first = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="partnerships_started",
        verbose_name=_("organisation"),
    )
    second = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="partnerships_joined",
        verbose_name=_("partner organisation"),
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("project"),
    )
    introduction = models.OneToOneField(
        Introduction,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnership",
        verbose_name=_("introduction"),
    )
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.IN_DISCUSSION
    )
    stage_changed_at = models.DateTimeField(_("stage since"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(first=F("second")), name="partnership_two_organisations"
            ),
        ]
        indexes = [
            models.Index(fields=["stage", "-created_at"], name="partnership_stage"),
            models.Index(fields=["project", "stage"], name="partnership_project"),
        ]

    def __str__(self) -> str:
        return f"{self.first} + {self.second}"
