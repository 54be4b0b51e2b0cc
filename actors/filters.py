"""The directory's filters: every value lives in the query string, so a search can be shared."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters.fields import ChoiceField

from actors import taxonomy_cache
from actors.models import Organisation
from actors.search import apply_search
from coexist.forms import ChecklistWidget


class AnyValueChoiceField(ChoiceField):
    """A choice field that accepts any value: an unknown slug or code is not a form error,
    the filter turns it into an empty result (a stale shared link shows "no result",
    not every organisation)."""

    def valid_value(self, value) -> bool:
        return True


class LenientChoiceFilter(django_filters.ChoiceFilter):
    field_class = AnyValueChoiceField


class AnyValuesMultipleChoiceField(django_filters.fields.MultipleChoiceField):
    """Several values, any of them accepted (as :class:`AnyValueChoiceField`)."""

    def valid_value(self, value) -> bool:
        return True


class CountriesFilter(django_filters.MultipleChoiceFilter):
    field_class = AnyValuesMultipleChoiceField


class TermFilter(LenientChoiceFilter):
    """A taxonomy filter keyed by slug in the URL (``?kind=ngo``), resolved without a query."""

    def __init__(self, *args, taxonomy: str, lookup: str, **kwargs):
        self.taxonomy = taxonomy
        self.lookup = lookup
        kwargs["choices"] = taxonomy_cache.choices(taxonomy)
        kwargs.setdefault("empty_label", _("Any"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        term = taxonomy_cache.by_slug(self.taxonomy).get(value)
        if term is None:
            return queryset.none()
        return queryset.filter(**{self.lookup: term.id})


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = TermFilter(label=_("Kind"), taxonomy="kinds", lookup="kind_id")
    territory = TermFilter(label=_("Territory"), taxonomy="territories", lookup="territories")
    sdg = TermFilter(label=_("Sustainable development goal"), taxonomy="sdgs", lookup="sdgs")
    offers = TermFilter(label=_("Competence offered"), taxonomy="competences", lookup="offers")
    needs = TermFilter(
        label=_("Competence needed"), taxonomy="competences", lookup="needs__competence_id"
    )
    gives = TermFilter(
        label=_("Contribution offered"), taxonomy="contributions", lookup="contributions_offered"
    )
    seeks = TermFilter(
        label=_("Contribution sought"), taxonomy="contributions", lookup="contributions_sought"
    )
    country = CountriesFilter(
        label=_("Countries of intervention"),
        choices=lambda: list(countries),
        method="filter_country",
        widget=ChecklistWidget,
    )
    verified = django_filters.BooleanFilter(
        label=_("Verified by the CSI only"),
        widget=forms.CheckboxInput,
        method="filter_verified",
    )

    class Meta:
        model = Organisation
        fields: list[str] = []

    ranked = False

    def unknown_values(self) -> list[tuple[str, str]]:
        """(filter label, value) of each filter whose value names nothing (a stale link,
        a typo): the page says so, since its menu can only show "Any"."""
        if not self.is_bound or not self.is_valid():
            return []
        unknown = []
        for name, filter_ in self.filters.items():
            value = self.form.cleaned_data.get(name)
            if not value:
                continue
            if isinstance(filter_, TermFilter):
                known = value in taxonomy_cache.by_slug(filter_.taxonomy)
            elif name == "country":
                for code in value:
                    if code not in countries:
                        unknown.append((str(filter_.label), str(code)[:60]))
                continue
            else:
                continue
            if not known:
                unknown.append((str(filter_.label), str(value)[:60]))
        return unknown

    def filter_search(self, queryset, name, value):
        queryset, self.ranked = apply_search(queryset, value)
        return queryset

    def filter_country(self, queryset, name, value):
        """Any of the countries. Codes are stored as "BF,SN": two letters each, so a
        substring match is exact."""
        known = [code for code in value if code in countries][:50]
        if not known:
            return queryset.none() if value else queryset
        either = Q()
        for code in known:
            either |= Q(intervention_countries__contains=code)
        return queryset.filter(either)

    def filter_verified(self, queryset, name, value):
        return queryset.filter(verified=True) if value else queryset
