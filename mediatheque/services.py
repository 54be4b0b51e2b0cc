"""Writes on resources. Views, the admin, the task, commands and the demo call these.

``by`` is the person acting (a facilitator or an organisation admin) or None for a
command run on the server (the demo), which acts as a facilitator. Facilitators publish
directly; an organisation admin's resources wait for a facilitator's review.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import user_is_facilitator
from coexist.cache import Scope, bump
from coexist.emails import enqueue_after_commit
from coexist.slugs import unique_slug
from mediatheque import access, emails
from mediatheque.access import Need
from mediatheque.extraction import ExtractionError, extract
from mediatheque.models import Resource
from mediatheque.search import refresh_search
from mediatheque.storage import generated_name, private_storage
from mediatheque.uploads import validate_upload

# What only facilitators set; an organisation admin's form never carries them.
FACILITATOR_FIELDS = ("featured", "status")
CONTENT_FIELDS = ("file", "external_url")


def _is_facilitator(by) -> bool:
    return by is None or user_is_facilitator(user=by)


def resource_changed(*, resource_ids) -> None:
    """What follows every change: the search fields, and the pages' cache (now and again
    once committed, so a request reading in between cannot cache the old rows)."""
    refresh_search(resource_ids)
    bump(Scope.MEDIATHEQUE)
    transaction.on_commit(lambda: bump(Scope.MEDIATHEQUE))


def _check_publishers(*, by, publishers) -> None:
    """An organisation admin publishes in the name of organisations they administer."""
    if _is_facilitator(by):
        return
    mine = access.administered_organisation_ids(user=by)
    chosen = {organisation.pk for organisation in publishers}
    if not chosen:
        raise ValidationError(
            {"publishers": _("Choose the organisation that publishes this resource.")}
        )
    if not chosen <= mine:
        raise PermissionDenied


def _delete_files_after_commit(*names: str) -> None:
    names = tuple(name for name in names if name)

    def delete() -> None:
        for name in names:
            private_storage().delete(name)

    if names:
        transaction.on_commit(delete)


def _attach(resource: Resource, upload) -> tuple[str, object]:
    """Check ``upload`` (ValidationError, nothing stored) and name it on the resource."""
    checked = validate_upload(upload)
    resource.file.name = generated_name(extension=checked.format.extension)
    resource.original_filename = checked.original_filename
    resource.file_size = checked.size
    resource.content_type = checked.format.content_type
    resource.scan_status = Resource.Scan.CLEAN if checked.scanned else Resource.Scan.NOT_SCANNED
    resource.extraction_status = (
        Resource.Extraction.NONE
        if checked.format.family == "image"
        else Resource.Extraction.PENDING
    )
    resource.extraction_error = ""
    resource.extracted_text = ""
    resource.preview.name = ""
    return resource.file.name, upload


def _save_with_file(resource: Resource, pending: tuple[str, object] | None) -> None:
    """Validate, write the file under its generated name, save; the file is removed again
    if the row cannot be saved (nothing stored for a refused resource)."""
    resource.full_clean(exclude=["slug"])
    stored = None
    if pending is not None:
        name, upload = pending
        upload.seek(0)
        stored = private_storage().save(name, upload)
        resource.file.name = stored
    try:
        with transaction.atomic():
            resource.save()
    except Exception:
        if stored:
            private_storage().delete(stored)
        raise


def _clear_link_or_file(resource: Resource, data: dict, pending) -> list[str]:
    """A new file replaces the link and the old file; a new link replaces the file."""
    old = []
    if pending is not None:
        resource.external_url = ""
    elif data.get("external_url"):
        if resource.file:
            old += [resource.file.name, resource.preview.name]
        resource.file.name = ""
        resource.preview.name = ""
        resource.original_filename = ""
        resource.file_size = 0
        resource.content_type = ""
        resource.scan_status = Resource.Scan.NONE
        resource.extraction_status = Resource.Extraction.NONE
        resource.extracted_text = ""
        resource.extraction_error = ""
    return old


def _enqueue_processing(resource: Resource) -> None:
    if resource.extraction_status == Resource.Extraction.PENDING:
        from mediatheque.tasks import process_resource

        enqueue_after_commit(process_resource, resource.pk)


@transaction.atomic
def resource_create(
    *, by, data: dict, m2m: dict | None = None, upload=None, submit: bool = True
) -> Resource:
    """A facilitator's resource is published (``submit``) or a draft; an organisation
    admin's waits for review (``submit``) or is a draft."""
    m2m = dict(m2m or {})
    if by is not None and not access.signed_in(by):
        raise PermissionDenied
    facilitator = _is_facilitator(by)
    if not facilitator and not access.administered_organisation_ids(user=by):
        raise PermissionDenied
    _check_publishers(by=by, publishers=m2m.get("publishers", []))
    data = {k: v for k, v in data.items() if facilitator or k not in FACILITATOR_FIELDS}
    data.pop("file", None)
    resource = Resource(**data)
    resource.slug = unique_slug(Resource.objects.all(), resource.title, fallback="ressource")
    resource.uploaded_by = by
    if submit:
        resource.status = Resource.Status.PUBLISHED if facilitator else Resource.Status.PENDING
    else:
        resource.status = Resource.Status.DRAFT
    if resource.status == Resource.Status.PUBLISHED:
        resource.published_at = timezone.now()
    pending = _attach(resource, upload) if upload is not None else None
    if pending is not None:
        resource.external_url = ""
    _save_with_file(resource, pending)
    for field, values in m2m.items():
        getattr(resource, field).set(values)
    resource_changed(resource_ids=[resource.pk])
    _enqueue_processing(resource)
    _status_changed(resource, old=None)
    return resource


@transaction.atomic
def resource_update(
    *, resource: Resource, by, data: dict, m2m: dict | None = None, upload=None
) -> Resource:
    """Edit a resource. When an organisation admin changes the file or the link of a
    published resource, it goes back to the facilitators' review."""
    if by is not None:
        access.ensure(user=by, resource=resource, need=Need.EDIT)
    m2m = dict(m2m or {})
    facilitator = _is_facilitator(by)
    if "publishers" in m2m:
        _check_publishers(by=by, publishers=m2m["publishers"])
    data = {k: v for k, v in data.items() if facilitator or k not in FACILITATOR_FIELDS}
    data.pop("file", None)
    old_names = [resource.file.name, resource.preview.name] if upload is not None else []
    old_status = resource.status
    content_changed = upload is not None or (
        "external_url" in data and data["external_url"] != resource.external_url
    )
    for field, value in data.items():
        setattr(resource, field, value)
    pending = _attach(resource, upload) if upload is not None else None
    old_names += _clear_link_or_file(resource, data, pending)
    if content_changed and not facilitator and resource.status == Resource.Status.PUBLISHED:
        resource.status = Resource.Status.PENDING
    _save_with_file(resource, pending)
    _delete_files_after_commit(*old_names)
    for field, values in m2m.items():
        getattr(resource, field).set(values)
    resource_changed(resource_ids=[resource.pk])
    _enqueue_processing(resource)
    _status_changed(resource, old=old_status)
    return resource


def _status_changed(resource: Resource, *, old: str | None) -> None:
    """Emails that follow a change of state: the facilitators hear of what waits for their
    review; an organisation admin hears that their resource is published."""
    if resource.status == old:
        return
    if resource.status == Resource.Status.PENDING:
        emails.review_requested(resource=resource)
    elif resource.status == Resource.Status.PUBLISHED and old is not None:
        uploader = resource.uploaded_by
        if uploader is not None and not user_is_facilitator(user=uploader):
            emails.published(resource=resource)


def _set_status(resource: Resource, status: str) -> Resource:
    old = resource.status
    resource.status = status
    fields = ["status", "updated_at"]
    if status == Resource.Status.PUBLISHED and resource.published_at is None:
        resource.published_at = timezone.now()
        fields.append("published_at")
    resource.save(update_fields=fields)
    resource_changed(resource_ids=[resource.pk])
    _status_changed(resource, old=old)
    return resource


@transaction.atomic
def resource_submit(*, resource: Resource, by) -> Resource:
    """Send for review (a facilitator's own submission publishes it)."""
    access.ensure(user=by, resource=resource, need=Need.EDIT)
    if resource.status not in (Resource.Status.DRAFT, Resource.Status.ARCHIVED):
        return resource
    if user_is_facilitator(user=by):
        return _set_status(resource, Resource.Status.PUBLISHED)
    return _set_status(resource, Resource.Status.PENDING)


@transaction.atomic
def resource_publish(*, resource: Resource, by) -> Resource:
    if by is not None:
        access.ensure(user=by, resource=resource, need=Need.PUBLISH)
    if resource.status == Resource.Status.PUBLISHED:
        return resource
    return _set_status(resource, Resource.Status.PUBLISHED)


@transaction.atomic
def resource_decline(*, resource: Resource, by) -> Resource:
    """Back to draft: a facilitator does not publish it as it is."""
    access.ensure(user=by, resource=resource, need=Need.PUBLISH)
    if resource.status != Resource.Status.PENDING:
        raise ValidationError(_("Only a resource waiting for review can be declined."))
    return _set_status(resource, Resource.Status.DRAFT)


@transaction.atomic
def resource_archive(*, resource: Resource, by) -> Resource:
    """Withdraw a resource from the médiathèque (its editors, or a facilitator)."""
    access.ensure(user=by, resource=resource, need=Need.EDIT)
    if resource.status == Resource.Status.ARCHIVED:
        return resource
    return _set_status(resource, Resource.Status.ARCHIVED)


@transaction.atomic
def resource_set_featured(*, resource: Resource, by, featured: bool) -> Resource:
    access.ensure(user=by, resource=resource, need=Need.PUBLISH)
    resource.featured = featured
    resource.save(update_fields=["featured", "updated_at"])
    resource_changed(resource_ids=[resource.pk])
    return resource


def resource_download(*, resource: Resource, by) -> bool:
    """Count a download (one atomic UPDATE, whatever the concurrency), except the
    uploader's own. Returns whether it was counted."""
    access.ensure(user=by, resource=resource, need=Need.DOWNLOAD)
    if by is not None and by.is_authenticated and resource.uploaded_by_id == by.pk:
        return False
    Resource.objects.filter(pk=resource.pk).update(download_count=F("download_count") + 1)
    return True


@transaction.atomic
def resource_reprocess(*, resource: Resource, by) -> Resource:
    """A facilitator asks for the text and preview to be drawn again (after a failure)."""
    access.ensure(user=by, resource=resource, need=Need.PUBLISH)
    if not resource.has_file or resource.is_image:
        return resource
    resource.extraction_status = Resource.Extraction.PENDING
    resource.extraction_error = ""
    resource.save(update_fields=["extraction_status", "extraction_error", "updated_at"])
    _enqueue_processing(resource)
    return resource


def resource_process(*, resource_id: int) -> Resource | None:
    """Draw the text and preview of a resource's file (the Celery task's work). Any
    failure is recorded on the resource for the facilitators; never raised."""
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None or not resource.has_file:
        return None
    file_name = resource.file.name
    extension = file_name.rsplit(".", 1)[-1].lower()
    try:
        with private_storage().open(file_name, "rb") as handle:
            extracted = extract(handle, extension=extension)
    except (ExtractionError, OSError) as error:
        return resource_extraction_failed(resource_id=resource_id, message=str(error))
    preview_name = ""
    if extracted.preview_png:
        from django.core.files.base import ContentFile

        preview_name = private_storage().save(
            generated_name(extension="png", folder="previews"), ContentFile(extracted.preview_png)
        )
    with transaction.atomic():
        current = Resource.objects.select_for_update().filter(pk=resource_id).first()
        if current is None or current.file.name != file_name:  # replaced meanwhile
            _delete_files_after_commit(preview_name)
            return current
        old_preview = current.preview.name
        current.extracted_text = extracted.text
        current.preview.name = preview_name
        current.extraction_status = Resource.Extraction.DONE
        current.extraction_error = ""
        current.save(
            update_fields=[
                "extracted_text",
                "preview",
                "extraction_status",
                "extraction_error",
                "updated_at",
            ]
        )
        if old_preview and old_preview != preview_name:
            _delete_files_after_commit(old_preview)
        resource_changed(resource_ids=[resource_id])
    return current


@transaction.atomic
def resource_extraction_failed(*, resource_id: int, message: str) -> Resource | None:
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None:
        return None
    resource.extraction_status = Resource.Extraction.FAILED
    resource.extraction_error = message[:2000] or _("Unknown error.")
    resource.save(update_fields=["extraction_status", "extraction_error", "updated_at"])
    bump(Scope.MEDIATHEQUE)
    return resource
