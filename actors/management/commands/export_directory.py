"""``python manage.py export_directory [FILE] [--all]``: the directory as CSV."""

from django.core.management.base import BaseCommand, CommandError

from actors.directory_io import export_directory_csv
from actors.models import Organisation


class _Stdout:
    """Lets the csv writer write through the command's stdout, as is."""

    def __init__(self, out) -> None:
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(text, ending="")


class Command(BaseCommand):
    help = (
        "Export the directory as CSV in the import format (published organisations "
        "unless --all), to FILE or to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="where to write the CSV (default: stdout)")
        parser.add_argument(
            "--all",
            action="store_true",
            dest="include_all",
            help="include organisations that are not published (pending, draft, archived)",
        )

    def handle(self, *args, file: str | None, include_all: bool, **options):
        queryset = Organisation.objects.all() if include_all else Organisation.objects.published()
        queryset = queryset.order_by("name", "slug")
        if file in (None, "-"):
            count = export_directory_csv(queryset=queryset, stream=_Stdout(self.stdout))
            if options["verbosity"] >= 2:
                self.stderr.write(f"{count} organisation(s) exported.")
            return
        try:
            with open(file, "w", encoding="utf-8", newline="") as stream:
                count = export_directory_csv(queryset=queryset, stream=stream)
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror}") from None
        self.stdout.write(f"{count} organisation(s) written to {file}.")
