"""The dead ends a newcomer hit, each walked in the browser."""

from django.core import mail

from actors.models import Organisation
from tests.browser.journeys import sign_in
from tests.factories import OrganisationFactory, UserFactory, make_facilitator


def test_a_join_request_to_an_organisation_without_admin_reaches_the_facilitators(site, page, axe):
    facilitator = make_facilitator(email="facilitatrice@csi.example")
    OrganisationFactory(name="Sans Admin", slug="sans-admin", status=Organisation.Status.PUBLISHED)
    user = UserFactory(email="noe@example.org")
    sign_in(page, site.url, user.email)
    page.goto(f"{site.url}/annuaire/sans-admin/rejoindre/")
    axe(page, "join an organisation")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe(page, "join request sent")
    assert "CSI" in page.locator(".messages").inner_text()
    assert mail.outbox[-1].to == [facilitator.email]
