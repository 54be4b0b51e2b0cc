"""Issue 8, item 17: the review list is readable at 1280 px and the organisation's change
page has no script-built widget with prohibited ARIA (measured with axe-core: see the
README; these tests pin what made the difference)."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from actors.models import PendingOrganisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_review_list_shows_a_cut_pitch_and_a_short_date(client_for, facilitator):
    OrganisationFactory(name="Longue Accroche", status="pending", pitch="mot " * 49 + "fin")
    html = (
        client_for(facilitator)
        .get(reverse("admin:actors_pendingorganisation_changelist"))
        .content.decode()
    )
    assert admin.site._registry[PendingOrganisation].list_display == (
        "name",
        "short_pitch",
        "kind",
        "submitted",
    )
    assert "mot " * 23 not in html and "…" in html  # cut at 90 characters
    assert re.search(r'<td class="field-submitted">\d\d/\d\d/\d{4}</td>', html)


def test_the_admin_has_no_navigation_sidebar_taking_the_width(client_for, facilitator):
    html = (
        client_for(facilitator)
        .get(reverse("admin:actors_pendingorganisation_changelist"))
        .content.decode()
    )
    assert 'id="nav-sidebar"' not in html


def test_the_change_page_uses_plain_checkboxes_not_the_scripted_two_box_widget(
    client_for, facilitator
):
    organisation = OrganisationFactory()
    html = (
        client_for(facilitator)
        .get(reverse("admin:actors_organisation_change", args=[organisation.pk]))
        .content.decode()
    )
    assert "selectfilter" not in html and "SelectFilter2.js" not in html
    for name in ("territories", "sdgs", "offers"):
        assert f'type="checkbox" name="{name}"' in html


def test_a_facilitator_still_saves_the_many_to_many_fields(client_for, facilitator):
    from tests.admin_forms import admin_change_data

    organisation = OrganisationFactory()
    client = client_for(facilitator)
    url, data = admin_change_data(client, organisation, sdgs=[6, 13])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(organisation.sdgs.values_list("number", flat=True)) == [6, 13]
