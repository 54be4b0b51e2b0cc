"""Facilitators change memberships in the admin only through the services' actions:
the rule that an organisation keeps an administrator holds there too."""

import pytest
from django.urls import reverse

from actors.models import Membership
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:actors_membership_changelist")


def act(client, action, *memberships):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [m.pk for m in memberships]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_a_facilitator_cannot_demote_the_last_admin(
    client_for, facilitator, organisation, admin_user
):
    client = client_for(facilitator)
    last = Membership.objects.get(user=admin_user)

    response = act(client, "demote", last)

    assert "must keep at least one administrator" in response.content.decode()
    assert Membership.objects.admins().filter(organisation=organisation).count() == 1


def test_a_facilitator_cannot_remove_the_last_admin(
    client_for, facilitator, organisation, admin_user
):
    act(client_for(facilitator), "remove", Membership.objects.get(user=admin_user))
    assert Membership.objects.admins().filter(organisation=organisation).count() == 1


def test_a_facilitator_promotes_then_demotes_through_the_services(
    client_for, facilitator, organisation, admin_user, member_user
):
    client = client_for(facilitator)
    membership = Membership.objects.get(user=member_user)
    act(client, "promote", membership)
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.ADMIN
    act(client, "demote", Membership.objects.get(user=admin_user))
    assert Membership.objects.get(user=admin_user).role == Membership.Role.MEMBER


def test_a_facilitator_accepts_a_request_and_the_member_is_emailed(
    client_for, facilitator, organisation
):
    from coexist.models import Email

    request = MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    act(client_for(facilitator), "accept", request)
    assert Membership.objects.get(pk=request.pk).status == Membership.Status.ACTIVE
    assert Email.objects.filter(kind="membership_accepted", to=[request.user.email]).exists()


def test_memberships_cannot_be_edited_added_or_deleted_directly(
    client_for, facilitator, organisation, admin_user
):
    client = client_for(facilitator)
    membership = Membership.objects.get(user=admin_user)
    change = reverse("admin:actors_membership_change", args=[membership.pk])
    client.post(change, {"role": "member", "status": "left"})
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.ADMIN
    assert client.get(reverse("admin:actors_membership_add")).status_code == 403
    delete = reverse("admin:actors_membership_delete", args=[membership.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_organisation_page_of_the_admin_shows_memberships_read_only(
    client_for, facilitator, organisation, admin_user
):
    client = client_for(facilitator)
    page = client.get(reverse("admin:actors_organisation_change", args=[organisation.pk]))
    formset = next(
        f for f in page.context["inline_admin_formsets"] if f.formset.model is Membership
    )
    assert not formset.has_change_permission and not formset.has_add_permission
