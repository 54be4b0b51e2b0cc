"""No staff member can read a one-time secret from the outbox.

A facilitator has ``view_email``: if the outbox showed the body of a password reset or
of an email confirmation, any facilitator could take over the account it was sent to
(superusers included). Those bodies are never shown, and are erased once sent.
"""

import logging
import re

import pytest
from django.urls import reverse

from coexist.models import Email
from coexist.tasks import email_send, emails_purge_expired
from tests.factories import UserFactory, sign_up

LINK = re.compile(r"https?://\S+/(?:compte|accounts?)/\S+")


def _admin_pages(client, email: Email) -> str:
    """Every outbox page of the admin a staff member can open for this message."""
    pages = [
        reverse("admin:coexist_email_changelist"),
        reverse("admin:coexist_email_changelist") + f"?q={email.subject}",
        reverse("admin:coexist_email_change", args=[email.pk]),
        reverse("admin:coexist_email_history", args=[email.pk]),
    ]
    html = ""
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html += response.content.decode()
    return html


def _secrets(message) -> list[str]:
    """The links and keys of a sent message (as its recipient reads it)."""
    text = message.body + "".join(content for content, _type in message.alternatives)
    links = LINK.findall(text)
    assert links, text
    return links + [link.rstrip("/").rsplit("/", 1)[-1] for link in links]


@pytest.fixture
def target(db):
    return UserFactory(email="directrice@csi.example", is_superuser=True, is_staff=True)


@pytest.mark.parametrize("viewer", ["facilitator", "superuser"])
def test_a_password_reset_link_is_never_readable_in_the_admin(
    request, client, target, viewer, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("account_reset_password"), {"email": target.email})
    email = Email.objects.get(to=[target.email])
    assert email.secret
    staff = (
        request.getfixturevalue("facilitator")
        if viewer == "facilitator"
        else UserFactory(is_superuser=True, is_staff=True)
    )
    client.force_login(staff)
    before_sending = _admin_pages(client, email)

    email_send.apply(args=[email.pk])

    secrets = _secrets(mailoutbox[0])
    after_sending = _admin_pages(client, email)
    email.refresh_from_db()
    stored = email.body_text + email.body_html + str(email.headers) + email.subject
    for secret in secrets:
        assert secret not in before_sending
        assert secret not in after_sending
        assert secret not in stored  # erased once sent: not in a backup either
        assert secret not in caplog.text
    assert email.status == Email.Status.SENT


def test_an_email_confirmation_key_is_never_readable_in_the_admin(
    client, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        sign_up(client, "nouvelle@ong.example")
    email = Email.objects.get(to=["nouvelle@ong.example"])
    client.force_login(facilitator)
    before_sending = _admin_pages(client, email)
    email_send.apply(args=[email.pk])
    secrets = _secrets(mailoutbox[0])
    after_sending = _admin_pages(client, email)
    for secret in secrets:
        assert secret not in before_sending
        assert secret not in after_sending


def test_a_secret_that_could_not_be_sent_is_erased_too(
    client, target, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.coexist.failing_backend.FailingBackend"
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("account_reset_password"), {"email": target.email})
    email = Email.objects.get(to=[target.email])
    assert "http" in email.body_text  # kept while it may still be sent

    assert email_send.apply(args=[email.pk]).get() == "failed"

    email.refresh_from_db()
    assert email.body_text == Email.ERASED and email.body_html == Email.ERASED


def test_ordinary_notifications_stay_readable_for_support(
    client, facilitator, organisation, admin_user, django_capture_on_commit_callbacks
):
    from actors import services
    from actors.models import Organisation

    Organisation.objects.filter(pk=organisation.pk).update(status="pending")
    organisation.refresh_from_db()
    services.organisation_publish(organisation=organisation, by=facilitator)
    email = Email.objects.get(kind="published")
    assert not email.secret
    client.force_login(facilitator)
    page = client.get(reverse("admin:coexist_email_change", args=[email.pk])).content.decode()
    assert organisation.get_absolute_url() in page


def test_emails_older_than_a_year_are_deleted(db, time_machine):
    time_machine.move_to("2025-01-10 09:00 +01:00")
    old = Email.objects.create(to=["a@example.org"], subject="old", body_text="x")
    time_machine.move_to("2025-12-01 09:00 +01:00")
    recent = Email.objects.create(to=["a@example.org"], subject="recent", body_text="x")
    time_machine.move_to("2026-01-11 09:00 +01:00")

    assert emails_purge_expired.apply().get() == 1

    assert not Email.objects.filter(pk=old.pk).exists()
    assert Email.objects.filter(pk=recent.pk).exists()


def test_the_retention_jobs_are_on_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "coexist.tasks.emails_purge_expired" in tasks
    assert "accounts.tasks.retention_run" in tasks
