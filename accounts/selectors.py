from django.contrib.auth.models import AnonymousUser

from accounts import hooks

FACILITATORS_GROUP = "Facilitators"


def user_is_facilitator(*, user) -> bool:
    """CSI staff: staff members of the Facilitators group, or superusers. Cached on the user.

    Facilitators work in the admin, so they are staff: for everyone else (nearly every
    request) the answer needs no query.
    """
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    if not user.is_active or not (user.is_staff or user.is_superuser):
        return False
    cached = getattr(user, "_is_facilitator", None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=FACILITATORS_GROUP).exists()
        user._is_facilitator = cached
    return cached


def user_data_export(*, user) -> dict:
    """Everything CoExist holds about a person, as JSON-ready data (right of access)."""
    from allauth.account.models import EmailAddress

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "job_title": user.job_title,
            "preferred_language": user.preferred_language,
            "weekly_digest": user.weekly_digest,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "emails_to_or_about_you": _emails_of(user=user),
        **hooks.data_export_sections(user=user),
    }


def _emails_of(*, user) -> list[dict]:
    """The emails the site sent (or will send) to the person or about them (a join request
    to the admins), which the privacy policy lists among what it collects.
    A message that held a one-time secret is listed without its body."""
    from coexist.models import Email

    return [
        {
            "subject": email.subject,
            "to": email.to,
            "kind": email.kind,
            "status": email.status,
            "created_at": email.created_at.isoformat(),
            "sent_at": email.sent_at.isoformat() if email.sent_at else None,
            "body": None if email.secret else email.body_text,
        }
        for email in Email.objects.filter(people=user).order_by("created_at", "pk")
    ]


def account_deletion_blockers(*, user) -> list:
    """What deleting ``user``'s account would leave without an administrator (the
    organisations of which they are the last admin), read for the deletion page."""
    from django.db import transaction

    from accounts import hooks

    with transaction.atomic():
        return hooks.deletion_blockers(user=user)
