"""The directory: taxonomies, organisations, their needs and their members."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from actors.validators import (
    normalise_website,
    validate_languages,
    validate_logo,
    validate_phone,
    validate_website,
)


class Labelled(models.Model):
    """A taxonomy term: a stable slug and a French and an English label."""

    label_fr = models.CharField(_("label (French)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "label_fr"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "fr").startswith("en") else self.label_fr


class CompetenceCategory(Labelled):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta(Labelled.Meta):
        verbose_name = _("competence category")
        verbose_name_plural = _("competence categories")


class Competence(Labelled):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    category = models.ForeignKey(
        CompetenceCategory,
        on_delete=models.PROTECT,
        related_name="competences",
        verbose_name=_("category"),
    )

    class Meta(Labelled.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")


class SDG(Labelled):
    """A UN Sustainable Development Goal, 1 to 17, with its official colour."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        primary_key=True,
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )
    colour = models.CharField(_("colour"), max_length=7)

    class Meta:
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.label}"

    @property
    def slug(self) -> str:
        return str(self.number)


class OrganisationKind(Labelled):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta(Labelled.Meta):
        verbose_name = _("organisation kind")
        verbose_name_plural = _("organisation kinds")


class ContributionType(Labelled):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta(Labelled.Meta):
        verbose_name = _("contribution type")
        verbose_name_plural = _("contribution types")


class PartnershipType(Labelled):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta(Labelled.Meta):
        verbose_name = _("partnership type")
        verbose_name_plural = _("partnership types")

    @property
    def description(self) -> str:
        english = (get_language() or "fr").startswith("en")
        return self.description_en if english else (self.description_fr or self.description_en)


class Territory(Labelled):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta(Labelled.Meta):
        verbose_name = _("territory")
        verbose_name_plural = _("territories")


class OrganisationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Organisation.Status.PUBLISHED)

    def pending(self):
        return self.filter(status=Organisation.Status.PENDING)


class Organisation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.ForeignKey(
        OrganisationKind,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("kind"),
    )
    pitch = models.CharField(
        _("pitch"),
        max_length=200,
        blank=True,
        help_text=_("One line, at most 200 characters."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        validators=[MaxLengthValidator(20000)],
        help_text=_("Plain text or Markdown."),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/%Y/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_website])
    email = models.EmailField(_("public contact email"), blank=True)
    phone = models.CharField(
        _("public phone"), max_length=32, blank=True, validators=[validate_phone]
    )
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), default="FR")
    territories = models.ManyToManyField(
        Territory, blank=True, related_name="organisations", verbose_name=_("territories")
    )
    intervention_countries = CountryField(_("countries of intervention"), multiple=True, blank=True)
    sdgs = models.ManyToManyField(
        SDG,
        blank=True,
        related_name="organisations",
        verbose_name=_("sustainable development goals"),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_languages]
    )
    offers = models.ManyToManyField(
        Competence,
        blank=True,
        related_name="offered_by",
        verbose_name=_("competences offered"),
    )
    needs_description = models.TextField(
        _("what we are looking for"),
        blank=True,
        validators=[MaxLengthValidator(5000)],
        help_text=_("In your own words: what the organisation is looking for."),
    )
    contributions_offered = models.ManyToManyField(
        ContributionType,
        blank=True,
        related_name="offered_by",
        verbose_name=_("contributions offered"),
    )
    contributions_sought = models.ManyToManyField(
        ContributionType,
        blank=True,
        related_name="sought_by",
        verbose_name=_("contributions sought"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Checked by a CSI facilitator.")
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    # Set when its last administrator left (or deleted their account) and handed it to the
    # CSI: the facilitators are then responsible for it (join requests go to them) until
    # they appoint an administrator again.
    in_csi_care_since = models.DateTimeField(
        _("in the care of the CSI since"),
        null=True,
        blank=True,
        help_text=_("Its last administrator handed it to the CSI team."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The one-time token of the form that created it: the same form sent twice (back, then
    # submit again) finds this organisation instead of creating a second one.
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    # Search: a normalised text (lower case, no accents) used everywhere, and
    # on PostgreSQL a stored, weighted tsvector with a GIN index.
    search_text = models.TextField(editable=False, blank=True, default="")
    # The name as a French reader sorts it (no case, no accents: "Énergies" among the E),
    # the same on SQLite and PostgreSQL whatever the database's collation.
    sort_name = models.CharField(max_length=200, editable=False, blank=True, default="")
    # SQLite's search: the analysed terms (analysis), space-padded for whole-word matching.
    search_terms = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "sort_name", "id"], name="org_status_sort_name"),
            models.Index(fields=["status", "-created_at", "-id"], name="org_status_newest"),
            models.Index(fields=["status", "kind"], name="org_status_kind"),
            models.Index(fields=["status", "verified"], name="org_status_verified"),
            models.Index(fields=["in_csi_care_since"], name="org_in_csi_care"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        self.website = normalise_website(self.website)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class PendingOrganisation(Organisation):
    """The review queue (an admin view): organisations waiting for a facilitator."""

    class Meta:
        proxy = True
        verbose_name = _("organisation to review")
        verbose_name_plural = _("organisations to review")


class OrganisationNeed(models.Model):
    """A competence an organisation is looking for, with its own words."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="needs", verbose_name=_("organisation")
    )
    competence = models.ForeignKey(
        Competence, on_delete=models.PROTECT, related_name="needs", verbose_name=_("competence")
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["competence__position", "competence__label_fr"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "competence"], name="unique_need")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.competence}"


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def admins(self):
        return self.active().filter(role=Membership.Role.ADMIN)


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]
        indexes = [models.Index(fields=["organisation", "status", "role"], name="membership_org")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.get_role_display()})"
