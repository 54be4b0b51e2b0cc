"""RSS 2.0 feed of the projects seeking partners, with the board's filters in its URL."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from actors.selectors import query_without_page
from projects import selectors
from projects.filters import ProjectFilter
from projects.models import Project

FILTER_PARAMS = frozenset(ProjectFilter.base_filters)


class SeekingPartnersFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        query = request.GET.copy()
        if not query.get("status"):
            query["status"] = Project.Status.SEEKING  # the feed's purpose, unless asked
        return {
            "filterset": ProjectFilter(query, queryset=Project.objects.public()),
            "query": query_without_page(request.GET, params=FILTER_PARAMS),
        }

    def title(self, obj):
        return _("CoExist — projects seeking partners")

    def link(self, obj):
        board = reverse("projects:board")
        return f"{board}?{obj['query']}" if obj["query"] else board

    def description(self, obj):
        return _("Projects of the CoExist network that look for partner organisations.")

    def items(self, obj):
        return selectors.feed_projects(filterset=obj["filterset"])

    def item_title(self, item):
        return f"{item.title} — {item.owner.name}"

    def item_description(self, item):
        needs = ", ".join(need.competence.label for need in item.needs.all() if need.is_open)
        text = item.summary
        if needs:
            text = f"{text} — {_('Looking for:')} {needs}" if text else needs
        return text

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
