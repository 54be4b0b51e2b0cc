"""Response headers: a strict Content-Security-Policy, a Permissions-Policy, and pages
that show personal data are never stored by a browser or a proxy."""

import csv
import re
from pathlib import Path

import pytest
from django.urls import reverse

from coexist.templatetags.coexist_tags import contrast_text
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).parents[2]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
        if part.strip()
    }


@pytest.mark.parametrize(
    "url", ["/", "/annuaire/", "/confidentialite/", "/accounts/login/", "/admin/login/"]
)
def test_every_page_has_a_strict_content_security_policy(client, url):
    response = client.get(url, follow=True)
    policy = directives(response)
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


INLINE_STYLE = re.compile(r"<[^>]+\sstyle=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*application/json)[^>]*>", re.I)


def test_pages_carry_no_inline_style_or_script_that_the_policy_would_block(
    client, organisation, admin_user, facilitator
):
    from actors.models import SDG

    organisation.sdgs.set(SDG.objects.filter(number__in=[6, 13]))
    pages = ["/", "/annuaire/", organisation.get_absolute_url()]
    html = "".join(client.get(url).content.decode() for url in pages)
    client.force_login(admin_user)
    for url in [
        organisation.get_absolute_url(),
        reverse("actors:edit", args=[organisation.slug]),
        reverse("accounts:profile"),
        reverse("actors:members", args=[organisation.slug]),
    ]:
        html += client.get(url).content.decode()
    client.force_login(facilitator)
    for url in [
        reverse("admin:index"),
        reverse("admin:actors_organisation_changelist"),
        reverse("admin:actors_organisation_change", args=[organisation.pk]),
    ]:
        html += client.get(url).content.decode()
    assert 'class="sdg sdg-6"' in html
    assert not INLINE_STYLE.findall(html)
    assert not INLINE_SCRIPT.findall(html)


def test_the_sdg_classes_have_the_official_colours_and_readable_text():
    css = (ROOT / "static/css/coexist.css").read_text()
    with (ROOT / "actors/taxonomy/sdgs.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            rule = f".sdg-{row['number']} {{ background: {row['colour'].lower()}; "
            rule += f"color: {contrast_text(row['colour'])}; }}"
            assert rule in css


def test_pages_with_personal_data_are_never_stored(client_for, organisation, admin_user):
    client = client_for(admin_user)
    for url in [
        reverse("accounts:profile"),
        reverse("accounts:data_export"),
        reverse("accounts:delete"),
        reverse("actors:members", args=[organisation.slug]),
        organisation.get_absolute_url(),  # shows the people of the organisation
        reverse("matching:dashboard", args=[organisation.slug]),
    ]:
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


def test_public_pages_stay_cacheable(client, db):
    OrganisationFactory(slug="publique")
    response = client.get(reverse("actors:detail", args=["publique"]))
    assert "no-store" not in response.get("Cache-Control", "")
