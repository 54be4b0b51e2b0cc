"""Writes on introductions (*mise en relation*) and the partnerships they open.

The rules (README, "Projects and introductions"):

- A member asks on behalf of an organisation they are an active member of, to another
  published organisation, optionally about a project of one of the two (or one of its
  needs), with a message. The receiving organisation's admins answer within
  :data:`REPLY_DAYS` days: one reminder halfway, then the request expires.
- A requesting organisation has at most :data:`MAX_PENDING_SENT` pending requests (an
  answer, either way, frees a slot); an organisation receives at most
  :data:`MAX_RECEIVED_PER_WEEK` new ones in seven days (then: ask the facilitators).
  No second request to the same organisation about the same need while one is pending or
  was declined less than :data:`DECLINE_COOLDOWN_DAYS` days ago.
- Accepting gives each side the other's contact people (:func:`projects.selectors.
  contact_people`) and opens a :class:`~projects.models.Partnership` "in discussion";
  declining records a reason and tells the requester politely, with no contact details.
- A facilitator may broker an introduction: both sides are asked, and contacts are
  exchanged only when both accepted (double opt-in).

Answers lock the introduction's row (``select_for_update``): of an accept and a decline
sent at the same moment, the second finds it answered, so there is one outcome and one
email per side.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Organisation
from coexist.cache import Scope, bump
from projects import access, emails, selectors
from projects.access import Action
from projects.models import Introduction, Partnership, Project, ProjectNeed

REPLY_DAYS = 14
MAX_PENDING_SENT = 5
MAX_RECEIVED_PER_WEEK = 10
DECLINE_COOLDOWN_DAYS = 90
MESSAGE_MAX = 2000

ASK_FACILITATORS = "ask_facilitators"  # the error code the request form explains


def _lock(*organisations: Organisation) -> None:
    """Serialise the requests that involve these organisations (limits are counted under
    the lock), always in the same order so that two requests never deadlock."""
    pks = sorted({organisation.pk for organisation in organisations})
    list(Organisation.objects.select_for_update().filter(pk__in=pks).order_by("pk"))


def _clean_message(message: str) -> str:
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Write a few words: why would you like to meet them?"))
    if len(message) > MESSAGE_MAX:
        raise ValidationError(
            _("The message is too long (%(count)s characters); at most %(limit)s.")
            % {"count": len(message), "limit": MESSAGE_MAX}
        )
    if "\x00" in message:
        raise ValidationError(_("The message contains a character that cannot be stored."))
    return message


def _about(
    *, by, first: Organisation, second: Organisation, project: Project | None, need
) -> tuple[Project | None, ProjectNeed | None]:
    """The project and need a request is about, checked: a project of one of the two
    organisations that ``by`` may see, an open need of it."""
    if first.pk == second.pk:
        raise ValidationError(_("An organisation cannot ask to be introduced to itself."))
    if not second.is_published:
        raise ValidationError(_("This organisation is not public on CoExist."))
    if need is not None:
        if project is not None and need.project_id != project.pk:
            raise ValidationError(_("This need belongs to another project."))
        project = need.project
        if not need.is_open:
            raise ValidationError(_("This need is already fulfilled."))
    if project is not None:
        if project.owner_id not in (first.pk, second.pk):
            raise ValidationError(_("The project must belong to one of the two organisations."))
        if not access.can(user=by, project=project, action=Action.VIEW):
            raise ValidationError(_("This project is not public."))
        if project.owner_id == second.pk and not project.is_public:
            raise ValidationError(_("This project is not public."))
    return project, need


def _ensure_no_duplicate(*, first, second, need, now) -> None:
    same = Introduction.objects.filter(from_organisation=first, to_organisation=second, need=need)
    if same.filter(state=Introduction.State.PENDING).exists():
        raise ValidationError(
            _("A request to %(name)s about this is already waiting for an answer.")
            % {"name": second.name}
        )
    cutoff = now - timedelta(days=DECLINE_COOLDOWN_DAYS)
    if same.filter(state=Introduction.State.DECLINED, answered_at__gte=cutoff).exists():
        raise ValidationError(
            _(
                "%(name)s declined a request about this less than %(days)s days ago: "
                "you may ask again later, or ask the CSI team for advice."
            )
            % {"name": second.name, "days": DECLINE_COOLDOWN_DAYS}
        )


def _ensure_within_limits(*, first, second, now) -> None:
    pending = Introduction.objects.filter(
        from_organisation=first, state=Introduction.State.PENDING
    ).count()
    if pending >= MAX_PENDING_SENT:
        raise ValidationError(
            _(
                "%(name)s already has %(count)s requests waiting for an answer, the most "
                "at once: each answer (or expiry) frees a place."
            )
            % {"name": first.name, "count": pending},
            code="too_many_pending",
        )
    received = Introduction.objects.filter(
        to_organisation=second, created_at__gte=now - timedelta(days=7), brokered_by=None
    ).count()
    if received >= MAX_RECEIVED_PER_WEEK:
        raise ValidationError(
            _(
                "%(name)s received many requests this week. Ask the CSI facilitators: "
                "they can introduce you themselves."
            )
            % {"name": second.name},
            code=ASK_FACILITATORS,
        )


def _create(**fields) -> Introduction:
    try:
        with transaction.atomic():
            return Introduction.objects.create(**fields)
    except IntegrityError as error:  # the unique pending constraint, under a race
        raise ValidationError(_("This request is already waiting for an answer.")) from error


@transaction.atomic
def introduction_request(
    *,
    from_organisation: Organisation,
    to_organisation: Organisation,
    by,
    message: str,
    project: Project | None = None,
    need: ProjectNeed | None = None,
) -> Introduction:
    """A member asks, on behalf of ``from_organisation``, to be introduced to
    ``to_organisation``. The receiver's admins are emailed."""
    access.ensure_member(user=by, organisation=from_organisation)
    message = _clean_message(message)
    project, need = _about(
        by=by, first=from_organisation, second=to_organisation, project=project, need=need
    )
    _lock(from_organisation, to_organisation)
    now = timezone.now()
    _ensure_no_duplicate(first=from_organisation, second=to_organisation, need=need, now=now)
    _ensure_within_limits(first=from_organisation, second=to_organisation, now=now)
    introduction = _create(
        from_organisation=from_organisation,
        to_organisation=to_organisation,
        requested_by=by,
        project=project,
        need=need,
        message=message,
        created_at=now,
        deadline=now + timedelta(days=REPLY_DAYS),
        from_accepted_at=now,
    )
    emails.introduction_requested(introduction=introduction)
    return introduction


@transaction.atomic
def introduction_broker(
    *,
    first: Organisation,
    second: Organisation,
    by,
    message: str,
    project: Project | None = None,
    need: ProjectNeed | None = None,
) -> Introduction:
    """A facilitator introduces two organisations: both are asked (double opt-in). The
    limits that protect receivers from too many requests do not apply to the CSI."""
    access.ensure_facilitator(user=by)
    message = _clean_message(message)
    if not first.is_published:
        raise ValidationError(_("This organisation is not public on CoExist."))
    project, need = _about(by=by, first=first, second=second, project=project, need=need)
    _lock(first, second)
    now = timezone.now()
    _ensure_no_duplicate(first=first, second=second, need=need, now=now)
    introduction = _create(
        from_organisation=first,
        to_organisation=second,
        brokered_by=by,
        project=project,
        need=need,
        message=message,
        created_at=now,
        deadline=now + timedelta(days=REPLY_DAYS),
    )
    emails.introduction_requested(introduction=introduction)
    return introduction


def _locked(introduction: Introduction) -> Introduction:
    return Introduction.objects.select_for_update(of=("self",)).get(pk=introduction.pk)


def _answerable(*, introduction: Introduction, by) -> list[Organisation]:
    """The sides ``by`` answers for, once the row is locked; raises when none or when the
    introduction was answered meanwhile."""
    sides = access.sides_answerable(user=by, introduction=introduction)
    if not introduction.is_pending:
        if not access.may_see_introduction(user=by, introduction=introduction):
            raise PermissionDenied
        raise ValidationError(
            _("This introduction was already answered (%(state)s).")
            % {"state": introduction.get_state_display()},
            code="answered",
        )
    if not sides:
        raise PermissionDenied
    if introduction.deadline <= timezone.now():
        raise ValidationError(_("This introduction expired."), code="expired")
    return sides


def _side_ids(introduction: Introduction, sides) -> set[int]:
    return {side.pk for side in sides}


@transaction.atomic
def introduction_accept(*, introduction: Introduction, by) -> Introduction:
    """The receiver's admin accepts (for a facilitator's introduction: one side accepts,
    and the exchange happens once both have). Contacts are exchanged and a partnership
    opened "in discussion"."""
    locked = _locked(introduction)
    ids = _side_ids(locked, _answerable(introduction=locked, by=by))
    now = timezone.now()
    fields = []
    if locked.to_organisation_id in ids:
        locked.to_accepted_at, locked.answered_by = now, by
        fields += ["to_accepted_at", "answered_by"]
    if locked.from_organisation_id in ids and locked.from_accepted_at is None:
        locked.from_accepted_at = now
        locked.requested_by = locked.requested_by or by
        fields += ["from_accepted_at", "requested_by"]
    if locked.from_accepted_at is None or locked.to_accepted_at is None:
        locked.save(update_fields=fields)  # the other side is still to accept
        _refresh(introduction, locked)
        return introduction
    locked.state = Introduction.State.ACCEPTED
    locked.answered_at = now
    locked.save(update_fields=[*fields, "state", "answered_at"])
    Partnership.objects.create(
        first_id=locked.from_organisation_id,
        second_id=locked.to_organisation_id,
        project_id=locked.project_id,
        introduction=locked,
        created_at=now,
        stage_changed_at=now,
    )
    full = selectors.introduction_with_sides(pk=locked.pk)
    emails.introduction_accepted(
        introduction=full,
        contacts={
            side.pk: selectors.contact_people(introduction=full, organisation=side)
            for side in (full.from_organisation, full.to_organisation)
        },
    )
    bump(Scope.PROJECTS)  # a project page lists its partners
    transaction.on_commit(lambda: bump(Scope.PROJECTS))
    _refresh(introduction, locked)
    return introduction


@transaction.atomic
def introduction_decline(
    *, introduction: Introduction, by, reason: str, message: str = ""
) -> Introduction:
    """Decline with a reason (and an optional message): the requester is told politely,
    no contact details are given, and the pair is no longer suggested for that need."""
    locked = _locked(introduction)
    sides = _answerable(introduction=locked, by=by)
    if reason not in Introduction.DeclineReason.values:
        raise ValidationError(_("Choose a reason."))
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX or "\x00" in message:
        raise ValidationError(_("The message is too long (at most 2,000 characters)."))
    now = timezone.now()
    declined_by = next((side for side in sides if side.pk == locked.to_organisation_id), sides[0])
    locked.state = Introduction.State.DECLINED
    locked.decline_reason = reason
    locked.decline_message = message
    locked.declined_by_organisation = declined_by
    locked.answered_at = now
    fields = ["state", "decline_reason", "decline_message", "declined_by_organisation"]
    if declined_by.pk == locked.to_organisation_id:
        locked.answered_by = by
        fields.append("answered_by")
    locked.save(update_fields=[*fields, "answered_at"])
    emails.introduction_declined(introduction=selectors.introduction_with_sides(pk=locked.pk))
    _refresh(introduction, locked)
    return introduction


def _refresh(introduction: Introduction, locked: Introduction) -> None:
    """The caller's object shows the outcome."""
    for field in (
        "state",
        "from_accepted_at",
        "to_accepted_at",
        "requested_by_id",
        "answered_by_id",
        "answered_at",
        "decline_reason",
        "decline_message",
        "declined_by_organisation_id",
    ):
        setattr(introduction, field, getattr(locked, field))


# Keeping introductions alive (Celery beat) ----------------------------------------------


def introductions_send_reminders(*, now=None) -> int:
    """Remind the receivers of the requests halfway through their reply window, once.

    Each reminder is claimed with a conditional update: a second run, or two workers,
    never send it twice."""
    now = now or timezone.now()
    due = Introduction.objects.filter(
        state=Introduction.State.PENDING,
        reminder_sent_at__isnull=True,
        deadline__gt=now,
        deadline__lte=now + timedelta(days=REPLY_DAYS / 2),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            claimed = Introduction.objects.filter(
                pk=pk, state=Introduction.State.PENDING, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed:
                emails.introduction_reminder(introduction=selectors.introduction_with_sides(pk=pk))
                sent += 1
    return sent


def introductions_expire(*, now=None) -> int:
    """Requests not answered in time expire; both sides are told, without blame."""
    now = now or timezone.now()
    due = Introduction.objects.filter(
        state=Introduction.State.PENDING, deadline__lte=now
    ).values_list("pk", flat=True)
    expired = 0
    for pk in list(due):
        with transaction.atomic():
            claimed = Introduction.objects.filter(pk=pk, state=Introduction.State.PENDING).update(
                state=Introduction.State.EXPIRED, answered_at=now
            )
            if claimed:
                emails.introduction_expired(introduction=selectors.introduction_with_sides(pk=pk))
                expired += 1
    return expired
