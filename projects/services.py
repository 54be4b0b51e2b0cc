"""Writes on projects and their needs. Views, admin, tasks, commands and the demo call these.

Introductions and partnerships are written by :mod:`projects.introductions`.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.validators import LOGO_FORMATS, logo_delete_after_commit, logo_format
from coexist.cache import Scope, bump
from coexist.slugs import unique_slug
from projects import access, emails
from projects.access import Action
from projects.models import ContactPerson, Project, ProjectNeed
from projects.search import refresh_search

M2M_FIELDS = ("sdgs", "territories")


def _image_name(*, project: Project, upload) -> str:
    extension = LOGO_FORMATS.get(logo_format(upload) or "", "img")
    return f"{project.slug or slugify(project.title)[:60]}.{extension}"


def project_changed(*, project_ids) -> None:
    """What follows a change of a project's content: search, caches, suggestions."""
    ids = list(project_ids)
    refresh_search(ids)
    bump(Scope.PROJECTS)
    transaction.on_commit(lambda: bump(Scope.PROJECTS))


def _apply(project: Project, data: dict, m2m: dict) -> None:
    old_image = project.image.name if project.pk and project.image else ""
    for field, value in data.items():
        setattr(project, field, value)
    if isinstance(data.get("image"), UploadedFile):
        project.image.name = _image_name(project=project, upload=data["image"])
    project.full_clean(exclude=["slug"] if project.pk else None)
    project.save()
    new_image = project.image.name if project.image else ""
    if old_image and old_image != new_image:
        logo_delete_after_commit(name=old_image)
    for field, values in m2m.items():
        if field in M2M_FIELDS:
            getattr(project, field).set(values)


@transaction.atomic
def project_create(*, owner, by, data: dict, m2m: dict | None = None) -> Project:
    """An active member of ``owner`` writes a project: it starts as a draft."""
    access.ensure_member(user=by, organisation=owner)
    project = Project(owner=owner, created_by=by)
    project.slug = unique_slug(Project.objects.all(), data.get("title") or "", fallback="projet")
    data = {k: v for k, v in data.items() if k not in ("publication", "curation", "owner")}
    _apply(project, data, m2m or {})
    project_changed(project_ids=[project.pk])
    return project


@transaction.atomic
def project_update(*, project: Project, by, data: dict, m2m: dict | None = None) -> Project:
    """Drafts: any active member of the owner; a published project: its admins."""
    access.ensure(user=by, project=project, action=Action.EDIT)
    data = {k: v for k, v in data.items() if k not in ("publication", "curation", "owner")}
    _apply(project, data, m2m or {})
    project_changed(project_ids=[project.pk])
    return project


@transaction.atomic
def project_publish(*, project: Project, by) -> Project:
    """Only the owner's admins publish (it is public once the organisation is too)."""
    access.ensure(user=by, project=project, action=Action.PUBLISH)
    if project.is_published:
        return project
    project.publication = Project.Publication.PUBLISHED
    project.published_at = project.published_at or timezone.now()
    project.save(update_fields=["publication", "published_at", "updated_at"])
    project_changed(project_ids=[project.pk])
    return project


@transaction.atomic
def project_unpublish(*, project: Project, by) -> Project:
    access.ensure(user=by, project=project, action=Action.PUBLISH)
    if not project.is_published:
        return project
    project.publication = Project.Publication.DRAFT
    project.save(update_fields=["publication", "updated_at"])
    project_changed(project_ids=[project.pk])
    return project


@transaction.atomic
def project_curate(*, project: Project, by, curation: str, reason: str = "") -> Project:
    """A facilitator features a project, hides it (with a reason shown to its admins, who
    are emailed), or takes either back."""
    access.ensure(user=by, project=project, action=Action.CURATE)
    if curation not in Project.Curation.values:
        raise ValidationError(_("Unknown curation."))
    reason = (reason or "").strip()
    if curation == Project.Curation.HIDDEN and not reason:
        raise ValidationError(_("Say why the project is hidden: its administrators read it."))
    if len(reason) > 2000:
        raise ValidationError(_("The reason is too long (at most 2,000 characters)."))
    was_hidden = project.curation == Project.Curation.HIDDEN
    project.curation = curation
    project.curation_reason = reason
    project.save(update_fields=["curation", "curation_reason", "updated_at"])
    if curation == Project.Curation.HIDDEN and not was_hidden:
        emails.project_hidden(project=project)
    project_changed(project_ids=[project.pk])
    return project


# Needs --------------------------------------------------------------------------------


@transaction.atomic
def need_add(
    *, project: Project, by, competence, contribution_type, description: str = ""
) -> ProjectNeed:
    access.ensure(user=by, project=project, action=Action.EDIT)
    if project.needs.filter(competence=competence, contribution_type=contribution_type).exists():
        raise ValidationError(_("This project already has this need."))
    need = ProjectNeed(
        project=project,
        competence=competence,
        contribution_type=contribution_type,
        description=description,
    )
    need.full_clean()
    need.save()
    project_changed(project_ids=[project.pk])
    return need


@transaction.atomic
def need_update(
    *, need: ProjectNeed, by, competence, contribution_type, description: str = ""
) -> ProjectNeed:
    access.ensure(user=by, project=need.project, action=Action.EDIT)
    clash = need.project.needs.filter(
        competence=competence, contribution_type=contribution_type
    ).exclude(pk=need.pk)
    if clash.exists():
        raise ValidationError(_("This project already has this need."))
    need.competence, need.contribution_type, need.description = (
        competence,
        contribution_type,
        description,
    )
    need.full_clean()
    need.save()
    project_changed(project_ids=[need.project_id])
    return need


@transaction.atomic
def need_set_state(*, need: ProjectNeed, by, state: str) -> ProjectNeed:
    """Open or fulfilled."""
    access.ensure(user=by, project=need.project, action=Action.EDIT)
    if state not in ProjectNeed.State.values:
        raise ValidationError(_("Unknown state."))
    if need.state == state:
        return need
    need.state = state
    need.fulfilled_at = timezone.now() if state == ProjectNeed.State.FULFILLED else None
    need.save(update_fields=["state", "fulfilled_at"])
    project_changed(project_ids=[need.project_id])
    return need


@transaction.atomic
def need_remove(*, need: ProjectNeed, by) -> None:
    access.ensure(user=by, project=need.project, action=Action.EDIT)
    project_id = need.project_id
    need.delete()
    project_changed(project_ids=[project_id])


# Contact people ---------------------------------------------------------------------


@transaction.atomic
def contact_consent_set(*, organisation, by, agreed: bool) -> bool:
    """A member agrees (or no longer) that their name, job title and email are given to
    the other side of the organisation's accepted introductions."""
    access.ensure_member(user=by, organisation=organisation)
    if agreed:
        ContactPerson.objects.get_or_create(organisation=organisation, user=by)
    else:
        ContactPerson.objects.filter(organisation=organisation, user=by).delete()
    return agreed
