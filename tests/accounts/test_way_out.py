"""Issue 8, item 2: the last administrator of an organisation has a way out.

Leaving it or deleting their account, they choose on the same page, before confirming,
what becomes of it: handed to the CSI team (the facilitators answer for it, it stays
listed) or archived (out of the directory at once). The facilitators are emailed, and
the email survives the deletion of the account (it names nobody). A contact page gives
the CSI's address and email from the settings, linked from the footer and every
"contact the CSI team".
"""

from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts import services as account_services
from accounts.hooks import WayOut
from actors import services
from actors.models import Membership, Organisation
from coexist.models import Email
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def handed_over_emails():
    return Email.objects.filter(kind="handed_over")


def test_the_leave_page_shows_the_consequences_to_the_last_admin(
    client_for, admin_user, organisation
):
    page = client_for(admin_user).get(reverse("actors:leave", args=[organisation.slug]))
    html = unescape(page.content.decode())
    assert "Vous êtes le dernier administrateur de cette organisation" in html
    assert 'value="hand_over"' in html and 'value="archive"' in html
    assert "elle reste dans l'annuaire telle quelle" in html
    assert "elle quitte l'annuaire tout de suite" in html
    assert reverse("contact") in html


def test_the_last_admin_hands_the_organisation_to_the_facilitators_and_leaves(
    client_for, admin_user, organisation, facilitator
):
    response = client_for(admin_user).post(
        reverse("actors:leave", args=[organisation.slug]), {"way_out": "hand_over"}
    )

    assert response.status_code == 302
    assert Membership.objects.get(user=admin_user).status == Membership.Status.LEFT
    organisation.refresh_from_db()
    assert organisation.in_csi_care_since is not None
    assert organisation.is_published  # it stays in the directory
    email = handed_over_emails().get()
    assert email.to == [facilitator.email]
    assert organisation.name in email.body_text
    assert "les a confiées à l'équipe de la CSI" in email.body_text


def test_the_last_admin_asks_for_archiving_and_the_organisation_leaves_the_directory(
    client, client_for, admin_user, organisation, facilitator
):
    client_for(admin_user).post(
        reverse("actors:leave", args=[organisation.slug]), {"way_out": "archive"}
    )

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ARCHIVED
    assert organisation.in_csi_care_since is not None
    assert "demandé leur archivage" in handed_over_emails().get().body_text
    client.logout()
    assert organisation.name not in client.get(reverse("actors:directory")).content.decode()


def test_the_delete_page_asks_what_becomes_of_the_organisation_before_the_email(
    client_for, admin_user, organisation
):
    html = client_for(admin_user).get(reverse("accounts:delete")).content.decode()
    assert organisation.name in html
    assert html.index('name="way_out"') < html.index('name="confirm"')


def test_the_last_admin_deletes_their_account_handing_the_organisation_over(
    client_for, admin_user, organisation, facilitator
):
    response = client_for(admin_user).post(
        reverse("accounts:delete"), {"way_out": "hand_over", "confirm": admin_user.email}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=admin_user.pk).exists()
    organisation.refresh_from_db()
    assert organisation.in_csi_care_since is not None and organisation.is_published
    # The account's purge keeps the facilitators' email: it names nobody.
    email = handed_over_emails().get()
    assert admin_user.email not in email.body_text


def test_deleting_the_account_without_a_way_out_is_still_refused(
    client_for, admin_user, organisation
):
    response = client_for(admin_user).post(
        reverse("accounts:delete"), {"confirm": admin_user.email}
    )
    assert response.status_code == 200
    assert "Choisissez ce que devient l'organisation." in unescape(response.content.decode())
    assert User.objects.filter(pk=admin_user.pk).exists()


def test_a_member_who_is_not_the_last_admin_is_not_asked(client_for, member_user):
    html = client_for(member_user).get(reverse("accounts:delete")).content.decode()
    assert 'name="way_out"' not in html


# The services, directly -------------------------------------------------------------------


def test_user_delete_refuses_without_a_way_out_and_takes_it_with_one(admin_user, organisation):
    with pytest.raises(account_services.LastAdminError):
        account_services.user_delete(user=admin_user)
    account_services.user_delete(user=admin_user, way_out=WayOut.ARCHIVE)
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ARCHIVED


def test_only_an_admin_of_the_organisation_hands_it_over(organisation, outsider, member_user):
    for user in (outsider, member_user):
        with pytest.raises(PermissionDenied):
            services.organisations_hand_over(
                organisations=[organisation], by=user, choice=WayOut.ARCHIVE
            )
    organisation.refresh_from_db()
    assert organisation.in_csi_care_since is None and organisation.is_published


def test_a_way_out_does_not_let_an_admin_remove_the_last_admin(organisation, admin_user):
    second = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
    services.membership_set_role(membership=second, by=admin_user, role=Membership.Role.MEMBER)
    last = Membership.objects.get(user=admin_user)
    from django.core.exceptions import ValidationError

    with pytest.raises((ValidationError, PermissionDenied)):
        services.membership_end(membership=last, by=second.user, way_out=WayOut.HAND_OVER)
    assert Membership.objects.get(pk=last.pk).status == Membership.Status.ACTIVE


def test_a_way_out_is_not_taken_when_another_admin_remains(organisation, admin_user):
    MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
    services.membership_end(
        membership=Membership.objects.get(user=admin_user), by=admin_user, way_out="archive"
    )
    organisation.refresh_from_db()
    assert organisation.is_published and organisation.in_csi_care_since is None


def test_appointing_an_admin_ends_the_csi_care(organisation, admin_user, facilitator):
    member = MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER)
    services.membership_end(
        membership=Membership.objects.get(user=admin_user), by=admin_user, way_out="hand_over"
    )
    services.membership_set_role(membership=member, by=facilitator, role=Membership.Role.ADMIN)
    organisation.refresh_from_db()
    assert organisation.in_csi_care_since is None


# The contact page -----------------------------------------------------------------------------


def test_the_contact_page_gives_the_csi_address_and_email_from_settings(client, settings):
    settings.CSI_CONTACT_EMAIL = "csi@example.org"
    settings.CSI_CONTACT_ADDRESS = "Cité de la Solidarité Internationale, 1 rue X, 74100 Annemasse"
    html = client.get(reverse("contact")).content.decode()
    assert 'href="mailto:csi@example.org"' in html
    assert "1 rue X<br>74100 Annemasse" in html


@pytest.mark.parametrize("name", ["home", "privacy", "accessibility", "legal_notice"])
def test_the_footer_and_every_contact_us_link_to_the_contact_page(client, name):
    html = client.get(reverse(name)).content.decode()
    footer = html[html.index("<footer") :]
    assert f'href="{reverse("contact")}"' in footer
    if name != "home":  # the page's own "write to / contact the CSI team"
        assert html[: html.index("<footer")].count(f'href="{reverse("contact")}"') == 1


def test_the_403_page_links_to_the_contact_page(client_for):
    response = client_for(UserFactory()).get(reverse("admin:login"))  # signed in, not staff
    assert response.status_code == 403
    main = response.content.decode().split("<footer")[0]
    assert f'href="{reverse("contact")}"' in main
