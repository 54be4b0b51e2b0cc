"""`manage.py recompute_suggestions` ranks everyone at once (make run uses it after seeding)."""

from io import StringIO

import pytest
from django.core.management import call_command

from matching.models import Suggestion
from tests.factories import OrganisationFactory, contribution, kind


@pytest.mark.django_db
def test_the_command_fills_the_suggestions_of_every_organisation_with_needs():
    ngo = OrganisationFactory(slug="eau-vive", needs=["logistics-supply-chain"])
    company = OrganisationFactory(
        slug="transports", kind=kind("company"), offers=["logistics-supply-chain"]
    )
    company.contributions_offered.set([contribution("skills-sponsorship")])
    out = StringIO()
    call_command("recompute_suggestions", stdout=out)
    assert Suggestion.objects.filter(organisation=ngo, candidate=company).exists()
    assert "Suggestions recomputed for 1 organisations" in out.getvalue()
    call_command("recompute_suggestions", stdout=StringIO())
    assert Suggestion.objects.filter(organisation=ngo).count() == 1
