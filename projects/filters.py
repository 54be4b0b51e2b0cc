"""The board's filters: every value lives in the query string (shared links, the feed)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from actors import taxonomy_cache
from actors.filters import LenientChoiceFilter, TermFilter
from projects.models import Project, ProjectNeed
from projects.search import apply_search


class OpenNeedFilter(TermFilter):
    """Projects with an open need of this competence (or contribution type), without
    repeating a project that has two."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        term = taxonomy_cache.by_slug(self.taxonomy).get(value)
        if term is None:
            return queryset.none()
        needs = ProjectNeed.objects.filter(state=ProjectNeed.State.OPEN, **{self.lookup: term.id})
        return queryset.filter(pk__in=needs.values("project_id"))


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    status = LenientChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("Any"), method="by_status"
    )
    sdg = TermFilter(label=_("Sustainable development goal"), taxonomy="sdgs", lookup="sdgs")
    competence = OpenNeedFilter(
        label=_("Competence needed"), taxonomy="competences", lookup="competence_id"
    )
    contribution = OpenNeedFilter(
        label=_("Contribution sought"), taxonomy="contributions", lookup="contribution_type_id"
    )
    territory = TermFilter(label=_("Territory"), taxonomy="territories", lookup="territories")
    country = LenientChoiceFilter(
        label=_("Country"),
        choices=lambda: list(countries),
        method="filter_country",
        empty_label=_("Any"),
    )
    kind = TermFilter(label=_("Kind of organisation"), taxonomy="kinds", lookup="owner__kind_id")

    class Meta:
        model = Project
        fields: list[str] = []

    ranked = False

    def filter_search(self, queryset, name, value):
        queryset, self.ranked = apply_search(queryset, value)
        return queryset

    def by_status(self, queryset, name, value):
        if value not in Project.Status.values:
            return queryset.none()
        return queryset.filter(status=value)

    def filter_country(self, queryset, name, value):
        if value not in countries:
            return queryset.none()
        return queryset.filter(countries__contains=value)
