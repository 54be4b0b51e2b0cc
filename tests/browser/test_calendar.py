"""Journey 3 in the browser: a member finds an event in the calendar, registers, gets the
confirmation with its calendar file, and the next person joins the waiting list."""

import pytest
from django.core import mail

from events.models import Registration
from tests.browser.journeys import sign_in
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_member_registers_and_the_next_one_waits(site, page, axe, language):
    event = EventFactory(title="Speed-meeting ONG et entreprises", slug="speed-meeting", capacity=2)
    RegistrationFactory(event=event)
    lea = UserFactory(email="lea@example.org", preferred_language=language)
    sign_in(page, site.url, lea.email)

    page.goto(f"{site.url}/evenements/")
    axe(page, "calendar, upcoming")
    page.goto(f"{site.url}/evenements/mois/")
    axe(page, "calendar, month view")
    page.goto(f"{site.url}/evenements/")
    page.get_by_role("link", name="Speed-meeting ONG et entreprises").first.click()
    page.wait_for_load_state()
    axe(page, "event page")
    assert "1/2" in page.locator("main").inner_text()
    page.locator("form[action$='/inscription/'] button").click()
    page.wait_for_load_state()
    axe(page, "event page, registered")
    assert Registration.objects.get(user=lea).status == Registration.Status.CONFIRMED
    confirmation = mail.outbox[-1]
    assert confirmation.to == [lea.email]
    assert any(name.endswith(".ics") for name, *_ in confirmation.attachments)

    # The event is full: the next member joins the waiting list, with a way to leave it.
    noe = UserFactory(email="noe@example.org")
    other = page.context.browser.new_page()
    sign_in(other, site.url, noe.email)
    other.goto(f"{site.url}/evenements/speed-meeting/")
    other.locator("form[action$='/inscription/'] button").click()
    other.wait_for_load_state()
    axe(other, "event page, on the waiting list")
    assert Registration.objects.get(user=noe).status == Registration.Status.WAITLISTED
    assert other.locator("form[action$='/desinscription/'] button").count() == 1
