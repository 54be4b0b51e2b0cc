"""An organisation's page, and how its profile is created, edited and sent for review.

A published organisation is public. Until it is published only its members and
the facilitators see it. Any signed-in member can add an organisation: it waits
for review, its creator becomes its administrator and the facilitators are told
by email. Its administrators and the facilitators edit it; bad input is shown
back with the errors and nothing is saved. Descriptions are Markdown, sanitised.
"""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from actors import services
from actors.models import SDG, Membership, Organisation, OrganisationNeed
from coexist.models import Email
from coexist.tasks import email_send
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    competence,
    contribution,
    kind,
)

pytestmark = pytest.mark.django_db

CREATE = reverse("actors:create")


@pytest.fixture(autouse=True)
def _english(client):
    """Pages are read in English here, so that assertions read like the page."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def persona_client(request, client, persona):
    """The test client as ``persona`` (``visitor`` is the anonymous client)."""
    if persona != "visitor":
        client.force_login(request.getfixturevalue(persona))
    return client


def login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?next={next_url}"


def png(size=(40, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 110, 140)).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def profile(**overrides) -> dict:
    """A complete, valid profile as the form posts it."""
    data = {
        "name": "Terre Commune",
        "kind": kind("ngo").pk,
        "pitch": "Agroécologie et eau potable au Burkina Faso",
        "description": "Nous accompagnons des **coopératives** paysannes.",
        "website": "https://terre-commune.example",
        "email": "contact@terre-commune.example",
        "phone": "04 50 12 34 56",
        "street": "1 rue de la Paix",
        "postcode": "74100",
        "city": "Annemasse",
        "country": "FR",
        "territories": [],
        "intervention_countries": ["BF"],
        "sdgs": [2, 6],
        "languages": ["fr", "en"],
        "offers": [competence("project-management").pk],
        "needs": [competence("fundraising").pk, competence("legal-advice").pk],
        "needs_description": "Un appui pour lever des fonds.",
        "contributions_offered": [contribution("technical-expertise").pk],
        "contributions_sought": [contribution("financial-sponsorship").pk],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def snapshot() -> tuple:
    """Everything a form submission could write."""
    return (
        list(Organisation.objects.order_by("pk").values()),
        list(OrganisationNeed.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        Email.objects.count(),
    )


def form_errors(response) -> dict:
    assert response.status_code == 200
    assert "The form has errors; nothing was saved." in response.content.decode()
    return response.context["form"].errors


@pytest.fixture
def queued_emails(monkeypatch):
    """Ids of the stored emails handed to the broker (the sending task is queued, not run)."""
    queued = []
    monkeypatch.setattr(email_send, "apply_async", lambda args, **options: queued.append(args[0]))
    return queued


# The page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("visitor", 404),
        ("outsider", 404),
        ("member_user", 200),
        ("admin_user", 200),
        ("facilitator", 200),
    ],
)
@pytest.mark.parametrize("status", ["draft", "pending", "archived"])
def test_an_unpublished_organisation_is_seen_only_by_its_members_and_facilitators(
    request, client, organisation, persona, expected, status
):
    Organisation.objects.filter(pk=organisation.pk).update(status=status)
    client = persona_client(request, client, persona)

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == expected
    if expected == 200:
        assert "Eau Vive Solidarité" in response.content.decode()


@pytest.mark.parametrize(
    "persona", ["visitor", "outsider", "member_user", "admin_user", "facilitator"]
)
def test_a_published_organisation_is_public(request, client, organisation, persona):
    client = persona_client(request, client, persona)

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
    assert "Eau Vive Solidarité" in response.content.decode()


def test_an_unknown_organisation_is_not_found(client):
    assert client.get(reverse("actors:detail", args=["n-existe-pas"])).status_code == 404


def test_a_member_whose_request_is_still_open_does_not_see_a_pending_organisation(
    client, organisation
):
    Organisation.objects.filter(pk=organisation.pk).update(status="pending")
    requester = MembershipFactory(
        organisation=organisation, status=Membership.Status.REQUESTED
    ).user
    client.force_login(requester)

    assert client.get(organisation.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "persona, sees_people",
    [
        ("visitor", False),
        ("outsider", False),  # an admin of another organisation
        ("stranger", False),  # signed in, verified, belongs to nothing
        ("requester", False),  # asked to join, not accepted yet
        ("member_user", True),
        ("admin_user", True),
        ("facilitator", True),
    ],
)
def test_people_are_shown_to_their_organisations_members_and_facilitators_only(
    request, client, organisation, admin_user, member_user, persona, sees_people
):
    job = "Chargée de partenariats"
    admin_user.job_title = job
    admin_user.save(update_fields=["job_title"])
    if persona == "stranger":
        client.force_login(UserFactory())
    elif persona == "requester":
        client.force_login(
            MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED).user
        )
    elif persona != "visitor":
        client.force_login(request.getfixturevalue(persona))

    response = client.get(organisation.get_absolute_url())
    page = response.content.decode()

    assert (admin_user.email in page) is sees_people
    assert (admin_user.full_name in page) is sees_people
    assert (job in page) is sees_people
    if sees_people:
        assert f'<a href="mailto:{admin_user.email}">' in page
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    else:
        assert "shown only to its members" in page


def test_people_who_left_or_asked_to_join_are_not_contacts(client, organisation, admin_user):
    left = MembershipFactory(organisation=organisation, status=Membership.Status.LEFT).user
    asking = MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED).user
    client.force_login(admin_user)

    page = client.get(organisation.get_absolute_url()).content.decode()

    assert admin_user.email in page
    assert left.email not in page
    assert asking.email not in page


def test_the_description_markdown_is_rendered_and_sanitised(client, organisation, admin_user):
    services.organisation_update(
        organisation=organisation,
        by=admin_user,
        data={
            "description": (
                "Nous sommes **engagés**.\n\n"
                "<script>alert('xss')</script>\n\n"
                "[Cliquez](javascript:alert('lien')) ou [notre site](https://eau-vive.example)\n\n"
                '<img src="x" onerror="alert(1)"> <a href="#" onclick="alert(2)">ici</a>\n\n'
                '<iframe src="https://evil.example"></iframe>'
            )
        },
        m2m={},
    )

    page = client.get(organisation.get_absolute_url()).content.decode()
    page = page.split("</head>", 1)[1]  # the head loads the site's own static script

    assert "<strong>engagés</strong>" in page
    assert '<a href="https://eau-vive.example" rel="noopener noreferrer nofollow">' in page
    assert "<script" not in page
    assert "javascript:" not in page
    assert "onerror" not in page and "onclick" not in page
    assert "<iframe" not in page and "<img" not in page


# Creating an organisation -----------------------------------------------------


def test_a_visitor_is_sent_to_the_login_page_to_add_an_organisation(client):
    assert client.get(CREATE).url == login_url(CREATE)

    response = client.post(CREATE, profile())

    assert response.url == login_url(CREATE)
    assert not Organisation.objects.exists()


def test_a_member_sees_the_empty_form(client, member_user):
    client.force_login(member_user)

    response = client.get(CREATE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Add my organisation" in html
    assert 'enctype="multipart/form-data"' in html
    assert response.context["form"].fields["languages"].initial == ["fr"]


def test_the_create_page_does_not_accept_other_methods(client, member_user):
    client.force_login(member_user)

    assert client.put(CREATE).status_code == 405
    assert client.delete(CREATE).status_code == 405


def test_a_member_creates_an_organisation_that_waits_for_review(
    client, member_user, facilitator, queued_emails, django_capture_on_commit_callbacks
):
    client.force_login(member_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE, profile(logo=png()))
        assert queued_emails == []  # nothing is queued before the commit

    created = Organisation.objects.get(name="Terre Commune")
    assert response.status_code == 302
    assert response.url == created.get_absolute_url() == "/annuaire/terre-commune/"
    assert created.status == Organisation.Status.PENDING
    assert created.slug == "terre-commune"
    assert created.phone == "04 50 12 34 56"
    assert created.languages == ["fr", "en"]
    assert list(created.intervention_countries) == ["BF"]
    assert created.logo.name.startswith("logos/") and created.logo.name.endswith(".png")
    assert set(created.sdgs.values_list("number", flat=True)) == {2, 6}
    assert list(created.offers.values_list("slug", flat=True)) == ["project-management"]
    assert set(created.needs.values_list("competence__slug", flat=True)) == {
        "fundraising",
        "legal-advice",
    }
    assert list(created.contributions_sought.values_list("slug", flat=True)) == [
        "financial-sponsorship"
    ]
    # The creator is its administrator.
    membership = Membership.objects.get(organisation=created)
    assert (membership.user, membership.role, membership.status) == (
        member_user,
        Membership.Role.ADMIN,
        Membership.Status.ACTIVE,
    )
    # The facilitators are told, through the outbox, once the transaction commits.
    email = Email.objects.get(kind="review_requested")
    assert email.to == [facilitator.email]
    assert "Terre Commune" in email.subject
    review_url = reverse("admin:actors_organisation_change", args=[created.pk])
    assert review_url in email.body_text
    assert queued_emails == [email.pk]


def test_after_creating_the_creator_sees_the_pending_page_with_a_thank_you(client, member_user):
    client.force_login(member_user)

    response = client.post(CREATE, profile(), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "is waiting for review by the CSI team" in html
    assert "only its members see it" in html
    assert "Terre Commune" in html


def test_two_organisations_with_the_same_name_get_different_addresses(client, member_user):
    client.force_login(member_user)

    client.post(CREATE, profile())
    client.post(CREATE, profile())

    assert sorted(
        Organisation.objects.filter(name="Terre Commune").values_list("slug", flat=True)
    ) == [
        "terre-commune",
        "terre-commune-2",
    ]


def test_a_new_organisation_is_not_in_the_directory_before_it_is_published(client, member_user):
    client.force_login(member_user)
    client.post(CREATE, profile())

    directory = client.get(reverse("actors:directory")).content.decode()
    assert "Eau Vive Solidarité" in directory
    assert 'href="/annuaire/terre-commune/"' not in directory


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"kind": None}, "kind", "This field is required."),
        ({"phone": "12345"}, "phone", "Enter a French or Swiss phone number"),
        ({"pitch": "x" * 201}, "pitch", "at most 200 characters"),
        ({"email": "pas-une-adresse"}, "email", "Enter a valid email address."),
        ({"website": "javascript:alert(1)"}, "website", "Enter a valid URL."),
        ({"sdgs": [99]}, "sdgs", "Select a valid choice."),
        (
            {"logo": SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image")},
            "logo",
            "Upload a valid image.",
        ),
    ],
    ids=["no-name", "no-kind", "bad-phone", "long-pitch", "bad-email", "bad-url", "sdg", "pdf"],
)
def test_bad_input_is_shown_back_and_nothing_is_saved(
    client, member_user, facilitator, overrides, field, message
):
    client.force_login(member_user)
    before = snapshot()

    response = client.post(CREATE, profile(**overrides))

    errors = form_errors(response)
    assert field in errors
    assert message in " ".join(errors[field])
    assert 'value="74100"' in response.content.decode()  # what was typed is kept
    assert snapshot() == before


def test_a_logo_over_the_size_limit_is_refused(client, member_user, settings):
    settings.LOGO_MAX_BYTES = 100
    client.force_login(member_user)
    before = snapshot()

    response = client.post(CREATE, profile(logo=png()))

    assert "The logo is too large" in " ".join(form_errors(response)["logo"])
    assert snapshot() == before


def test_a_logo_in_a_format_we_do_not_accept_is_refused(client, member_user):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    client.force_login(member_user)
    before = snapshot()

    response = client.post(CREATE, profile(logo=SimpleUploadedFile("logo.bmp", buffer.getvalue())))

    assert "Upload a PNG, JPEG or WebP image" in " ".join(form_errors(response)["logo"])
    assert snapshot() == before


def test_a_failure_after_the_organisation_is_written_leaves_nothing_half_saved(
    client, member_user, facilitator, monkeypatch
):
    from django.core.exceptions import ValidationError

    def failing_needs_set(**kwargs):
        assert Organisation.objects.filter(name="Terre Commune").exists()  # already written
        raise ValidationError("The needs could not be saved.")

    monkeypatch.setattr(services, "needs_set", failing_needs_set)
    client.force_login(member_user)
    before = snapshot()

    response = client.post(CREATE, profile())

    assert response.status_code == 200
    assert "The needs could not be saved." in response.content.decode()
    assert snapshot() == before


# Editing an organisation ------------------------------------------------------


def edit_url(organisation) -> str:
    return reverse("actors:edit", args=[organisation.slug])


def test_a_visitor_is_sent_to_the_login_page_to_edit(client, organisation):
    url = edit_url(organisation)

    assert client.get(url).url == login_url(url)
    assert client.post(url, profile()).url == login_url(url)
    organisation.refresh_from_db()
    assert organisation.name == "Eau Vive Solidarité"


@pytest.mark.parametrize("persona", ["member_user", "outsider"])
def test_only_administrators_and_facilitators_may_edit(request, client, organisation, persona):
    client = persona_client(request, client, persona)
    before = snapshot()

    assert client.get(edit_url(organisation)).status_code == 404
    assert client.post(edit_url(organisation), profile()).status_code == 404
    assert snapshot() == before


def test_editing_an_unknown_organisation_is_not_found(client, facilitator):
    client.force_login(facilitator)

    assert client.get(reverse("actors:edit", args=["n-existe-pas"])).status_code == 404


@pytest.mark.parametrize("persona", ["admin_user", "facilitator"])
def test_administrators_and_facilitators_see_the_filled_in_form(
    request, client, organisation, persona
):
    client = persona_client(request, client, persona)

    response = client.get(edit_url(organisation))

    assert response.status_code == 200
    assert "Edit Eau Vive Solidarité" in response.content.decode()
    assert response.context["form"].instance == organisation


@pytest.mark.parametrize("persona", ["admin_user", "facilitator"])
def test_administrators_and_facilitators_save_the_profile(request, client, organisation, persona):
    client = persona_client(request, client, persona)

    response = client.post(
        edit_url(organisation),
        profile(name="Eau Vive Solidarité Léman", sdgs=[6], needs=[competence("fundraising").pk]),
    )

    assert response.status_code == 302
    assert response.url == organisation.get_absolute_url()
    organisation.refresh_from_db()
    assert organisation.name == "Eau Vive Solidarité Léman"
    assert organisation.slug == "eau-vive"  # the address does not change with the name
    assert organisation.status == Organisation.Status.PUBLISHED  # still published
    assert organisation.phone == "04 50 12 34 56"
    assert list(organisation.sdgs.all()) == [SDG.objects.get(number=6)]
    assert [need.competence.slug for need in organisation.needs.all()] == ["fundraising"]
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == ["The profile was saved."]


def test_a_kept_need_keeps_its_own_words(client, organisation, admin_user):
    OrganisationNeed.objects.create(
        organisation=organisation, competence=competence("fundraising"), description="Mécénat"
    )
    client.force_login(admin_user)

    client.post(
        edit_url(organisation),
        profile(needs=[competence("fundraising").pk, competence("legal-advice").pk]),
    )

    descriptions = dict(organisation.needs.values_list("competence__slug", "description"))
    assert descriptions == {"fundraising": "Mécénat", "legal-advice": ""}


@pytest.mark.parametrize(
    "overrides",
    [{"name": ""}, {"phone": "pas un numéro"}, {"pitch": "x" * 201}, {"website": "ftp:/x"}],
    ids=["no-name", "bad-phone", "long-pitch", "bad-url"],
)
def test_bad_input_on_edit_keeps_the_profile_unchanged(client, organisation, admin_user, overrides):
    client.force_login(admin_user)
    before = snapshot()

    response = client.post(edit_url(organisation), profile(**overrides))

    assert form_errors(response)
    assert snapshot() == before
    organisation.refresh_from_db()
    assert organisation.name == "Eau Vive Solidarité"


def test_bad_input_on_edit_still_names_the_organisation_by_its_saved_name(
    client, organisation, admin_user
):
    client.force_login(admin_user)

    response = client.post(edit_url(organisation), profile(name="Nouveau Nom", phone="12"))

    assert form_errors(response)["phone"]
    assert 'value="Nouveau Nom"' in response.content.decode()  # what was typed is kept
    assert "<h1>Edit Eau Vive Solidarité</h1>" in response.content.decode()


def test_the_edit_page_does_not_accept_other_methods(client, organisation, admin_user):
    client.force_login(admin_user)

    assert client.put(edit_url(organisation), profile()).status_code == 405
    assert client.patch(edit_url(organisation)).status_code == 405
    assert client.delete(edit_url(organisation)).status_code == 405
    assert Organisation.objects.filter(pk=organisation.pk).exists()


# Sending back for review ------------------------------------------------------


def submit_url(organisation) -> str:
    return reverse("actors:submit", args=[organisation.slug])


def test_an_administrator_sends_a_declined_draft_back_for_review(
    client, organisation, admin_user, facilitator, django_capture_on_commit_callbacks
):
    Organisation.objects.filter(pk=organisation.pk).update(
        status="draft", decline_reason="Il manque une description."
    )
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(submit_url(organisation))

    assert response.url == organisation.get_absolute_url()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING
    assert Email.objects.get(kind="review_requested").to == [facilitator.email]


def test_the_page_offers_to_send_a_draft_for_review_to_its_administrators(
    client, organisation, admin_user
):
    Organisation.objects.filter(pk=organisation.pk).update(
        status="draft", decline_reason="Il manque une description."
    )
    client.force_login(admin_user)

    page = client.get(organisation.get_absolute_url()).content.decode()

    assert f'action="{submit_url(organisation)}"' in page
    assert "Il manque une description." in page


def test_sending_an_organisation_already_waiting_for_review_changes_nothing(
    client, organisation, admin_user, facilitator
):
    Organisation.objects.filter(pk=organisation.pk).update(status="pending")
    client.force_login(admin_user)

    client.post(submit_url(organisation))

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING
    assert not Email.objects.exists()


def test_a_published_organisation_stays_published_when_submitted(client, organisation, admin_user):
    client.force_login(admin_user)

    client.post(submit_url(organisation))

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PUBLISHED


def test_sending_for_review_is_a_post(client, organisation, admin_user):
    Organisation.objects.filter(pk=organisation.pk).update(status="draft")
    client.force_login(admin_user)

    assert client.get(submit_url(organisation)).status_code == 405
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.DRAFT


@pytest.mark.parametrize(("persona", "expected"), [("member_user", 404), ("outsider", 404)])
def test_only_administrators_send_for_review(request, client, organisation, persona, expected):
    Organisation.objects.filter(pk=organisation.pk).update(status="draft")
    client = persona_client(request, client, persona)

    assert client.post(submit_url(organisation)).status_code == expected
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.DRAFT


def test_a_visitor_is_sent_to_the_login_page_to_send_for_review(client, organisation):
    url = submit_url(organisation)

    assert client.post(url).url == login_url(url)


def test_an_administrator_replaces_then_removes_the_logo(client, organisation, admin_user):
    client.force_login(admin_user)
    client.post(edit_url(organisation), profile(logo=png()))
    organisation.refresh_from_db()
    assert organisation.logo.name.endswith(".png")
    assert (
        f'<img class="logo" src="{organisation.logo.url}"'
        in client.get(organisation.get_absolute_url()).content.decode()
    )

    response = client.post(edit_url(organisation), profile(**{"logo-clear": "on"}))

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert not organisation.logo
    assert Organisation.objects.filter(pk=organisation.pk, logo="").exists()
    assert '<img class="logo"' not in client.get(organisation.get_absolute_url()).content.decode()


def test_editing_without_a_new_logo_keeps_the_current_one(client, organisation, admin_user):
    client.force_login(admin_user)
    client.post(edit_url(organisation), profile(logo=png()))
    organisation.refresh_from_db()
    logo = organisation.logo.name

    client.post(edit_url(organisation), profile(city="Genève"))

    organisation.refresh_from_db()
    assert organisation.city == "Genève"
    assert organisation.logo.name == logo


def test_working_languages_are_named_in_the_visitor_language(client, db):
    OrganisationFactory(slug="teranga", languages=["fr", "wo", "mg"])
    html = client.get(reverse("actors:detail", args=["teranga"])).content.decode()
    assert "French, Wolof, Malagasy" in html
    client.cookies["django_language"] = "fr"
    html = client.get(reverse("actors:detail", args=["teranga"])).content.decode()
    assert "Français, Wolof, Malgache" in html


def test_a_person_with_no_name_is_shown_by_their_email_once(client, organisation, admin_user):
    admin_user.full_name = ""
    admin_user.save(update_fields=["full_name"])
    client.force_login(admin_user)
    page = client.get(organisation.get_absolute_url()).content.decode()
    members = client.get(reverse("actors:members", args=[organisation.slug])).content.decode()
    assert page.count(admin_user.email) == 2  # the mailto link and its text, once
    assert members.count(admin_user.email) == 2  # the row, and the buttons' labels


def test_a_name_that_is_too_long_is_refused_not_cut(client, member_user):
    client.force_login(member_user)
    form = client.get(CREATE).content.decode()
    assert 'maxlength="200"' not in form  # a browser would cut it silently
    assert "At most 200 characters." in form

    long_name = "Association pour le développement " * 8
    errors = form_errors(client.post(CREATE, profile(name=long_name)))
    assert "name" in errors
    assert not Organisation.objects.filter(name__startswith="Association pour").exists()
