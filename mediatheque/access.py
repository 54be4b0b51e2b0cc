"""Who may see or do what with a resource: the one place these rules are written.

The model is ``actors/access.py``: views call :func:`resource_for` first (the resource,
or ``Http404`` when the user may not have it: a draft does not exist for an outsider);
services check the same rules with :func:`ensure` (``PermissionDenied``).

- A published resource's page is public, members-only or not (its title and summary say
  what it is; the sign-in is asked at the download). Drafts, resources waiting for review
  and archived ones are seen by their editors only.
- Editors: facilitators, and the active admins of one of its publisher organisations.
- The file (and the preview and the text drawn from it) of a members-only resource: any
  signed-in member (accounts are email-verified before they can sign in), never a visitor.
- Publishing, featuring and archiving: facilitators. An organisation admin sends its
  resources for review.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.selectors import user_is_facilitator
from actors.models import Membership
from mediatheque.models import Resource


class Need(StrEnum):
    VIEW = "view"  # its page
    DOWNLOAD = "download"  # its file, its preview, its text
    EDIT = "edit"  # change it, send it for review
    PUBLISH = "publish"  # publish, feature, archive


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def administered_organisation_ids(*, user) -> set[int]:
    """The organisations ``user`` is an active admin of (one query)."""
    if not signed_in(user):
        return set()
    return set(
        Membership.objects.admins().filter(user=user).values_list("organisation_id", flat=True)
    )


def is_editor(*, user, resource: Resource) -> bool:
    if not signed_in(user):
        return False
    if user_is_facilitator(user=user):
        return True
    if resource.pk is None:
        return False
    publishers = set(resource.publishers.values_list("pk", flat=True))
    return bool(publishers & administered_organisation_ids(user=user))


def can(*, user, resource: Resource, need: Need) -> bool:
    if need is Need.PUBLISH:
        return user_is_facilitator(user=user)
    if need is Need.EDIT:
        return is_editor(user=user, resource=resource)
    visible = resource.is_published or is_editor(user=user, resource=resource)
    if need is Need.VIEW:
        return visible
    if need is Need.DOWNLOAD:
        return visible and (not resource.members_only or signed_in(user))
    raise ValueError(f"unknown need {need!r}")


def ensure(*, user, resource: Resource, need: Need) -> None:
    if not can(user=user, resource=resource, need=need):
        raise PermissionDenied


def resource_for(*, user, slug: str, need: Need = Need.VIEW) -> Resource:
    """For views: the resource if ``user`` may see it, else 404 (DOWNLOAD is checked by the
    view, which asks a visitor to sign in rather than pretending the file is not there)."""
    resource = get_object_or_404(Resource, slug=slug)
    if not can(user=user, resource=resource, need=Need.VIEW):
        raise Http404
    if need not in (Need.VIEW, Need.DOWNLOAD) and not can(user=user, resource=resource, need=need):
        raise Http404
    return resource
