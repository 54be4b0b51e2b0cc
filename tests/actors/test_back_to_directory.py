"""Issue 8, item 11: "← Back to the directory" returns to the search and filters the
organisation was found with, and can lead nowhere but the directory."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, kind

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("actors:directory")


def back_link(html: str) -> str:
    match = re.search(r'<a href="([^"]*)">← ', html)
    assert match, "no back link"
    return unescape(match.group(1))


@pytest.fixture
def found():
    return OrganisationFactory(name="Eau Vive", description="Accès à l'eau.", kind=kind("ngo"))


def test_the_cards_carry_the_search_and_the_back_link_returns_to_it(client, found):
    html = client.get(DIRECTORY, {"q": "eau", "kind": "ngo", "sort": "name"}).content.decode()
    card = re.search(r'<h3><a href="([^"]+)">Eau Vive', html).group(1)
    page = client.get(unescape(card)).content.decode()
    assert back_link(page) == f"{DIRECTORY}?q=eau&kind=ngo&sort=name"


def test_without_a_search_the_back_link_is_the_bare_directory(client, found):
    page = client.get(found.get_absolute_url()).content.decode()
    assert back_link(page) == DIRECTORY


@pytest.mark.parametrize(
    "hostile",
    [
        "https://evil.example/",
        "//evil.example",
        "next=https://evil.example&q=eau",
        "q=eau&utm_source=x",
        "q=%22%3E%3Cscript%3E",
    ],
)
def test_the_back_link_never_leaves_the_directory(client, found, hostile):
    page = client.get(found.get_absolute_url(), {"back": hostile}).content.decode()
    link = back_link(page)
    assert link.startswith(f"{DIRECTORY}")
    assert (
        "evil" not in link
        and "utm_source" not in link
        and "<script" not in page.split("←")[0][-200:]
    )
