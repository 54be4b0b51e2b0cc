"""A small network for matching: an NGO with a need, companies that answer it or not."""

import pytest

from actors.models import Organisation, OrganisationNeed
from matching import network
from matching.models import Suggestion
from tests.factories import OrganisationFactory, competence, contribution, kind


@pytest.fixture(autouse=True)
def _cold_engine():
    """No warm engine carried from one test to the next (ids are reused on SQLite)."""
    network.forget()
    yield
    network.forget()


def make_organisation(
    slug: str,
    kind_slug: str = "company",
    *,
    offers=(),
    needs=None,
    gives=(),
    seeks=(),
    description: str = "",
    status: str = Organisation.Status.PUBLISHED,
    **fields,
) -> Organisation:
    """An organisation with its offers, needs (``{competence: own words}``) and
    contributions given and sought."""
    organisation = OrganisationFactory(
        slug=slug,
        name=slug.replace("-", " ").title(),
        kind=kind(kind_slug),
        offers=list(offers),
        description=description,
        status=status,
        **fields,
    )
    for slug_, text in (needs or {}).items():
        OrganisationNeed.objects.create(
            organisation=organisation, competence=competence(slug_), description=text
        )
    organisation.contributions_offered.set([contribution(c) for c in gives])
    organisation.contributions_sought.set([contribution(c) for c in seeks])
    return organisation


@pytest.fixture
def seeker(organisation):
    """Eau Vive (an NGO, the shared fixture) needs logistics and skills sponsorship."""
    OrganisationNeed.objects.create(
        organisation=organisation,
        competence=competence("logistics-supply-chain"),
        description="Chaîne du froid pour les vaccins jusqu'aux villages",
    )
    organisation.contributions_sought.set([contribution("skills-sponsorship")])
    organisation.intervention_countries = ["BF"]
    organisation.save()
    return organisation


@pytest.fixture
def carrier(db):
    """The best answer: logistics, the cold chain, skills sponsorship, Burkina Faso."""
    return make_organisation(
        "transalp",
        offers=["logistics-supply-chain", "transport"],
        gives=["skills-sponsorship"],
        description="Transport et entreposage, chaîne du froid pour les vaccins.",
        intervention_countries=["BF"],
    )


@pytest.fixture
def freight(db):
    """A weaker answer: logistics only."""
    return make_organisation(
        "fret-express", offers=["logistics-supply-chain"], description="Transport et entreposage."
    )


@pytest.fixture
def web_agency(db):
    """Answers nothing Eau Vive needs."""
    return make_organisation("pixel", offers=["software-development"])


def ranking(organisation: Organisation) -> list[str]:
    """The candidates stored for ``organisation``, best first (dismissed included)."""
    return list(
        Suggestion.objects.filter(organisation=organisation)
        .order_by("-score", "candidate__slug")
        .values_list("candidate__slug", flat=True)
    )


def add_suggestion(organisation, candidate, *, score=0.5, state=Suggestion.State.NEW):
    """A stored suggestion, as a recompute would write it."""
    return Suggestion.objects.create(
        organisation=organisation,
        candidate=candidate,
        score=score,
        state=state,
        reasons=[
            {
                "code": "offers",
                "terms": [["transport", "Transport", "Transport"]],
                "related": [],
            },
            {"code": "countries", "terms": [["BF", "au Burkina Faso", "Burkina Faso"]]},
        ],
        answered_needs=["transport"],
    )
