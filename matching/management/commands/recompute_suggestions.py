"""Recompute every organisation's suggested partners now, without a worker."""

from django.core.management.base import BaseCommand

from matching.services import suggestions_recompute_all


class Command(BaseCommand):
    help = "Rank suggested partners for every organisation with needs (what the nightly job does)."

    def handle(self, *args, **options):
        result = suggestions_recompute_all()
        self.stdout.write(
            f"Suggestions recomputed for {result.organisations} organisations "
            f"({result.written} written, {result.deleted} removed) in {result.seconds:.1f} s."
        )
