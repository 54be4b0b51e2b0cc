"""Who may see or do what with an organisation: the one place these rules are written.

Views call :func:`organisation_for` first (healthchecks' ``_get_check_for_user``): it
returns the organisation, or raises ``Http404`` when the user may not have it. To an
outsider a private object does not exist, whether it is a draft or the member list of a
published organisation: nothing leaks, not even that it exists (pretix's choice). A
visitor who is not signed in is sent to the login page first by ``login_required``.

Services check the same rules with :func:`ensure` (``PermissionDenied``), so the admin,
a task or a command cannot write around them. Projects, events and the médiathèque
add their own ``access`` module on this model.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.selectors import user_is_facilitator
from actors.models import Membership, Organisation


class Need(StrEnum):
    """What a user wants to do with an organisation."""

    VIEW = "view"  # its page (public once published)
    SEE_PEOPLE = "see_people"  # names, job titles, emails of its members (PRODUCT.md)
    SEE_SUGGESTIONS = "see_suggestions"  # its suggested partners
    EDIT = "edit"  # edit the profile, send it for review, manage its members


@dataclass(frozen=True)
class Standing:
    """A user's relation to one organisation."""

    facilitator: bool
    membership: Membership | None

    @property
    def is_member(self) -> bool:
        """An active member, of any role."""
        return self.membership is not None and self.membership.status == Membership.Status.ACTIVE

    @property
    def is_admin(self) -> bool:
        return self.is_member and self.membership.role == Membership.Role.ADMIN


def standing(*, organisation: Organisation, user) -> Standing:
    """The user's standing in the organisation: at most one query, none for a visitor.

    Not remembered between calls: a service that changes a membership must see the
    change at the next check (a view and then its service each ask)."""
    if user is None or not user.is_authenticated:
        return Standing(facilitator=False, membership=None)
    return Standing(
        facilitator=user_is_facilitator(user=user),
        membership=Membership.objects.filter(organisation=organisation, user=user).first(),
    )


def allowed(*, seen: Standing, organisation: Organisation, need: Need) -> bool:
    """The rules, for a standing already read (a page that asks several questions)."""
    if need is Need.VIEW:
        return organisation.is_published or seen.facilitator or seen.is_member
    if need in (Need.SEE_PEOPLE, Need.SEE_SUGGESTIONS):
        return seen.facilitator or seen.is_member
    if need is Need.EDIT:
        return seen.facilitator or seen.is_admin
    raise ValueError(f"unknown need {need!r}")


def can(*, user, organisation: Organisation, need: Need) -> bool:
    if need is Need.VIEW and organisation.is_published:
        return True  # no query for the most common question
    return allowed(
        seen=standing(organisation=organisation, user=user), organisation=organisation, need=need
    )


def ensure(*, user, organisation: Organisation, need: Need) -> None:
    """For services: raise ``PermissionDenied`` unless ``user`` may do ``need``."""
    if not can(user=user, organisation=organisation, need=need):
        raise PermissionDenied


def organisation_for(*, user, slug: str, need: Need, queryset=None) -> Organisation:
    """For views: the organisation with this slug if ``user`` may do ``need``, else 404."""
    organisation = get_object_or_404(
        queryset if queryset is not None else Organisation.objects.select_related("kind"),
        slug=slug,
    )
    if not can(user=user, organisation=organisation, need=need):
        raise Http404
    return organisation
