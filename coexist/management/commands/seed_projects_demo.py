"""The projects' demo, after the directory's: ``seed_demo`` calls it (by name, so that
actors never imports projects)."""

from django.core.management.base import BaseCommand

from coexist.demo.projects import seed


class Command(BaseCommand):
    help = "Create the demo projects, their needs and introductions (idempotent)."

    def handle(self, *args, **options):
        result = seed()
        self.stdout.write(
            f"Projects: {result.projects} created with {result.needs} needs; "
            f"introductions: {result.introductions} sent, {result.accepted} accepted."
        )
        if result.skipped:
            self.stdout.write(
                f"  skipped (no demo account for their organisation): {', '.join(result.skipped)}"
            )
