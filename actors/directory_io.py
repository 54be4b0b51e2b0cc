"""The directory spreadsheet: import organisations from CSV or JSON, export them as CSV.

The format is the contract "Directory spreadsheet" (README, "Interfaces others rely on");
reading a file and validating its cells is ``actors.directory_format``.
Importing goes: *read* the file into raw rows; *validate* every cell,
collecting every error as ``row N, column C: message``; *plan* each valid row
against the directory (create, update or unchanged: ``actors.bulk``); and, only
when the whole file is valid and this is not a dry run, write it through the
service ``organisations_upsert``, in one transaction.

Columns absent from a file (or keys absent from a JSON object) are left
untouched on update; an empty cell clears the field. Taxonomies and the
existing organisations (with their many-to-many links) are loaded in a
constant number of queries per 2,000 rows, never per row; rows are written
with bulk queries, and unchanged rows are not written at all.
"""

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from django.db import IntegrityError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from actors.bulk import Action, RowOutcome, country_codes, plan_upsert
from actors.directory_format import (
    COLUMNS,
    FIELDS,
    MAX_ROWS,
    SEPARATOR,
    DirectoryField,
    RowError,
    Taxonomies,
    error_order,
    escape_formula,
    read_directory_file,
    validate_rows,
)
from actors.models import SDG, Organisation
from actors.services import organisations_upsert

__all__ = [
    "COLUMNS",
    "IMPORT_STATUSES",
    "ImportResult",
    "RowError",
    "RowOutcome",
    "export_directory_csv",
    "import_directory",
]

IMPORT_STATUSES: tuple[str, ...] = (Organisation.Status.PENDING, Organisation.Status.PUBLISHED)
CHUNK = 2000  # ids or slugs per ``IN (...)`` query


# Results -------------------------------------------------------------------


MAX_REPORTED_ERRORS = 200  # errors listed; the rest are counted ("and N more")


@dataclass
class ImportResult:
    rows: list[RowOutcome] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    organisation_ids: list[int] = field(default_factory=list)  # created and updated

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def reported_errors(self) -> list[RowError]:
        """The errors to list: the first ``MAX_REPORTED_ERRORS``, in the file's order."""
        return self.errors[:MAX_REPORTED_ERRORS]

    @property
    def more_errors(self) -> int:
        """How many errors are not listed."""
        return max(0, len(self.errors) - MAX_REPORTED_ERRORS)

    def _count(self, action: Action) -> int:
        return sum(1 for outcome in self.rows if outcome.action == action)

    @property
    def created(self) -> int:
        return self._count("create")

    @property
    def updated(self) -> int:
        return self._count("update")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def changes_anything(self) -> bool:
        return bool(self.created or self.updated)


# The import ----------------------------------------------------------------


def import_directory(
    *,
    filename: str,
    content: bytes,
    status: str = "pending",
    dry_run: bool = False,
    max_rows: int = MAX_ROWS,
    too_many_rows_hint: str = "",
    by=None,
) -> ImportResult:
    """Import a directory file: all or nothing, upserting organisations by slug.

    ``status`` (``pending`` or ``published``) is the review state of created
    organisations; updated ones keep theirs. With ``dry_run``, or when any
    row has an error, nothing is written and the result tells what would be.
    A file of more than ``max_rows`` rows is refused whole, with ``too_many_rows_hint``
    (where to import it instead). ``by``: the facilitator importing from the admin, or
    None for the command (an operator on the server). Writing is the service
    ``organisations_upsert``.
    """
    if status not in IMPORT_STATUSES:
        raise ValueError(f"status must be one of {', '.join(IMPORT_STATUSES)}, not {status!r}")
    result = ImportResult(dry_run=dry_run)
    rows, result.errors = read_directory_file(filename=filename, content=content)
    if len(rows) > max_rows:
        message = _("The file has more than %(max)d rows, the most this import takes.") % {
            "max": max_rows
        }
        result.errors = [RowError(None, None, f"{message} {too_many_rows_hint}".strip())]
        return result
    if not rows and result.errors:  # the file or its header is unusable
        return result
    records, row_errors = validate_rows(rows=rows, taxonomies=Taxonomies.load())
    # A column missing from the header is reported once, not again on every row.
    header_columns = {error.column for error in result.errors if error.row is None}
    result.errors += [error for error in row_errors if error.column not in header_columns]
    result.errors.sort(key=error_order)
    if dry_run or result.errors:
        result.rows = plan_upsert(records=records).outcomes
        return result
    try:
        result.rows, result.organisation_ids = organisations_upsert(
            records=records, by=by, status=status
        )
    except IntegrityError:  # another import or an editor created one of these slugs meanwhile
        result.organisation_ids = []
        result.errors.append(
            RowError(None, None, _("The directory changed during the import: run it again."))
        )
        return result
    result.written = True
    return result


# The export ----------------------------------------------------------------


def _slugs(items: Iterable) -> str:
    return SEPARATOR.join(sorted(item.slug for item in items))


def _cell(organisation: Organisation, field: DirectoryField) -> str:
    """One cell of the export: the column's value in the file's terms."""
    value = getattr(organisation, field.name)
    if field.kind in ("key", "text"):
        return value
    if field.kind == "taxonomy":
        return value.slug
    if field.kind == "country":
        return value.code or ""
    if field.kind == "countries":
        return SEPARATOR.join(country_codes(value))
    if field.kind == "codes":
        return SEPARATOR.join(str(code) for code in value or [])
    if field.kind == "needs":
        return _slugs(need.competence for need in value.all())
    if field.taxonomy == "sdgs":
        return SEPARATOR.join(str(sdg.number) for sdg in sorted(value.all(), key=_number))
    return _slugs(value.all())


def export_row(organisation: Organisation) -> list[str]:
    """An organisation as a row of the spreadsheet (needs the export's prefetches)."""
    return [_cell(organisation, field) for field in FIELDS]


def _number(sdg: SDG) -> int:
    return sdg.number


EXPORT_RELATED = tuple(field.name for field in FIELDS if field.kind == "taxonomy")
EXPORT_PREFETCH = tuple(
    "needs__competence" if field.kind == "needs" else field.name
    for field in FIELDS
    if field.kind in ("m2m", "needs")
)


def export_directory_csv(*, queryset: QuerySet, stream: TextIO) -> int:
    """Write ``queryset`` to ``stream`` as the directory CSV; returns the number of rows.

    The columns and their order are the contract's, so the file imports back
    with no change. Open ``stream`` with ``newline=""`` when it is a file.
    """
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    organisations = queryset.select_related(*EXPORT_RELATED).prefetch_related(*EXPORT_PREFETCH)
    count = 0
    for organisation in organisations.iterator(chunk_size=CHUNK):
        writer.writerow([escape_formula(cell) for cell in export_row(organisation)])
        count += 1
    return count
