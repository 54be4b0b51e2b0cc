"""The médiathèque's filters: every value in the query string, so a search can be shared."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.filters import LenientChoiceFilter, TermFilter
from actors.languages import is_language_code, language_name
from actors.models import Organisation
from mediatheque.models import Resource
from mediatheque.search import apply_search

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "ar")


class ThemeFilter(TermFilter):
    """A theme is a competence or its category: both are in the menu, grouped by slug."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        from actors import taxonomy_cache

        competence = taxonomy_cache.by_slug("competences").get(value)
        if competence is not None:
            return queryset.filter(competences=competence.id)
        category = taxonomy_cache.by_slug("categories").get(value)
        if category is not None:  # the field itself, or any of its competences
            matching = Resource.objects.filter(
                Q(categories=category.id) | Q(competences__category_id=category.id)
            ).values("pk")
            return queryset.filter(pk__in=matching)
        return queryset.none()


def _publisher_choices():
    return list(
        Organisation.objects.published()
        .filter(resources__status=Resource.Status.PUBLISHED)
        .distinct()
        .order_by("sort_name")
        .values_list("slug", "name")
    )


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = LenientChoiceFilter(label=_("Kind"), choices=Resource.Kind.choices, empty_label=_("Any"))
    theme = ThemeFilter(label=_("Theme"), taxonomy="competences", lookup="competences")
    sdg = TermFilter(label=_("Sustainable development goal"), taxonomy="sdgs", lookup="sdgs")
    language = LenientChoiceFilter(
        label=_("Language"),
        choices=lambda: [(code, language_name(code)) for code in LANGUAGES],
        method="filter_language",
        empty_label=_("Any"),
    )
    publisher = LenientChoiceFilter(
        label=_("Publisher"),
        choices=_publisher_choices,
        method="filter_publisher",
        empty_label=_("Any"),
    )
    access = LenientChoiceFilter(
        label=_("Access"), choices=Resource.Access.choices, empty_label=_("Any")
    )

    class Meta:
        model = Resource
        fields: list[str] = []

    ranked = False

    def __init__(self, *args, with_private_text: bool = False, **kwargs):
        self.with_private_text = with_private_text
        super().__init__(*args, **kwargs)
        from actors import taxonomy_cache

        self.form.fields["theme"].choices = [
            ("", _("Any")),
            (
                _("Fields"),
                [(term.slug, term.label) for term in taxonomy_cache.terms("categories")],
            ),
            (
                _("Competences"),
                [(term.slug, term.label) for term in taxonomy_cache.terms("competences")],
            ),
        ]

    def filter_search(self, queryset, name, value):
        queryset, self.ranked = apply_search(
            queryset, value, with_private_text=self.with_private_text
        )
        return queryset

    def filter_language(self, queryset, name, value):
        if not is_language_code(value):
            return queryset.none()
        # Languages are stored as a JSON list of codes: ["fr", "en"].
        return queryset.filter(languages__icontains=f'"{value}"')

    def filter_publisher(self, queryset, name, value):
        return queryset.filter(publishers__slug=value)
