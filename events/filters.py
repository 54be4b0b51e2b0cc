"""The calendar's filters, all in the query string (a filtered calendar can be shared and
subscribed to: the feeds take the same parameters)."""

import re
from datetime import date, datetime, time

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.filters import LenientChoiceFilter, TermFilter
from events.models import Event

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,220}")


def parse_month(value: str | None) -> date | None:
    """``2026-12`` → 1 December 2026; anything else → None."""
    match = MONTH.match(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_bounds(first: date) -> tuple[datetime, datetime]:
    """The aware start and end (exclusive) of a month in Paris time."""
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(first, time.min), tz),
        timezone.make_aware(datetime.combine(following, time.min), tz),
    )


class EventFilter(django_filters.FilterSet):
    kind = LenientChoiceFilter(
        label=_("Kind"), choices=Event.Kind.choices, method="filter_kind", empty_label=_("Any")
    )
    organiser = LenientChoiceFilter(
        label=_("Organiser"), choices=(), method="filter_organiser", empty_label=_("Any")
    )
    sdg = TermFilter(label=_("Sustainable development goal"), taxonomy="sdgs", lookup="sdgs")
    mode = LenientChoiceFilter(
        label=_("Format"),
        choices=[("online", _("Online")), ("onsite", _("On site"))],
        method="filter_mode",
        empty_label=_("Any"),
    )
    month = django_filters.CharFilter(label=_("Month (YYYY-MM)"), method="filter_month")

    class Meta:
        model = Event
        fields: list[str] = []

    def __init__(self, *args, organisers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organiser"].extra["choices"] = list(organisers)
        self.form.fields["organiser"].choices = [("", _("Any")), *organisers]

    def filter_kind(self, queryset, name, value):
        if value not in Event.Kind.values:
            return queryset.none()
        return queryset.filter(kind=value)

    def filter_organiser(self, queryset, name, value):
        if not SLUG.fullmatch(value):  # no NUL or other oddity reaches the database
            return queryset.none()
        return queryset.filter(organisers__slug=value)

    def filter_mode(self, queryset, name, value):
        if value == "online":
            return queryset.exclude(online_url="").filter(street="", city="")
        if value == "onsite":
            return queryset.exclude(street="", city="")
        return queryset.none()

    def filter_month(self, queryset, name, value):
        first = parse_month(value)
        if first is None:
            return queryset.none()
        start, end = month_bounds(first)
        return queryset.filter(starts_at__lt=end, ends_at__gte=start)
