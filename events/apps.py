from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from accounts import hooks
        from events import selectors

        hooks.register_data_export("event_registrations", selectors.registrations_export)
