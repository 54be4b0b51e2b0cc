"""Sign-in rate limits count per client, not per proxy.

Production runs behind a TLS proxy: every request reaches Django from the proxy's
address. With the proxy declared (ALLAUTH_TRUSTED_PROXY_COUNT), the limits key on the
client's address from X-Forwarded-For, so one client's wrong passwords lock out that
client only.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

PROXY = "10.1.2.3"


def _login(client: Client, client_ip: str, email: str, password: str):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_ip,
    )


def _lock_out(client_ip: str) -> None:
    """Eleven wrong passwords in a minute from one client, on as many accounts."""
    attacker = Client()
    for n in range(11):
        _login(attacker, client_ip, f"cible{n}@example.org", "mauvais-mot-de-passe")


@pytest.fixture
def member(db):
    return UserFactory(email="membre@ong.example")


def test_one_clients_failures_do_not_block_another_behind_the_proxy(settings, member):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    _lock_out("203.0.113.7")

    blocked = _login(Client(), "203.0.113.7", member.email, "correct-horse-battery")
    allowed = _login(Client(), "198.51.100.20", member.email, "correct-horse-battery")

    assert blocked.status_code == 429 or "_auth_user_id" not in blocked.client.session
    assert allowed.status_code == 302
    assert allowed.client.session["_auth_user_id"] == str(member.pk)


def test_without_the_proxy_setting_everybody_shares_the_proxys_limit(settings, member):
    """Why the setting matters (and is in .env.example): the documented failure."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    _lock_out("203.0.113.7")

    other = _login(Client(), "198.51.100.20", member.email, "correct-horse-battery")

    assert "_auth_user_id" not in other.client.session


def test_the_production_example_declares_the_proxy():
    from pathlib import Path

    example = (Path(__file__).parents[2] / ".env.example").read_text()
    assert "\nALLAUTH_TRUSTED_PROXY_COUNT=1\n" in example
