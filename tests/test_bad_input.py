"""The 500s found by the fuzzing of the security review, one by one: each is now a form
error, a message or the admin's "wrong filter" redirect (the fuzz test covers the rest)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actors.models import Organisation
from tests.actors.test_organisation_pages import profile
from tests.admin_forms import admin_change_data
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

HUGE = str(2**64 + 7)


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.mark.parametrize(
    "field", ["sdgs", "offers", "needs", "territories", "contributions_offered", "kind"]
)
def test_a_huge_id_in_a_choice_field_is_a_form_error(client, field):
    client.force_login(MembershipFactory().user)
    value = HUGE if field == "kind" else [HUGE]
    response = client.post(reverse("actors:create"), profile(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Organisation.objects.filter(name="Terre Commune").exists()


@pytest.fixture
def org(db):
    return OrganisationFactory(slug="eau-vive")


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"needs-TOTAL_FORMS": 1, "needs-0-competence": "abc"}, None),
        ({"sdgs": [HUGE]}, "sdgs"),
        ({"languages": "pas une liste"}, "languages"),
        ({"languages": ["fr", "zz"]}, "languages"),
    ],
)
def test_the_admin_change_page_refuses_bad_values_with_form_errors(
    client, facilitator, org, overrides, field
):
    client.force_login(facilitator)
    url, data = admin_change_data(client, org, **overrides)
    response = client.post(url, data)
    assert response.status_code == 200
    if field:
        assert field in response.context["adminform"].form.errors
    org.refresh_from_db()
    assert org.languages != "pas une liste"


def test_languages_that_are_not_iso_codes_never_reach_the_database(org):
    org.languages = "fr"
    with pytest.raises(ValidationError):
        org.full_clean()
    org.languages = ["fr", "wo"]
    org.full_clean()


def test_adding_a_need_with_a_word_for_its_competence_is_a_form_error(client, facilitator, org):
    client.force_login(facilitator)
    response = client.post(
        reverse("admin:actors_organisationneed_add"),
        {"organisation": org.pk, "competence": "abc", "description": ""},
    )
    assert response.status_code == 200
    assert "competence" in response.context["adminform"].form.errors


def test_an_action_on_impossible_ids_is_refused_with_a_message(client, facilitator, org):
    client.force_login(facilitator)
    response = client.post(
        reverse("admin:actors_organisation_changelist"),
        {"action": "decline", "_selected_action": ["abc", HUGE]},
        follow=True,
    )
    assert response.status_code == 200
    assert any("not valid" in str(m) for m in response.context["messages"])


@pytest.mark.parametrize(
    "query", ["created_at__year=99999999999", "created_at__year=0", f"created_at__month={HUGE}"]
)
def test_an_impossible_date_filter_is_the_admins_wrong_filter_redirect(
    client, facilitator, org, query
):
    client.force_login(facilitator)
    response = client.get(f"{reverse('admin:actors_organisation_changelist')}?{query}")
    assert response.status_code in (200, 302)  # Django shows year 0 as an empty list
    if response.status_code == 302:
        assert response["Location"].endswith("?e=1")
