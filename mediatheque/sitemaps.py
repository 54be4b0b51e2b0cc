"""The médiathèque's part of /sitemap.xml (CONTRACTS.md): published resources' pages.

To be listed in the site's sitemap with the other pillars' (``coexist/urls.py``), e.g.
``sitemaps={"resources": ResourceSitemap, ...}``."""

from django.contrib.sitemaps import Sitemap

from mediatheque.models import Resource


class ResourceSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Resource.objects.published().order_by("-publication_date", "-id")

    def lastmod(self, item):
        return item.updated_at
