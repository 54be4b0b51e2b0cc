"""Facilitators in the admin: suggestions across the network, the needs no suggested partner
answers ("besoins non couverts"), and the most demanded, least offered competences."""

import pytest
from django.urls import reverse

from matching import selectors, services
from matching.models import Suggestion
from tests.matching.conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(seeker, carrier, freight):
    services.suggestions_recompute_all()
    return Suggestion.objects.get(organisation=seeker, candidate=carrier)


@pytest.mark.parametrize(
    "name",
    [
        "admin:matching_suggestion_changelist",
        "admin:matching_suggestion_uncovered",
        "admin:matching_suggestion_competences",
    ],
)
def test_facilitators_see_matching_across_the_network(client_for, computed, facilitator, name):
    response = client_for(facilitator).get(reverse(name))

    assert response.status_code == 200


def test_the_admin_lists_suggestions_with_filters_and_search(client_for, computed, facilitator):
    client = client_for(facilitator)
    url = reverse("admin:matching_suggestion_changelist")

    assert "Transalp" in client.get(url, {"q": "eau vive"}).text
    assert "Transalp" not in client.get(url, {"state__exact": "dismissed"}).text
    detail = client.get(reverse("admin:matching_suggestion_change", args=[computed.pk])).text
    assert "pratique le mécénat de compétences" in detail


def test_uncovered_needs_name_needs_no_partner_answers(client_for, computed, facilitator):
    lonely = make_organisation("lonely-ngo", "ngo", needs={"microfinance": "Crédit rural"})
    services.suggestions_recompute_all()

    page = client_for(facilitator).get(reverse("admin:matching_suggestion_uncovered")).text

    assert "Lonely Ngo" in page
    assert "Crédit rural" in page
    assert lonely.get_absolute_url() in page
    assert "Eau Vive" not in page  # Transalp answers its logistics need well


def test_competence_balance_counts_needs_and_offers(client_for, computed, facilitator):
    balance = {row.competence.slug: row for row in selectors.competence_balance()}

    assert balance["logistics-supply-chain"].needed == 1
    assert balance["logistics-supply-chain"].offered == 2
    assert balance["transport"].needed == 0
    page = client_for(facilitator).get(reverse("admin:matching_suggestion_competences")).text
    assert "Logistique et chaîne d&#x27;approvisionnement" in page


def test_facilitators_only_look_suggestions_are_computed(client_for, computed, facilitator):
    client = client_for(facilitator)
    assert client.get(reverse("admin:matching_suggestion_add")).status_code == 403
    change = reverse("admin:matching_suggestion_change", args=[computed.pk])
    assert client.post(change, {"state": "dismissed"}).status_code == 403
    computed.refresh_from_db()
    assert computed.state == Suggestion.State.NEW


def test_members_without_staff_access_do_not_reach_the_admin_views(client_for, member_user):
    response = client_for(member_user).get(reverse("admin:matching_suggestion_uncovered"))

    assert response.status_code == 302
