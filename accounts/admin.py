from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts import hooks, services
from accounts.models import User
from coexist.admin_base import SafeAdminMixin


@admin.register(User)
class UserAdmin(SafeAdminMixin, DjangoUserAdmin):
    """Accounts log in by email: no username, no first/last name."""

    ordering = ("email",)
    list_display = ("email", "full_name", "job_title", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", "preferred_language")
    search_fields = ("email", "full_name", "job_title")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {"fields": ("full_name", "job_title", "preferred_language", "weekly_digest")},
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    # Deleting an account is the service's (emails purged, the last-admin rule): an account
    # that is the last admin of an organisation shows it as what protects it from deletion.
    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        with transaction.atomic():
            blockers = [
                _("%(user)s is the last administrator of %(organisation)s")
                % {"user": user, "organisation": organisation}
                for user in objs
                for organisation in hooks.deletion_blockers(user=user)
            ]
        return deleted, counts, perms_needed, [*protected, *blockers]

    def delete_model(self, request, obj):
        services.user_delete(user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.user_delete(user=user)
