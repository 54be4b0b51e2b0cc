"""The RSS and Atom feeds of upcoming events (django.contrib.syndication); the calendar's
filters apply."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from coexist.templatetags.coexist_tags import render_markdown
from events import selectors


class UpcomingEventsFeed(Feed):
    title = _("CoExist — upcoming events")
    description = _("Workshops, meetups and trainings of the CoExist network.")

    def link(self):
        return reverse("events:calendar")

    def get_object(self, request, *args, **kwargs):
        from events.views import _filterset

        return _filterset(request)

    def items(self, filterset):
        return selectors.upcoming(filterset=filterset)[:50]

    def item_title(self, event):
        when = date_format(localtime(event.starts_at), "DATETIME_FORMAT")
        prefix = f"[{_('Cancelled')}] " if event.is_cancelled else ""
        return f"{prefix}{event.title} — {when}"

    def item_description(self, event):
        return render_markdown(event.description)

    def item_link(self, event):
        return event.get_absolute_url()

    def item_guid(self, event):
        return f"urn:uuid:{event.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, event):
        return event.published_at or event.created_at

    def item_updateddate(self, event):
        return event.updated_at


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed
    subtitle = UpcomingEventsFeed.description
