"""The foundation's journey, end to end, through the URLs a person clicks:
sign up, confirm the email, create an organisation, a facilitator publishes it,
its admin is emailed, and it appears in the directory with its filters."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from actors.models import Organisation
from coexist.models import Email
from coexist.tasks import email_send
from tests.actors.test_organisation_pages import profile
from tests.factories import make_facilitator


def deliver_all():
    for email in Email.objects.filter(status=Email.Status.READY):
        email_send.apply(args=[email.pk])


@pytest.mark.django_db
def test_from_sign_up_to_the_directory(mailoutbox, django_capture_on_commit_callbacks):
    facilitator = make_facilitator(email="facilitatrice@csi.example")
    amina = Client()

    # 1. Sign up; the confirmation email arrives; its link confirms the address.
    amina.post(
        reverse("account_signup"),
        {
            "email": "amina@terre-commune.example",
            "password1": "Un-long-secret-2026",
            "password2": "Un-long-secret-2026",
        },
    )
    deliver_all()
    (confirmation,) = mailoutbox
    link = re.search(r"/accounts/confirm-email/\S+/", confirmation.body).group(0)
    amina.post(link)
    assert amina.get(reverse("accounts:profile")).status_code == 200

    # 2. Create the organisation: it waits for review; the facilitator is told.
    response = amina.post(reverse("actors:create"), profile())
    organisation = Organisation.objects.get(name="Terre Commune")
    assert response.status_code == 302
    assert organisation.status == Organisation.Status.PENDING
    assert "Terre Commune" not in Client().get(reverse("actors:directory")).content.decode()
    deliver_all()
    assert mailoutbox[-1].to == [facilitator.email]

    # 3. The facilitator publishes it from the review queue.
    curator = Client()
    curator.force_login(facilitator)
    queue = curator.get(reverse("admin:actors_pendingorganisation_changelist"))
    assert "Terre Commune" in queue.content.decode()
    curator.post(
        reverse("admin:actors_pendingorganisation_changelist"),
        {"action": "publish", "_selected_action": [organisation.pk]},
    )
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED

    # 4. Its admin is emailed with the public link.
    deliver_all()
    published = mailoutbox[-1]
    assert published.to == ["amina@terre-commune.example"]
    assert f"/annuaire/{organisation.slug}/" in published.body

    # 5. Anyone finds it in the directory, with its filters.
    visitor = Client()
    for query in (
        {},
        {"needs": "fundraising"},
        {"country": "BF"},
        {"kind": "ngo"},
        {"q": "agroecologie"},
    ):
        html = visitor.get(reverse("actors:directory"), query).content.decode()
        assert "Terre Commune" in html, query
    html = visitor.get(reverse("actors:directory"), {"kind": "company"}).content.decode()
    assert "Terre Commune" not in html
