"""Site-wide reads: the home page's key figures."""

from django.db.models import Count

from actors.models import Organisation
from actors.selectors import organisation_cards


def key_figures() -> dict:
    """Live figures about the network: only what exists so far."""
    by_kind = list(
        Organisation.objects.published()
        .values("kind__slug", "kind__label_fr", "kind__label_en")
        .annotate(total=Count("id"))
        .order_by("-total", "kind__label_fr")
    )
    return {
        "organisations": sum(row["total"] for row in by_kind),
        "by_kind": by_kind,
        "verified": Organisation.objects.published().filter(verified=True).count(),
    }


def newest_organisations(*, limit: int = 6) -> list[Organisation]:
    return list(
        organisation_cards(Organisation.objects.published().order_by("-created_at", "-id"))[:limit]
    )
