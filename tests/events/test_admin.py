"""The facilitators' calendar in the admin: every write goes through the services."""

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from coexist.models import Email
from events.models import Event
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_publish_action_publishes_and_tells_the_proposers(
    client, facilitator, organisation, admin_user
):
    event = EventFactory(status=Event.Status.PENDING, organisers=[organisation])
    Event.objects.filter(pk=event.pk).update(created_by=admin_user)
    client.force_login(facilitator)
    response = client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [event.pk]},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.sequence == 1
    assert Email.objects.get(kind="published").to == [admin_user.email]


def test_the_cancel_action_asks_for_a_reason(client, facilitator, event):
    client.force_login(facilitator)
    url = reverse("admin:events_event_changelist")
    page = client.post(url, {"action": "cancel", ACTION_CHECKBOX_NAME: [event.pk]})
    assert page.status_code == 200 and "reason" in page.content.decode()
    client.post(
        url,
        {"action": "cancel", ACTION_CHECKBOX_NAME: [event.pk], "apply": "1", "reason": "Grève"},
    )
    event.refresh_from_db()
    assert (event.status, event.cancel_reason) == (Event.Status.CANCELLED, "Grève")


def test_an_event_added_in_the_admin_is_a_draft_written_by_the_service(
    client, facilitator, organisation
):
    client.force_login(facilitator)
    start = timezone.localtime() + timedelta(days=5)
    response = client.post(
        reverse("admin:events_event_add"),
        {
            "title": "Petit-déjeuner RSE",
            "kind": "meetup",
            "organisers": [organisation.pk],
            "starts_at_0": start.strftime("%d/%m/%Y"),
            "starts_at_1": "08:30:00",
            "ends_at_0": start.strftime("%d/%m/%Y"),
            "ends_at_1": "10:00:00",
            "city": "Annemasse",
            "capacity": "25",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT and event.slug == "petit-dejeuner-rse"
    assert list(event.organisers.all()) == [organisation]
    assert event.created_by == facilitator


def test_a_cancelled_event_is_read_only_in_the_admin(client, facilitator, event):
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    client.force_login(facilitator)
    url = reverse("admin:events_event_change", args=[event.pk])
    assert client.post(url, {"title": "Autre"}).status_code == 403
