"""The médiathèque's pages: search (titles, summaries and the text inside files), filters
in the URL, sorts, constant query counts, the resource page, the click-to-load video,
the feeds and the organisation page's block."""

import pytest
from django.urls import reverse

from actors.models import Competence
from mediatheque.models import Resource
from mediatheque.services import resource_process
from tests.mediatheque.factories import make_resource
from tests.mediatheque.files import pdf

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [resource.title for resource in response.context["page"].object_list]


def with_text(title: str, text: str, **kwargs) -> Resource:
    resource = make_resource(title=title, file=("f.pdf", pdf(text)), **kwargs)
    resource_process(resource_id=resource.pk)
    return resource


def test_search_finds_a_word_that_is_only_inside_the_pdf_accent_and_plural_free(client):
    with_text("Convention type", "Clauses sur les contreparties équitables du mécénat")
    make_resource(title="Autre guide")
    for query in ("equitable", "ÉQUITABLES", "contrepartie"):
        response = client.get(reverse("mediatheque:list"), {"q": query})
        assert titles(response) == ["Convention type"], query


def test_a_visitor_cannot_probe_the_text_of_a_members_only_file(client, member_user):
    with_text("Rapport réservé", "salaires confidentiels", access=Resource.Access.MEMBERS)
    url = reverse("mediatheque:list")
    assert titles(client.get(url, {"q": "confidentiels"})) == []
    assert titles(client.get(url, {"q": "réservé"})) == ["Rapport réservé"]  # its title is public
    client.force_login(member_user)
    assert titles(client.get(url, {"q": "confidentiels"})) == ["Rapport réservé"]


def test_filters_live_in_the_url_and_combine(client, organisation):
    logistics = Competence.objects.get(slug="logistics-supply-chain")
    wanted = make_resource(
        title="Modèle logistique", kind=Resource.Kind.TEMPLATE, publishers=[organisation],
        languages=["en"], access=Resource.Access.MEMBERS,
    )  # fmt: skip
    wanted.competences.add(logistics)
    wanted.sdgs.add(4)
    from mediatheque.search import refresh_search

    refresh_search([wanted.pk])
    make_resource(title="Rapport", kind=Resource.Kind.REPORT)
    make_resource(title="Brouillon", kind=Resource.Kind.TEMPLATE, status=Resource.Status.DRAFT)
    url = reverse("mediatheque:list")
    for params in (
        {"kind": "template"},
        {"theme": "logistics-supply-chain"},
        {"theme": logistics.category.slug},
        {"sdg": "4"},
        {"language": "en"},
        {"publisher": organisation.slug},
        {"access": "members"},
        {"kind": "template", "theme": "logistics-supply-chain", "access": "members"},
    ):
        assert titles(client.get(url, params)) == ["Modèle logistique"], params
    assert titles(client.get(url, {"kind": "nonsense"})) == []
    response = client.get(url, {"kind": "template", "page": "1"})
    assert b"kind=template" in response.content  # the feed link keeps the filters


def test_sorts_newest_title_and_relevance(client):
    import datetime

    make_resource(title="Zèbre", publication_date=datetime.date(2024, 1, 1), summary="eau")
    make_resource(title="Abeille", publication_date=datetime.date(2025, 1, 1))
    make_resource(title="Éléphant eau", publication_date=datetime.date(2023, 1, 1))
    url = reverse("mediatheque:list")
    assert titles(client.get(url)) == ["Abeille", "Zèbre", "Éléphant eau"]
    assert titles(client.get(url, {"sort": "title"})) == ["Abeille", "Éléphant eau", "Zèbre"]
    assert set(titles(client.get(url, {"q": "eau", "sort": "relevance"}))) == {
        "Zèbre",
        "Éléphant eau",
    }


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_takes_a_constant_number_of_queries(
    client, organisation, count, django_assert_max_num_queries
):
    for n in range(count):
        resource = make_resource(title=f"Ressource {n}", publishers=[organisation],
                                 external_url="https://example.org/r")  # fmt: skip
        resource.competences.add(Competence.objects.first())
        resource.sdgs.add(1, 2)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("mediatheque:list"), {"sort": "title"})
    assert response.status_code == 200
    assert len(titles(response)) == min(count, 20)


@pytest.mark.parametrize("count", [3, 30])
def test_the_resource_page_takes_a_constant_number_of_queries(
    client, count, django_assert_max_num_queries
):
    from tests.factories import OrganisationFactory

    resource = make_resource(title="Guide")
    resource.publishers.set(OrganisationFactory.create_batch(count))
    resource.competences.set(Competence.objects.all()[:count])
    with django_assert_max_num_queries(10):
        response = client.get(resource.get_absolute_url())
    assert response.status_code == 200


def test_a_members_only_page_asks_a_visitor_to_sign_in(client):
    resource = with_text("Convention", "texte privé", access=Resource.Access.MEMBERS)
    response = client.get(resource.get_absolute_url())
    content = response.content.decode()
    assert "Sign in to download" in content or "Se connecter pour télécharger" in content
    assert reverse("mediatheque:preview", args=[resource.slug]) not in content
    assert "texte privé" not in content


def test_a_public_pdf_page_shows_its_preview(client):
    resource = with_text("Guide", "Bonjour")
    content = client.get(resource.get_absolute_url()).content.decode()
    assert reverse("mediatheque:preview", args=[resource.slug]) in content


def test_a_video_contacts_its_host_only_after_a_click(client):
    resource = make_resource(
        title="Webinaire", kind=Resource.Kind.VIDEO,
        external_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )  # fmt: skip
    page = client.get(resource.get_absolute_url())
    html = page.content.decode()
    assert "<iframe" not in html and "youtube-nocookie" not in html
    assert "frame-src" not in page["Content-Security-Policy"]
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html  # the plain link
    video_url = reverse("mediatheque:video", args=[resource.slug])
    assert video_url in html
    player = client.get(video_url)
    assert "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in player.content.decode()
    assert "frame-src https://www.youtube-nocookie.com" in player["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url, player",
    [
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://peertube.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
            "https://peertube.example/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d",
        ),
        ("https://example.org/page", None),
        ("http://vimeo.com/76979871", None),
    ],
)
def test_video_links_become_players(url, player):
    from mediatheque.video import embed_for

    embed = embed_for(url)
    assert (embed.player_url if embed else None) == player


def test_the_feeds_list_new_resources_with_the_filters(client):
    make_resource(title="Modèle de convention", kind=Resource.Kind.TEMPLATE)
    make_resource(title="Rapport annuel", kind=Resource.Kind.REPORT)
    make_resource(title="Brouillon", status=Resource.Status.DRAFT)
    rss = client.get(reverse("mediatheque:feed"), {"kind": "template"})
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Modèle de convention" in body and "Rapport annuel" not in body
    assert "Brouillon" not in body
    atom = client.get(reverse("mediatheque:feed_atom"))
    assert atom["Content-Type"].startswith("application/atom+xml")
    page = client.get(reverse("mediatheque:list")).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in page
    assert 'rel="alternate" type="application/atom+xml"' in page


def test_the_organisation_page_lists_its_resources(client, organisation):
    make_resource(title="Guide de l'organisation", publishers=[organisation])
    make_resource(title="Brouillon caché", publishers=[organisation], status="draft")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Guide de l&#x27;organisation" in html and "Brouillon caché" not in html


def test_the_site_navigation_links_to_the_mediatheque(client):
    assert reverse("mediatheque:list") in client.get(reverse("home")).content.decode()
