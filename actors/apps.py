from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = _("Directory")

    def ready(self):
        from accounts import hooks
        from actors import selectors, services

        # An account that is an organisation's last admin cannot be deleted (but by the
        # retention job, which tells the facilitators); memberships are part of its data.
        hooks.register_deletion_guard(services.organisations_left_without_admin)
        # ... unless they hand those organisations to the facilitators or archive them.
        hooks.register_way_out(services.way_out_take)
        hooks.register_data_export("memberships", selectors.memberships_export)
