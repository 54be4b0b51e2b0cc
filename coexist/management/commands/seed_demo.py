"""Load the demo: realistic organisations (data files), a facilitator and demo accounts."""

import argparse

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from actors.models import OrganisationKind
from coexist.demo import seed as demo

MAX_ORGANISATIONS = 50_000
# Each pillar's demo (its data file in coexist/demo/data/, its loader in coexist/demo/).
PILLAR_STEPS = ("seed_projects_demo", "seed_demo_events", "seed_demo_mediatheque")


class Command(BaseCommand):
    help = (
        "Create or update N demo organisations (slugs starting with 'demo-'): those of "
        "coexist/demo/data/organisations.json, then generated ones for the seed S; and the "
        "demo accounts. Running it again with the same arguments changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=55, metavar="N")
        parser.add_argument("--seed", type=int, default=1, metavar="S")
        parser.add_argument(
            "--accounts",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=(
                "Create the demo accounts (known password). Default: only when DEBUG is on, "
                "so that a staging or benchmark site gets no account anyone could use."
            ),
        )

    def handle(self, *args, **options):
        if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
            # The demo's emails (reviews, registrations, introductions) stay in the outbox,
            # where the admin shows them; printed, they would bury the demo logins.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                return self._seed(**options)
        return self._seed(**options)

    def _seed(self, *, organisations: int, seed: int, accounts: bool | None, **options):
        if not 1 <= organisations <= MAX_ORGANISATIONS:
            raise CommandError(f"--organisations must be between 1 and {MAX_ORGANISATIONS}.")
        if accounts is None:
            accounts = settings.DEBUG or getattr(settings, "TESTING", False)
        self.stdout.write(f"Seeding {organisations} demo organisations (seed {seed})…")
        try:
            report = demo.seed(count=organisations, seed=seed, accounts=accounts)
        except demo.DemoError as error:
            raise CommandError(str(error)) from error

        labels = dict(OrganisationKind.objects.values_list("slug", "label_fr"))
        outcomes = report.outcomes
        self.stdout.write(
            f"Organisations: {outcomes['create']} created, {outcomes['update']} updated, "
            f"{outcomes['unchanged']} unchanged."
        )
        kinds = ", ".join(
            f"{labels.get(kind, kind)} {count}" for kind, count in report.by_kind.most_common()
        )
        self.stdout.write(f"  by kind: {kinds}")
        statuses = ", ".join(f"{status} {n}" for status, n in report.by_status.most_common())
        self.stdout.write(f"  by review state: {statuses}")
        self.stdout.write(
            f"Reviews written: {report.reviewed}; need texts written for "
            f"{report.needs_described} organisations."
        )
        login = f"{settings.SITE_URL}/accounts/login/"
        if report.logins:
            password = demo.demo_password()
            self.stdout.write(f"Demo logins (at {login}, password {password}):")
            self.stdout.write(f"  {report.curator.email:<38} facilitator")
            for account in report.logins:
                kind = labels.get(account.kind, account.kind)
                self.stdout.write(
                    f"  {account.email:<38} {account.role} of {account.organisation} ({kind})"
                )
        elif not accounts:
            self.stdout.write("No demo accounts (DEBUG is off): pass --accounts to create them.")
        if report.logins:
            # The pillars' demo content is written by the demo accounts, through each
            # pillar's services.
            for step in PILLAR_STEPS:
                call_command(step, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Done in {report.seconds:.1f} s."))
