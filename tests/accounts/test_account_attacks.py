"""Account attacks from the security review: telling members by sign-up timing, and
attaching another account's address."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import get_hasher
from django.urls import reverse

from coexist.models import Email
from tests.factories import UserFactory, sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def hashes(monkeypatch):
    """How many passwords were hashed (the slow step of creating an account)."""
    hasher = type(get_hasher())
    calls = []
    original = hasher.encode

    def encode(self, password, salt, *args, **kwargs):
        calls.append(password)
        return original(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", encode)
    return calls


def test_signing_up_with_an_existing_address_does_the_same_work_as_a_new_one(client, hashes):
    UserFactory(email="membre@ong.example")
    hashes.clear()

    existing = sign_up(client, "membre@ong.example")
    work_for_existing = len(hashes)
    hashes.clear()
    new = sign_up(client, "nouvelle@ong.example")
    work_for_new = len(hashes)

    assert work_for_existing == work_for_new == 1
    assert existing.status_code == new.status_code == 302
    assert existing["Location"] == new["Location"]  # the same "check your email" page


def test_an_address_of_another_account_cannot_be_attached(client_for, mailoutbox):
    owner = UserFactory(email="victime@ong.example")
    attacker = UserFactory(email="attaquant@ong.example")
    client = client_for(attacker)
    emails_before = Email.objects.count()

    response = client.post(reverse("account_email"), {"action_add": "", "email": owner.email})

    assert response.status_code == 200
    assert "belongs to another account" in response.content.decode() or (
        "appartient à un autre compte" in response.content.decode()
    )
    assert not EmailAddress.objects.filter(user=attacker, email=owner.email).exists()
    assert Email.objects.count() == emails_before  # nothing mailed to the victim


def test_a_new_address_of_ones_own_can_still_be_added(client_for):
    user = UserFactory(email="moi@ong.example")
    client = client_for(user)
    client.post(reverse("account_email"), {"action_add": "", "email": "moi.perso@ong.example"})
    assert EmailAddress.objects.filter(user=user, email="moi.perso@ong.example").exists()


def test_both_sign_up_answers_are_padded_to_the_same_duration(client, settings, monkeypatch):
    """Without timing anything: the view sleeps for what is left of the floor, whichever
    path it took (the clock is faked: 0.1 s spent, so 0.4 s left of a 0.5 s floor)."""
    import accounts.views

    settings.ACCOUNT_SIGNUP_DURATION_FLOOR = 0.5
    ticks = iter([100.0, 100.1, 200.0, 200.1])
    monkeypatch.setattr(accounts.views, "monotonic", lambda: next(ticks))
    slept = []
    monkeypatch.setattr(accounts.views, "sleep", slept.append)
    UserFactory(email="membre@ong.example")

    sign_up(client, "membre@ong.example")
    sign_up(client, "nouvelle@ong.example")

    assert slept == [pytest.approx(0.4), pytest.approx(0.4)]
