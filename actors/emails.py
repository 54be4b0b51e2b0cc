"""Emails about organisations and memberships, queued through the outbox."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.selectors import FACILITATORS_GROUP
from actors.selectors import organisation_admin_recipients
from coexist.emails import absolute_url, email_queue


def _queue_by_language(recipients, **kwargs) -> None:
    by_language = defaultdict(list)
    for address, language in recipients:
        by_language[language or "fr"].append(address)
    for language, addresses in sorted(by_language.items()):
        email_queue(to=addresses, language=language, **kwargs)


def _facilitators() -> list[tuple[str, str]]:
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=FACILITATORS_GROUP)
        .values_list("email", "preferred_language")
        .distinct()
    )


def review_requested(*, organisation) -> None:
    """Tell the facilitators that an organisation waits for review."""
    _queue_by_language(
        _facilitators(),
        template="actors/emails/review_requested",
        context={
            "organisation": organisation,
            "review_url": absolute_url(
                reverse("admin:actors_organisation_change", args=[organisation.pk])
            ),
        },
    )


def review_outcome(*, organisation, published: bool) -> None:
    _queue_by_language(
        organisation_admin_recipients(organisation=organisation),
        template="actors/emails/published" if published else "actors/emails/declined",
        context={
            "organisation": organisation,
            "reason": organisation.decline_reason,
            "organisation_url": absolute_url(organisation.get_absolute_url()),
            "edit_url": absolute_url(reverse("actors:edit", kwargs={"slug": organisation.slug})),
        },
    )


def join_requested(*, membership) -> None:
    """To the organisation's admins; to the facilitators when it has none (most imported
    organisations), who can accept the request in the admin."""
    organisation = membership.organisation
    _queue_by_language(
        organisation_admin_recipients(organisation=organisation) or _facilitators(),
        template="actors/emails/join_requested",
        context={
            "organisation": organisation,
            "requester": membership.user,
            "message": membership.message,
            "members_url": absolute_url(
                reverse("actors:members", kwargs={"slug": organisation.slug})
            ),
        },
        about=[membership.user],
    )


def membership_accepted(*, membership) -> None:
    user = membership.user
    _queue_by_language(
        [(user.email, user.preferred_language)],
        template="actors/emails/membership_accepted",
        context={
            "organisation": membership.organisation,
            "user": user,
            "organisation_url": absolute_url(membership.organisation.get_absolute_url()),
        },
    )


def identity_changed(*, organisation, changes, by, was_verified: bool) -> None:
    """Tell the facilitators that a published or verified organisation changed its identity."""
    labels = {
        field: organisation._meta.get_field(field).verbose_name
        for field in dict.fromkeys(field for field, _old, _new in changes)
    }
    _queue_by_language(
        _facilitators(),
        template="actors/emails/identity_changed",
        context={
            "organisation": organisation,
            "changes": [
                {"field": str(labels[field]), "old": old, "new": new} for field, old, new in changes
            ],
            "by": by,
            "was_verified": was_verified,
            "review_url": absolute_url(
                reverse("admin:actors_organisation_change", args=[organisation.pk])
            ),
        },
        about=[by],
    )


def handed_over(*, organisations, archived: bool) -> None:
    """Tell the facilitators that the last administrator of organisations left and handed
    them to the CSI. It names nobody: the person may be deleting their account."""
    _queue_by_language(
        _facilitators(),
        template="actors/emails/handed_over",
        context={
            "archived": archived,
            "organisations": [
                {
                    "name": organisation.name,
                    "url": absolute_url(
                        reverse("admin:actors_organisation_change", args=[organisation.pk])
                    ),
                }
                for organisation in organisations
            ],
        },
    )
