"""The taxonomies CoExist ships as its own data.

The CSV files beside this module are copies of the shared taxonomy; their
slugs are a contract and never change. ``load_taxonomies`` upserts them by
slug (or number for SDGs), so it can run again after a file gains a term.
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent

PARTNERSHIP_DESCRIPTIONS_FR = {
    "philanthropy": (
        "L'entreprise soutient le projet de l'ONG par de l'argent, des compétences ou des "
        "biens, sans contrepartie commerciale."
    ),
    "responsible-practices": (
        "L'ONG apporte son expertise pour aider l'entreprise à améliorer ses propres "
        "pratiques (achats, inclusion, environnement)."
    ),
    "economic-cooperation": (
        "Les partenaires commercent ou réalisent ensemble : achats auprès d'une entreprise "
        "sociale, sous-traitance, offres conjointes."
    ),
    "social-innovation": (
        "Les partenaires co-conçoivent un produit, un service ou un modèle nouveau répondant "
        "à un besoin social ou environnemental."
    ),
}


def read_rows(name: str) -> list[dict]:
    with open(HERE / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _upsert(model, key: str, rows: list[dict]) -> None:
    for position, row in enumerate(rows):
        lookup = {key: row.pop(key)}
        model.objects.update_or_create(**lookup, defaults={"position": position, **row})


def load_taxonomies(apps=None) -> None:
    """Load or update every taxonomy (``apps`` is given by migrations)."""

    def get(name):
        if apps is not None:
            return apps.get_model("actors", name)
        from django.apps import apps as global_apps

        return global_apps.get_model("actors", name)

    category_model = get("CompetenceCategory")
    _upsert(category_model, "slug", read_rows("competence_categories"))
    categories = {category.slug: category for category in category_model.objects.all()}
    competences = read_rows("competences")
    for row in competences:
        row["category"] = categories[row["category"]]
    _upsert(get("Competence"), "slug", competences)
    sdgs = read_rows("sdgs")
    for row in sdgs:
        row["number"] = int(row["number"])
    _upsert(get("SDG"), "number", sdgs)
    _upsert(get("OrganisationKind"), "slug", read_rows("organisation_kinds"))
    _upsert(get("ContributionType"), "slug", read_rows("contribution_types"))
    partnership_types = read_rows("partnership_types")
    for row in partnership_types:
        row["description_fr"] = PARTNERSHIP_DESCRIPTIONS_FR.get(row["slug"], "")
    _upsert(get("PartnershipType"), "slug", partnership_types)
    _upsert(get("Territory"), "slug", read_rows("territories"))
