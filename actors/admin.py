"""The facilitators' curation: review queue, publication, verification, members."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin import UserAdmin
from accounts.models import User
from actors import services
from actors.admin_import import organisation_export_view, organisation_import_view
from actors.directory_format import CONTACT, IDENTITY, M2M_COLUMNS, OFFERS, WHERE, group_fields
from actors.forms import DeclineForm, OrganisationAdminForm
from actors.models import (
    SDG,
    Competence,
    CompetenceCategory,
    ContributionType,
    Membership,
    Organisation,
    OrganisationKind,
    OrganisationNeed,
    PartnershipType,
    PendingOrganisation,
    Territory,
)
from actors.validators import logo_filename
from coexist.admin_base import CoexistModelAdmin, CoexistTabularInline


class ReadOnlyTaxonomyAdmin(CoexistModelAdmin):
    """Taxonomies are the project's data (slugs are a contract): changed by migrations only."""

    list_display = ("slug", "label_fr", "label_en")
    search_fields = ("slug", "label_fr", "label_en")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Competence)
class CompetenceAdmin(ReadOnlyTaxonomyAdmin):
    list_display = ("slug", "label_fr", "label_en", "category")
    list_filter = ("category",)


@admin.register(SDG)
class SDGAdmin(ReadOnlyTaxonomyAdmin):
    list_display = ("number", "label_fr", "label_en", "colour")
    search_fields = ("label_fr", "label_en")


for taxonomy_model in (
    CompetenceCategory,
    OrganisationKind,
    ContributionType,
    PartnershipType,
    Territory,
):
    admin.site.register(taxonomy_model, ReadOnlyTaxonomyAdmin)


class NeedInline(CoexistTabularInline):
    model = OrganisationNeed
    extra = 0


class MembershipInline(CoexistTabularInline):
    """Read-only: memberships change through the actions of the memberships list, which
    call the services (and their rule that an organisation keeps an administrator)."""

    model = Membership
    extra = 0
    fields = ("user", "role", "status", "created_at", "decided_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class UserMembershipInline(MembershipInline):
    fields = ("organisation", "role", "status", "created_at", "decided_at")
    readonly_fields = fields


def _run(request, queryset, service, done_message, **kwargs) -> None:
    count = 0
    for organisation in queryset:
        try:
            service(organisation=organisation, by=request.user, **kwargs)
        except PermissionDenied:
            messages.error(
                request,
                _("%(organisation)s: only facilitators can do this.")
                % {"organisation": organisation},
            )
        except ValidationError as error:
            messages.error(request, f"{organisation}: {' '.join(error.messages)}")
        else:
            count += 1
    if count:
        messages.success(request, done_message(count))


@admin.register(Organisation)
class OrganisationAdmin(CoexistModelAdmin):
    form = OrganisationAdminForm
    list_display = ("name", "kind", "status", "verified", "city", "created_at")
    list_filter = (
        "status",
        "verified",
        ("in_csi_care_since", admin.EmptyFieldListFilter),
        "kind",
        "territories",
        "created_at",
    )
    search_fields = ("name", "slug", "pitch", "city", "email")
    date_hierarchy = "created_at"
    list_select_related = ("kind",)
    list_per_page = 50
    prepopulated_fields = {"slug": ("name",)}
    # Checkboxes, not Django's two-box filter_horizontal widget: that one is built by a
    # script, unusable without it, and its search icons carry prohibited ARIA (axe-core).
    M2M_FIELDS = M2M_COLUMNS
    readonly_fields = (
        "status",
        "verified",
        "decline_reason",
        "in_csi_care_since",
        "created_at",
        "updated_at",
        "published_at",
    )
    inlines = [NeedInline, MembershipInline]
    actions = ["publish", "decline", "verify", "unverify", "archive"]
    fieldsets = (
        # The directory's fields by group (directory_format.FIELDS); needs are an inline.
        (None, {"fields": ("name", "slug", *group_fields(IDENTITY)[1:], "logo")}),
        (_("Public contact"), {"fields": group_fields(CONTACT)}),
        (_("Where and how"), {"fields": group_fields(WHERE)}),
        (
            _("Offers and needs"),
            {"fields": tuple(name for name in group_fields(OFFERS) if name != "needs")},
        ),
        (
            _("Review"),
            {
                "fields": (
                    "status",
                    "verified",
                    "decline_reason",
                    "in_csi_care_since",
                    "created_at",
                    "updated_at",
                    "published_at",
                )
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        """An edit goes through the same service as the site's (its rules, the logo's name
        and the old logo's deletion); the many-to-many fields and the inlines follow."""
        if not change:
            if isinstance(form.cleaned_data.get("logo"), UploadedFile):
                obj.logo.name = logo_filename(organisation=obj, upload=form.cleaned_data["logo"])
            super().save_model(request, obj, form, change)
            return
        data = {}
        for name in form.changed_data:
            if name in form.base_fields and name not in self.M2M_FIELDS:
                value = form.cleaned_data[name]
                data[name] = "" if value is False else value  # "Clear" ticked on the logo
        services.organisation_update(
            organisation=Organisation.objects.get(pk=obj.pk), by=request.user, data=data, m2m={}
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.M2M_FIELDS:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        """The needs inline goes through the needs' services (memberships are read-only)."""
        if formset.model is not OrganisationNeed:
            return super().save_formset(request, form, formset, change)
        saved = formset.save(commit=False)
        for need in formset.deleted_objects:
            services.need_remove(need=need, by=request.user)
        for need in saved:
            services.need_save(need=need, by=request.user)
        return saved

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.organisation_changed(organisation_ids=[form.instance.pk])

    change_list_template = "admin/actors/organisation/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                organisation_import_view(self.admin_site),
                name="actors_organisation_import",
            ),
            path(
                "export/",
                organisation_export_view(self.admin_site),
                name="actors_organisation_export",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Publish the selected organisations"), permissions=["change"])
    def publish(self, request, queryset):
        _run(
            request,
            queryset,
            services.organisation_publish,
            lambda n: ngettext("%d organisation published.", "%d organisations published.", n) % n,
        )

    @admin.action(
        description=_("Decline the selected organisations (with a reason)"), permissions=["change"]
    )
    def decline(self, request, queryset):
        form = DeclineForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            _run(
                request,
                queryset,
                services.organisation_decline,
                lambda n: (
                    ngettext("%d organisation declined.", "%d organisations declined.", n) % n
                ),
                reason=form.cleaned_data["reason"],
            )
            return None
        return TemplateResponse(
            request,
            "admin/actors/organisation/decline.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Decline organisations"),
                "organisations": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Mark as verified"), permissions=["change"])
    def verify(self, request, queryset):
        _run(
            request,
            queryset,
            services.organisation_set_verified,
            lambda n: ngettext("%d organisation verified.", "%d organisations verified.", n) % n,
            verified=True,
        )

    @admin.action(description=_("Remove the verified mark"), permissions=["change"])
    def unverify(self, request, queryset):
        _run(
            request,
            queryset,
            services.organisation_set_verified,
            lambda n: ngettext("%d organisation changed.", "%d organisations changed.", n) % n,
            verified=False,
        )

    @admin.action(description=_("Archive the selected organisations"), permissions=["change"])
    def archive(self, request, queryset):
        _run(
            request,
            queryset,
            services.organisation_archive,
            lambda n: ngettext("%d organisation archived.", "%d organisations archived.", n) % n,
        )


@admin.register(PendingOrganisation)
class ReviewQueueAdmin(OrganisationAdmin):
    # Readable at 1280 px: the name, a pitch cut at a word, the kind and a short date.
    list_display = ("name", "short_pitch", "kind", "submitted")
    list_filter = ("kind", "territories")
    date_hierarchy = None
    ordering = ("created_at",)
    change_list_template = None

    @admin.display(description=_("pitch"))
    def short_pitch(self, obj):
        return Truncator(obj.pitch).chars(90)

    @admin.display(description=_("sent on"), ordering="created_at")
    def submitted(self, obj):
        return date_format(localtime(obj.created_at), "SHORT_DATE_FORMAT")

    def get_urls(self):
        # Import and export belong to the full list, not to the review queue.
        return admin.ModelAdmin.get_urls(self)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Organisation.Status.PENDING)

    def has_add_permission(self, request):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("actors.view_organisation")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("actors.change_organisation")

    def has_module_permission(self, request):
        return self.has_view_permission(request)


def _run_on_memberships(request, queryset, done_message, call) -> None:
    count = 0
    for membership in queryset.select_related("user", "organisation"):
        try:
            with transaction.atomic():
                call(membership)
        except PermissionDenied:
            messages.error(request, _("%(m)s: only facilitators can do this.") % {"m": membership})
        except ValidationError as error:
            messages.error(request, f"{membership}: {' '.join(error.messages)}")
        else:
            count += 1
    if count:
        messages.success(request, done_message(count))


def _membership_action(name: str, description, service):
    """An admin action that calls ``service(membership=…, by=facilitator)`` on each row."""

    def action(modeladmin, request, queryset):
        _run_on_memberships(
            request,
            queryset,
            lambda n: ngettext("%d membership changed.", "%d memberships changed.", n) % n,
            lambda membership: service(membership=membership, by=request.user),
        )

    action.__name__ = name
    return admin.action(description=description, permissions=["change"])(action)


@admin.register(Membership)
class MembershipAdmin(CoexistModelAdmin):
    """Memberships are read-only here: each change is an action calling its service."""

    list_display = ("user", "organisation", "role", "status", "created_at", "decided_at")
    list_filter = ("role", "status")
    search_fields = ("user__email", "user__full_name", "organisation__name")
    list_select_related = ("user", "organisation")
    readonly_fields = (
        "user",
        "organisation",
        "role",
        "status",
        "message",
        "created_at",
        "decided_at",
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    actions = [
        _membership_action("accept", _("Accept the selected requests"), services.membership_accept),
        _membership_action(
            "decline", _("Decline the selected requests"), services.membership_decline
        ),
        _membership_action(
            "promote",
            _("Make administrators"),
            partial(services.membership_set_role, role=Membership.Role.ADMIN),
        ),
        _membership_action(
            "demote",
            _("Make simple members"),
            partial(services.membership_set_role, role=Membership.Role.MEMBER),
        ),
        _membership_action("remove", _("Remove from the organisation"), services.membership_end),
    ]


# The users' admin (accounts) shows their memberships, read-only: accounts does not know
# about organisations, so the directory adds the inline to it.
class UserWithMembershipsAdmin(UserAdmin):
    inlines = [UserMembershipInline]

    def get_deleted_objects(self, objs, request):
        # The account's memberships go with it through accounts' user_delete, although the
        # admin cannot delete a membership by itself (memberships are read-only there).
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, perms_needed - {str(Membership._meta.verbose_name)}, protected


admin.site.unregister(User)
admin.site.register(User, UserWithMembershipsAdmin)


@admin.register(OrganisationNeed)
class OrganisationNeedAdmin(CoexistModelAdmin):
    list_display = ("organisation", "competence", "description")
    list_filter = ("competence__category", "competence")
    search_fields = ("organisation__name", "description", "competence__label_fr")
    list_select_related = ("organisation", "competence")
    raw_id_fields = ("organisation",)

    # Needs are written by their services, which refresh search and matching.
    def save_model(self, request, obj, form, change):
        services.need_save(need=obj, by=request.user)

    def delete_model(self, request, obj):
        services.need_remove(need=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for need in queryset.select_related("organisation"):
            services.need_remove(need=need, by=request.user)
