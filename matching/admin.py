"""Facilitators' view of matching: suggestions across the network, uncovered needs, and
which competences are most demanded and least offered. Read-only: suggestions are
computed, and belong to the organisations they are for."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from coexist.admin_base import CoexistModelAdmin
from matching import selectors
from matching.models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(CoexistModelAdmin):
    list_display = ("organisation", "candidate", "score", "state", "computed_at")
    list_filter = ("state", "computed_at")
    search_fields = ("organisation__name", "candidate__name")
    ordering = ("-score", "pk")
    list_select_related = ("organisation", "candidate")
    list_per_page = 50
    show_full_result_count = False
    fields = (
        "organisation",
        "candidate",
        "score",
        "state",
        "reasons_text",
        "answered_needs",
        "computed_at",
        "created_at",
        "seen_at",
        "contacted_at",
        "dismissed_at",
    )
    readonly_fields = fields
    change_list_template = "admin/matching/suggestion/change_list.html"

    @admin.display(description=_("reasons"))
    def reasons_text(self, obj: Suggestion):
        return format_html_join("", "<p>{}</p>", ((text,) for text in obj.reason_texts))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_urls(self):
        return [
            path(
                "besoins-non-couverts/",
                self.admin_site.admin_view(self.uncovered_view),
                name="matching_suggestion_uncovered",
            ),
            path(
                "competences/",
                self.admin_site.admin_view(self.competences_view),
                name="matching_suggestion_competences",
            ),
            *super().get_urls(),
        ]

    def _page(self, request: HttpRequest, template: str, title: str, **context) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                **context,
            },
        )

    def uncovered_view(self, request: HttpRequest) -> HttpResponse:
        return self._page(
            request,
            "admin/matching/suggestion/uncovered.html",
            _("Uncovered needs"),
            needs=selectors.uncovered_needs(),
            good_score=selectors.GOOD_SCORE,
        )

    def competences_view(self, request: HttpRequest) -> HttpResponse:
        return self._page(
            request,
            "admin/matching/suggestion/competences.html",
            _("Competences: demand and offer"),
            balance=selectors.competence_balance(),
        )
