"""The facilitators' calendar: the review queue, publication, cancellation, attendees.

Every write goes through ``events.services``: creating and editing call
``event_propose`` and ``event_update`` (the same rules as the site's forms: SEQUENCE
raised, attendees told of a new time or place, the waiting list promoted when places are
added); states change only by the actions. Registrations are read-only here.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coexist.admin_base import CoexistModelAdmin, CoexistTabularInline
from events import services
from events.models import Event, Registration

M2M = ("organisers", "sdgs", "competences")


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to everyone registered"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RegistrationInline(CoexistTabularInline):
    model = Registration
    extra = 0
    fields = ("user", "organisation", "status", "joined_at", "promoted_at", "cancelled_at")
    readonly_fields = fields
    ordering = ("status", "joined_at", "id")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _run(request, queryset, service, done_message, **kwargs) -> None:
    count = 0
    for event in queryset:
        try:
            service(event=event, by=request.user, **kwargs)
        except PermissionDenied:
            messages.error(
                request, _("%(event)s: only facilitators can do this.") % {"event": event}
            )
        except ValidationError as error:
            messages.error(request, f"{event}: {' '.join(error.messages)}")
        else:
            count += 1
    if count:
        messages.success(request, done_message(count))


@admin.register(Event)
class EventAdmin(CoexistModelAdmin):
    list_display = ("title", "kind", "status", "starts_at", "capacity", "created_at")
    list_filter = ("status", "kind", "starts_at")
    search_fields = ("title", "slug", "city", "organisers__name")
    date_hierarchy = "starts_at"
    list_per_page = 50
    filter_horizontal = M2M
    raw_id_fields = ()
    readonly_fields = (
        "slug",
        "status",
        "cancel_reason",
        "sequence",
        "created_by",
        "created_at",
        "updated_at",
        "published_at",
    )
    inlines = [RegistrationInline]
    actions = ["publish", "cancel"]
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "organisers", "description", "image")}),
        (
            _("When and where"),
            {
                "fields": (
                    "starts_at",
                    "ends_at",
                    "venue",
                    "street",
                    "postcode",
                    "city",
                    "online_url",
                )
            },
        ),
        (
            _("Registration"),
            {"fields": ("capacity", "registration_opens_at", "registration_closes_at")},
        ),
        (_("Topics"), {"fields": ("sdgs", "competences")}),
        (
            _("Review"),
            {
                "fields": (
                    "status",
                    "cancel_reason",
                    "sequence",
                    "created_by",
                    "created_at",
                    "updated_at",
                    "published_at",
                )
            },
        ),
    )

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead: attendees and subscribed calendars are told

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_cancelled:
            return False  # a cancelled event is kept as it was (the services refuse changes)
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        data = {
            name: ("" if form.cleaned_data[name] is False else form.cleaned_data[name])
            for name in form.changed_data
            if name in form.base_fields and name not in M2M
        }
        m2m = {name: list(form.cleaned_data[name]) for name in M2M if name in form.cleaned_data}
        if change:
            event = services.event_update(
                event=Event.objects.get(pk=obj.pk), by=request.user, data=data, m2m=m2m
            )
        else:
            organisers = m2m.pop("organisers", [])
            event = services.event_propose(
                by=request.user, organisers=organisers, data=data, m2m=m2m, submit=False
            )
        obj.pk = event.pk
        obj.__dict__.update(event.__dict__)

    def save_related(self, request, form, formsets, change):
        """The many-to-many fields were written by the service; the (read-only)
        registrations inline saves nothing but is run for the admin's change message."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description=_("Publish the selected events"), permissions=["change"])
    def publish(self, request, queryset):
        _run(
            request,
            queryset,
            services.event_publish,
            lambda n: ngettext("%d event published.", "%d events published.", n) % n,
        )

    @admin.action(
        description=_("Cancel the selected events (with a reason)"), permissions=["change"]
    )
    def cancel(self, request, queryset):
        form = CancelForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            _run(
                request,
                queryset,
                services.event_cancel,
                lambda n: ngettext("%d event cancelled.", "%d events cancelled.", n) % n,
                reason=form.cleaned_data["reason"],
            )
            return None
        return TemplateResponse(
            request,
            "admin/events/event/cancel.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Cancel events"),
                "events": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(Registration)
class RegistrationAdmin(CoexistModelAdmin):
    """Read-only: people register and leave themselves; promotion is the services' job."""

    list_display = ("event", "user", "organisation", "status", "joined_at")
    list_filter = ("status",)
    search_fields = ("event__title", "user__email", "organisation__name")
    list_select_related = ("event", "user", "organisation")
    readonly_fields = (
        "event",
        "user",
        "organisation",
        "status",
        "joined_at",
        "promoted_at",
        "cancelled_at",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
