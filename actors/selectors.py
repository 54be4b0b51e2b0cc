"""Reads on the directory, shaped for the pages that show them."""

import hashlib
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import QueryDict
from django.urls import reverse

from accounts.selectors import user_is_facilitator
from actors import access
from actors.models import Competence, Membership, Organisation, OrganisationNeed
from analysis import normalise


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


# The directory ---------------------------------------------------------------


@dataclass
class DirectoryPage:
    object_list: list
    number: int
    count: int
    per_page: int
    num_pages: int = field(init=False)

    def __post_init__(self):
        self.num_pages = max(1, -(-self.count // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return 0 if not self.count else (self.number - 1) * self.per_page + 1

    @property
    def end_index(self) -> int:
        return min(self.number * self.per_page, self.count)

    def page_range(self) -> list:
        """Page numbers to show, with None for an ellipsis: 1 … 4 5 [6] 7 8 … 20."""
        pages = sorted(
            {1, self.num_pages}
            | {n for n in range(self.number - 2, self.number + 3) if 1 <= n <= self.num_pages}
        )
        shown: list = []
        for number in pages:
            if shown and number - shown[-1] > 1:
                shown.append(None)
            shown.append(number)
        return shown


def page_number(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), 100_000))
    except (TypeError, ValueError):
        return 1


def query_without_page(query: QueryDict, *, params: frozenset[str]) -> str:
    """The known parameters of the query (without the page), for the pagination links."""
    copy = QueryDict(mutable=True)
    for key in query:
        if key in params and key != "page":
            copy.setlist(key, query.getlist(key))
    return copy.urlencode()


def directory_back_query(query: QueryDict, *, params: frozenset[str], page: int) -> str:
    """The directory's own query (known parameters, with the page), for its cards' links:
    the organisation's "back to the directory" returns there."""
    kept = query_without_page(query, params=params)
    if page > 1:
        kept = f"{kept}&page={page}" if kept else f"page={page}"
    return kept


def directory_back_url(raw: str, *, params: frozenset[str]) -> str:
    """The directory's address for a ``back`` value of an organisation's page: only the
    directory's own parameters are kept and the path is ours, so it can lead nowhere
    else (never an open redirect, never an injected parameter)."""
    url = reverse("actors:directory")
    if not raw or len(raw) > 1000:
        return url
    parsed = QueryDict(raw)
    kept = QueryDict(mutable=True)
    for key in parsed:
        if key in params:
            values = [v[:200] for v in parsed.getlist(key)[:10] if "\x00" not in v]
            if values:
                kept.setlist(key, values)
    encoded = kept.urlencode()
    return f"{url}?{encoded}" if encoded else url


def directory_cache_key(
    *, version: str, language: str, query: QueryDict, page: int, params: frozenset[str]
) -> str:
    """Keyed on the known parameters only: unknown ones change nothing on the page."""
    items = sorted(
        (key, value)
        for key in query
        for value in query.getlist(key)
        if key != "page" and key in params
    )
    digest = hashlib.sha256(repr(items).encode()).hexdigest()[:32]
    return f"directory:{version}:{language}:{digest}:{page}"


ORDERINGS = {
    "name": ("sort_name", "id"),
    "newest": ("-created_at", "-id"),
    "relevance": ("-rank", "sort_name", "id"),
}


def directory_page(*, filterset, sort: str, page: int) -> DirectoryPage:
    """One page of published organisations: ids first (cheap, indexed), then their cards."""
    queryset = filterset.qs
    if sort == "relevance" and not getattr(filterset, "ranked", False):
        sort = "name"
    per_page = settings.ORGANISATIONS_PER_PAGE
    count = queryset.count()
    last = max(1, -(-count // per_page))
    page = min(page, last)
    start = (page - 1) * per_page
    ids = list(
        queryset.order_by(*ORDERINGS[sort]).values_list("id", flat=True)[start : start + per_page]
    )
    cards = {o.pk: o for o in organisation_cards(Organisation.objects.filter(pk__in=ids))}
    return DirectoryPage(
        object_list=[cards[pk] for pk in ids if pk in cards],
        number=page,
        count=count,
        per_page=per_page,
    )


# An organisation's page --------------------------------------------------------


def organisation_detail(*, pk: int) -> Organisation:
    return (
        Organisation.objects.select_related("kind")
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
        .get(pk=pk)
    )


def organisation_viewer_context(*, organisation: Organisation, user) -> dict:
    """What a signed-in visitor sees beyond the public page: their own role, and the people
    when they may see them (``access.Need.SEE_PEOPLE``)."""
    memberships = list(
        Membership.objects.filter(organisation=organisation)
        .exclude(status__in=[Membership.Status.LEFT, Membership.Status.DECLINED])
        .select_related("user")
        .order_by("role", "user__full_name", "user__email")
    )
    # The viewer's standing, read from the same list (one query for the whole aside).
    seen = access.Standing(
        facilitator=user_is_facilitator(user=user),
        membership=next((m for m in memberships if m.user_id == user.pk), None),
    )

    def may(need: access.Need) -> bool:
        return access.allowed(seen=seen, organisation=organisation, need=need)

    people_visible = may(access.Need.SEE_PEOPLE)
    can_edit = may(access.Need.EDIT)
    return {
        "people_visible": people_visible,
        "contacts": [
            m for m in memberships if m.status == Membership.Status.ACTIVE and m.user.is_active
        ]
        if people_visible
        else [],
        "own_membership": seen.membership,
        "can_edit": can_edit,
        "can_see_suggestions": may(access.Need.SEE_SUGGESTIONS),
        "pending_requests": sum(m.status == Membership.Status.REQUESTED for m in memberships)
        if can_edit
        else 0,
    }


def organisation_memberships(*, organisation: Organisation) -> list[Membership]:
    return list(
        Membership.objects.filter(organisation=organisation)
        .exclude(status__in=[Membership.Status.LEFT, Membership.Status.DECLINED])
        .select_related("user")
        .order_by("status", "role", "user__full_name", "user__email")
    )


def user_memberships(*, user) -> list[Membership]:
    return list(
        Membership.objects.filter(user=user)
        .exclude(status__in=[Membership.Status.LEFT, Membership.Status.DECLINED])
        .select_related("organisation__kind")
        .order_by("organisation__name")
    )


def memberships_export(*, user) -> list[dict]:
    """A person's memberships, for "download my data" (registered as an accounts hook)."""
    return [
        {
            "organisation": membership.organisation.name,
            "organisation_slug": membership.organisation.slug,
            "role": membership.role,
            "status": membership.status,
            "message": membership.message,
            "created_at": membership.created_at.isoformat(),
            "decided_at": membership.decided_at.isoformat() if membership.decided_at else None,
        }
        for membership in Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("created_at")
    ]


def is_last_admin(*, organisation: Organisation, user) -> bool:
    """Whether ``user`` is the only active administrator of ``organisation`` (for pages;
    the services check it again under a lock)."""
    admins = Membership.objects.admins().filter(organisation=organisation)
    return admins.filter(user=user).exists() and not admins.exclude(user=user).exists()


# Names this close (difflib's ratio, on names without case, accents and punctuation) are
# probably the same organisation typed again: "is it one of these?" before creating.
SIMILAR_NAME_RATIO = 0.85


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", normalise(name)).split())


def organisations_named_like(*, name: str, limit: int = 5) -> list[Organisation]:
    """Published organisations whose name is the same or very close to ``name`` (only
    published ones: the names of others' pending organisations stay private)."""
    key = _name_key(name)
    if not key:
        return []
    scored = []
    for pk, sort_name in Organisation.objects.published().values_list("pk", "sort_name"):
        other = _name_key(sort_name)
        matcher = SequenceMatcher(None, key, other)
        if matcher.real_quick_ratio() < SIMILAR_NAME_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= SIMILAR_NAME_RATIO:
            scored.append((-ratio, pk))
    ids = [pk for _ratio, pk in sorted(scored)[:limit]]
    found = Organisation.objects.in_bulk(ids)
    return [found[pk] for pk in ids]
