"""What matching shows on the pages of lower apps (actors never imports matching)."""

from django import template

register = template.Library()


@register.simple_tag
def complementary_organisations(organisation):
    """The public "complementary organisations" block of an organisation's page."""
    from matching.views import complementary_html

    return complementary_html(organisation=organisation)
