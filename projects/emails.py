"""Emails about projects and introductions, queued through the outbox (coexist.emails),
each recipient in their own language."""

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


def _admins_or_facilitators(organisation) -> list[tuple[str, str]]:
    """An organisation's admins; the facilitators when it has none (imported ones)."""
    return organisation_admin_recipients(organisation=organisation) or _facilitators()


def _side_recipients(introduction, organisation) -> list[tuple[str, str]]:
    """Who hears about an introduction for one side: the requester for the requesting
    side of a member's request, the admins otherwise."""
    requester = introduction.requested_by
    if (
        organisation.pk == introduction.from_organisation_id
        and requester is not None
        and requester.is_active
    ):
        admins = organisation_admin_recipients(organisation=organisation)
        return sorted({(requester.email, requester.preferred_language), *admins})
    return _admins_or_facilitators(organisation)


def _context(introduction) -> dict:
    return {
        "introduction": introduction,
        "from_organisation": introduction.from_organisation,
        "to_organisation": introduction.to_organisation,
        "project": introduction.project,
        "need": introduction.need,
        "introduction_url": absolute_url(introduction.get_absolute_url()),
    }


def introduction_requested(*, introduction) -> None:
    """To the receiving organisation's admins (and, for a facilitator's introduction, to
    the first side's too: both are asked)."""
    sides = [introduction.to_organisation]
    if introduction.is_brokered:
        sides.insert(0, introduction.from_organisation)
    for side in sides:
        _queue_by_language(
            _admins_or_facilitators(side),
            template="projects/emails/introduction_requested",
            context={**_context(introduction), "side": side},
        )


def introduction_reminder(*, introduction) -> None:
    sides = []
    if introduction.to_accepted_at is None:
        sides.append(introduction.to_organisation)
    if introduction.is_brokered and introduction.from_accepted_at is None:
        sides.append(introduction.from_organisation)
    for side in sides:
        _queue_by_language(
            _admins_or_facilitators(side),
            template="projects/emails/introduction_reminder",
            context={**_context(introduction), "side": side},
        )


def introduction_accepted(*, introduction, contacts: dict) -> None:
    """One email per side, each with the other side's contact people."""
    first, second = introduction.from_organisation, introduction.to_organisation
    for side, other in ((first, second), (second, first)):
        people = contacts[other.pk]
        _queue_by_language(
            _side_recipients(introduction, side),
            template="projects/emails/introduction_accepted",
            context={**_context(introduction), "side": side, "other": other, "contacts": people},
            about=[person["user_id"] for person in people],
        )


def introduction_declined(*, introduction) -> None:
    """To the side that did not decline, politely, with no contact details."""
    declined_by = introduction.declined_by_organisation
    told = (
        introduction.from_organisation
        if declined_by is None or declined_by.pk == introduction.to_organisation_id
        else introduction.to_organisation
    )
    _queue_by_language(
        _side_recipients(introduction, told),
        template="projects/emails/introduction_declined",
        context={**_context(introduction), "side": told, "declined_by": declined_by},
    )


def introduction_expired(*, introduction) -> None:
    for side in (introduction.from_organisation, introduction.to_organisation):
        _queue_by_language(
            _side_recipients(introduction, side),
            template="projects/emails/introduction_expired",
            context={**_context(introduction), "side": side},
        )


def project_hidden(*, project) -> None:
    _queue_by_language(
        organisation_admin_recipients(organisation=project.owner),
        template="projects/emails/project_hidden",
        context={
            "project": project,
            "reason": project.curation_reason,
            "project_url": absolute_url(project.get_absolute_url()),
            "edit_url": absolute_url(reverse("projects:edit", kwargs={"slug": project.slug})),
        },
    )
