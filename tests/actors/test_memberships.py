"""Who belongs to an organisation, and how that changes.

A signed-in member asks to join a published organisation; its administrators are
emailed a link to the members page, where they (or a facilitator) accept or
decline the request, make someone administrator or member, or remove them.
Accepted members are emailed. A member can leave. An organisation always keeps
at least one administrator: the last one cannot be demoted, removed or leave.
"""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse

from actors.models import Membership, Organisation
from coexist.models import Email
from coexist.tasks import email_send
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Pages are read in English here, so that assertions read like the page."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?next={next_url}"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def join_url(organisation) -> str:
    return reverse("actors:join", args=[organisation.slug])


def members_url(organisation) -> str:
    return reverse("actors:members", args=[organisation.slug])


def action_url(membership, action: str) -> str:
    return reverse(
        "actors:membership_action", args=[membership.organisation.slug, membership.pk, action]
    )


def membership_of(user, organisation) -> Membership:
    return Membership.objects.get(user=user, organisation=organisation)


@pytest.fixture
def request_to_join(organisation, admin_user):
    """A person waiting for an answer from the organisation's administrators."""
    return MembershipFactory(
        organisation=organisation,
        status=Membership.Status.REQUESTED,
        user=UserFactory(full_name="Awa Diallo", preferred_language="en"),
        message="Je suis hydrogéologue.",
    )


@pytest.fixture
def queued_emails(monkeypatch):
    """Ids of the stored emails handed to the broker (the sending task is queued, not run)."""
    queued = []
    monkeypatch.setattr(email_send, "apply_async", lambda args, **options: queued.append(args[0]))
    return queued


# Asking to join ---------------------------------------------------------------


def test_a_visitor_is_sent_to_the_login_page_to_ask_to_join(client, organisation):
    url = join_url(organisation)

    assert client.get(url).url == login_url(url)
    assert client.post(url).url == login_url(url)
    assert not Membership.objects.exists()


def test_the_page_of_a_published_organisation_offers_to_join(client, organisation, outsider):
    client.force_login(outsider)

    page = client.get(organisation.get_absolute_url()).content.decode()

    assert f'href="{join_url(organisation)}"' in page


def test_a_member_of_another_organisation_asks_to_join(
    client,
    organisation,
    admin_user,
    member_user,
    outsider,
    queued_emails,
    django_capture_on_commit_callbacks,
):
    second_admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    client.force_login(outsider)
    assert client.get(join_url(organisation)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_url(organisation), {"message": "Nous aimerions coopérer."})
        assert queued_emails == []  # nothing is queued before the commit

    assert response.url == organisation.get_absolute_url()
    assert messages_of(response) == [
        "Your request was sent to the administrators of Eau Vive Solidarité."
    ]
    membership = membership_of(outsider, organisation)
    assert membership.status == Membership.Status.REQUESTED
    assert membership.role == Membership.Role.MEMBER
    assert membership.message == "Nous aimerions coopérer."
    # Every active administrator is emailed (members are not), with the members page.
    email = Email.objects.get(kind="join_requested")
    assert email.to == sorted([admin_user.email, second_admin.email])
    assert member_user.email not in email.to
    assert "Eau Vive Solidarité" in email.subject
    assert f"{settings.SITE_URL}{members_url(organisation)}" in email.body_text
    assert f'href="{settings.SITE_URL}{members_url(organisation)}"' in email.body_html
    assert outsider.email in email.body_text
    assert "Nous aimerions coopérer." in email.body_text
    assert queued_emails == [email.pk]


def test_the_join_request_email_is_sent_by_the_task(
    client, organisation, admin_user, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(join_url(organisation), {"message": ""})  # as the form sends it
    email = Email.objects.get(kind="join_requested")

    assert email_send.apply(args=[email.pk]).get() == "sent"

    (message,) = mailoutbox
    assert message.to == [admin_user.email]
    assert message.subject == email.subject
    assert f"{settings.SITE_URL}{members_url(organisation)}" in message.body


def test_asking_twice_does_not_duplicate_the_request_or_the_email(
    client, organisation, admin_user, outsider
):
    client.force_login(outsider)

    client.post(join_url(organisation), {"message": "Premier message"})
    client.post(join_url(organisation), {"message": "Second message"})

    assert Membership.objects.filter(user=outsider, organisation=organisation).count() == 1
    assert membership_of(outsider, organisation).message == "Premier message"
    assert Email.objects.filter(kind="join_requested").count() == 1


def test_the_page_says_a_request_is_waiting(client, organisation, request_to_join):
    client.force_login(request_to_join.user)

    page = client.get(organisation.get_absolute_url()).content.decode()

    assert "Your request to join is waiting for an administrator" in page
    assert f'href="{join_url(organisation)}"' not in page


def test_a_member_asking_to_join_is_told_they_already_are(client, organisation, member_user):
    client.force_login(member_user)

    response = client.post(join_url(organisation), {"message": ""})

    assert messages_of(response) == ["You are already a member of Eau Vive Solidarité."]
    assert membership_of(member_user, organisation).status == Membership.Status.ACTIVE
    assert not Email.objects.exists()


def test_someone_declined_can_ask_again(client, organisation, admin_user, request_to_join):
    request_to_join.status = Membership.Status.DECLINED
    request_to_join.save()
    client.force_login(request_to_join.user)

    client.post(join_url(organisation), {"message": "Je réessaie."})

    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.REQUESTED
    assert request_to_join.message == "Je réessaie."
    assert Email.objects.get(kind="join_requested").to == [admin_user.email]


@pytest.mark.parametrize("status", ["draft", "pending", "archived"])
def test_one_cannot_ask_to_join_an_unpublished_organisation(client, organisation, outsider, status):
    Organisation.objects.filter(pk=organisation.pk).update(status=status)
    client.force_login(outsider)

    assert client.get(join_url(organisation)).status_code == 404
    assert client.post(join_url(organisation)).status_code == 404
    assert not Membership.objects.filter(user=outsider, organisation=organisation).exists()


def test_the_join_page_does_not_accept_other_methods(client, organisation, outsider):
    client.force_login(outsider)

    assert client.put(join_url(organisation)).status_code == 405


def test_a_too_long_message_is_refused(client, organisation, outsider):
    client.force_login(outsider)

    response = client.post(join_url(organisation), {"message": "x" * 1001})

    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    assert not Membership.objects.filter(user=outsider, organisation=organisation).exists()


# The members page -------------------------------------------------------------


@pytest.mark.parametrize("persona", ["admin_user", "facilitator"])
def test_administrators_and_facilitators_see_members_and_requests(
    request, client, organisation, member_user, request_to_join, persona
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(members_url(organisation))

    page = response.content.decode()
    assert response.status_code == 200
    assert member_user.email in page
    assert "Awa Diallo" in page and "Je suis hydrogéologue." in page
    assert f'action="{action_url(request_to_join, "accept")}"' in page
    assert f'action="{action_url(request_to_join, "decline")}"' in page


@pytest.mark.parametrize("persona", ["member_user", "outsider"])
def test_members_and_outsiders_cannot_see_the_members_page(request, client, organisation, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(members_url(organisation)).status_code == 404


def test_a_visitor_is_sent_to_the_login_page_for_the_members_page(client, organisation):
    url = members_url(organisation)

    assert client.get(url).url == login_url(url)


def test_the_organisation_page_counts_open_requests_for_its_administrators(
    client, organisation, admin_user, request_to_join
):
    client.force_login(admin_user)

    page = client.get(organisation.get_absolute_url()).content.decode()

    assert "1 request" in page
    assert f'href="{members_url(organisation)}"' in page


# Deciding on members ----------------------------------------------------------


def test_an_administrator_accepts_a_request_and_the_member_is_emailed(
    client,
    organisation,
    admin_user,
    request_to_join,
    queued_emails,
    django_capture_on_commit_callbacks,
):
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action_url(request_to_join, "accept"))

    assert response.url == members_url(organisation)
    assert messages_of(response) == ["Awa Diallo is now a member."]
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.ACTIVE
    assert request_to_join.role == Membership.Role.MEMBER
    assert request_to_join.decided_at is not None
    email = Email.objects.get(kind="membership_accepted")
    assert email.to == [request_to_join.user.email]
    assert email.subject == "[CoExist] Welcome to Eau Vive Solidarité"
    organisation_url = f"{settings.SITE_URL}{organisation.get_absolute_url()}"
    assert organisation_url in email.body_text
    assert f'href="{organisation_url}"' in email.body_html
    assert queued_emails == [email.pk]


def test_accepting_twice_sends_one_email(client, organisation, admin_user, request_to_join):
    client.force_login(admin_user)

    client.post(action_url(request_to_join, "accept"))
    client.post(action_url(request_to_join, "accept"))

    assert Email.objects.filter(kind="membership_accepted").count() == 1


def test_a_facilitator_accepts_a_request(client, organisation, facilitator, request_to_join):
    client.force_login(facilitator)

    client.post(action_url(request_to_join, "accept"))

    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.ACTIVE


def test_an_administrator_declines_a_request_without_emailing(
    client, organisation, admin_user, request_to_join
):
    client.force_login(admin_user)

    response = client.post(action_url(request_to_join, "decline"))

    assert messages_of(response) == ["The request was declined."]
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.DECLINED
    assert request_to_join.decided_at is not None
    assert not Email.objects.exists()
    assert "Awa Diallo" not in client.get(members_url(organisation)).content.decode()


def test_an_administrator_promotes_a_member_then_demotes_them(
    client, organisation, admin_user, member_user
):
    membership = membership_of(member_user, organisation)
    client.force_login(admin_user)

    client.post(action_url(membership, "promote"))
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN
    # The new administrator can now edit the profile.
    client.force_login(member_user)
    assert client.get(reverse("actors:edit", args=[organisation.slug])).status_code == 200

    client.force_login(admin_user)
    response = client.post(action_url(membership, "demote"))

    assert messages_of(response) == ["The role was changed."]
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER


def test_an_administrator_removes_a_member(client, organisation, admin_user, member_user):
    membership = membership_of(member_user, organisation)
    client.force_login(admin_user)

    client.post(action_url(membership, "remove"))

    membership.refresh_from_db()
    assert membership.status == Membership.Status.LEFT
    client.force_login(member_user)
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "You are a member of this organisation" not in page


def test_a_request_cannot_be_promoted(client, organisation, admin_user, request_to_join):
    client.force_login(admin_user)

    response = client.post(action_url(request_to_join, "promote"), follow=True)

    assert "Only active members can change role." in response.content.decode()
    request_to_join.refresh_from_db()
    assert (request_to_join.status, request_to_join.role) == ("requested", "member")


@pytest.mark.parametrize("action", ["accept", "decline", "promote", "demote", "remove"])
@pytest.mark.parametrize("persona", ["member_user", "outsider"])
def test_members_and_outsiders_cannot_decide(
    request, client, organisation, request_to_join, member_user, persona, action
):
    client.force_login(request.getfixturevalue(persona))
    before = list(Membership.objects.order_by("pk").values())

    target = request_to_join if action in ("accept", "decline") else None
    target = target or membership_of(member_user, organisation)
    response = client.post(action_url(target, action))

    assert response.status_code == 404
    assert list(Membership.objects.order_by("pk").values()) == before
    assert not Email.objects.exists()


def test_a_visitor_is_sent_to_the_login_page_to_decide(client, organisation, request_to_join):
    url = action_url(request_to_join, "accept")

    assert client.post(url).url == login_url(url)
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.REQUESTED


def test_deciding_is_a_post(client, organisation, admin_user, request_to_join):
    client.force_login(admin_user)

    assert client.get(action_url(request_to_join, "accept")).status_code == 405
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.REQUESTED


def test_an_unknown_action_is_not_found(client, organisation, admin_user, request_to_join):
    client.force_login(admin_user)

    assert client.post(action_url(request_to_join, "delete")).status_code == 404
    request_to_join.refresh_from_db()
    assert request_to_join.status == Membership.Status.REQUESTED


def test_a_membership_of_another_organisation_is_not_found(
    client, organisation, other_organisation, admin_user, outsider
):
    theirs = membership_of(outsider, other_organisation)
    client.force_login(admin_user)
    url = reverse("actors:membership_action", args=[organisation.slug, theirs.pk, "remove"])

    assert client.post(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Membership.Status.ACTIVE


# The last administrator -------------------------------------------------------


@pytest.mark.parametrize("action", ["demote", "remove"])
def test_the_last_administrator_cannot_be_demoted_or_removed(
    client, organisation, admin_user, member_user, facilitator, action
):
    last_admin = membership_of(admin_user, organisation)
    client.force_login(facilitator)

    response = client.post(action_url(last_admin, action), follow=True)

    assert response.redirect_chain == [(members_url(organisation), 302)]
    assert "An organisation must keep at least one administrator" in response.content.decode()
    last_admin.refresh_from_db()
    assert (last_admin.role, last_admin.status) == ("admin", "active")


def test_the_last_administrator_cannot_demote_themself(client, organisation, admin_user):
    last_admin = membership_of(admin_user, organisation)
    client.force_login(admin_user)

    response = client.post(action_url(last_admin, "demote"), follow=True)

    assert "An organisation must keep at least one administrator" in response.content.decode()
    last_admin.refresh_from_db()
    assert last_admin.role == Membership.Role.ADMIN


def test_the_last_administrator_cannot_leave_without_saying_what_becomes_of_it(
    client, organisation, admin_user
):
    client.force_login(admin_user)

    response = client.post(reverse("actors:leave", args=[organisation.slug]))

    assert response.status_code == 200
    assert 'name="way_out"' in response.content.decode()
    assert 'class="errorlist' in response.content.decode()
    membership = membership_of(admin_user, organisation)
    assert (membership.role, membership.status) == ("admin", "active")


def test_with_two_administrators_one_can_step_down(client, organisation, admin_user, member_user):
    client.force_login(admin_user)
    client.post(action_url(membership_of(member_user, organisation), "promote"))

    client.post(action_url(membership_of(admin_user, organisation), "demote"))

    assert membership_of(admin_user, organisation).role == Membership.Role.MEMBER
    assert membership_of(member_user, organisation).role == Membership.Role.ADMIN


# Leaving ----------------------------------------------------------------------


def test_a_member_leaves(client, organisation, member_user):
    client.force_login(member_user)

    response = client.post(reverse("actors:leave", args=[organisation.slug]))

    assert response.url == reverse("accounts:profile")
    assert messages_of(response) == ["You left Eau Vive Solidarité."]
    assert membership_of(member_user, organisation).status == Membership.Status.LEFT


def test_leaving_asks_first(client, organisation, member_user):
    client.force_login(member_user)

    response = client.get(reverse("actors:leave", args=[organisation.slug]))

    assert response.status_code == 200
    assert 'name="way_out"' not in response.content.decode()  # not its last admin
    assert membership_of(member_user, organisation).status == Membership.Status.ACTIVE


def test_one_cannot_leave_an_organisation_one_is_not_in(client, organisation, outsider):
    client.force_login(outsider)

    assert client.post(reverse("actors:leave", args=[organisation.slug])).status_code == 404


def test_an_empty_join_request_is_still_a_request(client_for, outsider, organisation):
    """A POST with no field at all (the message is optional) still sends the request."""
    client = client_for(outsider)
    response = client.post(reverse("actors:join", args=[organisation.slug]))
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=outsider, organisation=organisation, status=Membership.Status.REQUESTED
    ).exists()


def test_only_a_published_organisation_accepts_requests_to_join(outsider, organisation):
    from django.core.exceptions import ValidationError

    from actors import services

    organisation.status = Organisation.Status.PENDING
    organisation.save(update_fields=["status"])
    with pytest.raises(ValidationError):
        services.membership_request(organisation=organisation, user=outsider)
    assert not Membership.objects.filter(user=outsider, organisation=organisation).exists()


def test_a_request_to_an_organisation_without_admin_goes_to_the_facilitators(
    client_for, facilitator
):
    from coexist.models import Email
    from tests.factories import OrganisationFactory, UserFactory

    orphan = OrganisationFactory(slug="sans-admin", name="Sans Admin")
    client = client_for(UserFactory())
    response = client.post(
        reverse("actors:join", args=[orphan.slug]), {"message": "Bonjour"}, follow=True
    )

    notice = Email.objects.get(kind="join_requested")
    assert notice.to == [facilitator.email]
    assert "your request was sent to the CSI team" in response.content.decode()
