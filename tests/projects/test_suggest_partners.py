"""``suggest_partners ORG --project SLUG`` (CONTRACTS.md): partners for the project's open
needs, with the same engine, reasons and JSON shape as for an organisation's needs; an
organisation that declined a request about one of these needs is not suggested again."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from projects import introductions, services
from tests.factories import MembershipFactory
from tests.matching.conftest import make_organisation
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def run(*args: str) -> dict:
    out = StringIO()
    call_command("suggest_partners", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def candidates(db):
    carrier = make_organisation(
        "transalp",
        offers=["logistics-supply-chain", "transport"],
        gives=["skills-sponsorship"],
        description="Transport et entreposage vers l'Afrique de l'Ouest.",
    )
    coder = make_organisation(
        "octet-solidaire", offers=["software-development"], gives=["skills-sponsorship"]
    )
    return carrier, coder


def test_a_projects_needs_are_answered_in_the_contracts_shape(
    organisation, admin_user, project, candidates
):
    data = run(organisation.slug, "--project", project.slug)
    assert set(data) == {"organisation", "project", "suggestions"}
    assert (data["organisation"], data["project"]) == (organisation.slug, project.slug)
    best = data["suggestions"][0]
    assert best["organisation"] == "transalp"
    assert "propose Logistique et chaîne d'approvisionnement" in best["reasons"]
    assert "octet-solidaire" not in [s["organisation"] for s in data["suggestions"]]


def test_the_organisations_own_needs_do_not_count_for_its_project(
    organisation, admin_user, candidates
):
    """Eau Vive seeks nothing itself: its project's need is what is ranked."""
    assert run(organisation.slug)["suggestions"] == []
    project = make_project(
        owner=organisation,
        by=admin_user,
        title="Forages",
        needs=[("transport", "in-kind-donation")],
    )
    assert run(organisation.slug, "--project", project.slug)["suggestions"][0]["organisation"] == (
        "transalp"
    )


def test_a_declined_pair_is_not_suggested_again_for_that_need(
    organisation, member_user, project, need, candidates
):
    carrier, _coder = candidates
    admin = MembershipFactory(organisation=carrier, role="admin").user
    asked = introductions.introduction_request(
        from_organisation=organisation,
        to_organisation=carrier,
        by=member_user,
        message="Bonjour",
        need=need,
    )
    introductions.introduction_decline(introduction=asked, by=admin, reason="not_relevant")
    suggested = [
        s["organisation"] for s in run(organisation.slug, "--project", project.slug)["suggestions"]
    ]
    assert "transalp" not in suggested


def test_fulfilled_needs_are_not_ranked(organisation, admin_user, project, need, candidates):
    services.need_set_state(need=need, by=admin_user, state="fulfilled")
    assert run(organisation.slug, "--project", project.slug)["suggestions"] == []


def test_a_project_of_another_organisation_is_unknown(other_organisation, project):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Unknown project"):
        run(other_organisation.slug, "--project", project.slug)
