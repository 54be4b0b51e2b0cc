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
