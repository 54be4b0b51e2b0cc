"""A tiny admin for the import and export views, until actors/admin.py wires them.

The site is named "admin" so the URL names are the real ones:
``admin:actors_organisation_import`` and ``admin:actors_organisation_export``.
"""

from django.contrib import admin
from django.urls import path

from actors.admin_import import organisation_export_view, organisation_import_view


class DirectoryAdminSite(admin.AdminSite):
    def get_urls(self):
        return [
            path(
                "actors/organisation/import/",
                organisation_import_view(self),
                name="actors_organisation_import",
            ),
            path(
                "actors/organisation/export/",
                organisation_export_view(self),
                name="actors_organisation_export",
            ),
            *super().get_urls(),
        ]


site = DirectoryAdminSite(name="admin")

urlpatterns = [path("admin/", site.urls)]
