"""Account tasks: thin, idempotent, run by the single beat."""

from celery import shared_task

from accounts import services


@shared_task(time_limit=600, soft_time_limit=580)
def retention_run() -> dict:
    """The privacy policy's retention of accounts: warn, then delete, inactive accounts."""
    return {
        "warned": services.inactive_accounts_warn(),
        "deleted": services.inactive_accounts_delete(),
    }
