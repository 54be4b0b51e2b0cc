"""Personas and shared fixtures: a visitor, a member, an admin, an outsider, a facilitator."""

import pytest
from django.core.cache import cache
from django.utils import translation

from actors import taxonomy_cache
from actors.models import Membership, OrganisationKind
from actors.taxonomy import load_taxonomies
from tests.factories import MembershipFactory, OrganisationFactory, kind, make_facilitator


@pytest.fixture(autouse=True)
def _isolated(settings):
    """Each test starts with an empty cache, no eager Celery, and French (the default)
    active: a view that activates a language must not leak it into the next test."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """The médiathèque's private files go to each test's own folder."""
    settings.MEDIATHEQUE_PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _taxonomies_after_a_flush(request):
    """A transactional test (a live server, a concurrency proof) ends with a flush that takes
    the taxonomies (data migrations) with it: the next one loads them again, with fresh
    cached ids."""
    marker = request.node.get_closest_marker("django_db")
    if not (
        "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
        or (marker is not None and marker.kwargs.get("transaction"))
    ):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    if not OrganisationKind.objects.exists():
        load_taxonomies()
    taxonomy_cache.terms.cache_clear()
    yield
    taxonomy_cache.terms.cache_clear()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Eau Vive Solidarité", slug="eau-vive")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(
        name="Logistique Léman", slug="logistique-leman", kind=kind("company")
    )


@pytest.fixture
def admin_user(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user


@pytest.fixture
def member_user(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER).user


@pytest.fixture
def outsider(other_organisation):
    """A member (even an admin) of another organisation."""
    return MembershipFactory(organisation=other_organisation, role=Membership.Role.ADMIN).user


@pytest.fixture
def facilitator(db):
    return make_facilitator(email="facilitatrice@csi.example")


@pytest.fixture
def client_for(client):
    """Log a persona in: ``client_for(user)`` returns the logged-in test client."""

    def login(user):
        client.force_login(user)
        return client

    return login
