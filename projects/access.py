"""Who may see or do what with projects and introductions: the one place these rules are
written, on the model of :mod:`actors.access` (same standing, same 404-for-outsiders).

- A project is public once published, not hidden, and its organisation published; until
  then only the owner's members and the facilitators see it (others get a 404).
- The owner's active members write drafts; editing a published project, publishing and
  unpublishing are for the owner's admins; facilitators feature or hide (CURATE).
- An introduction is seen by the members of its two organisations and the facilitators;
  a request is sent on behalf of an organisation its sender is an active member of; the
  receiving organisation's admins answer (each side's, for a facilitator's introduction).
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.selectors import user_is_facilitator
from actors import access as actors_access
from projects.models import Introduction, Project


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # the content, needs included (drafts: any member; published: admins)
    PUBLISH = "publish"  # publish, unpublish
    CURATE = "curate"  # feature, hide (facilitators)


def _standing(*, user, organisation) -> actors_access.Standing:
    return actors_access.standing(organisation=organisation, user=user)


def allowed(*, seen: actors_access.Standing, project: Project, action: Action) -> bool:
    if action is Action.VIEW:
        return project.is_public or seen.facilitator or seen.is_member
    if action is Action.EDIT:
        return seen.is_admin or (seen.is_member and not project.is_published)
    if action is Action.PUBLISH:
        return seen.is_admin
    if action is Action.CURATE:
        return seen.facilitator
    raise ValueError(f"unknown action {action!r}")


def can(*, user, project: Project, action: Action) -> bool:
    if action is Action.VIEW and project.is_public:
        return True
    return allowed(
        seen=_standing(user=user, organisation=project.owner), project=project, action=action
    )


def ensure(*, user, project: Project, action: Action) -> None:
    if not can(user=user, project=project, action=action):
        raise PermissionDenied


def project_for(*, user, slug: str, action: Action) -> Project:
    """For views: the project if ``user`` may do ``action``, else 404."""
    project = get_object_or_404(Project.objects.select_related("owner__kind"), slug=slug)
    if not can(user=user, project=project, action=action):
        raise Http404
    return project


def is_active_member(*, user, organisation) -> bool:
    return _standing(user=user, organisation=organisation).is_member


def is_admin(*, user, organisation) -> bool:
    return _standing(user=user, organisation=organisation).is_admin


def ensure_member(*, user, organisation) -> None:
    """Writing on behalf of an organisation (its projects, its requests)."""
    if not is_active_member(user=user, organisation=organisation):
        raise PermissionDenied


def ensure_facilitator(*, user) -> None:
    if not user_is_facilitator(user=user):
        raise PermissionDenied


def sides_answerable(*, user, introduction: Introduction) -> list:
    """The organisations of ``introduction`` whose answer ``user`` may give: the receiver's
    admins; for a facilitator's introduction, the admins of a side that has not accepted."""
    sides = []
    if introduction.to_accepted_at is None and is_admin(
        user=user, organisation=introduction.to_organisation
    ):
        sides.append(introduction.to_organisation)
    if (
        introduction.is_brokered
        and introduction.from_accepted_at is None
        and is_admin(user=user, organisation=introduction.from_organisation)
    ):
        sides.append(introduction.from_organisation)
    return sides


def may_see_introduction(*, user, introduction: Introduction) -> bool:
    return (
        user_is_facilitator(user=user)
        or is_active_member(user=user, organisation=introduction.from_organisation)
        or is_active_member(user=user, organisation=introduction.to_organisation)
    )


def introduction_for(*, user, pk: int) -> Introduction:
    """For views: the introduction if ``user`` belongs to one of its sides (or is a
    facilitator), else 404."""
    introduction = get_object_or_404(
        Introduction.objects.select_related(
            "from_organisation", "to_organisation", "project", "need__competence", "requested_by"
        ),
        pk=pk,
    )
    if not may_see_introduction(user=user, introduction=introduction):
        raise Http404
    return introduction
