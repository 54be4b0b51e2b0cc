from django import template

from actors.languages import language_name

register = template.Library()


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    return language_name(code)
