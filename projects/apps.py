from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from matching.hooks import on_project_seeker
        from projects.matching import project_seeker

        # suggest_partners --project ranks a project's open needs.
        on_project_seeker(project_seeker)
