"""Resources for the tests, made through the services (search fields filled as on the site)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from mediatheque import services
from mediatheque.models import Resource
from tests.mediatheque.files import pdf

_counter = iter(range(1, 1_000_000))


def make_resource(
    *,
    title: str | None = None,
    publishers=(),
    status: str = Resource.Status.PUBLISHED,
    access: str = Resource.Access.PUBLIC,
    kind: str = Resource.Kind.GUIDE,
    file: tuple[str, bytes] | None = ("guide.pdf", None),
    external_url: str = "",
    by=None,
    **data,
) -> Resource:
    """A resource with a PDF (default), a file ``(name, bytes)`` or an ``external_url``."""
    title = title or f"Ressource {next(_counter)}"
    upload = None
    if external_url:
        file = None
    if file is not None:
        name, content = file
        upload = SimpleUploadedFile(name, content if content is not None else pdf(title))
    resource = services.resource_create(
        by=by,
        data={"title": title, "kind": kind, "access": access, "external_url": external_url, **data},
        m2m={"publishers": list(publishers)},
        upload=upload,
    )
    if resource.status != status:
        Resource.objects.filter(pk=resource.pk).update(status=status)
        resource.refresh_from_db()
    return resource
