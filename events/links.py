"""Links calendar apps understand: subscribe to a feed, add one event."""

from datetime import UTC
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.http import HttpRequest
from django.urls import reverse

from coexist.emails import absolute_url


def webcal(url: str) -> str:
    """The same address as ``webcal://``, which opens the calendar app to subscribe."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", parts.netloc, parts.path, parts.query, ""))


def subscribe_links(feed_url: str, *, name: str = "CoExist") -> dict:
    return {
        "feed_url": feed_url,
        "webcal_url": webcal(feed_url),
        "google_subscribe_url": "https://calendar.google.com/calendar/render?"
        + urlencode({"cid": webcal(feed_url)}),
        "outlook_subscribe_url": "https://outlook.live.com/calendar/0/addfromweb?"
        + urlencode({"url": feed_url, "name": name}),
    }


def calendar_links(request: HttpRequest, filterset) -> dict:
    """The feeds of a calendar page, with its filters kept."""
    query = filterset.data.urlencode() if filterset.is_bound else ""
    suffix = f"?{query}" if query else ""
    return {
        **subscribe_links(absolute_url(reverse("events:feed_ics") + suffix)),
        "rss_url": reverse("events:feed_rss") + suffix,
        "atom_url": reverse("events:feed_atom") + suffix,
    }


def _utc(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_links(request: HttpRequest, event) -> dict:
    url = absolute_url(event.get_absolute_url())
    location = event.address
    return {
        "ics_url": reverse("events:event_ics", kwargs={"slug": event.slug}),
        "google_add_url": "https://calendar.google.com/calendar/render?"
        + urlencode(
            {
                "action": "TEMPLATE",
                "text": event.title,
                "dates": f"{_utc(event.starts_at)}/{_utc(event.ends_at)}",
                "details": url,
                "location": location,
                "ctz": "Europe/Paris",
            }
        ),
        "outlook_add_url": "https://outlook.live.com/calendar/0/deeplink/compose?"
        + urlencode(
            {
                "path": "/calendar/action/compose",
                "rru": "addevent",
                "subject": event.title,
                "startdt": event.starts_at.isoformat(),
                "enddt": event.ends_at.isoformat(),
                "location": location,
                "body": url,
            }
        ),
    }
