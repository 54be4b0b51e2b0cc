"""Emails through the outbox, each with the event's calendar file as calendar apps need it:
a stable UID, SEQUENCE raised on every change, DTSTAMP, DTEND, a VTIMEZONE for
Europe/Paris, STATUS:CANCELLED, a URL, and never an organiser, an attendee or a name."""

from datetime import timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from coexist.models import Email
from coexist.tasks import email_send
from events import services
from events.ics import event_uid
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def parse(content) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def the_event(calendar: icalendar.Calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def attachment(email: Email) -> icalendar.Calendar:
    (item,) = email.attachments
    assert item["filename"].endswith(".ics")
    assert item["mimetype"] == "text/calendar"
    return parse(item["content"])


def assert_calendar_app_ready(calendar, event):
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    vevent = the_event(calendar)
    for prop in ("UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
        assert prop in vevent, prop
    assert str(vevent["UID"]) == event_uid(event)
    assert vevent["DTSTART"].dt == event.starts_at
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert "ORGANIZER" not in vevent and "ATTENDEE" not in vevent
    assert str(vevent["URL"]).endswith(event.get_absolute_url())
    return vevent


def test_a_confirmation_carries_the_ics_and_is_sent_with_it(event, member_user, mailoutbox):
    member_user.full_name = "Camille Registrante"
    member_user.save()
    registration = services.registration_create(event=event, user=member_user)
    email = Email.objects.get(kind="confirmed")
    assert email.to == [member_user.email]
    assert "Atelier mécénat de compétences" in email.subject
    vevent = assert_calendar_app_ready(attachment(email), event)
    assert "Camille" not in email.attachments[0]["content"]
    assert email_send.apply(args=[email.pk]).get() == "sent"
    (sent,) = mailoutbox
    assert sent.to == [member_user.email]
    filename, content, mimetype = sent.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert the_event(parse(content))["UID"] == vevent["UID"]
    assert event.get_absolute_url() in sent.body
    assert registration.status == "confirmed"


def test_the_uid_is_the_same_in_the_attachment_the_download_and_the_feed(
    client, event, member_user
):
    services.registration_create(event=event, user=member_user)
    uids = {str(the_event(attachment(Email.objects.get(kind="confirmed")))["UID"])}
    download = client.get(reverse("events:event_ics", args=[event.slug]))
    assert download["Content-Type"].startswith("text/calendar")
    uids.add(str(the_event(parse(download.content))["UID"]))
    feed = parse(client.get(reverse("events:feed_ics")).content)
    assert feed["METHOD"] == "PUBLISH"
    uids |= {str(v["UID"]) for v in feed.walk("VEVENT")}
    assert uids == {event_uid(event)}


def test_a_new_time_sends_an_updated_ics_with_a_higher_sequence(event, admin_user, member_user):
    services.registration_create(event=event, user=member_user)
    first = the_event(attachment(Email.objects.get(kind="confirmed")))
    new_start = event.starts_at + timedelta(days=1)
    services.event_update(
        event=event,
        by=admin_user,
        data={"starts_at": new_start, "ends_at": new_start + timedelta(hours=2)},
    )
    changed = Email.objects.get(kind="changed")
    assert changed.to == [member_user.email]
    updated = the_event(attachment(changed))
    assert updated["UID"] == first["UID"]
    assert updated["SEQUENCE"] > first["SEQUENCE"]
    assert updated["DTSTART"].dt == new_start


def test_a_change_that_moves_nothing_emails_nobody(event, admin_user, member_user):
    services.registration_create(event=event, user=member_user)
    services.event_update(event=event, by=admin_user, data={"description": "Plus de détails"})
    assert not Email.objects.filter(kind="changed").exists()


def test_a_cancelled_event_tells_everyone_with_the_reason_and_status_cancelled(
    event, admin_user, mailoutbox
):
    people = [UserFactory() for _ in range(2)]
    for person in people:
        services.registration_create(event=event, user=person)
    services.event_cancel(event=event, by=admin_user, reason="L'intervenante est malade")
    emails = Email.objects.filter(kind="cancelled")
    assert sorted(e.to[0] for e in emails) == sorted(p.email for p in people)
    for email in emails:
        assert len(email.to) == 1  # nobody learns who else was coming
        assert "L'intervenante est malade" in email.body_text
        assert the_event(attachment(email))["STATUS"] == "CANCELLED"


def test_waiting_list_and_promotion_emails(member_user, admin_user):
    event = EventFactory(capacity=1)
    first = services.registration_create(event=event, user=UserFactory())
    services.registration_create(event=event, user=member_user)
    waitlisted = Email.objects.get(kind="waitlisted")
    assert waitlisted.to == [member_user.email]
    assert "1" in waitlisted.body_text and not waitlisted.attachments
    services.registration_cancel(registration=first, by=first.user)
    assert Email.objects.get(kind="left").to == [first.user.email]
    promoted = Email.objects.get(kind="promoted")
    assert promoted.to == [member_user.email]
    assert_calendar_app_ready(attachment(promoted), event)


def test_emails_follow_the_persons_language(event):
    english = UserFactory(preferred_language="en")
    services.registration_create(event=event, user=english)
    email = Email.objects.get(kind="confirmed")
    assert "Your place is confirmed" in email.subject
    assert "Hello," in email.body_text


def test_the_online_link_goes_to_registered_people_only(client, member_user):
    event = EventFactory(online_url="https://visio.example.org/salle", street="", city="")
    services.registration_create(event=event, user=member_user)
    assert "https://visio.example.org/salle" in Email.objects.get(kind="confirmed").body_text
    public = client.get(reverse("events:event_ics", args=[event.slug])).content.decode()
    assert "visio.example.org" not in public
    page = client.get(event.get_absolute_url()).content.decode()
    assert "visio.example.org" not in page


def test_an_event_proposed_by_an_admin_is_sent_to_the_facilitators(
    organisation, admin_user, facilitator
):
    start = timezone.now() + timedelta(days=9)
    services.event_propose(
        by=admin_user,
        organisers=[organisation],
        data={
            "title": "Webinaire due diligence",
            "kind": "webinar",
            "starts_at": start,
            "ends_at": start + timedelta(hours=1),
            "online_url": "https://visio.example.org/dd",
        },
    )
    email = Email.objects.get(kind="review_requested")
    assert email.to == [facilitator.email]
    assert "/admin/events/event/" in email.body_text
