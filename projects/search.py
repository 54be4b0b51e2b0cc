"""Full-text search on projects, as :mod:`actors.search` does it for organisations.

PostgreSQL: a stored, weighted ``tsvector`` (``coexist_fr``: unaccent then the French
stemmer), ranked. SQLite: the project's text through CoExist's analyser (:mod:`analysis`)
into ``search_terms``; every word of the query must be one of them, as a whole word.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q, QuerySet

from analysis import analyse, normalise, query_words

SEARCH_CONFIG = "coexist_fr"


def _parts(project) -> list[tuple[str, str | None]]:
    parts: list[tuple[str, str | None]] = [
        (project.title, None),
        (project.summary, None),
        (project.description, None),
        (project.owner.name, None),
    ]
    for need in project.needs.all():
        parts += [
            (need.competence.label_fr, "fr"),
            (need.competence.label_en, "en"),
            (need.description, None),
        ]
    return [(text, language) for text, language in parts if text]


def refresh_search(project_ids) -> None:
    """Recompute the stored search text (and vector on PostgreSQL) of these projects."""
    from projects.models import Project

    ids = list(project_ids)
    if not ids:
        return
    batch = []
    for project in (
        Project.objects.filter(pk__in=ids)
        .select_related("owner")
        .prefetch_related("needs__competence")
    ):
        parts = _parts(project)
        terms = {
            term
            for text, language in parts
            for term in analyse(text, language)
            if not term.startswith("~")
        }
        project.search_terms = f" {' '.join(sorted(terms))} "
        project.search_text = normalise(" ".join(text for text, _language in parts))
        batch.append(project)
    Project.objects.bulk_update(batch, ["search_terms", "search_text"], batch_size=500)
    if settings.USING_POSTGRES:
        Project.objects.filter(pk__in=ids).update(
            search_vector=(
                SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                + SearchVector("search_text", weight="C", config=SEARCH_CONFIG)
            )
        )


def apply_search(queryset: QuerySet, query: str) -> tuple[QuerySet, bool]:
    """Filter ``queryset`` by ``query``; returns it and whether it is ranked."""
    query = (query or "").strip()[:200]
    if not query:
        return queryset, False
    if settings.USING_POSTGRES:
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        ranked = queryset.filter(search_vector=search_query).annotate(
            rank=SearchRank(F("search_vector"), search_query)
        )
        return ranked, True
    condition = Q()
    for stems in query_words(query):
        either = Q()
        for term in stems:
            either |= Q(search_terms__contains=f" {term} ")
        condition &= either
    return queryset.filter(condition), False
