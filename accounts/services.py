"""Writes on user accounts."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from accounts.selectors import FACILITATORS_GROUP

# What facilitators curate in the admin: (app_label, model, actions).
FACILITATOR_PERMISSIONS = [
    ("actors", "organisation", ("view", "change", "add")),
    ("actors", "organisationneed", ("view", "change", "add", "delete")),
    ("actors", "membership", ("view", "change", "add", "delete")),
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


@transaction.atomic
def facilitator_ensure(*, email: str, password: str, full_name: str = "") -> tuple:
    """Create (or update) a facilitator account with a verified email; returns (user, created)."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        email=email.lower(), defaults={"full_name": full_name or "Facilitatrice CSI"}
    )
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(facilitators_group_sync())
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, created


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
def user_delete(*, user) -> None:
    """Delete an account: memberships go, organisations and their content stay.

    Refused while the user is the last administrator of an organisation, which
    would otherwise be left without anyone able to edit it.
    """
    from actors.models import Membership

    orphaned = []
    for membership in Membership.objects.admins().filter(user=user).select_related("organisation"):
        others = (
            Membership.objects.admins()
            .filter(organisation=membership.organisation)
            .exclude(user=user)
            .exists()
        )
        if not others:
            orphaned.append(membership.organisation)
    if orphaned:
        raise LastAdminError(orphaned)
    user.delete()
