"""Every URL of the site has a declared access rule, checked as each persona.

The model is pretix's ``test_permissions.py``: the URLconf is walked, each URL is opened
(GET, and POST for actions) as a visitor, a member of the organisation, its admin, an
admin of another organisation and a facilitator, and the status must be the one declared
below. A URL missing from the table fails ``test_every_url_has_a_declared_rule``: a new
page cannot ship without its rule. Projects, events and the médiathèque add their rows.

Statuses: 200 the page; 302 done, then redirected; LOGIN sent to the sign-in page;
ADMIN_LOGIN sent to the admin's sign-in; 403 refused (the admin's own refusals); 404 a
private object an outsider may not know exists (actors/access.py); 405 wrong method.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actors.models import ContributionType, Membership, Organisation, OrganisationNeed
from coexist.models import Email
from events.models import CalendarToken
from matching.models import Suggestion
from mediatheque.models import Resource
from mediatheque.services import resource_process
from projects import introductions, services
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import MembershipFactory, OrganisationFactory, competence, make_facilitator
from tests.mediatheque.factories import make_resource

pytestmark = pytest.mark.django_db

PERSONAS = ("visitor", "member", "admin", "outsider", "facilitator")
LOGIN = "login"
ADMIN_LOGIN = "admin-login"


def same(status):
    return (status,) * len(PERSONAS)


SIGNED_IN = (LOGIN, 200, 200, 200, 200)
MEMBERS = (LOGIN, 200, 200, 404, 200)  # the organisation's members and facilitators
EDITORS = (LOGIN, 404, 200, 404, 200)  # the organisation's admins and facilitators
POST_ONLY = (LOGIN, 405, 405, 405, 405)
# A published project: its organisation's admins only (members write drafts).
PROJECT_EDITORS = (LOGIN, 404, 200, 404, 404)
STAFF = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200)  # facilitators
STAFF_REFUSED = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403)
STAFF_REDIRECT = (ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 302)

# name: (GET statuses by persona, POST statuses by persona or None)
RULES: dict[str, tuple[tuple, tuple | None]] = {
    # Site pages
    "home": (same(200), None),
    "healthz": (same(200), None),
    "legal_notice": (same(200), None),
    "privacy": (same(200), None),
    "contact": (same(200), None),
    "accessibility": (same(200), None),
    "switch_language": (same(302), None),
    "favicon": (same(301), None),
    # The directory
    "actors:directory": (same(200), None),
    "actors:detail": (same(200), None),
    "actors:create": (SIGNED_IN, None),
    "actors:edit": (EDITORS, None),
    "actors:submit": (POST_ONLY, EDITORS[:1] + (404, 302, 404, 302)),
    "actors:join": (SIGNED_IN, None),
    "actors:leave": ((LOGIN, 200, 200, 404, 404), (LOGIN, 302, 302, 404, 404)),
    "actors:members": (EDITORS, None),
    "actors:membership_action": (POST_ONLY, (LOGIN, 404, 302, 404, 302)),
    # Matching
    "matching:dashboard": (MEMBERS, None),
    "matching:suggestion_action": (POST_ONLY, (LOGIN, 302, 302, 404, 302)),
    # Projects
    "sitemap": (same(200), None),
    "projects:board": (same(200), None),
    "projects:feed": (same(200), None),
    "projects:detail": (same(200), None),
    "projects:create": ((LOGIN, 200, 200, 404, 404), None),
    "projects:edit": (PROJECT_EDITORS, None),
    "projects:publish": (POST_ONLY, (LOGIN, 404, 302, 404, 404)),
    "projects:needs": (PROJECT_EDITORS, None),
    "projects:need_edit": (PROJECT_EDITORS, None),
    "projects:need_action": (POST_ONLY, (LOGIN, 404, 302, 404, 404)),
    "projects:request_introduction": (SIGNED_IN, None),
    "projects:introduction": (MEMBERS, None),
    "projects:accept": (POST_ONLY, (LOGIN, 403, 302, 404, 403)),
    "projects:decline": ((LOGIN, 404, 200, 404, 404), (LOGIN, 404, 200, 404, 404)),
    "projects:broker": ((LOGIN, 404, 404, 404, 200), None),
    "projects:dashboard": (MEMBERS, None),
    "projects:contact_consent": (POST_ONLY, (LOGIN, 302, 302, 404, 404)),
    # Events
    "events:calendar": (same(200), None),
    "events:past": (same(200), None),
    "events:month": (same(200), None),
    "events:feed_ics": (same(200), None),
    "events:feed_rss": (same(200), None),
    "events:feed_atom": (same(200), None),
    "events:detail": (same(200), None),
    "events:event_ics": (same(200), None),
    "events:private_feed": (same(200), None),  # the secret is the key, no session needed
    "events:feed_regenerate": (POST_ONLY, (LOGIN, 302, 302, 302, 302)),
    "events:feed_revoke": (POST_ONLY, (LOGIN, 302, 302, 302, 302)),
    "events:register": (POST_ONLY, (LOGIN, 302, 302, 302, 302)),
    "events:leave": (POST_ONLY, (LOGIN, 302, 404, 404, 404)),  # the member is registered
    "events:attendees": (EDITORS, None),
    "events:attendees_csv": (EDITORS, None),
    "events:propose": (SIGNED_IN, (LOGIN, 200, 200, 200, 200)),
    "events:edit": (EDITORS, EDITORS),
    "events:cancel": (EDITORS, EDITORS),
    # Médiathèque (the resources of the world below: a members-only PDF, a video link, and
    # a draft of the organisation; a visitor is asked to sign in for the members-only file)
    "mediatheque:list": (same(200), None),
    "mediatheque:feed": (same(200), None),
    "mediatheque:feed_atom": (same(200), None),
    "mediatheque:detail": (same(200), None),
    "mediatheque:download": ((LOGIN, 200, 200, 200, 200), None),
    "mediatheque:preview": ((404, 200, 200, 200, 200), None),
    "mediatheque:video": (same(200), None),
    "mediatheque:create": ((LOGIN, 404, 200, 200, 200), None),
    "mediatheque:edit": (EDITORS, None),
    "mediatheque:submit": (POST_ONLY, (LOGIN, 404, 302, 404, 302)),
    # My account
    "accounts:profile": (SIGNED_IN, None),
    "accounts:data_export": (SIGNED_IN, None),
    "accounts:delete": (SIGNED_IN, None),
    # allauth
    "account_login": ((200, 302, 302, 302, 302), None),
    "account_logout": ((302, 200, 200, 200, 200), None),
    "account_inactive": (same(200), None),
    "account_signup": ((200, 302, 302, 302, 302), None),
    "account_reauthenticate": (SIGNED_IN, None),
    "account_request_reauthentication_code": (SIGNED_IN, None),
    "account_confirm_reauthentication_code": ((LOGIN, 302, 302, 302, 302), None),
    "account_email": (SIGNED_IN, None),
    "account_email_verification_sent": (same(200), None),
    "account_change_password": (SIGNED_IN, None),
    "account_set_password": ((LOGIN, 302, 302, 302, 302), None),
    "account_reset_password": (same(200), None),
    "account_confirm_login_code": ((LOGIN, 302, 302, 302, 302), None),
    "account_confirm_email": (same(200), None),
    "account_reset_password_from_key_done": (same(200), None),
    "account_reset_password_from_key": (same(200), None),
    "account_reset_password_done": (same(200), None),
    # The admin: facilitators only; what they may not change answers 403
    "admin:index": (STAFF, None),
    # The admin's sign-in is allauth's: members who are not staff are refused.
    "admin:login": ((LOGIN, 403, 403, 403, 302), None),
    "admin:logout": ((302, 302, 302, 302, 405), None),
    "admin:password_change": (STAFF, None),
    "admin:password_change_done": (STAFF, None),
    "admin:autocomplete": ((ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403), None),
    "admin:jsi18n": (STAFF, None),
    "admin:view_on_site": (STAFF_REDIRECT, None),
    "admin:app_list": (STAFF, None),
    "admin:auth_user_password_change": (STAFF_REFUSED, None),
    "admin:actors_organisation_import": (STAFF, None),
    "admin:actors_organisation_export": (STAFF, None),
    "admin:matching_suggestion_uncovered": (STAFF, None),
    "admin:matching_suggestion_competences": (STAFF, None),
}

# The admin's model pages: (changelist, add, change, history, delete) for facilitators.
ADMIN_MODELS = {
    "auth_group": (403, 403, 403, 403, 403),
    "account_emailaddress": (403, 403, 403, 403, 403),
    "coexist_email": (200, 403, 200, 200, 403),
    "accounts_user": (200, 403, 200, 200, 403),
    "actors_competence": (200, 403, 200, 200, 403),
    "actors_sdg": (200, 403, 200, 200, 403),
    "actors_competencecategory": (200, 403, 200, 200, 403),
    "actors_organisationkind": (200, 403, 200, 200, 403),
    "actors_contributiontype": (200, 403, 200, 200, 403),
    "actors_partnershiptype": (200, 403, 200, 200, 403),
    "actors_territory": (200, 403, 200, 200, 403),
    "actors_organisation": (200, 200, 200, 200, 403),
    "actors_pendingorganisation": (200, 403, 200, 200, 403),
    "actors_membership": (200, 403, 200, 200, 403),
    "actors_organisationneed": (200, 200, 200, 200, 200),
    "matching_suggestion": (200, 403, 200, 200, 403),
    # Projects
    "projects_project": (200, 403, 200, 200, 403),
    "projects_introduction": (200, 403, 200, 200, 403),
    "projects_partnership": (200, 403, 200, 200, 403),
    # Events
    "events_event": (200, 200, 200, 200, 403),
    "events_registration": (200, 403, 200, 200, 403),
    "mediatheque_resource": (200, 200, 200, 200, 403),
}
for _model, (_list, _add, _change, _history, _delete) in ADMIN_MODELS.items():
    for _page, _status in (
        ("changelist", _list),
        ("add", _add),
        ("change", _change),
        ("history", _history),
        ("delete", _delete),
    ):
        RULES[f"admin:{_model}_{_page}"] = ((ADMIN_LOGIN,) * 4 + (_status,), None)


def url_names() -> dict[str, str]:
    """Every named URL of the URLconf, with its pattern."""

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                if pattern.name:
                    yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern
                else:
                    yield f"{namespace}:<unnamed {pattern.pattern}>", pattern

    return dict(walk(get_resolver().url_patterns))


def test_every_url_has_a_declared_rule():
    missing = sorted(set(url_names()) - set(RULES))
    stale = sorted(set(RULES) - set(url_names()))
    # The admin's catch-all (an unnamed final pattern) answers 404 or redirects.
    missing = [name for name in missing if "<unnamed" not in name]
    assert not missing, f"URLs with no declared access rule: {missing}"
    assert not stale, f"rules for URLs that no longer exist: {stale}"


@pytest.fixture
def world(db):
    organisation = OrganisationFactory(slug="eau-vive", name="Eau Vive")
    other = OrganisationFactory(slug="logistique-leman", name="Logistique Léman")
    admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)  # a second admin
    member = MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER).user
    outsider = MembershipFactory(organisation=other, role=Membership.Role.ADMIN).user
    requested = MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    facilitator = make_facilitator()
    suggestion = Suggestion.objects.create(organisation=organisation, candidate=other, score=0.5)
    need = OrganisationNeed.objects.create(
        organisation=organisation, competence=competence("fundraising")
    )
    email = Email.objects.create(to=["x@example.org"], subject="s", body_text="b")
    # Projects: a published project with a need; a request from a third organisation to
    # Eau Vive (its admin answers), accepted one for the partnership.
    project = project_make(owner=organisation, by=admin)
    third = OrganisationFactory(slug="tiers", name="Tiers")
    third_member = MembershipFactory(organisation=third, role=Membership.Role.ADMIN).user
    introduction = introductions.introduction_request(
        from_organisation=third, to_organisation=organisation, by=third_member, message="Bonjour"
    )
    accepted = introductions.introduction_request(
        from_organisation=other, to_organisation=third, by=outsider, message="Bonjour"
    )
    introductions.introduction_accept(introduction=accepted, by=third_member)
    # Events
    event = EventFactory(slug="atelier", organisers=[organisation])
    registration = RegistrationFactory(event=event, user=member)
    token = CalendarToken.objects.create(user=member, token="secret-token")
    # Médiathèque
    members_only = make_resource(
        title="Convention type", publishers=[organisation], access=Resource.Access.MEMBERS
    )
    resource_process(resource_id=members_only.pk)  # its preview
    video = make_resource(
        title="Vidéo", kind=Resource.Kind.VIDEO, external_url="https://vimeo.com/123456789"
    )
    draft = make_resource(
        title="Brouillon", publishers=[organisation], status=Resource.Status.DRAFT
    )
    return {
        "users": {
            "member": member,
            "admin": admin,
            "outsider": outsider,
            "facilitator": facilitator,
        },
        "organisation": organisation,
        "requested": requested,
        "suggestion": suggestion,
        "project": project,
        "introduction": introduction,
        "event": event,
        "token": token,
        "resources": {"members_only": members_only, "video": video, "draft": draft},
        "objects": {
            "projects_project": project,
            "projects_introduction": introduction,
            "projects_partnership": accepted.partnership,
            "events_event": event,
            "events_registration": registration,
            "auth_group": Group.objects.get_or_create(name="Autre")[0],
            "account_emailaddress": admin.emailaddress_set.first(),
            "coexist_email": email,
            "accounts_user": member,
            "actors_organisation": organisation,
            "actors_pendingorganisation": OrganisationFactory(slug="en-attente", status="pending"),
            "actors_membership": requested,
            "actors_organisationneed": need,
            "matching_suggestion": suggestion,
            "mediatheque_resource": members_only,
        },
    }


def project_make(*, owner, by):
    project = services.project_create(owner=owner, by=by, data={"title": "Pompes solaires"})
    services.need_add(
        project=project,
        by=by,
        competence=competence("logistics-supply-chain"),
        contribution_type=ContributionType.objects.get(slug="skills-sponsorship"),
    )
    services.project_publish(project=project, by=by)
    return project


def url_for(name: str, world: dict) -> str:
    slug = world["organisation"].slug
    by_name = {
        "actors:detail": [slug],
        "actors:edit": [slug],
        "actors:submit": [slug],
        "actors:join": [slug],
        "actors:leave": [slug],
        "actors:members": [slug],
        "actors:membership_action": [slug, world["requested"].pk, "accept"],
        "matching:dashboard": [slug],
        "matching:suggestion_action": [slug, world["suggestion"].pk, "dismiss"],
        "projects:detail": [world["project"].slug],
        "projects:create": [slug],
        "projects:edit": [world["project"].slug],
        "projects:publish": [world["project"].slug],
        "projects:needs": [world["project"].slug],
        "projects:need_edit": [world["project"].slug, world["project"].needs.get().pk],
        "projects:need_action": [world["project"].slug, world["project"].needs.get().pk, "fulfil"],
        "projects:request_introduction": ["logistique-leman"],
        "projects:introduction": [world["introduction"].pk],
        "projects:accept": [world["introduction"].pk],
        "projects:decline": [world["introduction"].pk],
        "projects:dashboard": [slug],
        "projects:contact_consent": [slug],
        "mediatheque:detail": [world["resources"]["members_only"].slug],
        "mediatheque:download": [world["resources"]["members_only"].slug],
        "mediatheque:preview": [world["resources"]["members_only"].slug],
        "mediatheque:video": [world["resources"]["video"].slug],
        "mediatheque:edit": [world["resources"]["draft"].slug],
        "mediatheque:submit": [world["resources"]["draft"].slug],
        "account_confirm_email": ["not-a-key"],
        # Events
        **{
            f"events:{name}": [world["event"].slug]
            for name in ("detail", "event_ics", "register", "leave", "attendees")
            + ("attendees_csv", "edit", "cancel")
        },
        "events:private_feed": [world["token"].token],
        "admin:app_list": ["actors"],
        "admin:auth_user_password_change": [world["users"]["member"].pk],
        "admin:view_on_site": [
            ContentType.objects.get_for_model(Organisation).pk,
            world["organisation"].pk,
        ],
    }
    if name == "account_reset_password_from_key":
        return reverse(name, kwargs={"uidb36": "1", "key": "not-a-key"})
    if name in by_name:
        return reverse(name, args=by_name[name])
    model, _sep, page = name.removeprefix("admin:").rpartition("_")
    if model in ADMIN_MODELS and page in ("change", "history", "delete"):
        obj = world["objects"].get(model)
        if obj is None:  # a taxonomy: any row will do
            from django.apps import apps

            app_label, model_name = model.split("_", 1)
            obj = apps.get_model(app_label, model_name).objects.first()
        return reverse(name, args=[obj.pk])
    return reverse(name)


def observed(response) -> object:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("account_login")):
            return LOGIN
    return response.status_code


def as_persona(world: dict, persona: str) -> Client:
    client = Client()
    if persona != "visitor":
        client.force_login(world["users"][persona])
    return client


def statuses(world: dict, method: str, url: str) -> dict:
    """The status each persona gets, each in a transaction rolled back after (POSTs act)."""
    got = {}
    for persona in PERSONAS:
        with transaction.atomic():
            got[persona] = observed(getattr(as_persona(world, persona), method)(url))
            transaction.set_rollback(True)
    return got


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_url_answers_each_persona_as_declared(world, name):
    url = url_for(name, world)
    get_expected, post_expected = RULES[name]
    assert statuses(world, "get", url) == dict(zip(PERSONAS, get_expected, strict=True)), url
    if post_expected is not None:
        expected = dict(zip(PERSONAS, post_expected, strict=True))
        assert statuses(world, "post", url) == expected, f"POST {url}"
