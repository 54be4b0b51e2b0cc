"""Full-text search on organisations.

PostgreSQL: a stored, weighted ``tsvector`` built with the ``coexist_fr``
configuration (French stemming after ``unaccent``), a GIN index, ranked
results; "partenariats" finds "partenariat" and "energie" finds "énergie".
SQLite (the embedded default): every word of the query must appear in a
normalised copy of the text (lower case, accents removed), with a crude
plural folding; good enough for a first run, not ranked.
"""

import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q, QuerySet

SEARCH_CONFIG = "coexist_fr"
_WORD = re.compile(r"[\w']+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def _stem(word: str) -> str:
    """A tiny plural folding for the SQLite fallback (partenariats -> partenariat)."""
    for suffix in ("aux", "s", "x"):
        if len(word) > 4 and word.endswith(suffix):
            return word[: -len(suffix)] + ("al" if suffix == "aux" else "")
    return word


def search_text_for(organisation) -> str:
    """The normalised text an organisation is found by (needs prefetched taxonomies)."""
    parts = [
        organisation.name,
        organisation.pitch,
        organisation.description,
        organisation.needs_description,
        organisation.city,
        organisation.kind.label_fr,
        organisation.kind.label_en,
    ]
    for competence in organisation.offers.all():
        parts += [competence.label_fr, competence.label_en]
    for need in organisation.needs.all():
        parts += [need.competence.label_fr, need.competence.label_en, need.description]
    return normalise(" ".join(part for part in parts if part))


def refresh_search(organisation_ids) -> None:
    """Recompute the stored search text (and vector on PostgreSQL) of these organisations."""
    from actors.models import Organisation

    ids = list(organisation_ids)
    if not ids:
        return
    organisations = (
        Organisation.objects.filter(pk__in=ids)
        .select_related("kind")
        .prefetch_related("offers", "needs__competence")
    )
    batch = []
    for organisation in organisations:
        organisation.search_text = search_text_for(organisation)
        batch.append(organisation)
    Organisation.objects.bulk_update(batch, ["search_text"], batch_size=500)
    if settings.USING_POSTGRES:
        for start in range(0, len(ids), 2000):
            Organisation.objects.filter(pk__in=ids[start : start + 2000]).update(
                search_vector=(
                    SearchVector("name", weight="A", config=SEARCH_CONFIG)
                    + SearchVector("pitch", weight="B", config=SEARCH_CONFIG)
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
    for word in _WORD.findall(normalise(query)):
        condition &= Q(search_text__contains=_stem(word))
    return queryset.filter(condition), False
