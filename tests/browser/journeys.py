"""Steps the journeys share: each one is what a person does on the page, by its labels."""

import re

from django.core import mail

PASSWORD = "Un-long-secret-2026"


def choose_language(page, code: str) -> None:
    page.locator("#language-select").select_option(code)
    page.locator(".language-form button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == code


def sign_in(page, base: str, email: str, password: str = "correct-horse-battery") -> None:
    page.goto(f"{base}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def last_link(pattern: str) -> str:
    """The path of the link in the last email sent that matches ``pattern``."""
    assert mail.outbox, "no email was sent"
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)
