"""Facilitators' view of projects, introductions and partnerships. Read-only: every change
goes through the services (feature, hide, broker an introduction)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coexist.admin_base import CoexistModelAdmin
from projects import services
from projects.models import Introduction, Partnership, Project, ProjectNeed


class ReadOnlyAdmin(CoexistModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + [
            field.name for field in self.model._meta.many_to_many
        ]


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the project's administrators"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _curate(request, queryset, *, curation: str, reason: str = "") -> int:
    count = 0
    for project in queryset.select_related("owner"):
        try:
            services.project_curate(
                project=project, by=request.user, curation=curation, reason=reason
            )
        except PermissionDenied:
            messages.error(request, _("%(p)s: only facilitators can do this.") % {"p": project})
        except ValidationError as error:
            messages.error(request, f"{project}: {' '.join(error.messages)}")
        else:
            count += 1
    if count:
        messages.success(
            request, ngettext("%d project updated.", "%d projects updated.", count) % count
        )
    return count


class NeedInline(admin.TabularInline):
    model = ProjectNeed
    extra = 0
    fields = ("competence", "contribution_type", "description", "state")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(ReadOnlyAdmin):
    list_display = ("title", "owner", "status", "publication", "curation", "created_at")
    list_filter = ("status", "publication", "curation", "created_at")
    search_fields = ("title", "owner__name")
    list_select_related = ("owner",)
    inlines = [NeedInline]
    actions = ["feature", "hide", "uncurate"]
    exclude = ("search_terms", "search_text", "search_vector")

    def save_model(self, request, obj, form, change):
        """Nothing is edited here: featuring and hiding are the list's actions."""

    def save_related(self, request, form, formsets, change):
        pass

    def get_readonly_fields(self, request, obj=None):
        hidden = set(self.exclude)
        return [name for name in super().get_readonly_fields(request, obj) if name not in hidden]

    @admin.action(description=_("Feature the selected projects"), permissions=["change"])
    def feature(self, request, queryset):
        _curate(request, queryset, curation=Project.Curation.FEATURED)

    @admin.action(description=_("Take back the feature or the hiding"), permissions=["change"])
    def uncurate(self, request, queryset):
        _curate(request, queryset, curation=Project.Curation.NONE)

    @admin.action(
        description=_("Hide the selected projects (with a reason)"), permissions=["change"]
    )
    def hide(self, request, queryset):
        form = HideForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            _curate(
                request,
                queryset,
                curation=Project.Curation.HIDDEN,
                reason=form.cleaned_data["reason"],
            )
            return None
        return TemplateResponse(
            request,
            "admin/projects/project/hide.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Hide projects"),
                "projects": queryset.select_related("owner"),
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


class AgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("7", _("Less than a week")), ("14", _("Less than two weeks")), ("old", _("Older"))]

    def queryset(self, request, queryset):
        from datetime import timedelta

        from django.utils import timezone

        now = timezone.now()
        if self.value() in ("7", "14"):
            return queryset.filter(created_at__gte=now - timedelta(days=int(self.value())))
        if self.value() == "old":
            return queryset.filter(created_at__lt=now - timedelta(days=14))
        return queryset


@admin.register(Introduction)
class IntroductionAdmin(ReadOnlyAdmin):
    list_display = (
        "from_organisation",
        "to_organisation",
        "state",
        "created_at",
        "deadline",
        "brokered_by",
    )
    list_filter = ("state", AgeFilter, "decline_reason", "from_organisation", "to_organisation")
    search_fields = ("from_organisation__name", "to_organisation__name", "message")
    list_select_related = ("from_organisation", "to_organisation", "brokered_by")
    date_hierarchy = "created_at"

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Partnership)
class PartnershipAdmin(ReadOnlyAdmin):
    list_display = ("first", "second", "project", "stage", "created_at")
    list_filter = ("stage", "created_at")
    search_fields = ("first__name", "second__name", "project__title")
    list_select_related = ("first", "second", "project")

    def has_change_permission(self, request, obj=None):
        return False
