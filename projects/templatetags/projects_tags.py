"""What projects shows on the pages of lower apps (actors never imports projects)."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def organisation_projects(organisation):
    """The public "projects" block of an organisation's page (one query)."""
    from projects.selectors import organisation_projects as published

    projects = published(organisation=organisation, include_drafts=False)
    return render_to_string("projects/_organisation_projects.html", {"projects": projects})
