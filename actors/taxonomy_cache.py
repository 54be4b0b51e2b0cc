"""The taxonomies, read once per process.

Taxonomies are the project's own data: they change only through migrations
(the admin shows them read-only), so a process-wide copy is always current
and the directory renders its filters without a query.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.translation import get_language


@dataclass(frozen=True)
class Term:
    id: int
    slug: str
    label_fr: str
    label_en: str
    extra: str = ""

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "fr").startswith("en") else self.label_fr


@cache
def terms(name: str) -> tuple[Term, ...]:
    from actors import models

    if name == "sdgs":
        return tuple(
            Term(
                s.number,
                str(s.number),
                f"{s.number}. {s.label_fr}",
                f"{s.number}. {s.label_en}",
                s.colour,
            )
            for s in models.SDG.objects.order_by("number")
        )
    model = {
        "kinds": models.OrganisationKind,
        "territories": models.Territory,
        "competences": models.Competence,
        "contributions": models.ContributionType,
        "categories": models.CompetenceCategory,
    }[name]
    return tuple(
        Term(t.pk, t.slug, t.label_fr, t.label_en)
        for t in model.objects.order_by("position", "label_fr")
    )


def by_slug(name: str) -> dict[str, Term]:
    return {term.slug: term for term in terms(name)}


def choices(name: str):
    """Lazy (slug, label) choices in the active language."""
    return lambda: [(term.slug, term.label) for term in terms(name)]
