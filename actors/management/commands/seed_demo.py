"""Fill the directory with realistic demo organisations and a few demo admin accounts."""

import argparse

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from actors.demo_seed import DEMO_PASSWORD, demo_seed
from actors.models import OrganisationKind

MAX_ORGANISATIONS = 50_000


class Command(BaseCommand):
    help = (
        "Create or update N demo organisations (slugs starting with 'demo-') and a few demo "
        "admin accounts; deterministic for a given seed, so running it again with the same "
        "arguments changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=55, metavar="N")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--accounts",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=(
                "Create the demo admin accounts (known password). Default: only when DEBUG "
                "is on, so that a staging or benchmark site gets no account anyone could use."
            ),
        )

    def handle(self, *args, organisations: int, seed: int, accounts: bool | None, **options):
        if not 1 <= organisations <= MAX_ORGANISATIONS:
            raise CommandError(f"--organisations must be between 1 and {MAX_ORGANISATIONS}.")
        if accounts is None:
            accounts = settings.DEBUG or getattr(settings, "TESTING", False)
        self.stdout.write(f"Seeding {organisations} demo organisations (seed {seed})…")
        try:
            result = demo_seed(count=organisations, seed=seed, accounts=accounts)
        except RuntimeError as error:
            raise CommandError(str(error)) from error

        labels = dict(OrganisationKind.objects.values_list("slug", "label_fr"))
        self.stdout.write(
            f"Organisations: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
        kinds = ", ".join(
            f"{labels.get(kind, kind)} {count}" for kind, count in result.by_kind.most_common()
        )
        self.stdout.write(f"  by kind: {kinds}")
        statuses = ", ".join(
            f"{status} {count}" for status, count in result.by_status.most_common()
        )
        self.stdout.write(f"  by status: {statuses}")
        self.stdout.write(
            f"Needs: {result.needs} on {result.with_needs} organisations. "
            f"Search index refreshed for {result.indexed} organisations."
        )
        if result.accounts:
            self.stdout.write(
                f"Demo accounts (log in at {settings.SITE_URL}/accounts/login/ "
                f"with password {DEMO_PASSWORD}):"
            )
            for account in result.accounts:
                state = "created" if account.created else "ready"
                self.stdout.write(
                    f"  {account.email:<38} admin of {account.organisation} "
                    f"({labels.get(account.kind, account.kind)}, {state})"
                )
        elif not accounts:
            self.stdout.write("No demo accounts (DEBUG is off): pass --accounts to create them.")
        # The pillars' demos (the médiathèque), called by name: actors imports no pillar.
        call_command("seed_demo_mediatheque", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Done in {result.seconds:.1f} s."))
