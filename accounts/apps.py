from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_facilitators(sender, **kwargs):
    # Permissions only exist once every app has migrated, hence post_migrate.
    from accounts.services import facilitators_group_sync

    facilitators_group_sync()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_sync_facilitators, sender=self, dispatch_uid="facilitators_sync")
