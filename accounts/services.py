"""Writes on user accounts."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts import emails, hooks
from accounts.selectors import FACILITATORS_GROUP
from coexist.emails import emails_purge

# What facilitators curate in the admin: (app_label, model, actions).
FACILITATOR_PERMISSIONS = [
    ("actors", "organisation", ("view", "change", "add")),
    ("actors", "organisationneed", ("view", "change", "add", "delete")),
    ("actors", "membership", ("view", "change")),
    ("actors", "competence", ("view",)),
    ("actors", "competencecategory", ("view",)),
    ("actors", "sdg", ("view",)),
    ("actors", "organisationkind", ("view",)),
    ("actors", "contributiontype", ("view",)),
    ("actors", "partnershiptype", ("view",)),
    ("actors", "territory", ("view",)),
    ("accounts", "user", ("view",)),
    ("coexist", "email", ("view",)),
    ("matching", "suggestion", ("view",)),
    ("projects", "project", ("view", "change")),
    ("projects", "introduction", ("view",)),
    ("projects", "partnership", ("view",)),
    ("events", "event", ("view", "change", "add")),
    ("events", "registration", ("view",)),
    ("mediatheque", "resource", ("view", "change", "add")),
]


def facilitators_group_sync() -> Group:
    """Create the Facilitators group and give it exactly the permissions listed above."""
    group, _ = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    wanted = []
    for app_label, model, actions in FACILITATOR_PERMISSIONS:
        for action in actions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            ).first()
            if permission is not None:
                wanted.append(permission)
    group.permissions.set(wanted)
    return group


def _verified_address(user) -> None:
    """The account's email is its verified primary address (written only when it is not)."""
    address = EmailAddress.objects.filter(user=user, email__iexact=user.email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])


def _account_ensure(*, email: str, password: str | None, defaults: dict, staff: bool) -> tuple:
    """Create or update an active account; writes nothing when it is already as asked.

    ``password`` None: a new account gets an unusable password (nobody can sign in with
    it until one is set) and an existing one keeps its own."""
    user_model = get_user_model()
    user = user_model.objects.filter(email=email.lower()).first()
    created = user is None
    if created:
        user = user_model(email=email.lower(), **defaults)
        user.set_password(password)  # None: unusable
    changed = created
    if not user.is_active or (staff and not user.is_staff):
        user.is_active = True
        user.is_staff = user.is_staff or staff
        changed = True
    if not created and password is not None and not user.check_password(password):
        user.set_password(password)
        changed = True
    if changed:
        user.full_clean(exclude=["password"])
        user.save()
    _verified_address(user)
    return user, created


@transaction.atomic
def facilitator_ensure(*, email: str, password: str | None, full_name: str = "") -> tuple:
    """Create (or update) a facilitator account with a verified email; returns (user, created).

    Idempotent: an account already as asked is not written. ``password`` None keeps the
    existing password (a new account gets an unusable one)."""
    user, created = _account_ensure(
        email=email,
        password=password,
        defaults={"full_name": full_name or "Facilitatrice CSI"},
        staff=True,
    )
    group = facilitators_group_sync()
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
    return user, created


@transaction.atomic
def member_ensure(*, email: str, password: str, full_name: str = "", job_title: str = "") -> tuple:
    """Create (or reactivate) a member's account with a verified email, signed in with
    ``password``; returns (user, created). For commands run on the server (the demo
    accounts); idempotent, like ``facilitator_ensure``."""
    return _account_ensure(
        email=email,
        password=password,
        defaults={"full_name": full_name, "job_title": job_title},
        staff=False,
    )


@transaction.atomic
def user_update_profile(*, user, data: dict):
    for field, value in data.items():
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(data))
    return user


class LastAdminError(Exception):
    """Deleting the account would leave an organisation without an administrator."""

    def __init__(self, organisations):
        self.organisations = organisations
        super().__init__(", ".join(str(o) for o in organisations))


@transaction.atomic
def user_delete(*, user, force: bool = False, way_out: hooks.WayOut | str = "") -> list:
    """Delete an account and the personal data held with it.

    Memberships go; organisations and their content stay. Every stored email to or
    about the person goes too. Refused while the user is the last administrator of an
    organisation, which would otherwise be left without anyone able to edit it, unless
    the user chose a ``way_out`` for those organisations (hand them to the facilitators,
    or archive them: :class:`accounts.hooks.WayOut`), or ``force`` (the retention job):
    the orphaned organisations are then returned.
    """
    orphaned = hooks.deletion_blockers(user=user)
    if orphaned and way_out:
        hooks.way_out_take(user=user, blockers=orphaned, choice=hooks.WayOut(way_out))
    elif orphaned and not force:
        raise LastAdminError(orphaned)
    emails_purge(user=user)
    user.delete()
    return orphaned


# Retention (privacy policy: inactive accounts deleted after three years and a warning) --

INACTIVE_AFTER = timedelta(days=3 * 365)
DELETE_AFTER_WARNING = timedelta(days=30)


def _last_activity():
    return Coalesce("last_login", "date_joined")


def inactive_accounts_warn(*, now=None) -> int:
    """Warn each account inactive for three years (once per period of inactivity)."""
    now = now or timezone.now()
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .annotate(last_activity=_last_activity())
        .filter(last_activity__lt=now - INACTIVE_AFTER)
        .filter(
            Q(inactivity_warned_at__isnull=True) | Q(inactivity_warned_at__lt=F("last_activity"))
        )
    )
    count = 0
    for user in users.iterator():
        with transaction.atomic():
            user.inactivity_warned_at = now
            user.save(update_fields=["inactivity_warned_at"])
            emails.inactivity_warning(user=user, deletion_on=now + DELETE_AFTER_WARNING)
        count += 1
    return count


def inactive_accounts_delete(*, now=None) -> int:
    """Delete the accounts warned 30 days ago that have not signed in since."""
    now = now or timezone.now()
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .annotate(last_activity=_last_activity())
        .filter(
            inactivity_warned_at__lte=now - DELETE_AFTER_WARNING,
            last_activity__lt=F("inactivity_warned_at"),
        )
    )
    count, orphaned = 0, []
    for user in list(users):
        orphaned += user_delete(user=user, force=True)
        count += 1
    if orphaned:
        emails.organisations_without_admin(organisations=orphaned)
    return count
