"""Emails about accounts, queued through the outbox."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.selectors import FACILITATORS_GROUP
from coexist.emails import absolute_url, email_queue


def inactivity_warning(*, user, deletion_on) -> None:
    email_queue(
        to=[user.email],
        template="accounts/emails/inactivity_warning",
        context={
            "user": user,
            "deletion_on": deletion_on,
            "login_url": absolute_url(reverse("account_login")),
        },
        language=user.preferred_language,
    )


def organisations_without_admin(*, organisations) -> None:
    """Tell the facilitators that the retention job left organisations with no admin."""
    facilitators = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=FACILITATORS_GROUP)
        .values_list("email", flat=True)
        .distinct()
    )
    email_queue(
        to=list(facilitators),
        template="accounts/emails/organisations_without_admin",
        context={
            "organisations": [
                {
                    "name": organisation.name,
                    "url": absolute_url(
                        reverse("admin:actors_organisation_change", args=[organisation.pk])
                    ),
                }
                for organisation in organisations
            ]
        },
    )
