"""The médiathèque's rules, enforced by its services whoever calls them (site, admin,
task, command): facilitators publish directly, organisation admins' resources are
reviewed, only editors change a resource, downloads are counted atomically."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from mediatheque import services
from mediatheque.models import Resource
from tests.factories import UserFactory
from tests.mediatheque.factories import make_resource
from tests.mediatheque.files import pdf

pytestmark = pytest.mark.django_db


def data(**extra):
    return {"title": "Guide du mécénat de compétences", "kind": Resource.Kind.GUIDE, **extra}


def link(**extra):
    return data(external_url="https://example.org/guide", **extra)


def test_a_facilitator_publishes_directly(facilitator):
    resource = services.resource_create(by=facilitator, data=link())
    assert resource.status == Resource.Status.PUBLISHED and resource.published_at


def test_an_organisation_admins_resource_waits_for_review(admin_user, organisation):
    resource = services.resource_create(
        by=admin_user, data=link(), m2m={"publishers": [organisation]}
    )
    assert resource.status == Resource.Status.PENDING
    assert resource.published_at is None


def test_an_organisation_admin_cannot_set_featured_or_status(admin_user, organisation):
    resource = services.resource_create(
        by=admin_user,
        data=link(featured=True, status=Resource.Status.PUBLISHED),
        m2m={"publishers": [organisation]},
    )
    assert not resource.featured and resource.status == Resource.Status.PENDING


def test_an_admin_publishes_only_for_their_own_organisations(
    admin_user, organisation, other_organisation
):
    with pytest.raises(PermissionDenied):
        services.resource_create(
            by=admin_user, data=link(), m2m={"publishers": [other_organisation]}
        )
    with pytest.raises(ValidationError):
        services.resource_create(by=admin_user, data=link(), m2m={"publishers": []})


def test_a_simple_member_or_a_person_with_no_organisation_cannot_add_resources(
    member_user, organisation
):
    for user in (member_user, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.resource_create(by=user, data=link(), m2m={"publishers": [organisation]})


def test_only_facilitators_publish_feature_and_decline(admin_user, organisation, facilitator):
    resource = services.resource_create(
        by=admin_user, data=link(), m2m={"publishers": [organisation]}
    )
    for service, kwargs in (
        (services.resource_publish, {}),
        (services.resource_set_featured, {"featured": True}),
        (services.resource_decline, {}),
        (services.resource_reprocess, {}),
    ):
        with pytest.raises(PermissionDenied):
            service(resource=resource, by=admin_user, **kwargs)
    services.resource_publish(resource=resource, by=facilitator)
    assert resource.status == Resource.Status.PUBLISHED and resource.published_at


def test_outsiders_cannot_edit_submit_or_archive(organisation, outsider, member_user):
    resource = make_resource(publishers=[organisation], status=Resource.Status.DRAFT)
    for user in (outsider, member_user):
        with pytest.raises(PermissionDenied):
            services.resource_update(resource=resource, by=user, data={"title": "Pirate"})
        with pytest.raises(PermissionDenied):
            services.resource_submit(resource=resource, by=user)
        with pytest.raises(PermissionDenied):
            services.resource_archive(resource=resource, by=user)


def test_an_admin_changing_the_file_of_a_published_resource_sends_it_back_to_review(
    admin_user, organisation
):
    resource = make_resource(publishers=[organisation])
    services.resource_update(resource=resource, by=admin_user, data={"summary": "Mis à jour"})
    assert resource.status == Resource.Status.PUBLISHED  # the words only: still public
    services.resource_update(
        resource=resource,
        by=admin_user,
        data={},
        upload=SimpleUploadedFile("v2.pdf", pdf("Version 2")),
    )
    assert resource.status == Resource.Status.PENDING


def test_a_draft_is_submitted_for_review(admin_user, organisation):
    resource = services.resource_create(
        by=admin_user, data=link(), m2m={"publishers": [organisation]}, submit=False
    )
    assert resource.status == Resource.Status.DRAFT
    services.resource_submit(resource=resource, by=admin_user)
    assert resource.status == Resource.Status.PENDING


def test_a_resource_has_a_file_or_a_link_never_both_nor_neither(facilitator):
    with pytest.raises(ValidationError):
        services.resource_create(by=facilitator, data=data())
    resource = services.resource_create(
        by=facilitator,
        data=link(),
        upload=SimpleUploadedFile("guide.pdf", pdf()),
    )
    assert resource.file and not resource.external_url  # the file wins, the link is dropped
    with pytest.raises(IntegrityError), transaction.atomic():
        Resource.objects.filter(pk=resource.pk).update(external_url="https://example.org/x")


def test_downloads_are_counted_but_not_the_uploaders_own(admin_user, organisation, member_user):
    resource = make_resource(publishers=[organisation], by=None)
    resource.uploaded_by = admin_user
    resource.save(update_fields=["uploaded_by"])
    assert services.resource_download(resource=resource, by=member_user)
    assert services.resource_download(resource=resource, by=member_user)
    assert not services.resource_download(resource=resource, by=admin_user)
    resource.refresh_from_db()
    assert resource.download_count == 2


def test_a_visitor_cannot_download_a_members_only_file(organisation):
    from django.contrib.auth.models import AnonymousUser

    resource = make_resource(publishers=[organisation], access=Resource.Access.MEMBERS)
    with pytest.raises(PermissionDenied):
        services.resource_download(resource=resource, by=AnonymousUser())
    resource.refresh_from_db()
    assert resource.download_count == 0


def test_nobody_but_editors_downloads_a_draft(organisation, member_user, outsider, admin_user):
    resource = make_resource(publishers=[organisation], status=Resource.Status.PENDING)
    with pytest.raises(PermissionDenied):
        services.resource_download(resource=resource, by=outsider)
    with pytest.raises(PermissionDenied):
        services.resource_download(resource=resource, by=member_user)
    assert services.resource_download(resource=resource, by=admin_user)


def test_facilitators_are_emailed_what_waits_for_review_and_the_admin_when_published(
    admin_user, organisation, facilitator
):
    from coexist.models import Email

    resource = services.resource_create(
        by=admin_user, data=link(), m2m={"publishers": [organisation]}
    )

    def sent_to(address):
        return [email for email in Email.objects.all() if address in email.to]

    [review] = sent_to(facilitator.email)
    assert resource.title in review.subject
    assert f"/admin/mediatheque/resource/{resource.pk}/change/" in review.body_text
    services.resource_publish(resource=resource, by=facilitator)
    [published] = sent_to(admin_user.email)
    assert resource.get_absolute_url() in published.body_text
