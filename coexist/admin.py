from django.contrib import admin

from coexist.admin_base import CoexistModelAdmin
from coexist.models import Email


@admin.register(Email)
class EmailAdmin(CoexistModelAdmin):
    """The outbox, read-only: what was sent to whom, and what failed and why."""

    list_display = ("subject", "recipients", "kind", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "kind", "created_at")
    search_fields = ("subject", "to")
    date_hierarchy = "created_at"
    # A message holding a one-time secret (reset link, confirmation key) shows no body,
    # to anyone: reading it would let staff sign in as its recipient.
    FIELDS = (
        "to",
        "subject",
        "kind",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "secret",
        "headers",
        "body_text",
        "body_html",
    )
    SECRET_FIELDS = ("body_text", "body_html", "headers")

    def get_fields(self, request, obj=None):
        if obj is None or obj.secret:
            return [field for field in self.FIELDS if field not in self.SECRET_FIELDS]
        return list(self.FIELDS)

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    @admin.display(description=Email._meta.get_field("to").verbose_name)
    def recipients(self, email: Email) -> str:
        return ", ".join(email.to)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
