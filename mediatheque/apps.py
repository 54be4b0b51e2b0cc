from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediathequeConfig(AppConfig):
    name = "mediatheque"
    verbose_name = _("Media library")
