"""Projects' fixtures: an NGO (``organisation``, Eau Vive) with a published project and
an open need, a company (``other_organisation``, Logistique Léman) to introduce it to."""

import pytest

from actors.models import Membership
from projects import services
from tests.factories import MembershipFactory, OrganisationFactory, competence, contribution


def make_project(*, owner, by, title="Pompes solaires au Sahel", publish=True, needs=(), **data):
    project = services.project_create(
        owner=owner,
        by=by,
        data={"title": title, "summary": "De l'eau pour trois villages", **data},
    )
    for competence_slug, contribution_slug in needs:
        services.need_add(
            project=project,
            by=by,
            competence=competence(competence_slug),
            contribution_type=contribution(contribution_slug),
            description="Acheminer le matériel",
        )
    if publish:
        services.project_publish(project=project, by=by)
    project.refresh_from_db()
    return project


@pytest.fixture
def project(organisation, admin_user):
    return make_project(
        owner=organisation, by=admin_user, needs=[("logistics-supply-chain", "skills-sponsorship")]
    )


@pytest.fixture
def need(project):
    return project.needs.get()


@pytest.fixture
def company_admin(other_organisation):
    return MembershipFactory(
        organisation=other_organisation,
        role=Membership.Role.ADMIN,
        user__preferred_language="en",
        user__job_title="CSR officer",
    ).user


def organisations(count: int, **kwargs):
    return [OrganisationFactory(**kwargs) for _ in range(count)]
