"""The public directory of organisations.

Everyone can browse it. It lists published organisations only; filters, search,
sort and page all live in the query string (so a search can be shared), an
unknown filter value shows no result instead of an error, and the list is cached
per query: a change to an organisation shows up on the next request.
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actors import services
from actors.models import SDG, Membership, Organisation, Territory
from coexist.cache import Scope, versions
from tests.factories import MembershipFactory, OrganisationFactory, contribution, kind

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("actors:directory")

# The directory's SQL budget for one page of results, whatever the number of
# organisations and of their offers, needs, territories and SDGs (uncached):
# count, page of ids, organisations with their kind, then one query each for
# territories, SDGs, offers and needs (with their competences).
DIRECTORY_QUERIES = 7
# A published organisation's page for a signed-in member, uncached: the
# organisation with its kind, then once more with its territories, SDGs,
# contributions offered and sought, offers and needs (7), the session, the user,
# the memberships shown as contacts, the facilitator check and the complementary
# organisations (stored suggestions with their candidates, matching), and its
# published projects with their open needs counted (projects' template tag), and one for
# its published resources (the médiathèque's block).
DETAIL_QUERIES = 14


@pytest.fixture(autouse=True)
def _english(client):
    """Pages are read in English here, so that assertions read like the page."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def card_names(response) -> list[str]:
    """The names on the directory's cards, in the order shown."""
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<li class="card">\s*<h3><a href="[^"]+">([^<]+)</a>', html)


def browse(client, **params) -> list[str]:
    return card_names(client.get(DIRECTORY, params))


# What is listed ---------------------------------------------------------------


def test_the_directory_lists_only_published_organisations(client):
    OrganisationFactory(name="Publiee")
    for status in ("draft", "pending", "archived"):
        OrganisationFactory(name=f"Pas publiee {status}", status=status)

    assert browse(client) == ["Publiee"]


def test_an_empty_directory_says_nothing_matches(client):
    response = client.get(DIRECTORY)

    assert card_names(response) == []
    assert "No organisation matches these criteria" in response.content.decode()


# Filters ----------------------------------------------------------------------


def _territory(organisation):
    organisation.territories.set([Territory.objects.get(slug="haute-savoie")])


def _sdg(organisation):
    organisation.sdgs.set([SDG.objects.get(number=13)])


def _gives(organisation):
    organisation.contributions_offered.set([contribution("skills-sponsorship")])


def _seeks(organisation):
    organisation.contributions_sought.set([contribution("financial-sponsorship")])


FILTERS = {
    # filter: (query value, factory arguments of the matching organisation, extra setup)
    "kind": ("company", {"kind": "company"}, None),
    "territory": ("haute-savoie", {}, _territory),
    "sdg": ("13", {}, _sdg),
    "offers": ("fundraising", {"offers": ["fundraising"]}, None),
    "needs": ("legal-advice", {"needs": ["legal-advice"]}, None),
    "gives": ("skills-sponsorship", {}, _gives),
    "seeks": ("financial-sponsorship", {}, _seeks),
    "country": ("SN", {"intervention_countries": ["BF", "SN"]}, None),
    "verified": ("on", {"verified": True}, None),
}


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_narrows_the_results(client, name):
    value, arguments, setup = FILTERS[name]
    if "kind" in arguments:
        arguments = {**arguments, "kind": kind(arguments["kind"])}
    matching = OrganisationFactory(name="Correspond", **arguments)
    if setup:
        setup(matching)
    OrganisationFactory(name="Autre", intervention_countries=["BF"])

    assert browse(client) == ["Autre", "Correspond"]
    assert browse(client, **{name: value}) == ["Correspond"]


def test_filters_combine(client):
    both = OrganisationFactory(name="Les deux", offers=["fundraising"], verified=True)
    OrganisationFactory(name="Offre seulement", offers=["fundraising"])
    OrganisationFactory(name="Verifiee seulement", verified=True)
    _territory(both)

    assert browse(client, offers="fundraising", verified="on", territory="haute-savoie") == [
        "Les deux"
    ]


@pytest.mark.parametrize(
    "name", ["kind", "territory", "sdg", "offers", "needs", "gives", "seeks", "country"]
)
def test_an_unknown_filter_value_gives_no_result_rather_than_an_error(client, name):
    OrganisationFactory(name="Quelconque", intervention_countries=["SN"])

    response = client.get(DIRECTORY, {name: "n-existe-pas" if name != "country" else "ZZ"})

    assert response.status_code == 200
    assert card_names(response) == []
    assert "No organisation matches these criteria" in response.content.decode()


def test_filters_are_kept_in_the_pagination_links(client):
    for number in range(21):
        OrganisationFactory(name=f"Entreprise {number:02}", kind=kind("company"))
    OrganisationFactory(name="Une ONG")

    response = client.get(DIRECTORY, {"kind": "company", "sort": "newest"})

    html = response.content.decode()
    assert "21 organisations" in html
    assert 'href="?kind=company&amp;sort=newest&amp;page=2"' in html
    assert "Une ONG" not in html
    page_two = card_names(client.get(DIRECTORY, {"kind": "company", "page": 2}))
    assert page_two == ["Entreprise 20"]


# Sort -------------------------------------------------------------------------


def test_the_directory_is_sorted_by_name_by_default(client):
    for name in ("Mangrove", "Zebre", "Acacia"):
        OrganisationFactory(name=name)

    assert browse(client) == ["Acacia", "Mangrove", "Zebre"]
    assert browse(client, sort="name") == ["Acacia", "Mangrove", "Zebre"]


def test_the_directory_can_show_the_newest_first(client):
    now = timezone.now()
    OrganisationFactory(name="Ancienne", created_at=now - timedelta(days=300))
    OrganisationFactory(name="Recente", created_at=now - timedelta(days=1))
    OrganisationFactory(name="Moyenne", created_at=now - timedelta(days=30))

    assert browse(client, sort="newest") == ["Recente", "Moyenne", "Ancienne"]


def test_an_unknown_sort_falls_back_to_the_name(client):
    OrganisationFactory(name="Beta")
    OrganisationFactory(name="Alpha")

    assert browse(client, sort="'; DROP TABLE") == ["Alpha", "Beta"]


# Pagination -------------------------------------------------------------------


@pytest.fixture
def twenty_one_organisations(db):
    return [OrganisationFactory(name=f"Organisation {number:02}") for number in range(21)]


def test_more_than_a_page_of_organisations_goes_on_to_page_two(client, twenty_one_organisations):
    first = client.get(DIRECTORY)
    second = client.get(DIRECTORY, {"page": 2})

    assert len(card_names(first)) == settings.ORGANISATIONS_PER_PAGE == 20
    assert 'href="?page=2"' in first.content.decode()
    assert card_names(second) == ["Organisation 20"]
    assert 'href="?page=1"' in second.content.decode()


def test_a_page_beyond_the_last_shows_the_last_page(client, twenty_one_organisations):
    assert browse(client, page=99) == ["Organisation 20"]


@pytest.mark.parametrize("page", ["abc", "0", "-3", ""])
def test_a_page_that_is_not_a_page_number_shows_page_one(client, twenty_one_organisations, page):
    names = browse(client, page=page)

    assert names[0] == "Organisation 00"
    assert len(names) == 20


# Search -----------------------------------------------------------------------


@pytest.fixture
def searchable(db):
    return {
        "energie": OrganisationFactory(
            name="Soleil Partage", pitch="Accès à l'énergie solaire au Sahel"
        ),
        "partenariat": OrganisationFactory(
            name="Ponts Nord-Sud", description="Un partenariat durable entre écoles."
        ),
        "other": OrganisationFactory(name="Autre Chose", pitch="Rien à voir"),
    }


@pytest.mark.skipif(settings.USING_POSTGRES, reason="the SQLite fallback search")
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("energie", "Soleil Partage"),  # no accent typed, the text has one
        ("ÉNERGIE", "Soleil Partage"),
        ("partenariats", "Ponts Nord-Sud"),  # plural typed, the text is singular
        ("partenariat", "Ponts Nord-Sud"),
        ("solaire sahel", "Soleil Partage"),  # every word must appear
    ],
)
def test_search_on_sqlite_ignores_accents_and_plurals(client, searchable, query, found):
    assert browse(client, q=query) == [found]


@pytest.mark.skipif(settings.USING_POSTGRES, reason="the SQLite fallback search")
def test_search_on_sqlite_matches_whole_words_not_parts_of_words(client, db):
    OrganisationFactory(name="Réseau Bureau Solidaire", pitch="Un réseau de bureaux")
    OrganisationFactory(name="Eaux du Sahel", pitch="L'eau potable pour tous")
    OrganisationFactory(name="Water for All", pitch="We bring clean water to the villages")

    assert browse(client, q="eau") == ["Eaux du Sahel"]
    assert browse(client, q="réseaux") == ["Réseau Bureau Solidaire"]
    assert browse(client, q="villages") == ["Water for All"]  # an English text, stemmed so


@pytest.mark.skipif(settings.USING_POSTGRES, reason="the SQLite fallback search")
def test_search_on_sqlite_finds_nothing_when_a_word_is_missing(client, searchable):
    assert browse(client, q="energie introuvable") == []


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="full-text search needs PostgreSQL")
def test_search_on_postgres_is_ranked_accent_and_plural_insensitive_on_the_stored_vector(
    client, searchable
):
    in_the_name = OrganisationFactory(
        name="Energie Solidaire", pitch="Des partenariats pour l'énergie"
    )
    only_in_text = OrganisationFactory(
        name="Aaa Premier Alphabetique", description="On parle aussi d'énergie ici."
    )
    assert Organisation.objects.filter(search_vector__isnull=False).count() == 5

    # Ranked: the name weighs more than the pitch, which weighs more than the text.
    assert browse(client, q="énergie") == [
        in_the_name.name,
        searchable["energie"].name,
        only_in_text.name,
    ]
    # Accent-insensitive and plural-insensitive (French stemming after unaccent).
    assert browse(client, q="energie")[0] == in_the_name.name
    assert set(browse(client, q="partenariat")) == {in_the_name.name, "Ponts Nord-Sud"}
    assert set(browse(client, q="partenariats")) == {in_the_name.name, "Ponts Nord-Sud"}
    # The stored vector is what is searched: without it, an organisation is not found.
    Organisation.objects.filter(pk=only_in_text.pk).update(search_vector=None)
    cache.clear()
    assert only_in_text.name not in browse(client, q="energie")


# Queries and cache ------------------------------------------------------------


def rich_organisations(count: int, *, start: int = 0) -> list[Organisation]:
    """Published organisations each with several offers, needs, territories and SDGs."""
    territories = list(Territory.objects.order_by("pk")[:6])
    sdgs = list(SDG.objects.order_by("number"))
    offers = ["fundraising", "legal-advice", "project-management", "human-resources"]
    needs = ["strategy-governance", "finance-accounting", "microfinance"]
    created = []
    for number in range(start, start + count):
        organisation = OrganisationFactory(
            name=f"Riche {number:02}", offers=offers, needs=needs, verified=number % 2 == 0
        )
        organisation.territories.set(territories[number % 3 : number % 3 + 3])
        organisation.sdgs.set(sdgs[number % 10 : number % 10 + 4])
        organisation.contributions_offered.set([contribution("skills-sponsorship")])
        organisation.contributions_sought.set([contribution("financial-sponsorship")])
        created.append(organisation)
    return created


def test_the_directory_uses_a_constant_number_of_queries(client, django_assert_max_num_queries):
    rich_organisations(3)
    client.get(DIRECTORY)  # fills the process-wide taxonomy cache, as any earlier request has

    cache.clear()
    with django_assert_max_num_queries(DIRECTORY_QUERIES) as with_three:
        assert len(browse(client)) == 3

    rich_organisations(27, start=3)
    cache.clear()
    with django_assert_max_num_queries(DIRECTORY_QUERIES) as with_thirty:
        assert len(browse(client)) == 20

    assert len(with_three) == len(with_thirty) == DIRECTORY_QUERIES

    territory = Territory.objects.order_by("pk").first().slug
    cache.clear()
    with django_assert_max_num_queries(DIRECTORY_QUERIES) as filtered:
        names = browse(client, offers="fundraising", territory=territory, sort="newest")
    assert len(names) == 10
    assert len(filtered) == DIRECTORY_QUERIES


def test_an_organisation_page_uses_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    rich = rich_organisations(3)[0]
    url = rich.get_absolute_url()
    MembershipFactory(organisation=rich, role=Membership.Role.ADMIN)
    client.force_login(MembershipFactory(organisation=rich).user)

    cache.clear()
    with django_assert_max_num_queries(DETAIL_QUERIES) as with_three:
        assert client.get(url).status_code == 200

    rich_organisations(27, start=3)
    for _ in range(5):
        MembershipFactory(organisation=rich)
    cache.clear()
    with django_assert_max_num_queries(DETAIL_QUERIES) as with_thirty:
        response = client.get(url)
    assert response.content.decode().count('<a href="mailto:') == 7  # every contact is shown

    assert len(with_three) == len(with_thirty) == DETAIL_QUERIES


def test_a_second_request_for_the_directory_is_served_from_the_cache(
    client, django_assert_max_num_queries
):
    rich_organisations(3)
    client.get(DIRECTORY)
    cache.clear()
    with django_assert_max_num_queries(DIRECTORY_QUERIES) as first:
        first_names = browse(client)
    with django_assert_max_num_queries(DIRECTORY_QUERIES) as second:
        second_names = browse(client)

    assert second_names == first_names
    assert len(second) < len(first)
    assert len(second) == 0


def test_a_second_request_with_filters_is_served_from_the_cache(client):
    rich_organisations(3)
    browse(client, offers="fundraising", sort="newest")
    with CaptureQueriesContext(connection) as second:
        names = browse(client, sort="newest", offers="fundraising")  # same query, other order

    assert len(names) == 3
    assert len(second) == 0


def test_a_second_request_for_an_organisation_page_is_served_from_the_cache(
    client, organisation, django_assert_max_num_queries
):
    url = organisation.get_absolute_url()
    with django_assert_max_num_queries(DETAIL_QUERIES) as first:
        client.get(url)
    with django_assert_max_num_queries(DETAIL_QUERIES) as second:
        response = client.get(url)

    assert response.status_code == 200
    assert len(second) < len(first)


def test_a_change_to_an_organisation_shows_up_on_the_next_request(client, organisation, admin_user):
    assert browse(client) == ["Eau Vive Solidarité"]
    assert "Solidarité internationale" in client.get(organisation.get_absolute_url()).text

    services.organisation_update(
        organisation=organisation,
        by=admin_user,
        data={"name": "Eau Vive Renommée", "pitch": "Un nouveau pitch"},
        m2m={"offers": [], "sdgs": [SDG.objects.get(number=6)]},
    )

    assert browse(client) == ["Eau Vive Renommée"]
    page = client.get(organisation.get_absolute_url()).text
    assert "Un nouveau pitch" in page
    assert "6. Clean water and sanitation" in page
    assert "Solidarité internationale" not in page


def test_pages_read_while_a_change_is_being_saved_are_not_kept_once_it_is_committed(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    """Another request may read the directory between the change and its commit, and cache
    what it read under the current version: the cache is invalidated again on commit."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.organisation_update(
            organisation=organisation, by=admin_user, data={"name": "Eau Vive Renommée"}, m2m={}
        )
        version_before_commit = versions(Scope.DIRECTORY)
        # Pretend another request cached the page as it was before the change.
        Organisation.objects.filter(pk=organisation.pk).update(name="Eau Vive Solidarité")
        assert browse(client) == ["Eau Vive Solidarité"]
        Organisation.objects.filter(pk=organisation.pk).update(name="Eau Vive Renommée")

    for callback in callbacks:  # the transaction commits
        callback()

    assert versions(Scope.DIRECTORY) != version_before_commit
    assert browse(client) == ["Eau Vive Renommée"]


def test_search_results_are_refreshed_after_a_change(client, organisation, admin_user):
    assert browse(client, q="hydraulique") == []

    services.organisation_update(
        organisation=organisation,
        by=admin_user,
        data={"description": "Projets d'hydraulique villageoise."},
        m2m={},
    )

    assert browse(client, q="hydraulique") == ["Eau Vive Solidarité"]


def test_names_sort_as_a_french_reader_expects(client, db):
    for name in ["Vertitech", "Énergies du Bourbonnais", "eau claire", "Zèbre Solidaire", "Abri"]:
        OrganisationFactory(name=name)
    assert browse(client, sort="name") == [
        "Abri",
        "eau claire",
        "Énergies du Bourbonnais",
        "Vertitech",
        "Zèbre Solidaire",
    ]


@pytest.mark.parametrize("params", [{"kind": "xyz"}, {"sdg": "99"}, {"country": "ZZ"}])
def test_a_filter_value_that_names_nothing_is_said(client, db, params):
    OrganisationFactory(name="Visible")
    response = client.get(DIRECTORY, {**params}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert card_names(response) == []
    assert "These filters name nothing we know" in page
    assert f"“{next(iter(params.values()))}”" in page
