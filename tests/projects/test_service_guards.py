"""Each guard of the projects' services, tested on the service itself (the admin, tasks,
commands and the demo call them directly): deleting one guard turns one of these red."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from actors.models import Membership
from projects import introductions, services
from projects.models import Introduction, Partnership, Project, ProjectNeed
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    competence,
    contribution,
    kind,
)
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


# Projects --------------------------------------------------------------------------------


def test_a_member_writes_a_draft(organisation, member_user):
    project = services.project_create(owner=organisation, by=member_user, data={"title": "Puits"})
    assert project.publication == Project.Publication.DRAFT
    assert project.slug == "puits"
    services.project_update(project=project, by=member_user, data={"summary": "Un puits"})
    assert Project.objects.get(pk=project.pk).summary == "Un puits"


@pytest.mark.parametrize("persona", ["outsider", "facilitator", "stranger"])
def test_only_members_of_the_owner_create_a_project(request, organisation, persona):
    by = UserFactory() if persona == "stranger" else request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.project_create(owner=organisation, by=by, data={"title": "Puits"})
    assert not Project.objects.exists()


def test_a_requested_membership_is_not_enough(organisation):
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    with pytest.raises(PermissionDenied):
        services.project_create(owner=organisation, by=pending.user, data={"title": "Puits"})


def test_a_creator_cannot_publish_or_curate_through_create(organisation, member_user):
    project = services.project_create(
        owner=organisation,
        by=member_user,
        data={"title": "Puits", "publication": "published", "curation": "featured"},
    )
    assert (project.publication, project.curation) == ("draft", "none")


@pytest.mark.parametrize("persona", ["member_user", "outsider", "facilitator"])
def test_only_the_owners_admins_publish(request, organisation, admin_user, persona):
    project = make_project(owner=organisation, by=admin_user, publish=False)
    with pytest.raises(PermissionDenied):
        services.project_publish(project=project, by=request.getfixturevalue(persona))
    assert not Project.objects.get(pk=project.pk).is_published
    services.project_publish(project=project, by=admin_user)
    assert Project.objects.get(pk=project.pk).is_published


def test_a_member_cannot_edit_a_published_project_but_an_admin_can(
    project, member_user, admin_user
):
    with pytest.raises(PermissionDenied):
        services.project_update(project=project, by=member_user, data={"title": "Autre"})
    with pytest.raises(PermissionDenied):
        services.need_add(
            project=project,
            by=member_user,
            competence=competence("transport"),
            contribution_type=contribution("in-kind-donation"),
        )
    services.project_update(project=project, by=admin_user, data={"title": "Autre"})
    assert Project.objects.get(pk=project.pk).title == "Autre"


@pytest.mark.parametrize("persona", ["member_user", "admin_user", "outsider"])
def test_only_facilitators_feature_or_hide(request, project, persona):
    with pytest.raises(PermissionDenied):
        services.project_curate(
            project=project, by=request.getfixturevalue(persona), curation="featured"
        )


def test_hiding_needs_a_reason_and_tells_the_admins(project, facilitator, admin_user):
    from coexist.models import Email

    with pytest.raises(ValidationError):
        services.project_curate(project=project, by=facilitator, curation="hidden", reason=" ")
    services.project_curate(project=project, by=facilitator, curation="hidden", reason="Doublon")
    assert not Project.objects.public().filter(pk=project.pk).exists()
    email = Email.objects.get(kind="project_hidden")
    assert email.to == [admin_user.email] and "Doublon" in email.body_text


def test_a_project_is_public_only_once_its_organisation_is(organisation, admin_user):
    organisation.status = "pending"
    organisation.save(update_fields=["status"])
    project = make_project(owner=organisation, by=admin_user)
    assert project.is_published and not Project.objects.public().exists()


def test_a_need_is_unique_per_competence_and_contribution(project, admin_user, need):
    with pytest.raises(ValidationError):
        services.need_add(
            project=project,
            by=admin_user,
            competence=need.competence,
            contribution_type=need.contribution_type,
        )


def test_the_end_comes_after_the_start(organisation, member_user):
    with pytest.raises(ValidationError):
        services.project_create(
            owner=organisation,
            by=member_user,
            data={
                "title": "Puits",
                "starts_on": timezone.localdate(),
                "ends_on": timezone.localdate() - timedelta(days=1),
            },
        )


def test_need_state_and_removal_need_an_editor(need, outsider, admin_user):
    with pytest.raises(PermissionDenied):
        services.need_set_state(need=need, by=outsider, state="fulfilled")
    with pytest.raises(PermissionDenied):
        services.need_remove(need=need, by=outsider)
    services.need_set_state(need=need, by=admin_user, state="fulfilled")
    assert ProjectNeed.objects.get(pk=need.pk).state == "fulfilled"


# Introductions -----------------------------------------------------------------------------


def ask(*, by, first, second, **kwargs):
    return introductions.introduction_request(
        from_organisation=first, to_organisation=second, by=by, message="Bonjour !", **kwargs
    )


def test_no_request_on_behalf_of_an_organisation_you_are_not_an_active_member_of(
    organisation, other_organisation, outsider, facilitator
):
    pending = MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    left = MembershipFactory(organisation=organisation, status=Membership.Status.LEFT)
    for by in (outsider, facilitator, pending.user, left.user, UserFactory()):
        with pytest.raises(PermissionDenied):
            ask(by=by, first=organisation, second=other_organisation)
    assert not Introduction.objects.exists()


def test_a_member_asks_on_behalf_of_their_organisation(
    organisation, other_organisation, member_user, need
):
    introduction = ask(by=member_user, first=organisation, second=other_organisation, need=need)
    assert introduction.state == Introduction.State.PENDING
    assert introduction.project == need.project
    assert introduction.deadline - introduction.created_at == timedelta(days=14)


def test_not_to_itself_nor_to_an_unpublished_organisation(organisation, member_user):
    hidden = OrganisationFactory(status="pending")
    for second in (organisation, hidden):
        with pytest.raises(ValidationError):
            ask(by=member_user, first=organisation, second=second)


def test_the_message_is_required(organisation, other_organisation, member_user):
    with pytest.raises(ValidationError):
        introductions.introduction_request(
            from_organisation=organisation,
            to_organisation=other_organisation,
            by=member_user,
            message="   ",
        )


def test_the_project_must_belong_to_one_side(other_organisation, need):
    third = OrganisationFactory()
    member_of_third = MembershipFactory(organisation=third).user
    with pytest.raises(ValidationError):
        ask(by=member_of_third, first=third, second=other_organisation, need=need)
    assert not Introduction.objects.exists()


def test_a_fulfilled_need_takes_no_request(
    organisation, other_organisation, member_user, need, admin_user
):
    services.need_set_state(need=need, by=admin_user, state="fulfilled")
    need.refresh_from_db()
    with pytest.raises(ValidationError):
        ask(by=member_user, first=organisation, second=other_organisation, need=need)


def test_at_most_five_pending_requests_per_requester(organisation, member_user):
    targets = [OrganisationFactory() for _ in range(6)]
    for second in targets[:5]:
        ask(by=member_user, first=organisation, second=second)
    with pytest.raises(ValidationError) as raised:
        ask(by=member_user, first=organisation, second=targets[5])
    assert raised.value.error_list[0].code == "too_many_pending"
    # An answer, either way, frees a slot.
    first = Introduction.objects.filter(to_organisation=targets[0]).get()
    admin = MembershipFactory(organisation=targets[0], role=Membership.Role.ADMIN).user
    introductions.introduction_decline(introduction=first, by=admin, reason="not_now")
    ask(by=member_user, first=organisation, second=targets[5])


def test_at_most_ten_new_requests_received_a_week(other_organisation, time_machine):
    time_machine.move_to("2026-03-02 09:00 +01:00")
    senders = [MembershipFactory().user for _ in range(11)]
    for user in senders[:10]:
        ask(by=user, first=user.memberships.get().organisation, second=other_organisation)
    last = senders[10]
    with pytest.raises(ValidationError) as raised:
        ask(by=last, first=last.memberships.get().organisation, second=other_organisation)
    assert raised.value.error_list[0].code == introductions.ASK_FACILITATORS
    time_machine.move_to("2026-03-09 09:01 +01:00")
    ask(by=last, first=last.memberships.get().organisation, second=other_organisation)


def test_no_second_request_while_pending(organisation, other_organisation, member_user, need):
    ask(by=member_user, first=organisation, second=other_organisation, need=need)
    with pytest.raises(ValidationError):
        ask(by=member_user, first=organisation, second=other_organisation, need=need)


def test_no_second_request_within_ninety_days_of_a_decline(
    organisation, other_organisation, member_user, need, company_admin, time_machine
):
    time_machine.move_to("2026-01-05 10:00 +01:00")
    first = ask(by=member_user, first=organisation, second=other_organisation, need=need)
    introductions.introduction_decline(introduction=first, by=company_admin, reason="not_now")
    time_machine.move_to("2026-04-01 10:00 +02:00")  # 86 days later
    with pytest.raises(ValidationError):
        ask(by=member_user, first=organisation, second=other_organisation, need=need)
    time_machine.move_to("2026-04-06 10:00 +02:00")  # 91 days later
    ask(by=member_user, first=organisation, second=other_organisation, need=need)


@pytest.fixture
def pending(organisation, other_organisation, member_user, need):
    return ask(by=member_user, first=organisation, second=other_organisation, need=need)


@pytest.mark.parametrize("persona", ["member_user", "admin_user", "facilitator", "stranger"])
def test_only_the_receivers_admins_answer(request, pending, persona):
    by = UserFactory() if persona == "stranger" else request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        introductions.introduction_accept(introduction=pending, by=by)
    with pytest.raises(PermissionDenied):
        introductions.introduction_decline(introduction=pending, by=by, reason="not_now")
    assert Introduction.objects.get(pk=pending.pk).is_pending


def test_a_receivers_plain_member_cannot_answer(pending, other_organisation):
    member = MembershipFactory(organisation=other_organisation).user
    with pytest.raises(PermissionDenied):
        introductions.introduction_accept(introduction=pending, by=member)


def test_accepting_opens_a_partnership_in_discussion(pending, company_admin):
    introductions.introduction_accept(introduction=pending, by=company_admin)
    assert pending.state == Introduction.State.ACCEPTED
    partnership = Partnership.objects.get()
    assert partnership.stage == Partnership.Stage.IN_DISCUSSION
    assert (partnership.first, partnership.second) == (
        pending.from_organisation,
        pending.to_organisation,
    )
    assert partnership.project == pending.project


def test_an_answered_introduction_cannot_be_answered_again(pending, company_admin):
    introductions.introduction_decline(introduction=pending, by=company_admin, reason="not_now")
    stale = Introduction.objects.get(pk=pending.pk)
    stale.state = Introduction.State.PENDING  # a second tab, loaded before the answer
    with pytest.raises(ValidationError):
        introductions.introduction_accept(introduction=stale, by=company_admin)
    assert not Partnership.objects.exists()


def test_a_decline_needs_a_known_reason(pending, company_admin):
    with pytest.raises(ValidationError):
        introductions.introduction_decline(introduction=pending, by=company_admin, reason="rude")
    assert Introduction.objects.get(pk=pending.pk).is_pending


def test_an_expired_request_cannot_be_accepted(pending, company_admin, time_machine):
    time_machine.move_to(pending.deadline + timedelta(minutes=1))
    with pytest.raises(ValidationError):
        introductions.introduction_accept(introduction=pending, by=company_admin)


def test_only_facilitators_broker(organisation, other_organisation, admin_user):
    with pytest.raises(PermissionDenied):
        introductions.introduction_broker(
            first=organisation, second=other_organisation, by=admin_user, message="Rencontrez-vous"
        )


def test_a_brokered_introduction_is_a_double_opt_in(
    organisation, other_organisation, admin_user, company_admin, facilitator
):
    brokered = introductions.introduction_broker(
        first=organisation, second=other_organisation, by=facilitator, message="Rencontrez-vous"
    )
    introductions.introduction_accept(introduction=brokered, by=company_admin)
    assert brokered.state == Introduction.State.PENDING  # the first side is still to accept
    assert not Partnership.objects.exists()
    with pytest.raises(PermissionDenied):  # the company already answered
        introductions.introduction_accept(introduction=brokered, by=company_admin)
    introductions.introduction_accept(introduction=brokered, by=admin_user)
    assert brokered.state == Introduction.State.ACCEPTED
    assert Partnership.objects.count() == 1


def test_either_side_declines_a_brokered_introduction(
    organisation, other_organisation, admin_user, facilitator
):
    brokered = introductions.introduction_broker(
        first=organisation, second=other_organisation, by=facilitator, message="Rencontrez-vous"
    )
    introductions.introduction_decline(introduction=brokered, by=admin_user, reason="not_now")
    assert brokered.state == Introduction.State.DECLINED
    assert Introduction.objects.get(pk=brokered.pk).declined_by_organisation == organisation


def test_contact_consent_is_a_members_own(organisation, outsider, member_user):
    with pytest.raises(PermissionDenied):
        services.contact_consent_set(organisation=organisation, by=outsider, agreed=True)
    assert services.contact_consent_set(organisation=organisation, by=member_user, agreed=True)


def test_companies_and_ngos_both_ask(other_organisation, company_admin, project, organisation):
    """A company interested in an NGO's project asks its owner."""
    assert other_organisation.kind == kind("company")
    introduction = ask(
        by=company_admin, first=other_organisation, second=organisation, project=project
    )
    assert introduction.to_organisation == organisation
