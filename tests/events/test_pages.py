"""The calendar's pages: upcoming, month and past views with filters in the URL, the
event page with places left, the waiting list and the person's own state, the organisers'
attendee list and its CSV, the propose and edit forms. Query counts are constant."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, Registration
from tests.events.factories import EventFactory
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_calendar_lists_upcoming_published_events_only(client, organisation):
    EventFactory(title="Atelier futur", organisers=[organisation])
    EventFactory(title="Brouillon", status=Event.Status.DRAFT)
    EventFactory(title="En attente", status=Event.Status.PENDING)
    EventFactory(
        title="Passé",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3, hours=-2),
    )
    page = client.get(reverse("events:calendar")).content.decode()
    assert "Atelier futur" in page
    assert "Brouillon" not in page and "En attente" not in page and "Passé" not in page
    past = client.get(reverse("events:past")).content.decode()
    assert "Passé" in past and "Atelier futur" not in past


def test_filters_live_in_the_url_and_the_feeds_keep_them(client, organisation):
    EventFactory(
        title="Un webinaire",
        kind="webinar",
        online_url="https://v.example.org",
        street="",
        city="",
        organisers=[organisation],
    )
    EventFactory(title="Un atelier", kind="workshop")
    page = client.get(reverse("events:calendar"), {"kind": "webinar"}).content.decode()
    assert "Un webinaire" in page and "Un atelier" not in page
    assert 'type="text/calendar"' in page
    assert "calendrier.ics?kind=webinar" in page
    online = client.get(reverse("events:calendar"), {"mode": "online"}).content.decode()
    assert "Un webinaire" in online and "Un atelier" not in online
    by_organiser = client.get(reverse("events:calendar"), {"organiser": organisation.slug})
    assert "Un atelier" not in by_organiser.content.decode()
    feed = client.get(reverse("events:feed_ics"), {"kind": "webinar"}).content.decode()
    assert "Un webinaire" in feed and "Un atelier" not in feed


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nope"},
        {"month": "2026-13"},
        {"month": "x"},
        {"sdg": "99"},
        {"mode": "z"},
        {"organiser": "\x00"},
        {"kind": ["a", "b"]},
    ],
)
def test_bad_filters_are_no_error(client, params):
    EventFactory()
    for name in ("calendar", "past", "month", "feed_ics", "feed_rss", "feed_atom"):
        assert client.get(reverse(f"events:{name}"), params).status_code == 200


def test_the_month_view_shows_the_days_of_a_multi_day_event(client):
    start = timezone.make_aware(timezone.datetime(2027, 3, 30, 9, 0))
    EventFactory(title="Université d'été", starts_at=start, ends_at=start + timedelta(days=2))
    page = client.get(reverse("events:month"), {"month": "2027-03"}).content.decode()
    # 30 and 31 March, and 1 April in the grid's last week
    assert page.count("Université d&#x27;été") == 3
    february = client.get(reverse("events:month"), {"month": "2027-02"}).content.decode()
    assert "Université d&#x27;été" not in february
    assert "month=2027-02" in page and "month=2027-04" in page


def test_the_event_page_shows_places_left_and_the_waiting_list(client, organisation):
    event = EventFactory(capacity=2, organisers=[organisation])
    for _ in range(3):
        services.registration_create(event=event, user=UserFactory())
    page = client.get(event.get_absolute_url()).content.decode()
    assert "0/2" in page
    assert "1 personne sur la liste d’attente" in page or "1 person on the waiting list" in page


def test_the_event_page_shows_the_persons_own_state_and_buttons(client, member_user):
    event = EventFactory(capacity=1)
    client.force_login(member_user)
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("events:register", args=[event.slug]) in page
    response = client.post(reverse("events:register", args=[event.slug]))
    assert response.status_code == 302
    assert Registration.objects.get(user=member_user).status == "confirmed"
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("events:leave", args=[event.slug]) in page
    other = UserFactory()
    client.force_login(other)
    client.post(reverse("events:register", args=[event.slug]))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "1" in page and reverse("events:leave", args=[event.slug]) in page
    client.post(reverse("events:leave", args=[event.slug]))
    assert Registration.objects.get(user=other).status == "cancelled"


def test_registering_on_behalf_of_an_organisation(client, member_user, organisation, event):
    client.force_login(member_user)
    client.post(reverse("events:register", args=[event.slug]), {"organisation": organisation.pk})
    assert Registration.objects.get(user=member_user).organisation == organisation


def test_registering_for_another_organisation_is_refused_with_a_message(
    client, member_user, other_organisation, event
):
    client.force_login(member_user)
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"organisation": other_organisation.pk},
        follow=True,
    )
    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_a_pending_event_is_hidden_from_outsiders(client, organisation, outsider, admin_user):
    event = EventFactory(status=Event.Status.PENDING, organisers=[organisation])
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:event_ics", args=[event.slug])).status_code == 404
    client.force_login(admin_user)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_organisers_see_and_export_attendees_with_their_organisation(
    client, event, admin_user, member_user, organisation
):
    services.registration_create(event=event, user=member_user, organisation=organisation)
    client.force_login(admin_user)
    page = client.get(reverse("events:attendees", args=[event.slug])).content.decode()
    assert member_user.email in page
    response = client.get(reverse("events:attendees_csv", args=[event.slug]))
    text = response.content.decode("utf-8-sig")
    header, row = text.strip().splitlines()
    assert header == "name,email,organisation,status,position,joined_at"
    assert member_user.email in row and organisation.name in row and "confirmed" in row


def test_a_formula_in_a_name_is_not_run_by_the_spreadsheet(client, event, admin_user):
    services.registration_create(event=event, user=UserFactory(full_name="=HYPERLINK(1)"))
    client.force_login(admin_user)
    text = client.get(reverse("events:attendees_csv", args=[event.slug])).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_nobody_else_sees_who_is_registered(client, event, member_user, outsider):
    services.registration_create(event=event, user=member_user)
    for user in (member_user, outsider):
        client.force_login(user)
        assert client.get(reverse("events:attendees", args=[event.slug])).status_code == 404
        page = client.get(event.get_absolute_url()).content.decode()
        assert reverse("events:attendees", args=[event.slug]) not in page


def form_data(organisation, **extra):
    start = (timezone.localtime() + timedelta(days=20)).replace(second=0, microsecond=0)
    return {
        "title": "Rencontre ONG entreprises",
        "kind": "meetup",
        "organisers": [organisation.pk],
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "city": "Annemasse",
        "capacity": "30",
        "description": "Venez **nombreux**",
        **extra,
    }


def test_an_admin_proposes_an_event_that_waits_for_review(client, admin_user, organisation):
    client.force_login(admin_user)
    response = client.post(reverse("events:propose"), form_data(organisation))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == Event.Status.PENDING
    assert client.get(reverse("events:calendar")).content.decode().count(event.title) == 0


def test_proposing_without_a_place_or_link_says_so(client, admin_user, organisation):
    client.force_login(admin_user)
    response = client.post(reverse("events:propose"), form_data(organisation, city=""))
    assert response.status_code == 200
    assert not Event.objects.exists()
    assert "adresse" in response.content.decode() or "address" in response.content.decode()


def test_a_member_who_is_no_admin_is_told_how_to_propose(client, member_user):
    client.force_login(member_user)
    page = client.get(reverse("events:propose")).content.decode()
    assert reverse("actors:directory") in page


def test_an_organiser_edits_the_event(client, admin_user, event, organisation):
    client.force_login(admin_user)
    response = client.post(
        reverse("events:edit", args=[event.slug]), form_data(organisation, title="Nouveau titre")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Nouveau titre"


def test_an_organiser_cancels_with_a_reason(client, admin_user, event):
    client.force_login(admin_user)
    assert client.post(reverse("events:cancel", args=[event.slug]), {}).status_code == 200
    client.post(reverse("events:cancel", args=[event.slug]), {"reason": "Salle indisponible"})
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


def many_events(count, organisation):
    sdg_org = OrganisationFactory()
    for index in range(count):
        event = EventFactory(organisers=[organisation, sdg_org], capacity=5 + index)
        services.registration_create(event=event, user=UserFactory())


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("name", ["calendar", "month", "feed_ics", "feed_rss"])
def test_calendar_pages_take_a_constant_number_of_queries(
    client, organisation, django_assert_max_num_queries, count, name
):
    many_events(count, organisation)
    params = {"month": timezone.localdate(timezone.now() + timedelta(days=7)).strftime("%Y-%m")}
    with django_assert_max_num_queries(8):
        response = client.get(reverse(f"events:{name}"), params if name == "month" else {})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_event_page_takes_a_constant_number_of_queries(
    client, organisation, member_user, django_assert_max_num_queries, count
):
    event = EventFactory(organisers=[organisation], capacity=count)
    for _ in range(count):
        services.registration_create(event=event, user=UserFactory())
    client.force_login(member_user)
    with django_assert_max_num_queries(14):
        assert client.get(event.get_absolute_url()).status_code == 200
