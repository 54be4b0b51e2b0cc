"""Emails go through a stored outbox: queued after commit, sent by a Celery task,
retried with back-off on SMTP failure, and never lost when the broker is down."""

import pytest
from django.core import mail

from coexist.emails import email_queue
from coexist.models import Email
from coexist.tasks import email_send, email_send_pending


@pytest.fixture
def queued(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        return email_queue(
            to=["coordinatrice@eauvive.example"],
            template="actors/emails/membership_accepted",
            context={
                "organisation": {"name": "Eau Vive"},
                "user": None,
                "organisation_url": "http://testserver/annuaire/eau-vive/",
            },
            language="fr",
        )


def test_an_email_is_stored_before_it_is_sent(queued):
    assert queued.status == Email.Status.READY
    assert queued.to == ["coordinatrice@eauvive.example"]
    assert queued.subject == "[CoExist] Bienvenue au sein de Eau Vive"  # in the language asked
    assert "http://testserver/annuaire/eau-vive/" in queued.body_text
    assert "http://testserver/annuaire/eau-vive/" in queued.body_html


def test_the_task_sends_it_once(queued, mailoutbox):
    assert email_send.apply(args=[queued.pk]).get() == "sent"
    assert email_send.apply(args=[queued.pk]).get() == "skipped"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["coordinatrice@eauvive.example"]
    assert "Eau Vive" in message.subject
    assert message.alternatives[0][1] == "text/html"
    queued.refresh_from_db()
    assert queued.status == Email.Status.SENT and queued.sent_at is not None


def test_an_smtp_failure_is_retried_then_marked_failed(queued, settings):
    settings.EMAIL_BACKEND = "tests.coexist.failing_backend.FailingBackend"
    result = email_send.apply(args=[queued.pk])
    # Eager .apply() runs the retries inline; every attempt failed.
    assert result.get() == "failed"
    queued.refresh_from_db()
    assert queued.status == Email.Status.FAILED
    assert queued.attempts == email_send.max_retries + 1
    assert "SMTPServerDisconnected" in queued.last_error


def test_a_transient_failure_is_retried_until_it_succeeds(queued, settings, mailoutbox):
    from tests.coexist import failing_backend

    failing_backend.FlakyBackend.failures_left = 2
    settings.EMAIL_BACKEND = "tests.coexist.failing_backend.FlakyBackend"
    assert email_send.apply(args=[queued.pk]).get() == "sent"
    queued.refresh_from_db()
    assert queued.status == Email.Status.SENT
    assert queued.attempts == 3


def test_the_sweep_sends_what_the_broker_did_not_take(queued, mailoutbox, settings):
    # The broker was down: the email stayed READY. The periodic sweep catches up.
    Email.objects.filter(pk=queued.pk).update(created_at=queued.created_at.replace(year=2020))
    settings.CELERY_TASK_ALWAYS_EAGER = True  # let the sweep's .delay() run here
    from coexist.celery import app

    app.conf.task_always_eager = True
    try:
        assert email_send_pending.apply().get() == 1
    finally:
        app.conf.task_always_eager = False
    queued.refresh_from_db()
    assert queued.status == Email.Status.SENT
    assert len(mailoutbox) == 1


def test_a_request_does_not_fail_when_the_broker_is_down(
    db, client, settings, django_capture_on_commit_callbacks, caplog
):
    from coexist.celery import app
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    previous = app.conf.broker_url
    _switch_broker(app, "redis://127.0.0.1:1/0")  # nothing listens there
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/accounts/password/reset/", {"email": user.email})
    finally:
        _switch_broker(app, previous)
    assert response.status_code == 302
    email = Email.objects.get()
    assert email.status == Email.Status.READY  # kept for the sweep
    assert mail.outbox == []
    assert "broker unavailable" in caplog.text


def _switch_broker(app, url):
    """Point the Celery app at another broker, dropping its cached connections."""
    app.conf.broker_url = url
    app.pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
