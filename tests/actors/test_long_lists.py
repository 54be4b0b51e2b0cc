"""Issue 8, items 9 and 10: countries and languages as checkbox lists (keyboard, no
JavaScript; a static script adds a filter box), in the organisation form and the
directory; the directory's filters fold away on small screens (<details>), open when
some are set and on wide screens (CSS)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.actors.test_directory import browse
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("actors:directory")
STATIC = Path(settings.BASE_DIR) / "static"


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def checklist(html: str, name: str) -> str:
    match = re.search(
        rf"<fieldset[^>]*>\s*<legend>[^<]*</legend>(?:(?!</fieldset>).)*?"
        rf'<div class="checklist" data-checklist[^>]*>(?:(?!</fieldset>).)*name="{name}"',
        html,
        re.S,
    )
    assert match, f"{name} is not a checklist in a fieldset"
    return match.group(0)


@pytest.mark.parametrize("name", ["intervention_countries", "languages"])
def test_the_organisation_form_shows_countries_and_languages_as_checkboxes(
    client_for, member_user, name
):
    html = client_for(member_user).get(reverse("actors:create")).content.decode()
    checklist(html, name)
    assert f'<select name="{name}"' not in html
    assert len(re.findall(rf'type="checkbox" name="{name}"', html)) > 50


def test_the_form_keeps_the_ticked_countries(client_for, member_user):
    from tests.actors.test_organisation_pages import CREATE, profile

    response = client_for(member_user).post(
        CREATE, profile(name="", intervention_countries=["BF", "SN"])
    )
    html = response.content.decode()
    assert re.search(r'name="intervention_countries" value="BF"[^>]*checked', html)
    assert re.search(r'name="intervention_countries" value="SN"[^>]*checked', html)


def test_the_directory_filters_by_any_of_several_countries(client):
    OrganisationFactory(name="Burkina", intervention_countries=["BF"])
    OrganisationFactory(name="Senegal", intervention_countries=["SN"])
    OrganisationFactory(name="Maroc", intervention_countries=["MA"])
    assert browse(client, country=["BF", "SN"]) == ["Burkina", "Senegal"]
    html = client.get(DIRECTORY).content.decode()
    checklist(html, "country")


def test_the_filter_script_is_a_static_file_loaded_by_every_page(client):
    html = client.get(DIRECTORY).content.decode()
    assert re.search(r'<script src="/static/js/checklist\.js" defer></script>', html)
    assert "<script>" not in html  # the CSP forbids inline scripts
    script = (STATIC / "js" / "checklist.js").read_text()
    assert "data-checklist" in script and 'type = "search"' in script


def test_the_filters_fold_away_unless_some_are_set(client):
    closed = client.get(DIRECTORY).content.decode()
    assert '<details class="filters-fold">' in closed
    opened = client.get(DIRECTORY, {"kind": "ngo"}).content.decode()
    assert '<details class="filters-fold" open>' in opened


def test_the_filters_stand_open_on_wide_screens_by_css():
    css = (STATIC / "css" / "coexist.css").read_text()
    rule = re.search(
        r"@media \(min-width: 50rem\) \{\s*\.filters-fold > summary \{ display: none; \}\s*"
        r"\.filters-fold::details-content \{ content-visibility: visible;",
        css,
    )
    assert rule
