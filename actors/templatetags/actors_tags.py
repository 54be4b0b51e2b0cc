from django import template

from actors.languages import language_name
from actors.validators import website_host as _website_host

register = template.Library()


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    return language_name(code)


@register.filter
def website_host(url: str) -> str:
    """The host a website link really goes to, shown instead of the link's full text."""
    return _website_host(url)


@register.simple_tag
def user_memberships(user):
    """The organisations a person belongs to or asked to join ("my account" lists them)."""
    from actors.selectors import user_memberships as memberships

    return memberships(user=user)
