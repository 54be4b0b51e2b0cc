"""Issue 8, item 5: a search typed in the directory's box is sorted by relevance by
default, on SQLite (terms matched in the name, then how often in the text) and on
PostgreSQL (FTS rank); the menu's default submits no sort, so it stays relevance."""

import re

import pytest
from django.urls import reverse

from tests.actors.test_directory import browse
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("actors:directory")


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def waters():
    return {
        "once": OrganisationFactory(
            name="Alpha Conseil", description="Nous parlons aussi d'eau une fois."
        ),
        "name": OrganisationFactory(
            name="Zeta Eau Potable", pitch="L'eau potable pour tous", description="Eau et eaux."
        ),
        "none": OrganisationFactory(name="Beta Numérique", description="Logiciels libres."),
    }


def test_a_search_is_sorted_by_relevance_by_default(client, waters):
    assert browse(client, q="eau") == ["Zeta Eau Potable", "Alpha Conseil"]
    # As the box submits it, with the sort menu's default option.
    assert browse(client, q="eau", sort="") == ["Zeta Eau Potable", "Alpha Conseil"]


def test_choosing_the_name_still_sorts_by_name(client, waters):
    assert browse(client, q="eau", sort="name") == ["Alpha Conseil", "Zeta Eau Potable"]


def test_choosing_relevance_ranks_on_both_databases(client, waters):
    assert browse(client, q="eau", sort="relevance") == ["Zeta Eau Potable", "Alpha Conseil"]


def test_the_sort_menu_defaults_to_relevance_for_a_search_and_submits_no_sort(client, waters):
    html = client.get(DIRECTORY).content.decode()
    selected = re.search(r'<option value="([^"]*)" selected>', html)
    assert selected and selected.group(1) == ""
    html = client.get(DIRECTORY, {"q": "eau", "sort": "name"}).content.decode()
    assert '<option value="name" selected>' in html
