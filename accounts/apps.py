from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_facilitators(sender, **kwargs):
    # Permissions only exist once every app has migrated, hence post_migrate. The signal is
    # sent once per app, in INSTALLED_APPS order, each app's permissions being created by
    # its own signal: sync after the last app, when the actors' permissions exist too.
    from django.apps import apps

    from accounts.services import facilitators_group_sync

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        facilitators_group_sync()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_sync_facilitators, dispatch_uid="facilitators_sync")
