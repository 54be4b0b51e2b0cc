"""The pages of projects: the board (filters, search, sort, feed), a project, the forms,
the introduction pages and the organisation's dashboard, with pinned query counts."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from actors.models import SDG, Membership, Territory
from projects import introductions, services
from projects.models import Introduction, Project
from tests.factories import MembershipFactory, OrganisationFactory, kind
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db

BOARD_QUERIES = 6  # count, ids, cards (owner and kind joined), SDGs, territories, needs
DETAIL_QUERIES = 7  # project and owner, again with SDGs, territories, needs, partners
DASHBOARD_QUERIES = 14


def titles(response) -> list[str]:
    return [project.title for project in response.context["page"].object_list]


def board(client, **params):
    return client.get(reverse("projects:board"), params)


def many_projects(count: int, *, start: int = 0):
    sdg = SDG.objects.get(number=6)
    territory = Territory.objects.order_by("pk").first()
    made = []
    for n in range(start, start + count):
        owner = OrganisationFactory()
        admin = MembershipFactory(organisation=owner, role=Membership.Role.ADMIN).user
        project = make_project(
            owner=owner,
            by=admin,
            title=f"Projet {n:02d}",
            needs=[
                ("logistics-supply-chain", "skills-sponsorship"),
                ("transport", "in-kind-donation"),
            ],
            ends_on=date(2027, 1, 1) + timedelta(days=n),
        )
        project.sdgs.set([sdg])
        project.territories.set([territory])
        made.append(project)
    return made


def test_the_board_shows_public_projects_only(client, project, organisation, admin_user):
    draft = make_project(owner=organisation, by=admin_user, title="Brouillon", publish=False)
    hidden_owner = OrganisationFactory(status="pending")
    make_project(
        owner=hidden_owner,
        by=MembershipFactory(organisation=hidden_owner, role="admin").user,
        title="Organisation en attente",
    )
    response = board(client)
    assert titles(response) == [project.title]
    assert draft.title not in response.content.decode()
    assert "<h1>Projets en recherche de partenaires</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "params, found",
    [
        ({"status": "seeking"}, True),
        ({"status": "ongoing"}, False),
        ({"status": "nonsense"}, False),
        ({"competence": "logistics-supply-chain"}, True),
        ({"competence": "transport"}, False),
        ({"contribution": "skills-sponsorship"}, True),
        ({"contribution": "financial-sponsorship"}, False),
        ({"kind": "ngo"}, True),
        ({"kind": "company"}, False),
        ({"country": "BF"}, True),
        ({"country": "SN"}, False),
        ({"sdg": "6"}, True),
        ({"sdg": "13"}, False),
        ({"q": "pompes"}, True),
        ({"q": "solaire"}, True),
        ({"q": "informatique"}, False),
    ],
)
def test_each_filter_narrows_the_board(client, project, admin_user, params, found):
    services.project_update(
        project=project, by=admin_user, data={"countries": ["BF"]}, m2m={"sdgs": [6]}
    )
    assert titles(board(client, **params)) == ([project.title] if found else [])


def test_a_fulfilled_need_no_longer_matches_the_competence_filter(
    client, project, need, admin_user
):
    services.need_set_state(need=need, by=admin_user, state="fulfilled")
    assert titles(board(client, competence="logistics-supply-chain")) == []


def test_sorting_by_ending_soon_and_newest(client, time_machine):
    time_machine.move_to("2026-02-01 10:00 +01:00")
    first, second, third = many_projects(3)
    assert titles(board(client, sort="ending")) == [first.title, second.title, third.title]
    assert titles(board(client)) == [third.title, second.title, first.title]


def test_the_board_uses_a_constant_number_of_queries(client, django_assert_max_num_queries):
    many_projects(3)
    cache.clear()
    with django_assert_max_num_queries(BOARD_QUERIES) as with_three:
        assert len(titles(board(client, sort="ending"))) == 3
    many_projects(27, start=3)
    cache.clear()
    with django_assert_max_num_queries(BOARD_QUERIES) as with_thirty:
        response = board(client, sort="ending")
    assert len(titles(response)) == 20
    assert response.context["page"].num_pages == 2
    assert len(with_three) == len(with_thirty)


def test_filters_stay_in_the_pagination_links_and_the_feed(client):
    many_projects(22)
    content = board(client, competence="transport").content.decode()
    assert "?competence=transport&amp;page=2" in content
    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Projets en recherche de partenaires (RSS)" '
        'href="/projets/flux.rss?competence=transport">'
    ) in content


def test_the_feed_lists_projects_seeking_partners_with_the_boards_filters(
    client, project, organisation, admin_user
):
    other = make_project(owner=organisation, by=admin_user, title="Déjà en cours")
    services.project_update(project=other, by=admin_user, data={"status": "ongoing"})
    response = client.get(reverse("projects:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<rss" in body and project.title in body and "Déjà en cours" not in body
    assert project.get_absolute_url() in body
    filtered = client.get(reverse("projects:feed"), {"competence": "transport"}).content.decode()
    assert project.title not in filtered
    assert (
        "Déjà en cours"
        in client.get(reverse("projects:feed"), {"status": "ongoing"}).content.decode()
    )


def test_the_sitemap_lists_organisations_and_public_projects(
    client, project, organisation, admin_user
):
    draft = make_project(owner=organisation, by=admin_user, title="Brouillon", publish=False)
    body = client.get("/sitemap.xml").content.decode()
    assert organisation.get_absolute_url() in body
    assert project.get_absolute_url() in body
    assert draft.get_absolute_url() not in body


def test_a_project_page_shows_its_needs_and_offers_an_introduction(client_for, project, outsider):
    body = client_for(outsider).get(project.get_absolute_url()).content.decode()
    assert "Logistique et chaîne d&#x27;approvisionnement" in body
    assert "Mécénat de compétences" in body
    url = reverse("projects:request_introduction", args=[project.owner.slug])
    assert f"{url}?project={project.slug}" in body


def test_a_draft_is_seen_by_the_owners_members_only(
    client, client_for, organisation, admin_user, member_user, outsider
):
    draft = make_project(owner=organisation, by=admin_user, title="Brouillon", publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client_for(outsider).get(draft.get_absolute_url()).status_code == 404
    assert client_for(member_user).get(draft.get_absolute_url()).status_code == 200


def test_a_project_page_uses_a_constant_number_of_queries(
    client, project, admin_user, django_assert_max_num_queries
):
    cache.clear()
    with django_assert_max_num_queries(DETAIL_QUERIES) as with_few:
        assert client.get(project.get_absolute_url()).status_code == 200
    for slug in ("transport", "procurement", "maintenance-repair"):
        for contribution in ("in-kind-donation", "financial-sponsorship"):
            from tests.factories import competence
            from tests.factories import contribution as ctype

            services.need_add(
                project=project,
                by=admin_user,
                competence=competence(slug),
                contribution_type=ctype(contribution),
            )
    cache.clear()
    with django_assert_max_num_queries(DETAIL_QUERIES) as with_more:
        assert client.get(project.get_absolute_url()).status_code == 200
    assert len(with_few) == len(with_more)


def test_the_organisation_page_lists_its_projects(client, project, organisation):
    body = client.get(organisation.get_absolute_url()).content.decode()
    assert project.title in body and "1 besoin ouvert" in body


def test_a_member_writes_a_project_and_its_needs_an_admin_publishes_it(
    client_for, organisation, member_user, admin_user
):
    client = client_for(member_user)
    response = client.post(
        reverse("projects:create", args=[organisation.slug]),
        {"title": "Jardins partagés", "summary": "Des potagers", "status": "seeking"},
    )
    project = Project.objects.get(title="Jardins partagés")
    assert response["Location"] == reverse("projects:needs", args=[project.slug])
    assert project.publication == "draft" and project.created_by == member_user
    from actors.models import Competence, ContributionType

    response = client.post(
        reverse("projects:needs", args=[project.slug]),
        {
            "competence": Competence.objects.get(slug="transport").pk,
            "contribution_type": ContributionType.objects.get(slug="in-kind-donation").pk,
            "description": "Un camion",
        },
    )
    assert response.status_code == 302 and project.needs.count() == 1
    assert client.post(reverse("projects:publish", args=[project.slug])).status_code == 404
    client.force_login(admin_user)
    client.post(reverse("projects:publish", args=[project.slug]))
    assert Project.objects.get(pk=project.pk).is_published


def test_bad_input_on_the_project_form_is_said_and_nothing_is_saved(
    client_for, organisation, member_user
):
    response = client_for(member_user).post(
        reverse("projects:create", args=[organisation.slug]),
        {
            "title": "x" * 300,
            "status": "seeking",
            "starts_on": "2026-05-02",
            "ends_on": "2026-05-01",
        },
    )
    assert response.status_code == 200
    assert "La fin précède le début." in response.content.decode()
    assert not Project.objects.exists()


def test_asking_from_a_need_then_answering_from_the_dashboard(
    client_for, organisation, other_organisation, company_admin, need, member_user
):
    client = client_for(company_admin)
    url = reverse("projects:request_introduction", args=[organisation.slug])
    response = client.post(
        url,
        {"from_organisation": other_organisation.slug, "message": "Nos camions", "need": need.pk},
    )
    introduction = Introduction.objects.get()
    assert response["Location"] == reverse("projects:dashboard", args=[other_organisation.slug])
    assert introduction.need == need
    # The NGO's member sees it, not who sent it: a name is a contact detail.
    page = client_for(member_user).get(introduction.get_absolute_url()).content.decode()
    assert "Nos camions" in page and company_admin.email not in page
    assert str(company_admin) not in page
    admin = MembershipFactory(organisation=organisation, role="admin").user
    client = client_for(admin)
    dashboard = client.get(reverse("projects:dashboard", args=[organisation.slug]))
    assert [i.pk for i in dashboard.context["waiting"]] == [introduction.pk]
    client.post(reverse("projects:accept", args=[introduction.pk]))
    page = client.get(introduction.get_absolute_url()).content.decode()
    assert company_admin.email in page and admin.email in page


def test_declining_from_the_answer_page(client_for, organisation, other_organisation, need):
    member = MembershipFactory(organisation=other_organisation).user
    introduction = introductions.introduction_request(
        from_organisation=other_organisation,
        to_organisation=organisation,
        by=member,
        message="Bonjour",
        need=need,
    )
    admin = MembershipFactory(organisation=organisation, role="admin").user
    client = client_for(admin)
    url = reverse("projects:decline", args=[introduction.pk])
    refused = client.post(url, {"reason": "rude"})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert Introduction.objects.get(pk=introduction.pk).is_pending
    client.post(url, {"reason": "not_now", "message": "Plus tard"})
    introduction.refresh_from_db()
    assert (introduction.state, introduction.decline_message) == ("declined", "Plus tard")


def test_the_request_limit_sends_to_the_facilitators(client_for, other_organisation):
    for _ in range(10):
        sender = MembershipFactory().user
        introductions.introduction_request(
            from_organisation=sender.memberships.get().organisation,
            to_organisation=other_organisation,
            by=sender,
            message="Bonjour",
        )
    late = MembershipFactory().user
    response = client_for(late).post(
        reverse("projects:request_introduction", args=[other_organisation.slug]),
        {"from_organisation": late.memberships.get().organisation.slug, "message": "Bonjour"},
    )
    assert response.status_code == 200
    assert "Adressez-vous aux facilitateur·rices" in response.content.decode()


def test_the_dashboard_uses_a_constant_number_of_queries(
    client_for, organisation, admin_user, django_assert_max_num_queries, time_machine
):
    time_machine.move_to("2026-02-02 09:00 +01:00")

    def fill(count):
        for n in range(count):
            time_machine.shift(timedelta(days=1))  # at most ten received a week
            other = OrganisationFactory(kind=kind("company"))
            make_project(
                owner=organisation,
                by=admin_user,
                title=f"P{n}-{other.pk}",
                needs=[("transport", "in-kind-donation")],
            )
            sender = MembershipFactory(organisation=other).user
            introductions.introduction_request(
                from_organisation=other, to_organisation=organisation, by=sender, message="Oui"
            )

    client = client_for(admin_user)
    url = reverse("projects:dashboard", args=[organisation.slug])
    fill(3)
    with django_assert_max_num_queries(DASHBOARD_QUERIES) as with_three:
        assert client.get(url).status_code == 200
    fill(27)
    client = client_for(admin_user)  # a month later: signed in again
    with django_assert_max_num_queries(DASHBOARD_QUERIES) as with_thirty:
        response = client.get(url)
    assert len(response.context["waiting"]) == 30
    assert len(with_three) == len(with_thirty)
