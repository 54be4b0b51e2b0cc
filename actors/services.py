"""Writes on organisations and memberships. Views, admin, tasks and commands call these."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.hooks import WayOut
from accounts.selectors import user_is_facilitator
from actors import access, bulk, emails, hooks
from actors.access import Need
from actors.models import Membership, Organisation, OrganisationNeed
from actors.search import refresh_search
from actors.validators import logo_delete_after_commit, logo_filename
from coexist.cache import Scope, bump
from coexist.slugs import unique_slug


def organisation_changed(*, organisation_ids) -> None:
    """Everything that follows a change of content: search index, caches, suggestions."""
    ids = list(organisation_ids)
    refresh_search(ids)
    bump(Scope.DIRECTORY)
    hooks.organisations_changed(ids)  # matching queues its recompute after commit
    # Again once committed: a request reading between now and the commit sees the old rows
    # and would cache them under the new version.
    transaction.on_commit(lambda: bump(Scope.DIRECTORY))


def needs_set(*, organisation: Organisation, needs: dict) -> None:
    """Replace the needs of ``organisation``: ``{competence: description}``."""
    keep = {competence.pk for competence in needs}
    organisation.needs.exclude(competence_id__in=keep).delete()
    existing = {need.competence_id: need for need in organisation.needs.all()}
    for competence, description in needs.items():
        need = existing.get(competence.pk)
        if need is None:
            OrganisationNeed.objects.create(
                organisation=organisation, competence=competence, description=description
            )
        elif need.description != description:
            need.description = description
            need.save(update_fields=["description"])


@transaction.atomic
def organisations_upsert(*, records, by, status: str) -> tuple[list, list[int]]:
    """Create or update organisations from validated directory records, by slug, in bulk.

    The one writer of many organisations at once (the spreadsheet import, from the command
    and the admin). ``by``: a facilitator, or None for a command run on the server.
    Created organisations get ``status`` (pending or published); updated ones keep
    theirs. Returns each record's outcome and the ids of those created or updated."""
    if by is not None:
        _require_facilitator(by)
    if status not in (Organisation.Status.PENDING, Organisation.Status.PUBLISHED):
        raise ValidationError(_("Imported organisations are pending or published."))
    plan = bulk.plan_upsert(records=records)
    ids = bulk.write_plan(plan=plan, status=status)
    if ids:
        organisation_changed(organisation_ids=ids)
    return plan.outcomes, ids


class AlreadySubmitted(Exception):
    """This creation form was already sent: ``organisation`` is what it created."""

    def __init__(self, organisation: Organisation):
        self.organisation = organisation
        super().__init__(organisation.slug)


def _submitted(*, submission, by) -> Organisation | None:
    existing = Organisation.objects.filter(submission=submission).first()
    if existing is None:
        return None
    if not Membership.objects.filter(organisation=existing, user=by).exists():
        raise ValidationError(_("This form was already sent. Open the page again to start over."))
    return existing


@transaction.atomic
def organisation_create(
    *, by, data: dict, m2m: dict, needs: dict | None = None, submission=None
) -> Organisation:
    """A member creates an organisation: it waits for review and the creator becomes its admin.

    ``submission`` is the one-time token of the form: sent again (back, then submit; or a
    double click), it raises :class:`AlreadySubmitted` with the organisation it created,
    writing nothing and emailing nobody, even when both arrive at once (unique column)."""
    if submission is not None and (existing := _submitted(submission=submission, by=by)):
        raise AlreadySubmitted(existing)
    organisation = Organisation(**data)
    organisation.slug = unique_slug(
        Organisation.objects.all(), organisation.name, fallback="organisation"
    )
    organisation.status = Organisation.Status.PENDING
    organisation.submission = submission
    if isinstance(data.get("logo"), UploadedFile):
        organisation.logo.name = logo_filename(organisation=organisation, upload=data["logo"])
    organisation.full_clean(exclude=["submission"])
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        # The same form, sent at the same time, was written first.
        if submission is None or not (existing := _submitted(submission=submission, by=by)):
            raise
        raise AlreadySubmitted(existing) from None
    for field, values in m2m.items():
        getattr(organisation, field).set(values)
    needs_set(organisation=organisation, needs=needs or {})
    Membership.objects.create(
        user=by,
        organisation=organisation,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
        decided_at=timezone.now(),
    )
    _memberships_changed()
    organisation_changed(organisation_ids=[organisation.pk])
    emails.review_requested(organisation=organisation)
    return organisation


# What a visitor trusts an organisation by: changing one of these on a published or verified
# organisation is reviewed again by the facilitators.
IDENTITY_FIELDS = ("name", "website", "email", "phone", "logo")


def identity_changes(*, organisation: Organisation, data: dict) -> list[tuple[str, str, str]]:
    """(field, old, new) for each identity field that ``data`` changes."""
    changes = []
    for field in IDENTITY_FIELDS:
        if field not in data:
            continue
        old, new = getattr(organisation, field), data[field]
        if field == "logo":
            old_name = old.name if old else ""
            new_name = getattr(new, "name", new) or ""
            if isinstance(new, UploadedFile) or old_name != new_name:
                changes.append((field, old_name, new_name))
        elif (old or "") != (new or ""):
            changes.append((field, old or "", new or ""))
    return changes


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, by, data: dict, m2m: dict, needs: dict | None = None
) -> Organisation:
    """Edit a profile. When an organisation's admin changes its identity (name, website,
    public email, phone, logo) while it is published or verified, the "verified by the
    CSI" badge is removed until a facilitator verifies it again, and the facilitators
    are emailed the old and new values."""
    access.ensure(user=by, organisation=organisation, need=Need.EDIT)
    changes = []
    if not user_is_facilitator(user=by) and (organisation.verified or organisation.is_published):
        changes = identity_changes(organisation=organisation, data=data)
    was_verified = organisation.verified
    old_logo = organisation.logo.name if organisation.logo else ""
    for field, value in data.items():
        setattr(organisation, field, value)
    if changes:
        organisation.verified = False
    if "logo" in data and organisation.logo and isinstance(data["logo"], UploadedFile):
        organisation.logo.name = logo_filename(organisation=organisation, upload=data["logo"])
    organisation.full_clean(exclude=["slug"])
    organisation.save()
    new_logo = organisation.logo.name if organisation.logo else ""
    if old_logo and old_logo != new_logo:
        logo_delete_after_commit(name=old_logo)
    if changes:
        emails.identity_changed(
            organisation=organisation, changes=changes, by=by, was_verified=was_verified
        )
    for field, values in m2m.items():
        getattr(organisation, field).set(values)
    if needs is not None:
        needs_set(organisation=organisation, needs=needs)
    organisation_changed(organisation_ids=[organisation.pk])
    return organisation


@transaction.atomic
def need_save(*, need: OrganisationNeed, by) -> OrganisationNeed:
    """Add or change one need of an organisation (the admin's needs): its admins or a
    facilitator; search and suggestions follow, as after a profile edit."""
    access.ensure(user=by, organisation=need.organisation, need=Need.EDIT)
    if need.pk:
        previous = OrganisationNeed.objects.filter(pk=need.pk).values_list(
            "organisation_id", flat=True
        )
        moved_from = set(previous) - {need.organisation_id}
        for organisation in Organisation.objects.filter(pk__in=moved_from):
            access.ensure(user=by, organisation=organisation, need=Need.EDIT)
    else:
        moved_from = set()
    need.full_clean()
    need.save()
    organisation_changed(organisation_ids=[need.organisation_id, *moved_from])
    return need


@transaction.atomic
def need_remove(*, need: OrganisationNeed, by) -> None:
    access.ensure(user=by, organisation=need.organisation, need=Need.EDIT)
    organisation_id = need.organisation_id
    need.delete()
    organisation_changed(organisation_ids=[organisation_id])


def _require_facilitator(by) -> None:
    if not user_is_facilitator(user=by):
        raise PermissionDenied


@transaction.atomic
def organisation_publish(*, organisation: Organisation, by) -> Organisation:
    _require_facilitator(by)
    if organisation.status == Organisation.Status.PUBLISHED:
        return organisation
    organisation.status = Organisation.Status.PUBLISHED
    organisation.decline_reason = ""
    organisation.published_at = organisation.published_at or timezone.now()
    organisation.save(update_fields=["status", "decline_reason", "published_at", "updated_at"])
    organisation_changed(organisation_ids=[organisation.pk])
    emails.review_outcome(organisation=organisation, published=True)
    return organisation


@transaction.atomic
def organisation_decline(*, organisation: Organisation, by, reason: str) -> Organisation:
    _require_facilitator(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the organisation is declined.")})
    organisation.status = Organisation.Status.DRAFT
    organisation.decline_reason = reason
    organisation.save(update_fields=["status", "decline_reason", "updated_at"])
    organisation_changed(organisation_ids=[organisation.pk])
    emails.review_outcome(organisation=organisation, published=False)
    return organisation


@transaction.atomic
def organisation_submit(*, organisation: Organisation, by) -> Organisation:
    """An admin sends a draft (or a declined organisation) back for review."""
    access.ensure(user=by, organisation=organisation, need=Need.EDIT)
    if organisation.status not in (Organisation.Status.DRAFT, Organisation.Status.ARCHIVED):
        return organisation
    organisation.status = Organisation.Status.PENDING
    organisation.save(update_fields=["status", "updated_at"])
    organisation_changed(organisation_ids=[organisation.pk])
    emails.review_requested(organisation=organisation)
    return organisation


@transaction.atomic
def organisation_set_verified(*, organisation: Organisation, by, verified: bool) -> Organisation:
    _require_facilitator(by)
    organisation.verified = verified
    organisation.save(update_fields=["verified", "updated_at"])
    organisation_changed(organisation_ids=[organisation.pk])
    return organisation


@transaction.atomic
def organisation_archive(*, organisation: Organisation, by) -> Organisation:
    _require_facilitator(by)
    organisation.status = Organisation.Status.ARCHIVED
    organisation.save(update_fields=["status", "updated_at"])
    organisation_changed(organisation_ids=[organisation.pk])
    return organisation


# Memberships ----------------------------------------------------------------


@transaction.atomic
def membership_request(*, organisation: Organisation, user, message: str = "") -> Membership:
    """A member asks to join a published organisation; its admins are emailed."""
    if not organisation.is_published:
        raise ValidationError(_("Only published organisations accept requests to join."))
    membership, created = Membership.objects.select_for_update().get_or_create(
        user=user,
        organisation=organisation,
        defaults={"message": message[:1000]},
    )
    if not created:
        if membership.status in (Membership.Status.ACTIVE, Membership.Status.REQUESTED):
            return membership
        membership.status = Membership.Status.REQUESTED
        membership.role = Membership.Role.MEMBER
        membership.message = message[:1000]
        membership.created_at = timezone.now()
        membership.decided_at = None
        membership.save(update_fields=["status", "role", "message", "created_at", "decided_at"])
    _memberships_changed()
    emails.join_requested(membership=membership)
    return membership


def _memberships_changed() -> None:
    """Pages that show who belongs where (an organisation's aside) are rendered again: now,
    and once committed (a page read in between would be cached under the new version)."""
    bump(Scope.MEMBERSHIPS)
    transaction.on_commit(lambda: bump(Scope.MEMBERSHIPS))


# The rule "an organisation keeps at least one administrator", written once. Every change
# that could break it locks the organisation's memberships first, so that two admins
# demoting each other (or leaving, or deleting their accounts) at once cannot both pass.


def _lock_memberships(organisation_ids) -> None:
    list(
        Membership.objects.select_for_update()
        .filter(organisation_id__in=list(organisation_ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def organisations_left_without_admin(*, user, organisation_ids=None) -> list[Organisation]:
    """The organisations whose last active admin is ``user`` (their memberships locked).

    Called inside the transaction that would remove the user's admin role: the lock
    holds until it commits."""
    admin_of = Membership.objects.admins().filter(user=user)
    if organisation_ids is not None:
        admin_of = admin_of.filter(organisation_id__in=list(organisation_ids))
    ids = list(admin_of.values_list("organisation_id", flat=True))
    _lock_memberships(ids)
    others = set(
        Membership.objects.admins()
        .filter(organisation_id__in=ids)
        .exclude(user=user)
        .values_list("organisation_id", flat=True)
    )
    return list(Organisation.objects.filter(pk__in=set(ids) - others).order_by("name"))


def _ensure_keeps_an_admin(*, membership: Membership) -> None:
    if organisations_left_without_admin(
        user=membership.user, organisation_ids=[membership.organisation_id]
    ):
        raise ValidationError(
            _("An organisation must keep at least one administrator: appoint another one first.")
        )


@transaction.atomic
def membership_accept(*, membership: Membership, by) -> Membership:
    access.ensure(user=by, organisation=membership.organisation, need=Need.EDIT)
    if membership.status != Membership.Status.REQUESTED:
        return membership
    membership.status = Membership.Status.ACTIVE
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    _memberships_changed()
    emails.membership_accepted(membership=membership)
    return membership


@transaction.atomic
def membership_decline(*, membership: Membership, by) -> Membership:
    access.ensure(user=by, organisation=membership.organisation, need=Need.EDIT)
    if membership.status != Membership.Status.REQUESTED:
        return membership
    membership.status = Membership.Status.DECLINED
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    _memberships_changed()
    return membership


@transaction.atomic
def organisations_hand_over(*, organisations, by, choice: WayOut | str) -> list[Organisation]:
    """The way out of their last administrator (leaving, or deleting their account).

    ``WayOut.HAND_OVER``: the facilitators become responsible for the organisation (it
    is marked in the care of the CSI, join requests go to them) and it stays as it is.
    ``WayOut.ARCHIVE``: the same, and it leaves the directory at once. The facilitators
    are emailed either way. Only one of its administrators (or a facilitator) may."""
    choice = WayOut(choice)
    organisations = list(organisations)
    for organisation in organisations:
        access.ensure(user=by, organisation=organisation, need=Need.EDIT)
    now = timezone.now()
    for organisation in organisations:
        organisation.in_csi_care_since = organisation.in_csi_care_since or now
        fields = ["in_csi_care_since", "updated_at"]
        if choice is WayOut.ARCHIVE:
            organisation.status = Organisation.Status.ARCHIVED
            fields.append("status")
        organisation.save(update_fields=fields)
    if organisations:
        organisation_changed(organisation_ids=[o.pk for o in organisations])
        emails.handed_over(organisations=organisations, archived=choice is WayOut.ARCHIVE)
    return organisations


def way_out_take(*, user, blockers, choice) -> None:
    """accounts' way out (registered in apps.py): ``blockers`` are the organisations
    ``user`` is the last admin of, as :func:`organisations_left_without_admin` found them."""
    organisations_hand_over(
        organisations=[o for o in blockers if isinstance(o, Organisation)], by=user, choice=choice
    )


@transaction.atomic
def membership_set_role(*, membership: Membership, by, role: str) -> Membership:
    access.ensure(user=by, organisation=membership.organisation, need=Need.EDIT)
    _lock_memberships([membership.organisation_id])
    membership.refresh_from_db()
    if membership.status != Membership.Status.ACTIVE or role not in Membership.Role.values:
        raise ValidationError(_("Only active members can change role."))
    if membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN:
        _ensure_keeps_an_admin(membership=membership)
    membership.role = role
    membership.save(update_fields=["role"])
    if role == Membership.Role.ADMIN and membership.organisation.in_csi_care_since:
        # It has an administrator again: the CSI no longer answers for it.
        Organisation.objects.filter(pk=membership.organisation_id).update(in_csi_care_since=None)
        membership.organisation.in_csi_care_since = None
    _memberships_changed()
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, by, way_out: WayOut | str = "") -> Membership:
    """Remove a member (an admin or facilitator) or leave (the member themself).

    The last administrator may leave only with a ``way_out`` for the organisation
    (:func:`organisations_hand_over`); nobody can remove them."""
    leaving = membership.user_id == by.pk
    if not leaving:
        access.ensure(user=by, organisation=membership.organisation, need=Need.EDIT)
    _lock_memberships([membership.organisation_id])
    membership.refresh_from_db()
    if membership.status != Membership.Status.ACTIVE:
        return membership
    if membership.role == Membership.Role.ADMIN:
        if (
            leaving
            and way_out
            and organisations_left_without_admin(
                user=membership.user, organisation_ids=[membership.organisation_id]
            )
        ):
            organisations_hand_over(organisations=[membership.organisation], by=by, choice=way_out)
        else:
            _ensure_keeps_an_admin(membership=membership)
    membership.status = Membership.Status.LEFT
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    _memberships_changed()
    return membership


@transaction.atomic
def membership_appoint(*, organisation: Organisation, user, role: str, by) -> Membership:
    """A facilitator makes ``user`` an active member of ``organisation`` with ``role``: the
    first admin of an imported organisation, say (the person agreed with the CSI; no join
    request, no email). Nothing is written when the membership is already so."""
    _require_facilitator(by)
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."))
    _lock_memberships([organisation.pk])
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    if membership is None:
        membership = Membership.objects.create(
            user=user,
            organisation=organisation,
            role=role,
            status=Membership.Status.ACTIVE,
            decided_at=timezone.now(),
        )
    elif membership.status == Membership.Status.ACTIVE and membership.role == role:
        return membership
    else:
        if membership.status == Membership.Status.ACTIVE and role != Membership.Role.ADMIN:
            _ensure_keeps_an_admin(membership=membership)
        membership.role = role
        membership.status = Membership.Status.ACTIVE
        membership.decided_at = timezone.now()
        membership.save(update_fields=["role", "status", "decided_at"])
    _memberships_changed()
    return membership
