"""``python manage.py import_directory FILE [--dry-run] [--status published|pending]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from actors.directory_io import IMPORT_STATUSES, ImportResult, import_directory


class Command(BaseCommand):
    help = (
        "Import organisations from a directory spreadsheet (.csv or .json), upserting by slug. "
        "Every row is validated first: on any error nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file in the directory format")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="validate and report what would be created and updated, writing nothing",
        )
        parser.add_argument(
            "--status",
            choices=IMPORT_STATUSES,
            default="pending",
            help="review state of created organisations (updates keep theirs); default pending",
        )

    @no_translations
    def handle(self, *args, file: str, dry_run: bool, status: str, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        result = import_directory(
            filename=path.name, content=content, status=status, dry_run=dry_run
        )
        if result.errors:
            for error in result.reported_errors:
                self.stderr.write(str(error))
            if result.more_errors:
                self.stderr.write(f"… and {result.more_errors} more error(s).")
            raise CommandError(
                f"{len(result.errors)} error(s) in {path.name}: nothing was written."
            )
        if dry_run or options["verbosity"] >= 2:
            self._list_changes(result)
        self.stdout.write(self._summary(result))

    def _list_changes(self, result: ImportResult) -> None:
        verb = {"create": "would create", "update": "would update"}
        if result.written:
            verb = {"create": "created", "update": "updated"}
        for outcome in result.rows:
            if outcome.action == "unchanged":
                continue
            line = f"row {outcome.row}: {verb[outcome.action]} {outcome.slug}"
            if outcome.changed:
                line += f" ({', '.join(outcome.changed)})"
            self.stdout.write(line)

    def _summary(self, result: ImportResult) -> str:
        counts = (
            f"created: {result.created}, updated: {result.updated}, unchanged: {result.unchanged}"
        )
        if result.dry_run:
            return f"Dry run, nothing written. Would be {counts}."
        if not result.changes_anything:
            return f"{counts}. The directory already matches the file: nothing changed."
        return counts
