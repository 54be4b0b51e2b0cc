"""The journeys of PRODUCT.md in a real browser, in French and in English, with axe-core on
every page they visit (0 serious or critical violation)."""

import pytest
from django.core import mail

from actors.models import Organisation
from tests.browser.journeys import PASSWORD, choose_language, last_link, sign_in
from tests.factories import competence, contribution, kind, make_facilitator

TEXT = {
    "fr": {"confirm": "Confirmez votre adresse", "created": "en attente de validation"},
    "en": {"confirm": "Confirm Your Email", "created": "waiting for review"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_journey_1_from_sign_up_to_the_directory(site, page, axe, language):
    """Sign up, confirm by the emailed link, create the organisation, a facilitator publishes
    it, and a visitor finds it with the directory's filters."""
    base = site.url
    facilitator = make_facilitator(email="facilitatrice@csi.example")

    # Amina signs up in her language.
    page.goto(f"{base}/")
    if language != "fr":
        choose_language(page, language)
    axe(page, "home")
    page.goto(f"{base}/accounts/signup/")
    axe(page, "sign up")
    page.locator("input[name=email]").fill("amina@terre-commune.example")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe(page, "sign up: check your email")

    # The confirmation email arrives, in her language; its link confirms the address.
    (confirmation,) = mail.outbox
    assert confirmation.to == ["amina@terre-commune.example"]
    assert TEXT[language]["confirm"] in confirmation.subject
    page.goto(base + last_link(r"/accounts/confirm-email/\S+/"))
    axe(page, "confirm email")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    # She creates her organisation: it waits for review.
    page.goto(f"{base}/annuaire/nouvelle-organisation/")
    axe(page, "create organisation")
    page.locator("input[name=name]").fill("Terre Commune")
    page.locator("select[name=kind]").select_option(str(kind("ngo").pk))
    page.locator("input[name=pitch]").fill("Agroécologie et eau potable au Burkina Faso")
    page.locator("textarea[name=description]").fill("Nous accompagnons des coopératives.")
    page.locator("input[name=city]").fill("Annemasse")
    page.locator("select[name=country]").select_option("FR")
    page.locator(f"input[name=offers][value='{competence('project-management').pk}']").check()
    page.locator(f"input[name=needs][value='{competence('fundraising').pk}']").check()
    sought = contribution("financial-sponsorship").pk
    page.locator(f"input[name=contributions_sought][value='{sought}']").check()
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    axe(page, "organisation created, pending")
    organisation = Organisation.objects.get(name="Terre Commune")
    assert organisation.status == Organisation.Status.PENDING
    assert TEXT[language]["created"] in page.locator("main").inner_text()
    assert mail.outbox[-1].to == [facilitator.email]

    # A facilitator publishes it from the review queue in the admin.
    facilitator_page = page.context.browser.new_page()
    sign_in(facilitator_page, base, facilitator.email)
    facilitator_page.goto(f"{base}/admin/actors/pendingorganisation/")
    axe(facilitator_page, "admin: review queue")
    facilitator_page.locator(f"input[name=_selected_action][value='{organisation.pk}']").check()
    facilitator_page.locator("select[name=action]").select_option("publish")
    facilitator_page.locator("button[name=index]").click()
    facilitator_page.wait_for_load_state()
    axe(facilitator_page, "admin: review queue after publishing")
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED
    assert mail.outbox[-1].to == ["amina@terre-commune.example"]
    assert f"/annuaire/{organisation.slug}/" in mail.outbox[-1].body

    # A visitor finds it with the filters, then opens it.
    visitor = page.context.browser.new_page()
    visitor.goto(f"{base}/annuaire/?kind=ngo&needs=fundraising&q=agroecologie")
    axe(visitor, "directory, filtered")
    visitor.get_by_role("link", name="Terre Commune").first.click()
    visitor.wait_for_load_state()
    axe(visitor, "organisation page, visitor")
    assert visitor.locator("h1").inner_text() == "Terre Commune"
