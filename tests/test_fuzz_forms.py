"""Bad input never gives a 500: generated values posted to every form of the site and
to the admin pages facilitators use (property-based, with hypothesis).

Each test reads the form a page really renders, then posts generated values to its
fields: huge and negative integers, words where ids are expected, NUL characters,
long and exotic text, lists where one value is expected. Whatever is posted, the
answer is a page with errors, a redirect, or a 4xx, never a server error. This runs
on SQLite and on PostgreSQL (their failures differ: SQLite overflows on big integers).
A new form is fuzzed by adding its page to the tables below.
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.models import ContributionType, Membership, OrganisationNeed
from projects import introductions
from projects import services as project_services
from tests.events.factories import EventFactory
from tests.factories import MembershipFactory, OrganisationFactory, competence, make_facilitator
from tests.mediatheque.factories import make_resource

pytestmark = pytest.mark.django_db

EXAMPLES = 20

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1.5",
            "abc",
            "99999999999",
            str(2**63),
            str(2**64 + 7),
            "9" * 40,
            "\x00",
            "a\x00b",
            "null",
            "[]",
            '{"a": 1}',
            "true",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "ftp://example.org",
            "https://evil.example\\@example.org",
            "'; DROP TABLE x; --",
            "é" * 300,
            "x" * 5000,
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, max_size=4))

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form_field_names(response) -> list[str]:
    """The names a page's form posts: its bound form's fields, prefixed as rendered."""
    context = response.context
    form = None
    for key in ("form", "adminform"):
        if key in context:
            form = context[key]
            form = getattr(form, "form", form)
            break
    assert form is not None, "no form on this page"
    names = [form.add_prefix(name) for name in form.fields]
    for formset in context.get("inline_admin_formsets") or []:
        management = formset.formset.management_form
        names += [management.add_prefix(name) for name in management.fields]
        empty = formset.formset.empty_form
        names += [empty.add_prefix(name).replace("__prefix__", "0") for name in empty.fields]
    return names


def post_fuzzed(client: Client, url: str, names: list[str], data: st.DataObject) -> None:
    payload = {}
    for name in names:
        if data.draw(st.booleans()):
            payload[name] = data.draw(hostile_value, label=name)
    response = client.post(url, payload)
    assert response.status_code < 500, (url, payload)


@pytest.fixture
def world(db):
    """An organisation with an admin, a need and a pending member; a facilitator."""
    organisation = OrganisationFactory(slug="eau-vive", name="Eau Vive")
    admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    OrganisationFactory(slug="autre", name="Autre")
    need = OrganisationNeed.objects.create(
        organisation=organisation, competence=competence("fundraising")
    )
    # Projects: a published project with a need, a request to Eau Vive to answer.
    project = project_services.project_create(
        owner=organisation, by=admin, data={"title": "Pompes solaires"}
    )
    project_need = project_services.need_add(
        project=project,
        by=admin,
        competence=competence("transport"),
        contribution_type=ContributionType.objects.get(slug="in-kind-donation"),
    )
    project_services.project_publish(project=project, by=admin)
    third = OrganisationFactory(slug="tiers", name="Tiers")
    introduction = introductions.introduction_request(
        from_organisation=third,
        to_organisation=organisation,
        by=MembershipFactory(organisation=third).user,
        message="Bonjour",
    )
    resource = make_resource(title="Ressource fuzz", publishers=[organisation])
    return {
        "organisation": organisation,
        "admin": admin,
        "facilitator": make_facilitator(),
        "need": need,
        "project": project,
        "project_need": project_need,
        "introduction": introduction,
        # Events
        "event": EventFactory(slug="atelier", organisers=[organisation]),
        "resource": resource,
    }


SITE_FORMS = [
    ("member", lambda w: reverse("actors:create")),
    ("admin", lambda w: reverse("actors:edit", args=["eau-vive"])),
    ("member", lambda w: reverse("actors:join", args=["autre"])),
    ("member", lambda w: reverse("accounts:profile")),
    ("member", lambda w: reverse("accounts:delete")),
    ("admin", lambda w: reverse("accounts:delete")),  # the last admin: with its way out
    ("admin", lambda w: reverse("actors:leave", args=["eau-vive"])),
    ("visitor", lambda w: reverse("account_signup")),
    ("visitor", lambda w: reverse("account_login")),
    ("visitor", lambda w: reverse("account_reset_password")),
    ("member", lambda w: reverse("account_email")),
    ("member", lambda w: reverse("account_change_password")),
    # Projects
    ("member", lambda w: reverse("projects:create", args=["eau-vive"])),
    ("admin", lambda w: reverse("projects:edit", args=[w["project"].slug])),
    ("admin", lambda w: reverse("projects:needs", args=[w["project"].slug])),
    (
        "admin",
        lambda w: reverse("projects:need_edit", args=[w["project"].slug, w["project_need"].pk]),
    ),
    ("member", lambda w: reverse("projects:request_introduction", args=["autre"])),
    ("admin", lambda w: reverse("projects:decline", args=[w["introduction"].pk])),
    ("facilitator", lambda w: reverse("projects:broker")),
    # Events
    ("admin", lambda w: reverse("events:propose")),
    ("admin", lambda w: reverse("events:edit", args=["atelier"])),
    ("admin", lambda w: reverse("events:cancel", args=["atelier"])),
    # Médiathèque
    ("admin", lambda w: reverse("mediatheque:create")),
    ("admin", lambda w: reverse("mediatheque:edit", args=[w["resource"].slug])),
]

ADMIN_FORMS = [
    lambda w: reverse("admin:actors_organisation_change", args=[w["organisation"].pk]),
    lambda w: reverse("admin:actors_organisation_add"),
    lambda w: reverse("admin:actors_organisationneed_add"),
    lambda w: reverse("admin:actors_organisationneed_change", args=[w["need"].pk]),
    lambda w: reverse("admin:actors_organisation_import"),
    lambda w: reverse("admin:projects_project_change", args=[w["project"].pk]),
    # Events
    lambda w: reverse("admin:events_event_add"),
    lambda w: reverse("admin:events_event_change", args=[w["event"].pk]),
    lambda w: reverse("admin:mediatheque_resource_add"),
    lambda w: reverse("admin:mediatheque_resource_change", args=[w["resource"].pk]),
]


def login(client: Client, world: dict, persona: str) -> None:
    if persona == "member":
        client.force_login(MembershipFactory(organisation=world["organisation"]).user)
    elif persona != "visitor":
        client.force_login(world[persona])


@pytest.mark.parametrize("persona, url_of", SITE_FORMS)
@fuzz
@given(data=st.data())
def test_site_forms_never_answer_500(client, world, persona, url_of, data):
    login(client, world, persona)
    url = url_of(world)
    names = form_field_names(client.get(url))
    post_fuzzed(client, url, names, data)


@pytest.mark.parametrize("url_of", ADMIN_FORMS)
@fuzz
@given(data=st.data())
def test_admin_forms_facilitators_use_never_answer_500(client, world, url_of, data):
    client.force_login(world["facilitator"])
    url = url_of(world)
    names = form_field_names(client.get(url))
    post_fuzzed(client, url, names, data)


ADMIN_ACTIONS = {
    "admin:actors_organisation_changelist": ["publish", "decline", "verify", "unverify", "archive"],
    "admin:actors_membership_changelist": ["accept", "decline", "promote", "demote", "remove"],
    "admin:projects_project_changelist": ["feature", "hide", "uncurate"],
    "admin:events_event_changelist": ["publish", "cancel"],
    "admin:mediatheque_resource_changelist": [
        "publish",
        "decline",
        "archive",
        "feature",
        "unfeature",
        "reprocess",
    ],
}


@pytest.mark.parametrize("changelist", sorted(ADMIN_ACTIONS))
@fuzz
@given(data=st.data())
def test_admin_actions_never_answer_500(client, world, changelist, data):
    client.force_login(world["facilitator"])
    action = data.draw(st.sampled_from(ADMIN_ACTIONS[changelist]))
    selected = data.draw(st.lists(hostile_text, min_size=1, max_size=3))
    extra = data.draw(st.dictionaries(st.sampled_from(["apply", "reason", "index"]), hostile_value))
    response = client.post(
        reverse(changelist), {"action": action, "_selected_action": selected, **extra}
    )
    assert response.status_code < 500


@pytest.mark.parametrize(
    "url_of",
    [
        lambda w: reverse("admin:actors_organisation_changelist"),
        lambda w: reverse("admin:actors_pendingorganisation_changelist"),
        lambda w: reverse("admin:actors_membership_changelist"),
        lambda w: reverse("admin:actors_organisationneed_changelist"),
        lambda w: reverse("admin:coexist_email_changelist"),
        lambda w: reverse("admin:matching_suggestion_changelist"),
        lambda w: reverse("admin:accounts_user_changelist"),
        lambda w: reverse("admin:projects_project_changelist"),
        lambda w: reverse("admin:projects_introduction_changelist"),
        lambda w: reverse("admin:projects_partnership_changelist"),
        lambda w: reverse("admin:events_event_changelist"),
        lambda w: reverse("admin:events_registration_changelist"),
        lambda w: reverse("admin:mediatheque_resource_changelist"),
    ],
)
@fuzz
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "created_at__year",
                "starts_at__year",
                "created_at__month",
                "created_at__day",
                "status__exact",
                "kind__id__exact",
                "verified__exact",
                "territories__id__exact",
                "state__exact",
                "age",
                "curation__exact",
                "from_organisation__id__exact",
                "o",
                "p",
                "q",
                "all",
            ]
        ),
        hostile_text,
        max_size=3,
    )
)
def test_admin_lists_never_answer_500(client, world, url_of, params):
    client.force_login(world["facilitator"])
    response = client.get(url_of(world), params)
    assert response.status_code < 500


@fuzz
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "q",
                "kind",
                "territory",
                "sdg",
                "offers",
                "needs",
                "gives",
                "seeks",
                "country",
                "verified",
                "sort",
                "page",
                "utm_source",
            ]
        ),
        hostile_value,
        max_size=4,
    )
)
def test_the_directory_never_answers_500(client, world, params):
    assert client.get(reverse("actors:directory"), params).status_code < 500


@fuzz
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "q",
                "status",
                "sdg",
                "competence",
                "contribution",
                "territory",
                "country",
                "kind",
                "sort",
                "page",
                "utm_source",
            ]
        ),
        hostile_value,
        max_size=4,
    )
)
def test_the_projects_board_and_its_feed_never_answer_500(client, world, params):
    assert client.get(reverse("projects:board"), params).status_code < 500
    assert client.get(reverse("projects:feed"), params).status_code < 500


@fuzz
@given(project=hostile_text, need=hostile_text)
def test_the_introduction_request_never_answers_500_on_its_query(client, world, project, need):
    login(client, world, "member")
    url = reverse("projects:request_introduction", args=["autre"])
    assert client.get(url, {"project": project, "need": need}).status_code < 500


@fuzz
@given(
    params=st.dictionaries(
        st.sampled_from(["kind", "organiser", "sdg", "mode", "month", "utm_source"]),
        hostile_value,
        max_size=4,
    ),
    name=st.sampled_from(["calendar", "past", "month", "feed_ics", "feed_rss", "feed_atom"]),
)
def test_the_calendar_never_answers_500(client, world, params, name):
    assert client.get(reverse(f"events:{name}"), params).status_code < 500
