"""Fill the médiathèque with its demo resources (coexist/demo/data/mediatheque.json)."""

from django.core.management.base import BaseCommand

from actors.models import Organisation
from coexist.demo import mediatheque as demo


class Command(BaseCommand):
    help = "Create the médiathèque's demo resources (idempotent), published by demo organisations."

    def handle(self, *args, **options):
        organisations = (
            Organisation.objects.published().filter(slug__startswith="demo-").order_by("slug")[:5]
        )
        result = demo.seed(organisations=organisations)
        self.stdout.write(
            f"Médiathèque: {result['created']} resources created, {result['unchanged']} unchanged."
        )
