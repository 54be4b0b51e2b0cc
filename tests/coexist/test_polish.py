"""Issue 8, item 19: English dates without "p.m..", allauth's title case made sentence
case, destructive buttons not styled as the main action, the footer at the bottom."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

STATIC = Path(settings.BASE_DIR) / "static"


def test_english_dates_have_no_pm_and_end_cleanly_before_a_full_stop():
    moment = datetime(2026, 12, 1, 15, 5, tzinfo=ZoneInfo("Europe/Paris"))
    with translation.override("en"):
        text = Template('Last ranked: {{ d|date:"DATETIME_FORMAT" }}.').render(
            Context({"d": moment})
        )
    assert text == "Last ranked: 1 December 2026, 15:05."


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["account_login", "account_signup"])
def test_sign_in_and_sign_up_are_in_sentence_case_in_english(client, name):
    html = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sign In" not in html and "Sign Up" not in html
    assert "Sign in" in html or "Sign up" in html


@pytest.mark.django_db
def test_the_account_deletion_button_is_styled_as_destructive(client_for, member_user):
    html = client_for(member_user).get(reverse("accounts:delete")).content.decode()
    assert re.search(r'<button type="submit" class="button button-danger">', html)


def test_destructive_and_secondary_buttons_do_not_look_like_the_main_action():
    css = (STATIC / "css" / "coexist.css").read_text()
    # More specific than "button[type=submit]", which paints submit buttons as primary.
    danger = re.search(r"button\.button-danger \{([^}]*)\}", css).group(1)
    assert "background: #fff" in danger and "color: var(--error)" in danger
    secondary = re.search(r"button\.button-secondary \{([^}]*)\}", css).group(1)
    assert "background: #fff" in secondary


def test_the_footer_sits_at_the_bottom_of_short_pages():
    css = (STATIC / "css" / "coexist.css").read_text()
    assert re.search(
        r"body \{[^}]*min-height: 100vh;[^}]*display: flex;[^}]*flex-direction: column", css
    )
    assert re.search(r"main \{[^}]*flex: 1 0 auto", css)


@pytest.mark.django_db
def test_leaving_an_organisation_is_not_the_most_prominent_action(
    client_for, admin_user, organisation
):
    html = client_for(admin_user).get(organisation.get_absolute_url()).content.decode()
    leave = reverse("actors:leave", args=[organisation.slug])
    assert f'<a href="{leave}">' in html  # a plain link to a confirmation page
    assert f'action="{leave}"' not in html


def test_the_broker_url_names_a_host_so_kombu_does_not_warn(caplog):
    from kombu import Connection

    with caplog.at_level("WARNING", logger="kombu.connection"):
        Connection(settings.CELERY_BROKER_URL).info()
    assert "No hostname was supplied" not in caplog.text


def test_a_warning_of_django_is_printed_once():
    import logging

    # Django's default "console" handler on "django" is gone: only the root prints.
    assert logging.getLogger("django").handlers == []
    assert len(logging.getLogger().handlers) >= 1


def test_a_checkbox_and_its_label_never_split_across_two_columns():
    css = (STATIC / "css" / "coexist.css").read_text()
    assert re.search(
        r"\.checkbox-columns li, \.checkbox-columns div > div \{ break-inside: avoid; \}", css
    )
