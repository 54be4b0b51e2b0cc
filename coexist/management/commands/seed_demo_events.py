"""The calendar's demo (coexist/demo/events.py): called by ``seed_demo`` after the
organisations and their demo accounts exist."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from actors.models import Organisation
from coexist.demo import events
from coexist.demo.seed import extra


class Command(BaseCommand):
    help = "Create the demo events (past and upcoming, one full with a waiting list)."

    def handle(self, *args, **options):
        emails = [account["email"] for account in extra()["accounts"]]
        users = sorted(
            get_user_model().objects.filter(email__in=emails, is_active=True),
            key=lambda user: emails.index(user.email),
        )
        organisations = list(
            Organisation.objects.published().filter(slug__startswith="demo-").order_by("slug")[:6]
        )
        result = events.seed(organisations=organisations, users=users)
        self.stdout.write(
            f"Events: {result.created} created, {result.unchanged} unchanged, "
            f"{result.registrations} registrations."
        )
