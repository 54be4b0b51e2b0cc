"""The facilitators' review of organisations, in the admin.

A new organisation waits in the review queue. A facilitator publishes it (its
administrators are emailed the public address and it appears in the directory),
declines it with a reason (emailed too; it goes back to draft), marks it as
verified, or archives it. Staff without the facilitators' permissions cannot,
and the services refuse anyone who is not a facilitator.
"""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from actors import services
from actors.models import Organisation
from coexist.models import Email
from coexist.tasks import email_send
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:actors_organisation_changelist")
REVIEW_QUEUE = reverse("admin:actors_pendingorganisation_changelist")


@pytest.fixture(autouse=True)
def _english(client):
    """Pages are read in English here, so that assertions read like the page."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def pending(organisation, admin_user):
    """The organisation, waiting for review, with its administrator."""
    Organisation.objects.filter(pk=organisation.pk).update(status=Organisation.Status.PENDING)
    organisation.refresh_from_db()
    return organisation


@pytest.fixture
def staff_without_permissions(db):
    return UserFactory(is_staff=True)


def run_action(client, action: str, *organisations, url=CHANGELIST, **extra):
    return client.post(
        url, {"action": action, "_selected_action": [o.pk for o in organisations], **extra}
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def directory_names(client) -> str:
    return client.get(reverse("actors:directory")).content.decode()


@pytest.fixture
def queued_emails(monkeypatch):
    """Ids of the stored emails handed to the broker (the sending task is queued, not run)."""
    queued = []
    monkeypatch.setattr(email_send, "apply_async", lambda args, **options: queued.append(args[0]))
    return queued


# The review queue -------------------------------------------------------------


def test_the_review_queue_lists_only_pending_organisations(client, facilitator, pending):
    OrganisationFactory(name="Deja Publiee")
    OrganisationFactory(name="Brouillon", status=Organisation.Status.DRAFT)
    OrganisationFactory(name="Archivee", status=Organisation.Status.ARCHIVED)
    OrganisationFactory(name="Autre En Attente", status=Organisation.Status.PENDING)
    client.force_login(facilitator)

    response = client.get(REVIEW_QUEUE)

    assert response.status_code == 200
    listed = {o.name for o in response.context["cl"].result_list}
    assert listed == {"Eau Vive Solidarité", "Autre En Attente"}
    assert "Deja Publiee" not in response.content.decode()


def test_staff_without_permissions_cannot_see_the_review_queue(
    client, staff_without_permissions, pending
):
    client.force_login(staff_without_permissions)

    assert client.get(REVIEW_QUEUE).status_code == 403
    assert client.get(CHANGELIST).status_code == 403


def test_a_member_is_sent_to_the_admin_login(client, admin_user, pending):
    client.force_login(admin_user)

    response = client.get(REVIEW_QUEUE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# Publishing -------------------------------------------------------------------


def test_a_facilitator_publishes_an_organisation(
    client,
    facilitator,
    pending,
    admin_user,
    member_user,
    queued_emails,
    django_capture_on_commit_callbacks,
):
    client.force_login(facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "publish", pending)
        assert queued_emails == []  # nothing is queued before the commit

    assert response.status_code == 302
    assert messages_of(response) == ["1 organisation published."]
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PUBLISHED
    assert pending.published_at is not None
    assert pending.decline_reason == ""
    # Its administrators (not its plain members) are emailed, through the outbox.
    email = Email.objects.get(kind="published")
    assert email.to == [admin_user.email]
    assert member_user.email not in email.to
    assert "Eau Vive Solidarité" in email.subject
    public_url = f"{settings.SITE_URL}{pending.get_absolute_url()}"
    assert public_url == f"{settings.SITE_URL}/annuaire/eau-vive/"
    assert public_url in email.body_text
    assert f'href="{public_url}"' in email.body_html
    assert queued_emails == [email.pk]


def test_the_publication_email_is_sent_by_the_task(
    client, facilitator, pending, admin_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=False):
        run_action(client, "publish", pending)
    email = Email.objects.get(kind="published")
    assert mailoutbox == []  # nothing is sent during the request

    assert email_send.apply(args=[email.pk]).get() == "sent"

    (message,) = mailoutbox
    assert message.to == [admin_user.email]
    assert message.subject == email.subject
    assert "Eau Vive Solidarité" in message.subject
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    public_url = f"{settings.SITE_URL}/annuaire/eau-vive/"
    assert public_url in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{public_url}"' in html
    email.refresh_from_db()
    assert email.status == Email.Status.SENT


def test_a_published_organisation_appears_in_the_directory(client, facilitator, pending):
    assert "Eau Vive Solidarité" not in directory_names(client)  # cached while pending
    client.force_login(facilitator)

    run_action(client, "publish", pending)
    client.logout()

    assert "Eau Vive Solidarité" in directory_names(client)
    assert client.get(pending.get_absolute_url()).status_code == 200


def test_a_facilitator_publishes_from_the_review_queue(client, facilitator, pending):
    client.force_login(facilitator)

    response = run_action(client, "publish", pending, url=REVIEW_QUEUE)

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PUBLISHED
    assert pending not in client.get(REVIEW_QUEUE).context["cl"].result_list


def test_publishing_an_already_published_organisation_sends_no_second_email(
    client, facilitator, pending
):
    client.force_login(facilitator)

    run_action(client, "publish", pending)
    run_action(client, "publish", pending)

    assert Email.objects.filter(kind="published").count() == 1


def test_several_organisations_are_published_at_once(client, facilitator, pending):
    other = OrganisationFactory(name="Autre En Attente", status=Organisation.Status.PENDING)
    client.force_login(facilitator)

    response = run_action(client, "publish", pending, other)

    assert messages_of(response) == ["2 organisations published."]
    assert Organisation.objects.published().filter(pk__in=[pending.pk, other.pk]).count() == 2


# Declining --------------------------------------------------------------------


def test_declining_first_asks_for_a_reason(client, facilitator, pending):
    client.force_login(facilitator)

    response = run_action(client, "decline", pending)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="reason"' in html
    assert 'name="apply" value="1"' in html
    assert f'name="_selected_action" value="{pending.pk}"' in html
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING
    assert not Email.objects.exists()


def test_a_facilitator_declines_with_a_reason_that_is_emailed(
    client, facilitator, pending, admin_user
):
    client.force_login(facilitator)

    response = run_action(
        client, "decline", pending, apply="1", reason="Merci de décrire vos projets."
    )

    assert response.status_code == 302
    assert messages_of(response) == ["1 organisation declined."]
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.DRAFT
    assert pending.decline_reason == "Merci de décrire vos projets."
    email = Email.objects.get(kind="declined")
    assert email.to == [admin_user.email]
    assert "Eau Vive Solidarité" in email.subject
    assert "Merci de décrire vos projets." in email.body_text
    edit_url = f"{settings.SITE_URL}{reverse('actors:edit', args=[pending.slug])}"
    assert edit_url in email.body_text
    # The administrators see the reason on the organisation's page.
    client.force_login(admin_user)
    assert "Merci de décrire vos projets." in client.get(pending.get_absolute_url()).text


def test_declining_without_a_reason_is_refused(client, facilitator, pending):
    client.force_login(facilitator)

    response = run_action(client, "decline", pending, apply="1", reason="   ")

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING
    assert not Email.objects.exists()


# Verifying and archiving ------------------------------------------------------


def test_a_facilitator_marks_an_organisation_as_verified_then_unverified(
    client, facilitator, organisation
):
    client.force_login(facilitator)

    response = run_action(client, "verify", organisation)

    assert messages_of(response) == ["1 organisation verified."]
    organisation.refresh_from_db()
    assert organisation.verified
    client.logout()
    assert "Verified" in client.get(reverse("actors:directory"), {"verified": "on"}).text

    client.force_login(facilitator)
    run_action(client, "unverify", organisation)
    organisation.refresh_from_db()
    assert not organisation.verified


def test_a_facilitator_archives_an_organisation_which_leaves_the_directory(
    client, facilitator, organisation
):
    assert "Eau Vive Solidarité" in directory_names(client)
    client.force_login(facilitator)

    response = run_action(client, "archive", organisation)

    assert messages_of(response) == ["1 organisation archived."]
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ARCHIVED
    client.logout()
    assert "Eau Vive Solidarité" not in directory_names(client)
    assert client.get(organisation.get_absolute_url()).status_code == 404


# Who may review ---------------------------------------------------------------


def test_facilitators_hold_the_curation_permissions_from_the_first_migrate(facilitator):
    # The test database is freshly migrated: the Facilitators group was synced then.
    assert facilitator.has_perms(["actors.view_organisation", "actors.change_organisation"])
    assert facilitator.has_perm("actors.change_membership")
    assert not facilitator.has_perm("actors.delete_organisation")


@pytest.mark.parametrize("action", ["publish", "decline", "verify", "archive"])
def test_staff_without_permissions_cannot_review(
    client, staff_without_permissions, pending, action
):
    client.force_login(staff_without_permissions)

    response = run_action(client, action, pending, apply="1", reason="Non.")

    assert response.status_code == 403
    pending.refresh_from_db()
    assert (pending.status, pending.verified) == (Organisation.Status.PENDING, False)
    assert not Email.objects.exists()


@pytest.mark.parametrize("action", ["publish", "decline", "verify", "archive"])
def test_an_administrator_of_the_organisation_cannot_review_it_in_the_admin(
    client, admin_user, pending, action
):
    client.force_login(admin_user)

    response = run_action(client, action, pending, apply="1", reason="Non.")

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


@pytest.mark.parametrize(
    ("service", "kwargs"),
    [
        (services.organisation_publish, {}),
        (services.organisation_decline, {"reason": "Non."}),
        (services.organisation_set_verified, {"verified": True}),
        (services.organisation_archive, {}),
    ],
    ids=["publish", "decline", "verify", "archive"],
)
@pytest.mark.parametrize("persona", ["admin_user", "staff_without_permissions", "outsider"])
def test_the_review_services_refuse_anyone_but_a_facilitator(
    request, pending, service, kwargs, persona
):
    user = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        service(organisation=pending, by=user, **kwargs)

    pending.refresh_from_db()
    assert (pending.status, pending.verified) == (Organisation.Status.PENDING, False)
    assert not Email.objects.exists()


def test_staff_with_the_permission_but_not_a_facilitator_is_refused_by_the_services(
    client, pending
):
    """The admin permission opens the page; publishing still takes a facilitator."""
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="actors",
            codename__in=["view_organisation", "change_organisation"],
        )
    )
    client.force_login(editor)

    response = run_action(client, "publish", pending)

    assert response.status_code == 302
    (message,) = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert str(message) == "Eau Vive Solidarité: only facilitators can do this."
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


def test_a_need_edited_in_the_admin_refreshes_search_and_matching(
    client, facilitator, organisation
):
    from actors.models import OrganisationNeed
    from tests.factories import competence

    client.force_login(facilitator)
    response = client.post(
        reverse("admin:actors_organisationneed_add"),
        {
            "organisation": organisation.pk,
            "competence": competence("renewable-energy").pk,
            "description": "Pompes solaires pour nos puits",
        },
    )
    assert response.status_code == 302
    assert OrganisationNeed.objects.filter(organisation=organisation).exists()
    organisation.refresh_from_db()
    assert "pompes solaires" in organisation.search_text  # organisation_changed ran
