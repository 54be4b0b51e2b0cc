"""The médiathèque: reports, studies, guides, templates, videos, podcasts and articles."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.models import SDG, Competence, CompetenceCategory, Organisation
from actors.validators import validate_languages, validate_website
from mediatheque.storage import private_storage


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Resource.Status.PUBLISHED)

    def public(self):
        return self.published().filter(access=Resource.Access.PUBLIC)


class Resource(models.Model):
    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        STUDY = "study", _("Study")
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")
        VIDEO = "video", _("Video")
        PODCAST = "podcast", _("Podcast")
        ARTICLE = "article", _("Article")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Access(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Scan(models.TextChoices):
        NONE = "none", _("No file")
        NOT_SCANNED = "not_scanned", _("Not scanned (no scanner configured)")
        CLEAN = "clean", _("Clean")

    class Extraction(models.TextChoices):
        NONE = "none", _("Nothing to extract")
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    summary = models.TextField(
        _("summary"), blank=True, validators=[MaxLengthValidator(5000)], max_length=5000
    )
    # A file or an external link, never both, never neither (a database constraint).
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="resources/", blank=True, max_length=200
    )
    original_filename = models.CharField(_("original file name"), max_length=150, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    external_url = models.URLField(
        _("external link"), blank=True, max_length=500, validators=[validate_website]
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_languages]
    )
    competences = models.ManyToManyField(
        Competence, blank=True, related_name="resources", verbose_name=_("themes (competences)")
    )
    categories = models.ManyToManyField(
        CompetenceCategory,
        blank=True,
        related_name="resources",
        verbose_name=_("themes (categories)"),
    )
    sdgs = models.ManyToManyField(
        SDG, blank=True, related_name="resources", verbose_name=_("sustainable development goals")
    )
    publishers = models.ManyToManyField(
        Organisation, blank=True, related_name="resources", verbose_name=_("publishers")
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    access = models.CharField(
        _("access"), max_length=16, choices=Access.choices, default=Access.PUBLIC
    )
    featured = models.BooleanField(_("featured"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    scan_status = models.CharField(
        _("virus scan"), max_length=16, choices=Scan.choices, default=Scan.NONE
    )
    extraction_status = models.CharField(
        _("text extraction"), max_length=16, choices=Extraction.choices, default=Extraction.NONE
    )
    extraction_error = models.TextField(_("extraction error"), blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    preview = models.FileField(
        _("preview image"), storage=private_storage, blank=True, editable=False, max_length=200
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    # Search (mediatheque/search.py): what describes the resource, and apart from it what
    # its file says, so that a visitor's search never reads a members-only file's text.
    sort_title = models.CharField(max_length=200, editable=False, blank=True, default="")
    search_terms = models.TextField(editable=False, blank=True, default="")
    content_terms = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    content_vector = SearchVectorField(null=True, editable=False)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-publication_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(external_url="")) | (~Q(file="") & Q(external_url="")),
                name="resource_file_xor_link",
                violation_error_message=_("A resource has a file or an external link, not both."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-publication_date", "-id"], name="res_status_newest"),
            models.Index(fields=["status", "sort_title", "id"], name="res_status_title"),
            models.Index(fields=["status", "kind"], name="res_status_kind"),
            models.Index(fields=["status", "access"], name="res_status_access"),
            models.Index(fields=["status", "featured"], name="res_status_featured"),
            models.Index(fields=["extraction_status"], name="res_extraction"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mediatheque:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def members_only(self) -> bool:
        return self.access == self.Access.MEMBERS

    @property
    def has_file(self) -> bool:
        return bool(self.file)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def downloadable(self) -> bool:
        """A file that passed the upload checks (and the scanner, when there is one)."""
        return self.has_file and self.scan_status in (self.Scan.CLEAN, self.Scan.NOT_SCANNED)
