"""Reads on the directory, shaped for the pages that show them."""

from django.db.models import Prefetch, QuerySet

from actors.models import Competence, Membership, Organisation, OrganisationNeed


def organisation_admin_emails(*, organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.admins()
        .filter(organisation=organisation, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def organisation_admin_recipients(*, organisation: Organisation) -> list[tuple[str, str]]:
    """(email, preferred language) of the organisation's active admins."""
    return list(
        Membership.objects.admins()
        .filter(organisation=organisation, user__is_active=True)
        .values_list("user__email", "user__preferred_language")
    )


def _needs_prefetch() -> Prefetch:
    return Prefetch(
        "needs",
        queryset=OrganisationNeed.objects.select_related("competence__category").order_by(
            "competence__position", "competence__label_fr"
        ),
    )


def organisation_cards(queryset: QuerySet) -> QuerySet:
    """Organisations with what a directory card shows, in a constant number of queries."""
    return queryset.select_related("kind").prefetch_related(
        "territories",
        "sdgs",
        Prefetch("offers", queryset=Competence.objects.order_by("position", "label_fr")),
        _needs_prefetch(),
    )


def organisation_detail(*, slug: str, user) -> Organisation:
    from django.shortcuts import get_object_or_404

    queryset = (
        Organisation.objects.visible_to(user)
        .select_related("kind")
        .prefetch_related(
            "territories",
            "sdgs",
            "contributions_offered",
            "contributions_sought",
            Prefetch(
                "offers",
                queryset=Competence.objects.select_related("category").order_by(
                    "category__position", "position", "label_fr"
                ),
            ),
            _needs_prefetch(),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def organisation_contacts(*, organisation: Organisation) -> list:
    """The people of an organisation (shown to signed-in members only)."""
    return list(
        Membership.objects.active()
        .filter(organisation=organisation, user__is_active=True)
        .select_related("user")
        .order_by("-role", "user__full_name", "user__email")
    )


def user_organisations(*, user) -> QuerySet:
    return (
        Membership.objects.filter(user=user)
        .exclude(status__in=[Membership.Status.LEFT, Membership.Status.DECLINED])
        .select_related("organisation__kind")
        .order_by("organisation__name")
    )
