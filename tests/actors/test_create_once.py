"""Issue 8, item 4: creating an organisation is idempotent per form submission, and a name
very close to a published organisation's asks "is it one of these?" before creating."""

import uuid

import pytest
from django.conf import settings
from django.urls import reverse

from actors import services
from actors.models import Membership, Organisation
from coexist.models import Email
from tests.actors.test_organisation_pages import CREATE, profile
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def review_emails():
    return Email.objects.filter(kind="review_requested")


def test_the_form_carries_a_one_time_token(client_for, member_user):
    first = client_for(member_user).get(CREATE).context["form"]["submission"].value()
    second = client_for(member_user).get(CREATE).context["form"]["submission"].value()
    assert first and second and first != second


def test_back_then_submit_again_creates_one_organisation_and_one_email(
    client_for, member_user, facilitator
):
    client = client_for(member_user)
    token = str(uuid.uuid4())

    first = client.post(CREATE, profile(submission=token))
    again = client.post(CREATE, profile(submission=token))

    organisation = Organisation.objects.get(name="Terre Commune")
    assert organisation.slug == "terre-commune"  # no terre-commune-2
    assert first.url == again.url == organisation.get_absolute_url()
    assert review_emails().count() == 1
    assert Membership.objects.filter(organisation=organisation).count() == 1


def test_another_persons_token_creates_nothing(client_for, member_user, outsider):
    token = str(uuid.uuid4())
    client_for(member_user).post(CREATE, profile(submission=token))
    response = client_for(outsider).post(CREATE, profile(submission=token, name="Autre nom"))
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Autre nom").exists()


def test_the_service_refuses_a_replayed_submission(member_user, facilitator):
    from tests.actors.test_organisation_pages import kind

    token = uuid.uuid4()
    data = {"name": "Terre Commune", "kind": kind("ngo")}
    services.organisation_create(by=member_user, data=data, m2m={}, submission=token)
    with pytest.raises(services.AlreadySubmitted):
        services.organisation_create(by=member_user, data=dict(data), m2m={}, submission=token)
    assert Organisation.objects.filter(name="Terre Commune").count() == 1


def test_a_close_name_asks_is_it_one_of_these_before_creating(client_for, member_user):
    OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive-solidarite", status="published")
    client = client_for(member_user)

    response = client.post(
        CREATE, profile(name="Eau-Vive Solidarite", submission=str(uuid.uuid4()))
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="similar-heading"' in html
    assert 'href="/annuaire/eau-vive-solidarite/"' in html
    assert 'name="not_a_duplicate"' in html
    assert not Organisation.objects.filter(name="Eau-Vive Solidarite").exists()

    response = client.post(
        CREATE,
        profile(name="Eau-Vive Solidarite", not_a_duplicate="on", submission=str(uuid.uuid4())),
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Eau-Vive Solidarite").exists()


def test_a_different_name_is_not_asked_about(client_for, member_user):
    OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive-solidarite", status="published")
    response = client_for(member_user).post(CREATE, profile(name="Terre Commune"))
    assert response.status_code == 302


def test_names_of_unpublished_organisations_are_not_shown(client_for, member_user):
    OrganisationFactory(name="Projet Secret", slug="projet-secret", status="pending")
    response = client_for(member_user).post(CREATE, profile(name="Projet Secret"))
    assert response.status_code == 302
    assert reverse("actors:detail", args=["projet-secret"]) not in response.url


@pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="two writers at once need PostgreSQL (SQLite serialises)"
)
@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_twice_at_once_creates_one_organisation():
    import threading

    from django.db import connection

    from tests.actors.test_organisation_pages import kind
    from tests.factories import UserFactory

    user = UserFactory()
    token = uuid.uuid4()
    barrier = threading.Barrier(2)
    outcomes = []

    def send():
        try:
            barrier.wait(timeout=10)
            data = {"name": "Terre Commune", "kind": kind("ngo")}
            services.organisation_create(by=user, data=data, m2m={}, submission=token)
            outcomes.append("created")
        except services.AlreadySubmitted:
            outcomes.append("replay")
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["created", "replay"]
    assert Organisation.objects.filter(name="Terre Commune").count() == 1
    assert review_emails().count() <= 1
