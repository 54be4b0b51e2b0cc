"""Feeds: the public iCalendar feed (RFC 5545, parsed back with icalendar), a private
"my registrations" feed at a secret address the member revokes and regenerates from
their account, and RSS/Atom feeds of upcoming events."""

import icalendar
import pytest
from django.urls import reverse

from events import services
from events.models import CalendarToken
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_public_feed_is_a_valid_calendar_with_cancelled_events_kept(client, facilitator):
    kept = EventFactory(title="Maintenu")
    cancelled = EventFactory(title="Annulé")
    EventFactory(title="En attente", status="pending")
    services.event_cancel(event=cancelled, by=facilitator, reason="Reporté")
    response = client.get(reverse("events:feed_ics"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar.walk("VTIMEZONE")
    by_title = {str(v["SUMMARY"]): v for v in calendar.walk("VEVENT")}
    assert set(by_title) == {"Maintenu", "Annulé"}
    assert by_title["Annulé"]["STATUS"] == "CANCELLED"
    assert by_title["Maintenu"]["STATUS"] == "CONFIRMED"
    for vevent in by_title.values():
        assert "ATTENDEE" not in vevent and "ORGANIZER" not in vevent
    assert kept.get_absolute_url() in str(by_title["Maintenu"]["URL"])


def test_the_calendar_page_offers_subscription_links(client):
    EventFactory()
    page = client.get(reverse("events:calendar")).content.decode()
    assert '<link rel="alternate" type="text/calendar"' in page
    assert "webcal://" in page
    assert "calendar.google.com" in page and "outlook.live.com" in page


def test_the_event_page_offers_a_download_and_add_links(client, event):
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("events:event_ics", args=[event.slug]) in page
    assert "action=TEMPLATE" in page and "rru=addevent" in page


def test_the_private_feed_lives_at_a_secret_address_the_member_controls(client, event, member_user):
    services.registration_create(event=event, user=member_user)
    client.force_login(member_user)
    account = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("events:feed_regenerate") in account
    client.post(reverse("events:feed_regenerate"))
    token = CalendarToken.objects.get(user=member_user).token
    url = reverse("events:private_feed", args=[token])
    assert url in client.get(reverse("accounts:profile")).content.decode()
    client.logout()  # calendar apps have no session
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == [event.title]
    assert member_user.email not in response.content.decode()
    client.force_login(member_user)
    client.post(reverse("events:feed_regenerate"))
    assert client.get(url).status_code == 404  # the old address stops
    new_url = reverse(
        "events:private_feed", args=[CalendarToken.objects.get(user=member_user).token]
    )
    assert client.get(new_url).status_code == 200
    client.post(reverse("events:feed_revoke"))
    assert client.get(new_url).status_code == 404


def test_a_wrong_secret_answers_404(client):
    assert client.get(reverse("events:private_feed", args=["nope"])).status_code == 404


def test_rss_and_atom_feeds_list_upcoming_events_and_keep_filters(client):
    EventFactory(title="Un webinaire", kind="webinar")
    EventFactory(title="Un atelier", kind="workshop")
    rss = client.get(reverse("events:feed_rss"), {"kind": "webinar"})
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Un webinaire" in rss.content.decode() and "Un atelier" not in rss.content.decode()
    atom = client.get(reverse("events:feed_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Un atelier" in atom.content.decode()
