"""Reads on projects and introductions, shaped for the pages that show them."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from actors.models import Membership, Organisation
from actors.selectors import DirectoryPage
from projects.models import ContactPerson, Introduction, Partnership, Project, ProjectNeed

# Introductions -------------------------------------------------------------------------


def introduction_with_sides(*, pk: int) -> Introduction:
    return Introduction.objects.select_related(
        "from_organisation",
        "to_organisation",
        "project",
        "need__competence",
        "need__contribution_type",
        "requested_by",
        "answered_by",
        "brokered_by",
        "declined_by_organisation",
    ).get(pk=pk)


def contact_people(*, introduction: Introduction, organisation: Organisation) -> list[dict]:
    """Who the other side may contact once an introduction is accepted (PRODUCT.md: an
    accepted introduction shares the contacts of both sides): the active members of
    ``organisation`` who agreed to be contacted (:class:`ContactPerson`), and the person
    who acted for it: the requester for the requesting side, the admin who accepted for
    the receiving side. Name, job title and email only."""
    acting = (
        introduction.requested_by_id
        if organisation.pk == introduction.from_organisation_id
        else introduction.answered_by_id
    )
    consenting = ContactPerson.objects.filter(organisation=organisation).values_list(
        "user_id", flat=True
    )
    memberships = (
        Membership.objects.active()
        .filter(organisation=organisation, user__is_active=True)
        .filter(Q(user_id__in=consenting) | Q(user_id=acting))
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    return [
        {
            "user_id": membership.user_id,
            "name": membership.user.full_name,
            "job_title": membership.user.job_title,
            "email": membership.user.email,
        }
        for membership in memberships
    ]


def declined_pairs(*, need_ids=None) -> set[tuple[int, int, int]]:
    """(need, requesting organisation, declining organisation) of declined introductions
    about a need: matching never suggests that pair for that need again."""
    declined = Introduction.objects.filter(state=Introduction.State.DECLINED, need__isnull=False)
    if need_ids is not None:
        declined = declined.filter(need_id__in=list(need_ids))
    return {
        (need, first, second) if by == second else (need, second, first)
        for need, first, second, by in declined.values_list(
            "need_id", "from_organisation_id", "to_organisation_id", "declined_by_organisation_id"
        )
    }


# Projects --------------------------------------------------------------------------------


def _needs_prefetch() -> Prefetch:
    return Prefetch(
        "needs",
        queryset=ProjectNeed.objects.select_related("competence", "contribution_type").order_by(
            "state", "created_at", "id"
        ),
    )


def _partners_prefetch() -> Prefetch:
    return Prefetch(
        "partnerships",
        queryset=Partnership.objects.select_related("first", "second").order_by("created_at"),
    )


def project_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("owner__kind").prefetch_related(
        "sdgs", "territories", _needs_prefetch()
    )


ORDERINGS = {
    "newest": ("-published_at", "-id"),
    "ending": ("ends_on", "-published_at", "-id"),
    "relevance": ("-rank", "-published_at", "-id"),
}


def board_page(*, filterset, sort: str, page: int) -> DirectoryPage:
    """One page of the board: ids first (indexed), then the cards, in constant queries."""
    queryset = filterset.qs
    if sort == "relevance" and not getattr(filterset, "ranked", False):
        sort = "newest"
    if sort == "ending":
        queryset = queryset.filter(ends_on__isnull=False)
    per_page = settings.PROJECTS_PER_PAGE
    count = queryset.count()
    last = max(1, -(-count // per_page))
    page = min(page, last)
    start = (page - 1) * per_page
    ids = list(
        queryset.order_by(*ORDERINGS[sort]).values_list("id", flat=True)[start : start + per_page]
    )
    cards = {p.pk: p for p in project_cards(Project.objects.filter(pk__in=ids))}
    return DirectoryPage(
        object_list=[cards[pk] for pk in ids if pk in cards],
        number=page,
        count=count,
        per_page=per_page,
    )


def project_detail(*, pk: int) -> Project:
    return (
        Project.objects.select_related("owner__kind")
        .prefetch_related("sdgs", "territories", _needs_prefetch(), _partners_prefetch())
        .get(pk=pk)
    )


def organisation_projects(*, organisation: Organisation, include_drafts: bool) -> list[Project]:
    """The "projects" block of an organisation's page."""
    queryset = Project.objects.filter(owner=organisation)
    if not include_drafts:
        queryset = queryset.filter(publication=Project.Publication.PUBLISHED).exclude(
            curation=Project.Curation.HIDDEN
        )
    return list(
        queryset.annotate(
            open_needs=Count("needs", filter=Q(needs__state=ProjectNeed.State.OPEN))
        ).order_by("-published_at", "-created_at")[:20]
    )


def public_projects_for_sitemap() -> QuerySet:
    return Project.objects.public().only("slug", "updated_at").order_by("pk")


def feed_projects(*, filterset, limit: int = 50) -> list[Project]:
    ids = list(filterset.qs.order_by("-published_at", "-id").values_list("id", flat=True)[:limit])
    found = {p.pk: p for p in project_cards(Project.objects.filter(pk__in=ids))}
    return [found[pk] for pk in ids if pk in found]


# The organisation's dashboard ----------------------------------------------------------


def _introductions(queryset: QuerySet) -> list[Introduction]:
    return list(
        queryset.select_related(
            "from_organisation", "to_organisation", "project", "need__competence", "requested_by"
        ).order_by("-created_at", "-id")[:50]
    )


def dashboard(*, organisation: Organisation, user) -> dict:
    """Everything an organisation's members follow: projects and needs, introductions sent
    and received with their deadlines, and what waits for this member's answer."""
    from projects import access

    is_admin = access.is_admin(user=user, organisation=organisation)
    projects = list(
        Project.objects.filter(owner=organisation)
        .prefetch_related(_needs_prefetch())
        .order_by("-created_at", "-id")
    )
    received = _introductions(Introduction.objects.filter(to_organisation=organisation))
    sent = _introductions(Introduction.objects.filter(from_organisation=organisation))
    now = timezone.now()
    waiting = [
        introduction
        for introduction in received
        if introduction.is_pending and introduction.to_accepted_at is None and is_admin
    ] + [
        introduction
        for introduction in sent
        if introduction.is_pending
        and introduction.is_brokered
        and introduction.from_accepted_at is None
        and is_admin
    ]
    return {
        "projects": projects,
        "received": received,
        "sent": sent,
        "waiting": waiting,
        "is_admin": is_admin,
        "pending_sent": sum(i.is_pending and not i.is_brokered for i in sent),
        "soon": now + timedelta(days=3),
        "partnerships": list(
            Partnership.objects.filter(Q(first=organisation) | Q(second=organisation))
            .select_related("first", "second", "project")
            .order_by("-created_at")[:50]
        ),
        "contact_consent": ContactPerson.objects.filter(
            organisation=organisation, user=user
        ).exists(),
    }
