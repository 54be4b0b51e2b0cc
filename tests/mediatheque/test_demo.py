"""The médiathèque's demo: every kind, public and members-only, a real generated PDF
partnership agreement template; written through the services, idempotent."""

import pytest
from django.core.management import call_command

from mediatheque.models import Resource
from mediatheque.services import resource_process
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_kind_both_accesses_and_a_real_agreement_template():
    for n in range(5):
        OrganisationFactory(slug=f"demo-{n}")
    call_command("seed_demo_mediatheque")
    resources = Resource.objects.published()
    assert {r.kind for r in resources} == set(Resource.Kind.values)
    assert {r.access for r in resources} == set(Resource.Access.values)
    template = resources.get(title__startswith="Modèle de convention de partenariat")
    assert template.content_type == "application/pdf" and template.publishers.exists()
    resource_process(resource_id=template.pk)
    template.refresh_from_db()
    assert "Article 1" in template.extracted_text and "mécénat" in template.extracted_text
    assert template.preview
    count = Resource.objects.count()
    call_command("seed_demo_mediatheque")
    assert Resource.objects.count() == count
