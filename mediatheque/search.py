"""Full-text search on resources: titles, summaries, themes, publishers, and the text
drawn from their files, the way ``actors/search.py`` searches organisations.

Two parts are kept apart: what describes a resource (``search_terms`` /
``search_vector``) and what its file says (``content_terms`` / ``content_vector``). A
visitor's search reads the file text of public resources only, so a members-only file's
words cannot be probed by searching.

PostgreSQL: weighted tsvectors (``coexist_fr``: unaccent then French stemming), ranked.
SQLite: CoExist's analyser (:mod:`analysis`), every query word as a whole word; not ranked.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from analysis import analyse, normalise, query_words

SEARCH_CONFIG = "coexist_fr"


def _terms(parts) -> str:
    terms = {
        term
        for text, language in parts
        if text
        for term in analyse(text, language)
        if not term.startswith("~")
    }
    return f" {' '.join(sorted(terms))} "


def _description_parts(resource) -> list[tuple[str, str | None]]:
    parts: list[tuple[str, str | None]] = [(resource.title, None), (resource.summary, None)]
    for competence in resource.competences.all():
        parts += [(competence.label_fr, "fr"), (competence.label_en, "en")]
    for category in resource.categories.all():
        parts += [(category.label_fr, "fr"), (category.label_en, "en")]
    for organisation in resource.publishers.all():
        parts.append((organisation.name, None))
    return parts


def refresh_search(resource_ids) -> None:
    """Recompute the stored search fields of these resources."""
    from mediatheque.models import Resource

    ids = list(resource_ids)
    if not ids:
        return
    resources = Resource.objects.filter(pk__in=ids).prefetch_related(
        "competences", "categories", "publishers"
    )
    batch = []
    for resource in resources:
        resource.sort_title = normalise(resource.title)[:200]
        resource.search_terms = _terms(_description_parts(resource))
        resource.content_terms = _terms([(resource.extracted_text, None)])
        batch.append(resource)
    Resource.objects.bulk_update(batch, ["sort_title", "search_terms", "content_terms"])
    if settings.USING_POSTGRES:
        Resource.objects.filter(pk__in=ids).update(
            search_vector=(
                SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                + SearchVector("search_terms", weight="C", config=SEARCH_CONFIG)
            ),
            content_vector=SearchVector("extracted_text", weight="D", config=SEARCH_CONFIG),
        )


def apply_search(queryset: QuerySet, query: str, *, with_private_text: bool):
    """Filter ``queryset`` by ``query``; returns it and whether it is ranked.
    ``with_private_text``: the searcher may read members-only files' text."""
    from mediatheque.models import Resource

    query = (query or "").strip()[:200]
    if not query:
        return queryset, False
    readable = Q() if with_private_text else Q(access=Resource.Access.PUBLIC)
    if settings.USING_POSTGRES:
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        matched = queryset.filter(
            Q(search_vector=search_query) | (Q(content_vector=search_query) & readable)
        )
        content_rank = Coalesce(
            SearchRank(F("content_vector"), search_query), Value(0.0), output_field=FloatField()
        )
        if not with_private_text:  # a members-only file's words must not even move the order
            content_rank = Case(
                When(access=Resource.Access.PUBLIC, then=content_rank),
                default=Value(0.0),
                output_field=FloatField(),
            )
        description_rank = Coalesce(
            SearchRank(F("search_vector"), search_query), Value(0.0), output_field=FloatField()
        )
        return matched.annotate(rank=description_rank + content_rank), True
    condition = Q()
    for stems in query_words(query):
        either = Q()
        for term in stems:
            either |= Q(search_terms__contains=f" {term} ") | (
                Q(content_terms__contains=f" {term} ") & readable
            )
        condition &= either
    return queryset.filter(condition), False
