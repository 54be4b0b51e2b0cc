from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoexistConfig(AppConfig):
    name = "coexist"
    verbose_name = _("Site")
