from django.contrib import admin

from coexist.models import Email


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent to whom, and what failed and why."""

    list_display = ("subject", "recipients", "kind", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "kind", "created_at")
    search_fields = ("subject", "to")
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in Email._meta.fields]

    @admin.display(description=Email._meta.get_field("to").verbose_name)
    def recipients(self, email: Email) -> str:
        return ", ".join(email.to)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
