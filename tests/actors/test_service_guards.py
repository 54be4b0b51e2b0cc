"""Each guard the directory's services enforce, tested on the service itself: the admin,
a task or a command calls the services directly, so a rule that only a view checked
would be no rule. Deleting any one guard turns one of these red."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from actors import services
from actors.models import Membership, Organisation
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def requested(organisation):
    return MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)


@pytest.mark.parametrize("persona", ["member_user", "outsider", "stranger"])
def test_only_admins_and_facilitators_update_a_profile(request, organisation, persona):
    by = UserFactory() if persona == "stranger" else request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.organisation_update(
            organisation=organisation, by=by, data={"name": "Pris en main"}, m2m={}
        )
    assert Organisation.objects.get(pk=organisation.pk).name == "Eau Vive Solidarité"


def test_an_admin_and_a_facilitator_update_a_profile(organisation, admin_user, facilitator):
    for by in (admin_user, facilitator):
        services.organisation_update(
            organisation=organisation, by=by, data={"pitch": f"par {by.pk}"}, m2m={}
        )
        assert Organisation.objects.get(pk=organisation.pk).pitch == f"par {by.pk}"


@pytest.mark.parametrize("persona", ["member_user", "outsider"])
def test_only_admins_send_a_draft_for_review(request, organisation, persona):
    Organisation.objects.filter(pk=organisation.pk).update(status="draft")
    organisation.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.organisation_submit(organisation=organisation, by=request.getfixturevalue(persona))


@pytest.mark.parametrize(
    "service",
    [
        services.organisation_publish,
        services.organisation_archive,
        lambda **kw: services.organisation_decline(reason="non", **kw),
        lambda **kw: services.organisation_set_verified(verified=True, **kw),
    ],
)
def test_only_facilitators_review(organisation, admin_user, service):
    with pytest.raises(PermissionDenied):
        service(organisation=organisation, by=admin_user)


@pytest.mark.parametrize("persona", ["member_user", "outsider"])
@pytest.mark.parametrize(
    "service",
    [
        services.membership_accept,
        services.membership_decline,
        lambda **kw: services.membership_set_role(role=Membership.Role.ADMIN, **kw),
        services.membership_end,
    ],
)
def test_only_admins_and_facilitators_decide_on_memberships(request, requested, persona, service):
    if service is services.membership_end or getattr(service, "__name__", "") == "<lambda>":
        target = MembershipFactory(organisation=requested.organisation)  # an active member
    else:
        target = requested
    with pytest.raises(PermissionDenied):
        service(membership=target, by=request.getfixturevalue(persona))
    assert Membership.objects.get(pk=target.pk).status == target.status


def test_an_admin_accepts_and_a_facilitator_declines(requested, admin_user, facilitator):
    services.membership_accept(membership=requested, by=admin_user)
    assert Membership.objects.get(pk=requested.pk).status == Membership.Status.ACTIVE
    other = MembershipFactory(
        organisation=requested.organisation, status=Membership.Status.REQUESTED
    )
    services.membership_decline(membership=other, by=facilitator)
    assert Membership.objects.get(pk=other.pk).status == Membership.Status.DECLINED


def test_a_former_admin_who_asks_again_comes_back_as_a_member(organisation, admin_user):
    second = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    former = Membership.objects.get(user=second)
    services.membership_end(membership=former, by=second)

    again = services.membership_request(organisation=organisation, user=second, message="re")

    assert again.status == Membership.Status.REQUESTED
    assert again.role == Membership.Role.MEMBER
    services.membership_accept(membership=again, by=admin_user)
    assert Membership.objects.get(pk=again.pk).role == Membership.Role.MEMBER


def test_requests_to_join_an_unpublished_organisation_are_refused(organisation):
    Organisation.objects.filter(pk=organisation.pk).update(status="pending")
    organisation.refresh_from_db()
    with pytest.raises(ValidationError):
        services.membership_request(organisation=organisation, user=UserFactory())


def test_the_last_admin_can_neither_be_demoted_nor_leave(organisation, admin_user, facilitator):
    last = Membership.objects.get(user=admin_user)
    with pytest.raises(ValidationError):
        services.membership_set_role(membership=last, by=facilitator, role=Membership.Role.MEMBER)
    with pytest.raises(ValidationError):
        services.membership_end(membership=last, by=admin_user)
    assert Membership.objects.admins().filter(organisation=organisation).count() == 1


def test_a_stale_copy_cannot_demote_the_last_admin(organisation, admin_user, facilitator):
    """The rule reads the rows it locks, not the caller's copy of them."""
    second = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
    stale = Membership.objects.get(user=admin_user)
    services.membership_set_role(membership=second, by=facilitator, role=Membership.Role.MEMBER)
    with pytest.raises(ValidationError):
        services.membership_set_role(membership=stale, by=facilitator, role=Membership.Role.MEMBER)


def _records():
    from actors.directory_format import Taxonomies, read_directory_file, validate_rows
    from tests.actors.test_import_export import EAU_VIVE, csv_bytes

    rows, _errors = read_directory_file(
        filename="d.csv", content=csv_bytes({**EAU_VIVE, "slug": "nouvelle"})
    )
    return validate_rows(rows=rows, taxonomies=Taxonomies.load())[0]


def test_only_facilitators_or_a_command_upsert_organisations_in_bulk(admin_user, facilitator):
    with pytest.raises(PermissionDenied):
        services.organisations_upsert(records=_records(), by=admin_user, status="published")
    assert not Organisation.objects.filter(slug="nouvelle").exists()

    outcomes, ids = services.organisations_upsert(
        records=_records(), by=facilitator, status="pending"
    )
    assert [o.action for o in outcomes] == ["create"]
    assert Organisation.objects.get(pk=ids[0]).status == Organisation.Status.PENDING
    outcomes, ids = services.organisations_upsert(records=_records(), by=None, status="pending")
    assert [o.action for o in outcomes] == ["unchanged"] and ids == []


def test_a_bulk_upsert_cannot_create_archived_or_draft_organisations(facilitator):
    with pytest.raises(ValidationError):
        services.organisations_upsert(records=_records(), by=facilitator, status="archived")


def test_only_admins_and_facilitators_change_needs(organisation, member_user, facilitator):
    from actors.models import OrganisationNeed
    from tests.factories import competence

    need = OrganisationNeed(organisation=organisation, competence=competence("fundraising"))
    with pytest.raises(PermissionDenied):
        services.need_save(need=need, by=member_user)
    services.need_save(need=need, by=facilitator)
    organisation.refresh_from_db()
    from analysis import normalise

    assert normalise(need.competence.label_fr) in organisation.search_text  # indexed again
    with pytest.raises(PermissionDenied):
        services.need_remove(need=need, by=member_user)
    services.need_remove(need=need, by=facilitator)
    assert not OrganisationNeed.objects.filter(organisation=organisation).exists()


# Appointing a member (the first admin of an imported organisation, the demo accounts) --


@pytest.mark.parametrize("persona", ["admin_user", "member_user", "outsider", "stranger"])
def test_only_facilitators_appoint_a_member(request, organisation, persona):
    by = UserFactory() if persona == "stranger" else request.getfixturevalue(persona)
    newcomer = UserFactory()
    with pytest.raises(PermissionDenied):
        services.membership_appoint(
            organisation=organisation, user=newcomer, role=Membership.Role.ADMIN, by=by
        )
    assert not Membership.objects.filter(user=newcomer).exists()


def test_a_facilitator_appoints_an_admin_once(organisation, facilitator, django_assert_num_queries):
    newcomer = UserFactory()
    first = services.membership_appoint(
        organisation=organisation, user=newcomer, role=Membership.Role.ADMIN, by=facilitator
    )
    assert (first.role, first.status) == (Membership.Role.ADMIN, Membership.Status.ACTIVE)

    again = services.membership_appoint(
        organisation=organisation, user=newcomer, role=Membership.Role.ADMIN, by=facilitator
    )
    assert again.pk == first.pk and Membership.objects.filter(user=newcomer).count() == 1


def test_appointing_reactivates_a_former_member(organisation, facilitator):
    former = MembershipFactory(organisation=organisation, status=Membership.Status.LEFT)
    services.membership_appoint(
        organisation=organisation, user=former.user, role=Membership.Role.MEMBER, by=facilitator
    )
    former.refresh_from_db()
    assert former.status == Membership.Status.ACTIVE


def test_appointing_cannot_demote_the_last_admin(organisation, admin_user, facilitator):
    with pytest.raises(ValidationError):
        services.membership_appoint(
            organisation=organisation, user=admin_user, role=Membership.Role.MEMBER, by=facilitator
        )
    assert Membership.objects.get(user=admin_user).role == Membership.Role.ADMIN


def test_appointing_refuses_an_unknown_role(organisation, facilitator):
    with pytest.raises(ValidationError):
        services.membership_appoint(
            organisation=organisation, user=UserFactory(), role="owner", by=facilitator
        )
