from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _recompute_after_commit(organisation_ids: list[int]) -> None:
    from coexist.emails import enqueue_after_commit
    from matching.tasks import recompute_for_organisations

    enqueue_after_commit(recompute_for_organisations, list(organisation_ids))


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self):
        from actors.hooks import on_organisations_changed

        # Every change of an organisation's content recomputes the suggestions it touches.
        on_organisations_changed(_recompute_after_commit)
