"""The accounts services the commands call (``ensure_facilitator``, ``seed_demo``)."""

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.selectors import user_is_facilitator
from accounts.services import facilitator_ensure, member_ensure

pytestmark = pytest.mark.django_db


def _writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_member_ensure_creates_a_verified_member_once():
    user, created = member_ensure(
        email="Claire@Example.org", password="long-password-1", full_name="Claire"
    )
    assert created and user.email == "claire@example.org"
    assert user.check_password("long-password-1")
    assert not user.is_staff and not user_is_facilitator(user=user)
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()

    with CaptureQueriesContext(connection) as queries:
        again, created = member_ensure(email="claire@example.org", password="long-password-1")
    assert not created and again.pk == user.pk
    assert _writes(queries) == []


def test_member_ensure_reactivates_and_resets_the_password():
    user, _created = member_ensure(email="a@example.org", password="first-password")
    user.is_active = False
    user.save()

    user, created = member_ensure(email="a@example.org", password="second-password")
    assert not created and user.is_active and user.check_password("second-password")


def test_facilitator_ensure_without_password_gives_no_usable_password():
    user, created = facilitator_ensure(email="curation@example.org", password=None)
    assert created and user_is_facilitator(user=user)
    assert not user.has_usable_password()

    user, _created = facilitator_ensure(email="curation@example.org", password="a-password-9")
    assert user.check_password("a-password-9")
    user, _created = facilitator_ensure(email="curation@example.org", password=None)
    user.refresh_from_db()
    assert user.check_password("a-password-9")  # None keeps it


def test_facilitator_ensure_writes_nothing_when_already_so():
    facilitator_ensure(email="f@example.org", password="a-password-9")
    with CaptureQueriesContext(connection) as queries:
        facilitator_ensure(email="f@example.org", password="a-password-9")
    assert _writes(queries) == []
