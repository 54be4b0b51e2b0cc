"""What the matching engine reads: taxonomy labels and organisation profiles. No Django here.

The Django side (:mod:`matching.selectors`) loads these from the database; the evaluation
(``bench/matching_eval``) builds them from the directory format (README, "Directory spreadsheet").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Language = Literal["fr", "en"]


class Label(NamedTuple):
    fr: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language.startswith("en") else self.fr


@dataclass(frozen=True)
class Taxonomy:
    """Labels and structure of the taxonomies, as plain data.

    ``country_names`` maps ISO codes to French/English names; a French name may carry its
    preposition (``"au Burkina Faso"``), otherwise one is guessed. Missing countries fall
    back to :data:`matching.countries.COUNTRY_NAMES`, then to the code.
    """

    competence_category: Mapping[str, str]
    competence_labels: Mapping[str, Label]
    category_labels: Mapping[str, Label] = field(default_factory=dict)
    contribution_labels: Mapping[str, Label] = field(default_factory=dict)
    kind_labels: Mapping[str, Label] = field(default_factory=dict)
    territory_labels: Mapping[str, Label] = field(default_factory=dict)
    sdg_labels: Mapping[int, Label] = field(default_factory=dict)
    country_names: Mapping[str, Label] = field(default_factory=dict)

    @classmethod
    def from_csv(cls, directory: Any) -> Taxonomy:
        """Read the taxonomy CSV files shipped in ``actors/taxonomy/``."""
        import csv
        from pathlib import Path

        def rows(name: str) -> list[dict[str, str]]:
            with open(Path(directory) / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
                return list(csv.DictReader(f))

        def labels(name: str, key: str = "slug") -> dict[str, Label]:
            return {r[key]: Label(r["label_fr"], r["label_en"]) for r in rows(name)}

        competences = rows("competences")
        return cls(
            competence_category={r["slug"]: r["category"] for r in competences},
            competence_labels={r["slug"]: Label(r["label_fr"], r["label_en"]) for r in competences},
            category_labels=labels("competence_categories"),
            contribution_labels=labels("contribution_types"),
            kind_labels=labels("organisation_kinds"),
            territory_labels=labels("territories"),
            sdg_labels={int(k): v for k, v in labels("sdgs", "number").items()},
        )

    def competence_label(self, slug: str) -> Label:
        return self.competence_labels.get(slug, Label(slug, slug))

    def country_label(self, code: str) -> Label:
        from matching.countries import COUNTRY_NAMES

        code = code.upper()
        return self.country_names.get(code) or COUNTRY_NAMES.get(code) or Label(code, code)


class Need(NamedTuple):
    """One need: a competence slug and the organisation's own words about it."""

    competence: str
    text: str = ""


@dataclass(frozen=True)
class Profile:
    """What the engine knows of one organisation (or of a project, seen as a seeker).

    ``needs`` accepts :class:`Need` or plain ``(competence, text)`` tuples.
    ``completeness`` is 0..1; left as ``None`` it is estimated by :func:`completeness_of`.
    """

    id: int
    slug: str
    name: str
    kind: str
    pitch: str = ""
    description: str = ""
    needs_description: str = ""
    offers: frozenset[str] = frozenset()
    needs: tuple[Need, ...] = ()
    contributions_offered: frozenset[str] = frozenset()
    contributions_sought: frozenset[str] = frozenset()
    sdgs: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()
    territories: frozenset[str] = frozenset()
    has_contact: bool = False  # a public website, email or phone
    has_logo: bool = False
    completeness: float | None = None
    member_ids: frozenset[int] = frozenset()
    published: bool = True

    def __post_init__(self) -> None:
        fix = object.__setattr__
        fix(self, "needs", tuple(Need(*n) for n in self.needs))
        for name in (
            "offers",
            "contributions_offered",
            "contributions_sought",
            "territories",
            "member_ids",
        ):
            fix(self, name, frozenset(getattr(self, name)))
        fix(self, "sdgs", frozenset(int(s) for s in self.sdgs))
        fix(self, "countries", frozenset(c.upper() for c in self.countries))
        if self.completeness is None:
            fix(self, "completeness", completeness_of(self))

    @property
    def has_needs(self) -> bool:
        return bool(self.needs) or bool(self.needs_description.strip())


def completeness_of(profile: Profile) -> float:
    """The share of the profile that is filled in (0..1): what a visitor can rely on.

    The one formula, used by the site (fed by ``matching.selectors``) and by the
    evaluation alike."""
    checks = (
        bool(profile.pitch.strip()),
        len(profile.description) >= 200,
        len(profile.description) >= 600,
        bool(profile.offers),
        bool(profile.contributions_offered),
        bool(profile.sdgs),
        bool(profile.territories or profile.countries),
        bool(profile.needs or profile.needs_description.strip()),
        profile.has_contact,
        profile.has_logo,
    )
    return sum(checks) / len(checks)
