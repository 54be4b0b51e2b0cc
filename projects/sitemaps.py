from django.contrib.sitemaps import Sitemap

from projects import selectors


class ProjectSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return selectors.public_projects_for_sitemap()

    def lastmod(self, item):
        return item.updated_at
