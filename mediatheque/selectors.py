"""Reads on the médiathèque, shaped for the pages that show them."""

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from actors.models import Competence, Organisation
from actors.selectors import DirectoryPage
from mediatheque.models import Resource

ORDERINGS = {
    "newest": ("-publication_date", "-id"),
    "title": ("sort_title", "id"),
    "relevance": ("-rank", "-publication_date", "-id"),
}


def resource_cards(queryset: QuerySet) -> QuerySet:
    """Resources with what a card shows, in a constant number of queries."""
    return queryset.prefetch_related(
        "sdgs",
        Prefetch("publishers", queryset=Organisation.objects.order_by("sort_name")),
        Prefetch("competences", queryset=Competence.objects.order_by("position", "label_fr")),
        "categories",
    )


def resource_page(*, filterset, sort: str, page: int) -> DirectoryPage:
    """One page of published resources: ids first (indexed), then their cards."""
    queryset = filterset.qs
    if sort == "relevance" and not getattr(filterset, "ranked", False):
        sort = "newest"
    per_page = settings.RESOURCES_PER_PAGE
    count = queryset.count()
    last = max(1, -(-count // per_page))
    page = min(page, last)
    start = (page - 1) * per_page
    ids = list(
        queryset.order_by(*ORDERINGS[sort]).values_list("id", flat=True)[start : start + per_page]
    )
    cards = {r.pk: r for r in resource_cards(Resource.objects.filter(pk__in=ids))}
    return DirectoryPage(
        object_list=[cards[pk] for pk in ids if pk in cards],
        number=page,
        count=count,
        per_page=per_page,
    )


def resource_detail(*, pk: int) -> Resource:
    return resource_cards(Resource.objects.select_related("uploaded_by")).get(pk=pk)


def organisation_resources(*, organisation_id: int, limit: int = 10) -> list[Resource]:
    """The published resources an organisation publishes, newest first."""
    return list(
        Resource.objects.published()
        .filter(publishers=organisation_id)
        .order_by("-publication_date", "-id")[:limit]
    )


def feed_items(*, filterset, limit: int = 30) -> list[Resource]:
    return list(resource_cards(filterset.qs.order_by("-published_at", "-id"))[:limit])
