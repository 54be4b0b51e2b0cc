"""A visitor's directory journey, the suggested-partners journey (dismiss, undo) and a member's
account journey (export, delete), with axe-core on each page."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from actors.models import Membership
from matching import network
from matching.models import Suggestion
from matching.services import suggestions_recompute_all
from tests.browser.journeys import choose_language, sign_in
from tests.factories import MembershipFactory, UserFactory
from tests.matching.conftest import make_organisation


@pytest.fixture
def network_of_three(site):
    network.forget()
    seeker = make_organisation(
        "eau-vive",
        "ngo",
        needs={"logistics-supply-chain": "Chaîne du froid pour les vaccins jusqu'aux villages"},
        city="Annemasse",
    )
    make_organisation(
        "frigotrans",
        offers=["logistics-supply-chain"],
        city="Genève",
        description="Transport frigorifique et chaîne du froid.",
    )
    make_organisation(
        "transalp",
        offers=["logistics-supply-chain"],
        city="Lyon",
        description="Logistique routière entre les Alpes et le Rhône.",
    )
    suggestions_recompute_all()
    yield seeker
    network.forget()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_visitor_searches_filters_and_comes_back_to_the_results(
    site, network_of_three, page, axe, language
):
    page.goto(f"{site.url}/annuaire/")
    if language != "fr":
        choose_language(page, language)
    axe(page, "directory")
    page.locator("input[name=q]").fill("froid")
    page.locator("input[name=q]").press("Enter")
    page.wait_for_load_state()
    axe(page, "directory, searched")
    results = page.locator("main").inner_text()
    assert "Frigotrans" in results and "Transalp" not in results
    page.goto(f"{site.url}/annuaire/?kind=company&offers=logistics-supply-chain")
    axe(page, "directory, filtered by kind and offer")
    assert "Transalp" in page.locator("main").inner_text()
    page.get_by_role("link", name="Frigotrans").first.click()
    page.wait_for_load_state()
    axe(page, "organisation page")
    assert page.locator("h1").inner_text() == "Frigotrans"
    page.goto(f"{site.url}/annuaire/pas-une-organisation/")
    axe(page, "404 page")
    assert page.locator("html").get_attribute("lang") == language
    page.get_by_role("link", name="CoExist").first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/") == site.url


def test_a_member_dismisses_a_suggested_partner_and_undoes_it(site, network_of_three, page, axe):
    admin = MembershipFactory(organisation=network_of_three, role=Membership.Role.ADMIN).user
    sign_in(page, site.url, admin.email)
    page.goto(f"{site.url}/annuaire/eau-vive/partenaires-suggeres/")
    axe(page, "suggested partners")
    cards = page.locator("ol.cards > li")
    assert "Frigotrans" in cards.first.inner_text()
    first = cards.first
    first.locator("form[action$='/dismiss/'] button").click()
    page.wait_for_load_state()
    axe(page, "suggested partners, after dismissing")
    assert Suggestion.objects.get(candidate__slug="frigotrans").state == "dismissed"
    assert "Frigotrans" not in page.locator("ol.cards").inner_text()
    page.locator(".messages form button").click()
    page.wait_for_load_state()
    axe(page, "suggested partners, after undoing")
    assert Suggestion.objects.get(candidate__slug="frigotrans").state != "dismissed"
    assert "Frigotrans" in page.locator("ol.cards").inner_text()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_member_downloads_their_data_then_deletes_their_account(site, page, axe, language):
    user = UserFactory(email="lea@example.org", preferred_language=language)
    sign_in(page, site.url, user.email)
    page.goto(f"{site.url}/compte/")
    axe(page, "my account")
    assert page.locator("html").get_attribute("lang") == language
    with page.expect_download() as download:
        page.locator("a[href$='/compte/mes-donnees/']").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "lea@example.org"
    page.locator("a[href$='/compte/supprimer/']").click()
    page.wait_for_load_state()
    axe(page, "delete my account")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe(page, "delete my account, not confirmed")
    assert get_user_model().objects.filter(email="lea@example.org").exists()
    page.locator("input[name=confirm]").fill("lea@example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe(page, "after deleting my account")
    assert not get_user_model().objects.filter(email="lea@example.org").exists()
