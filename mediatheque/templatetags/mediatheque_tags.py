"""What the médiathèque shows on the pages of lower apps (actors never imports it)."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def organisation_resources(organisation):
    """The "Resources" block of an organisation's page: what it publishes."""
    from mediatheque.selectors import organisation_resources as resources

    found = resources(organisation_id=organisation.pk)
    if not found:
        return ""
    return render_to_string(
        "mediatheque/_organisation_resources.html",
        {"resources": found, "organisation": organisation},
    )
