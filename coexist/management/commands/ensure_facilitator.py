"""Create the demo facilitator account and print its login."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.services import facilitator_ensure


class Command(BaseCommand):
    help = "Create or update a facilitator account (verified email, Facilitators group)."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="facilitatrice@coexist.local")
        parser.add_argument(
            "--password",
            default=os.environ.get("FACILITATOR_PASSWORD", ""),
            help="Defaults to FACILITATOR_PASSWORD, or to a demo password when DEBUG is on.",
        )

    def handle(self, *args, email, password, **options):
        if not password:
            if not settings.DEBUG:
                raise CommandError("Give --password (or FACILITATOR_PASSWORD) outside DEBUG.")
            password = "coexist-demo-2026"
        user, created = facilitator_ensure(email=email, password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Facilitator {'created' if created else 'updated'}: "
                f"log in at {settings.SITE_URL}/accounts/login/ "
                f"with {user.email} / {password}"
            )
        )
