"""Import and export of the directory spreadsheet from the organisation admin.

Both functions take the admin site and return a view already wrapped by
``admin_site.admin_view`` (staff only, CSRF-protected, never cached) that also
checks the model permissions; ``OrganisationAdmin.get_urls`` mounts them.

The import is two steps. *Preview*: the uploaded file is validated and
compared with the directory, nothing is written; the page lists every error
by row and column, and what each row would do. When the file is clean, the
page carries its content in a signed, compressed hidden field (bound to the
user, valid one hour). *Confirm*: that content is validated again and
written in one transaction.
"""

from collections.abc import Callable
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from actors.directory_io import (
    COLUMNS,
    IMPORT_STATUSES,
    ImportResult,
    export_directory_csv,
    import_directory,
)
from actors.models import Organisation

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
TOKEN_SALT = "actors.admin_import.directory"
TOKEN_MAX_AGE = 60 * 60  # seconds between preview and confirmation
PREVIEW_ROWS = 1000  # rows listed in the preview table (the counts cover them all)
# What a web request can import within its time limit (10,000 rows take about 9 s on
# SQLite and 12 s on PostgreSQL); larger files go to the command, which has no limit.
WEB_MAX_ROWS = 10_000
COMMAND_HINT = gettext_lazy(
    "Ask for it to be imported with the command: python manage.py import_directory FILE."
)
IMPORT_PERMISSIONS = ("actors.add_organisation", "actors.change_organisation")
EXPORT_PERMISSION = "actors.view_organisation"
TEMPLATE = "admin/actors/organisation/import.html"


class DirectoryImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("A .csv (UTF-8, comma-separated) or .json file, at most 5 MB."),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Review state of created organisations"),
        choices=[(status, Organisation.Status(status).label) for status in IMPORT_STATUSES],
        initial=Organisation.Status.PENDING,
        help_text=gettext_lazy("Organisations already in the directory keep their state."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if PurePath(upload.name).suffix.lower() not in (".csv", ".json"):
            raise forms.ValidationError(_("Upload a .csv or a .json file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB); the limit is 5 MB.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}"}
                + " "
                + str(COMMAND_HINT)
            )
        return upload


def _sign(*, request: HttpRequest, filename: str, content: bytes, status: str) -> str | None:
    """The upload as a signed token, or None when it would not fit in a form post."""
    payload = {
        "user": request.user.pk,
        "filename": filename,
        "status": status,
        "content": content.decode("utf-8"),  # the preview proved it is UTF-8
    }
    token = signing.dumps(payload, salt=TOKEN_SALT, compress=True)
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and len(token) > limit - 64 * 1024:
        return None
    return token


def _unsign(*, request: HttpRequest, token: str) -> dict | None:
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if payload.get("user") != request.user.pk or payload.get("status") not in IMPORT_STATUSES:
        return None
    return payload


def _changelist_url(admin_site: AdminSite) -> str | None:
    try:
        return reverse(f"{admin_site.name}:actors_organisation_changelist")
    except NoReverseMatch:
        return None


def _summary(result: ImportResult) -> str:
    if not result.changes_anything:
        return ngettext(
            "Nothing changed: the organisation of the file already matches the directory.",
            "Nothing changed: the %(count)d organisations of the file already match the directory.",
            result.unchanged,
        ) % {"count": result.unchanged}
    return _("Import done: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
    }


def _preview(request: HttpRequest, form: DirectoryImportForm) -> dict:
    """Step 1: validate and compare, write nothing; sign the content when it can be imported."""
    upload, status = form.cleaned_data["file"], form.cleaned_data["status"]
    content = upload.read()
    result = import_directory(
        filename=upload.name,
        content=content,
        status=status,
        dry_run=True,
        max_rows=WEB_MAX_ROWS,
        too_many_rows_hint=str(COMMAND_HINT),
        by=request.user,
    )
    preview = {
        "result": result,
        "filename": upload.name,
        "token": None,
        "status_label": Organisation.Status(status).label,
    }
    if result.ok and result.changes_anything:
        preview["token"] = _sign(
            request=request, filename=upload.name, content=content, status=status
        )
        preview["too_large"] = preview["token"] is None
    return preview


def organisation_import_view(admin_site: AdminSite) -> Callable[..., HttpResponse]:
    """The import page (``actors.add_organisation`` and ``actors.change_organisation``)."""

    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest) -> HttpResponse:
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise PermissionDenied
        context = {
            **admin_site.each_context(request),
            "title": _("Import organisations"),
            "opts": Organisation._meta,
            "columns": COLUMNS,
            "max_rows": PREVIEW_ROWS,
            "form": DirectoryImportForm(),
        }
        if request.method == "POST" and "token" in request.POST:
            # Step 2: the confirmed content, validated again and written.
            payload = _unsign(request=request, token=request.POST["token"])
            if payload is None:
                messages.error(
                    request, _("This preview has expired or is not valid: upload the file again.")
                )
                return redirect(request.path)
            result = import_directory(
                filename=payload["filename"],
                content=payload["content"].encode("utf-8"),
                status=payload["status"],
                max_rows=WEB_MAX_ROWS,
                too_many_rows_hint=str(COMMAND_HINT),
                by=request.user,
            )
            if result.written:
                messages.success(request, _summary(result))
                return redirect(_changelist_url(admin_site) or request.path)
            # The directory or the taxonomies changed since the preview: show why.
            context.update(result=result, filename=payload["filename"])
        elif request.method == "POST":
            context["form"] = form = DirectoryImportForm(request.POST, request.FILES)
            if form.is_valid():
                context.update(_preview(request, form))
        return TemplateResponse(request, TEMPLATE, context)

    return admin_site.admin_view(view)


def organisation_export_view(admin_site: AdminSite) -> Callable[..., HttpResponse]:
    """The directory as a CSV download (``actors.view_organisation``).

    Every organisation by default; ``?status=published`` (or another state)
    narrows it. The file starts with a byte order mark so that spreadsheets
    read it as UTF-8; the import accepts it as it is.
    """

    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        queryset = Organisation.objects.order_by("name", "slug")
        status = request.GET.get("status")
        if status in Organisation.Status.values:
            queryset = queryset.filter(status=status)
        filename = f"coexist-directory-{timezone.localdate().isoformat()}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")
        export_directory_csv(queryset=queryset, stream=response)
        return response

    return admin_site.admin_view(view)
