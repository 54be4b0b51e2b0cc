"""The feed of new resources (RSS and Atom), with the list's filters."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from mediatheque import selectors
from mediatheque.filters import ResourceFilter
from mediatheque.models import Resource


class ResourceFeed(Feed):
    """Titles, summaries and pages only: a members-only file is reached from its page,
    after signing in, never from the feed (no enclosure). A feed reader is a visitor: its
    search reads no members-only file's text."""

    feed_type = Rss201rev2Feed
    title = _("CoExist médiathèque: new resources")
    description = _("Reports, studies, guides, templates and videos shared on CoExist.")

    def get_object(self, request):
        return ResourceFilter(
            request.GET or None, queryset=Resource.objects.published(), with_private_text=False
        )

    def link(self):
        return reverse("mediatheque:list")

    def items(self, filterset):
        return selectors.feed_items(filterset=filterset)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        label = item.get_kind_display()
        if item.members_only:
            return f"{label} — {_('Members only')}. {item.summary}"
        return f"{label}. {item.summary}"

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_kind_display(), *(c.label for c in item.competences.all())]


class ResourceAtomFeed(ResourceFeed):
    feed_type = Atom1Feed
    subtitle = ResourceFeed.description
