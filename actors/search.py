"""Full-text search on organisations.

PostgreSQL: a stored, weighted ``tsvector`` built with the ``coexist_fr``
configuration (French stemming after ``unaccent``), a GIN index, ranked
results; "partenariats" finds "partenariat" and "energie" finds "énergie".
SQLite (the embedded default): the organisation's text goes through CoExist's
analyser (:mod:`analysis`: accents, elisions, stop words, Snowball stems in the
text's language) into ``search_terms``, and every word of the query must be one
of those terms, as a whole word: "eau" finds "l'eau" and "eaux", not "réseau" or
"bureau". Ranked too: each query word counts three when a word of the name starts
with its stem, plus one per word of the organisation's text starting with it (at most
five), so "eau" puts "Eau Vive" before a profile that says it once.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import ExpressionWrapper, F, IntegerField, Q, QuerySet, Value
from django.db.models.functions import Concat, Least, Length, Replace

from actors.directory_format import FIELDS
from analysis import analyse, normalise, query_words

SEARCH_CONFIG = "coexist_fr"
SEARCHED = tuple(field for field in FIELDS if field.searched)


def _parts(organisation) -> list[tuple[str, str | None]]:
    """(text, language or None to detect it) of everything an organisation is found by:
    the directory fields marked ``searched`` (``directory_format.FIELDS``), their terms
    in both languages, and each need's own text."""
    parts: list[tuple[str, str | None]] = []
    for field in SEARCHED:
        value = getattr(organisation, field.name)
        if field.kind == "text":
            parts.append((value, None))
        elif field.kind == "taxonomy":
            parts += [(value.label_fr, "fr"), (value.label_en, "en")]
        elif field.kind == "m2m":
            for term in value.all():
                parts += [(term.label_fr, "fr"), (term.label_en, "en")]
        elif field.kind == "needs":
            for need in value.all():
                parts += [
                    (need.competence.label_fr, "fr"),
                    (need.competence.label_en, "en"),
                    (need.description, None),
                ]
    return [(text, language) for text, language in parts if text]


def search_text_for(organisation) -> str:
    """The normalised text an organisation is found by (needs prefetched taxonomies)."""
    return normalise(" ".join(text for text, _language in _parts(organisation)))


def search_terms_for(organisation) -> str:
    """Its analysed terms, space-separated and padded, for whole-word matching."""
    terms = {
        term
        for text, language in _parts(organisation)
        for term in analyse(text, language)
        if not term.startswith("~")
    }
    return f" {' '.join(sorted(terms))} "


def refresh_search(organisation_ids) -> None:
    """Recompute the stored search text (and vector on PostgreSQL) of these organisations."""
    from actors.models import Organisation

    ids = list(organisation_ids)
    if not ids:
        return
    organisations = (
        Organisation.objects.filter(pk__in=ids)
        .select_related(*(field.name for field in SEARCHED if field.kind == "taxonomy"))
        .prefetch_related(
            *(
                "needs__competence" if field.kind == "needs" else field.name
                for field in SEARCHED
                if field.kind in ("m2m", "needs")
            )
        )
    )
    batch = []
    for organisation in organisations:
        organisation.search_text = search_text_for(organisation)
        organisation.search_terms = search_terms_for(organisation)
        organisation.sort_name = normalise(organisation.name)[:200]
        batch.append(organisation)
    Organisation.objects.bulk_update(
        batch, ["search_text", "search_terms", "sort_name"], batch_size=500
    )
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
    condition, rank = Q(), Value(0)
    for stems in query_words(query):  # every word, as a whole word, in either language
        either = Q()
        for term in stems:
            either |= Q(search_terms__contains=f" {term} ")
        condition &= either
        stem = min(stems, key=len)
        rank = rank + 3 * Least(_word_starts(F("sort_name"), stem), Value(1))
        rank = rank + Least(_word_starts(F("search_text"), stem), Value(5))
    if not condition:
        return queryset, False
    ranked = queryset.filter(condition).annotate(
        rank=ExpressionWrapper(rank, output_field=IntegerField())
    )
    return ranked, True


def _word_starts(text, stem: str):
    """How many words of ``text`` (normalised) start with ``stem``, in SQL (SQLite too):
    the length the text loses when every " stem" is taken out, over that length."""
    padded = Concat(Value(" "), text)
    needle = f" {stem}"
    return ExpressionWrapper(
        (Length(padded) - Length(Replace(padded, Value(needle), Value("")))) / len(needle),
        output_field=IntegerField(),
    )
