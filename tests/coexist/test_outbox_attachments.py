"""The outbox keeps text attachments (a calendar file) with the message and attaches them
when it is sent; messages without attachments are sent as before."""

import pytest

from coexist.emails import email_store
from coexist.models import Email
from coexist.tasks import email_send

pytestmark = pytest.mark.django_db


def test_an_attachment_is_stored_and_sent(mailoutbox):
    email = email_store(
        to=["a@example.org"],
        subject="s",
        body_text="b",
        attachments=[
            {"filename": "e.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}
        ],
    )
    assert Email.objects.get(pk=email.pk).attachments[0]["filename"] == "e.ics"
    assert email_send.apply(args=[email.pk]).get() == "sent"
    assert mailoutbox[0].attachments == [("e.ics", "BEGIN:VCALENDAR", "text/calendar")]


def test_a_message_without_attachment_has_none(mailoutbox):
    email = email_store(to=["a@example.org"], subject="s", body_text="b")
    email_send.apply(args=[email.pk])
    assert Email.objects.get(pk=email.pk).attachments == []
    assert mailoutbox[0].attachments == []


def test_a_secret_message_loses_its_attachments_once_sent(mailoutbox):
    email = email_store(
        to=["a@example.org"],
        subject="s",
        body_text="b",
        secret=True,
        attachments=[{"filename": "x.txt", "content": "secret", "mimetype": "text/plain"}],
    )
    email_send.apply(args=[email.pk])
    assert Email.objects.get(pk=email.pk).attachments == []
    assert mailoutbox[0].attachments[0][1] == "secret"
