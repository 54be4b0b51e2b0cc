from django import template
from django.urls import reverse

from coexist.emails import absolute_url
from events import selectors
from events.links import subscribe_links

register = template.Library()


@register.inclusion_tag("events/_account_feed.html")
def my_calendar(user):
    """The account page's "my calendar" section (accounts does not know about events)."""
    token = selectors.calendar_token(user=user)
    context = {"token": token, "registrations": selectors.user_registrations(user=user)}
    if token is not None:
        url = absolute_url(reverse("events:private_feed", kwargs={"token": token.token}))
        context.update(subscribe_links(url, name="CoExist"))
    return context
