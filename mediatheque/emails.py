"""Emails about resources, queued through the outbox (coexist.emails)."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.selectors import FACILITATORS_GROUP
from coexist.emails import absolute_url, email_queue


def _queue_by_language(recipients, **kwargs) -> None:
    by_language = defaultdict(list)
    for address, language in recipients:
        by_language[language or "fr"].append(address)
    for language, addresses in sorted(by_language.items()):
        email_queue(to=addresses, language=language, **kwargs)


def review_requested(*, resource) -> None:
    """Tell the facilitators that an organisation's resource waits for review."""
    facilitators = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=FACILITATORS_GROUP)
        .values_list("email", "preferred_language")
        .distinct()
    )
    _queue_by_language(
        list(facilitators),
        template="mediatheque/emails/review_requested",
        context={
            "resource": resource,
            "review_url": absolute_url(
                reverse("admin:mediatheque_resource_change", args=[resource.pk])
            ),
        },
    )


def published(*, resource) -> None:
    """Tell the person who added it that the resource is in the médiathèque."""
    user = resource.uploaded_by
    if user is None or not user.is_active:
        return
    _queue_by_language(
        [(user.email, user.preferred_language)],
        template="mediatheque/emails/published",
        context={"resource": resource, "resource_url": absolute_url(resource.get_absolute_url())},
        about=[user],
    )
