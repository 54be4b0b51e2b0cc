"""The facilitators' médiathèque: every write goes through mediatheque.services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actors.forms import languages_field
from coexist.admin_base import CoexistModelAdmin
from mediatheque import services
from mediatheque.models import Resource
from mediatheque.uploads import validate_upload


class ResourceAdminForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("Checked by its content; replaces the current file."),
    )
    languages = languages_field()

    class Meta:
        model = Resource
        fields = ["languages"]

    def clean_upload(self):
        """Checked here too, so that a refused file is said on the form (the service
        checks it again before storing it)."""
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_upload(upload)
            upload.seek(0)
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, link = cleaned.get("upload"), cleaned.get("external_url")
        if upload and link:
            self.add_error("external_url", _("Give a file or a link, not both."))
        elif not upload and not link and not (self.instance.pk and self.instance.file):
            self.add_error("upload", _("Give a file or a link."))
        return cleaned


def _run(request, queryset, service, done, **kwargs) -> None:
    count = 0
    for resource in queryset:
        try:
            service(resource=resource, by=request.user, **kwargs)
        except PermissionDenied:
            messages.error(request, _("%(r)s: only facilitators can do this.") % {"r": resource})
        except ValidationError as error:
            messages.error(request, f"{resource}: {' '.join(error.messages)}")
        else:
            count += 1
    if count:
        messages.success(request, done(count))


M2M = ("competences", "categories", "sdgs", "publishers")
DATA = (
    "title",
    "kind",
    "summary",
    "external_url",
    "languages",
    "publication_date",
    "access",
    "featured",
)


@admin.register(Resource)
class ResourceAdmin(CoexistModelAdmin):
    form = ResourceAdminForm
    list_display = (
        "title",
        "kind",
        "status",
        "access",
        "featured",
        "extraction_status",
        "download_count",
        "publication_date",
    )
    list_filter = ("status", "kind", "access", "featured", "extraction_status", "scan_status")
    search_fields = ("title", "slug", "summary", "original_filename")
    date_hierarchy = "publication_date"
    list_per_page = 50
    filter_horizontal = M2M
    readonly_fields = (
        "slug",
        "status",
        "original_filename",
        "file_size",
        "content_type",
        "scan_status",
        "extraction_status",
        "extraction_error",
        "download_count",
        "uploaded_by",
        "created_at",
        "updated_at",
        "published_at",
    )
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "publication_date")}),
        (_("File or link"), {"fields": ("upload", "external_url", "original_filename",
                                        "file_size", "content_type", "scan_status")}),
        (_("Themes"), {"fields": ("languages", "categories", "competences", "sdgs")}),
        (_("Publication"), {"fields": ("publishers", "access", "featured", "status",
                                       "uploaded_by", "created_at", "updated_at",
                                       "published_at", "download_count")}),
        (_("Text extraction"), {"fields": ("extraction_status", "extraction_error")}),
    )  # fmt: skip
    actions = ["publish", "decline", "archive", "feature", "unfeature", "reprocess"]

    def has_delete_permission(self, request, obj=None):
        return False  # archive instead: downloads and links keep their history

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in DATA if name in form.cleaned_data}
        m2m = {name: form.cleaned_data[name] for name in M2M if name in form.cleaned_data}
        upload = form.cleaned_data.get("upload")
        if change:
            saved = services.resource_update(
                resource=Resource.objects.get(pk=obj.pk),
                by=request.user,
                data=data,
                m2m=m2m,
                upload=upload,
            )
        else:
            saved = services.resource_create(
                by=request.user, data=data, m2m=m2m, upload=upload, submit=False
            )
        obj.__dict__.update(saved.__dict__)

    def save_related(self, request, form, formsets, change):
        """The many-to-many values were saved by the service."""

    @admin.action(description=_("Publish the selected resources"), permissions=["change"])
    def publish(self, request, queryset):
        _run(
            request,
            queryset,
            services.resource_publish,
            lambda n: ngettext("%d resource published.", "%d resources published.", n) % n,
        )

    @admin.action(description=_("Send back to draft (declined)"), permissions=["change"])
    def decline(self, request, queryset):
        _run(
            request,
            queryset,
            services.resource_decline,
            lambda n: ngettext("%d resource declined.", "%d resources declined.", n) % n,
        )

    @admin.action(description=_("Archive the selected resources"), permissions=["change"])
    def archive(self, request, queryset):
        _run(
            request,
            queryset,
            services.resource_archive,
            lambda n: ngettext("%d resource archived.", "%d resources archived.", n) % n,
        )

    @admin.action(description=_("Feature"), permissions=["change"])
    def feature(self, request, queryset):
        _run(
            request,
            queryset,
            services.resource_set_featured,
            lambda n: ngettext("%d resource featured.", "%d resources featured.", n) % n,
            featured=True,
        )

    @admin.action(description=_("Stop featuring"), permissions=["change"])
    def unfeature(self, request, queryset):
        _run(
            request,
            queryset,
            services.resource_set_featured,
            lambda n: ngettext("%d resource changed.", "%d resources changed.", n) % n,
            featured=False,
        )

    @admin.action(description=_("Read the text and preview again"), permissions=["change"])
    def reprocess(self, request, queryset):
        _run(
            request,
            queryset,
            services.resource_reprocess,
            lambda n: ngettext("%d resource queued.", "%d resources queued.", n) % n,
        )
