"""The site's own error pages, and small things a newcomer noticed."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from coexist.models import Email
from coexist.tasks import email_send
from tests.factories import UserFactory, sign_up

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_the_sites_own_translated_404(client):
    response = client.get("/annuaire/nexiste-pas/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in page
    assert reverse("actors:directory") in page  # the navigation and a way back


def test_a_refusal_is_the_sites_own_403(client_for, db):
    client = client_for(UserFactory())
    response = client.get(reverse("admin:login"))  # signed in, not staff
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


def test_the_500_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        page = render_to_string("500.html")
    assert "Une erreur est survenue" in page and "Something went wrong" in page


def test_visitors_see_no_developer_text_on_the_legal_notice(client, facilitator, settings):
    settings.LEGAL_HOST_NAME = ""
    url = reverse("legal_notice")
    assert "LEGAL_HOST_NAME" not in client.get(url).content.decode()
    client.force_login(facilitator)
    assert "LEGAL_HOST_NAME" in client.get(url).content.decode()


def test_allauths_emails_name_the_site_coexist(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://coexist.example.org"
    with django_capture_on_commit_callbacks(execute=False):
        sign_up(client, "nouvelle@ong.example")
    email_send.apply(args=[Email.objects.get(to=["nouvelle@ong.example"]).pk])
    body = mail.outbox[0].body
    assert body.startswith("Bonjour, c'est CoExist")
    assert "Merci d'utiliser CoExist" in body
    assert "testserver !" not in body and "127.0.0.1" not in body


def test_the_favicon_and_the_title_separator(client):
    assert client.get("/favicon.ico")["Location"].endswith("favicon.svg")
    title = client.get(reverse("privacy")).content.decode().split("<title>")[1].split("</title>")[0]
    assert title.endswith(" — CoExist")
    home_title = client.get("/").content.decode().split("<title>")[1].split("</title>")[0]
    assert home_title.count("CoExist") == 1
