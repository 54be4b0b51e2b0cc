"""The directory spreadsheet: import organisations from CSV or JSON, export them as CSV.

The format is the contract "Directory spreadsheet" (README, "Interfaces others rely on");
reading a file and validating its cells is ``actors.directory_format``.
Importing goes: *read* the file into raw rows; *validate* every cell,
collecting every error as ``row N, column C: message``; *plan* each valid row
against the directory (create, update or unchanged); and, only when the whole
file is valid and this is not a dry run, *write* the plan in one transaction.

Columns absent from a file (or keys absent from a JSON object) are left
untouched on update; an empty cell clears the field. Taxonomies and the
existing organisations (with their many-to-many links) are loaded in a
constant number of queries per 2,000 rows, never per row; rows are written
with bulk queries, and unchanged rows are not written at all.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, TextIO

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from actors.directory_format import (
    COLUMNS,
    DEFAULT_COUNTRY,
    LINK_COLUMNS,
    M2M_COLUMNS,
    MAX_ROWS,
    SCALAR_ATTRIBUTES,
    SEPARATOR,
    Record,
    RowError,
    Taxonomies,
    error_order,
    escape_formula,
    read_directory_file,
    validate_rows,
)
from actors.models import SDG, Organisation, OrganisationNeed
from actors.services import organisation_changed

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
BATCH = 500  # rows per bulk insert or update

Action = Literal["create", "update", "unchanged"]


# Results -------------------------------------------------------------------


@dataclass(frozen=True)
class RowOutcome:
    """What importing one valid row does (or would do) to the directory."""

    row: int
    slug: str
    name: str
    action: Action
    changed: tuple[str, ...] = ()  # the columns that differ, for updates


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


# Planning ------------------------------------------------------------------


@dataclass
class Existing:
    """An organisation as stored: its columns in database terms and its links."""

    pk: int
    values: dict[str, Any]
    links: dict[str, dict[int, int]]  # column -> {target id: link row id}


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _m2m(column: str):
    """(through model, organisation column, target column) of a many-to-many column."""
    model_field = Organisation._meta.get_field(column)
    through = model_field.remote_field.through
    return through, model_field.m2m_column_name(), model_field.m2m_reverse_name()


def load_existing(*, slugs: list[str]) -> dict[str, Existing]:
    """The organisations with these slugs and their links: seven queries per 2,000 slugs."""
    existing: dict[str, Existing] = {}
    attributes = ["pk", "slug", *SCALAR_ATTRIBUTES.values()]
    for chunk in _chunks(slugs):
        by_pk: dict[int, Existing] = {}
        for row in Organisation.objects.filter(slug__in=chunk).values(*attributes):
            values = {column: row[attname] for column, attname in SCALAR_ATTRIBUTES.items()}
            values["intervention_countries"] = _country_list(values["intervention_countries"])
            values["country"] = str(values["country"] or "")
            item = Existing(row["pk"], values, {column: {} for column in LINK_COLUMNS})
            existing[row["slug"]] = by_pk[row["pk"]] = item
        if not by_pk:
            continue
        pks = list(by_pk)
        for column in M2M_COLUMNS:
            through, own, target = _m2m(column)
            links = through.objects.filter(**{f"{own}__in": pks}).values_list("pk", own, target)
            for link_pk, organisation_pk, target_pk in links:
                by_pk[organisation_pk].links[column][target_pk] = link_pk
        needs = OrganisationNeed.objects.filter(organisation_id__in=pks).values_list(
            "pk", "organisation_id", "competence_id"
        )
        for need_pk, organisation_pk, competence_pk in needs:
            by_pk[organisation_pk].links["needs"][competence_pk] = need_pk
    return existing


def _country_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return sorted({str(getattr(code, "code", code)) for code in value if code})


def changed_columns(*, record: Record, existing: Existing) -> tuple[str, ...]:
    """The columns of ``record`` whose value differs from the stored organisation."""
    changed = []
    for column, value in record.values.items():
        if column in LINK_COLUMNS:
            if set(value) != set(existing.links[column]):
                changed.append(column)
        elif value != existing.values[column]:
            changed.append(column)
    return tuple(column for column in COLUMNS if column in changed)


@dataclass
class Plan:
    outcomes: list[RowOutcome]
    creates: list[Record]
    updates: list[tuple[Record, Existing, tuple[str, ...]]]


def plan_import(*, records: list[Record]) -> Plan:
    """Compare each record with the directory: create, update or leave unchanged."""
    existing = load_existing(slugs=[record.slug for record in records])
    plan = Plan([], [], [])
    for record in records:
        name = record.values.get("name", "")
        current = existing.get(record.slug)
        if current is None:
            plan.creates.append(record)
            plan.outcomes.append(RowOutcome(record.row, record.slug, name, "create"))
            continue
        changed = changed_columns(record=record, existing=current)
        if changed:
            plan.updates.append((record, current, changed))
            plan.outcomes.append(RowOutcome(record.row, record.slug, name, "update", changed))
        else:
            plan.outcomes.append(RowOutcome(record.row, record.slug, name, "unchanged"))
    return plan


# Writing -------------------------------------------------------------------


def _creation_values(record: Record) -> dict[str, Any]:
    values = {
        "country": DEFAULT_COUNTRY,
        "intervention_countries": [],
        "languages": [],
    }
    for column, attname in SCALAR_ATTRIBUTES.items():
        if column in record.values:
            values[attname] = record.values[column]
    return values


def _write(*, plan: Plan, status: str) -> list[int]:
    now = timezone.now()
    published = status == Organisation.Status.PUBLISHED
    new = [
        Organisation(
            slug=record.slug,
            status=status,
            published_at=now if published else None,
            created_at=now,
            **_creation_values(record),
        )
        for record in plan.creates
    ]
    Organisation.objects.bulk_create(new, batch_size=BATCH)
    if any(organisation.pk is None for organisation in new):  # databases without RETURNING
        pks = {}
        for chunk in _chunks([organisation.slug for organisation in new]):
            pks.update(Organisation.objects.filter(slug__in=chunk).values_list("slug", "pk"))
        for organisation in new:
            organisation.pk = pks[organisation.slug]

    # Updates: each group of rows changing the same columns is one bulk update of those only.
    groups: dict[tuple[str, ...], list[Organisation]] = defaultdict(list)
    for record, current, columns in plan.updates:
        values = {
            SCALAR_ATTRIBUTES[column]: record.values[column]
            for column in columns
            if column in SCALAR_ATTRIBUTES
        }
        if values:
            groups[tuple(values)].append(Organisation(pk=current.pk, **values))
    for fields, organisations in groups.items():
        Organisation.objects.bulk_update(organisations, fields, batch_size=BATCH)
    for chunk in _chunks([current.pk for _record, current, _columns in plan.updates]):
        Organisation.objects.filter(pk__in=chunk).update(updated_at=now)

    # Links: add what is new, remove what is gone; needs kept keep their description.
    additions: dict[str, list[tuple[int, int]]] = {column: [] for column in LINK_COLUMNS}
    removals: dict[str, list[int]] = {column: [] for column in LINK_COLUMNS}
    for record, organisation in zip(plan.creates, new, strict=True):
        for column in LINK_COLUMNS:
            additions[column] += [(organisation.pk, pk) for pk in record.values.get(column, ())]
    for record, current, columns in plan.updates:
        for column in LINK_COLUMNS:
            if column not in columns:
                continue
            wanted, stored = set(record.values[column]), current.links[column]
            additions[column] += [(current.pk, pk) for pk in wanted - set(stored)]
            removals[column] += [link for pk, link in stored.items() if pk not in wanted]
    for column in M2M_COLUMNS:
        through, own, target = _m2m(column)
        for chunk in _chunks(removals[column]):
            through.objects.filter(pk__in=chunk).delete()
        through.objects.bulk_create(
            [through(**{own: a, target: b}) for a, b in additions[column]], batch_size=BATCH
        )
    for chunk in _chunks(removals["needs"]):
        OrganisationNeed.objects.filter(pk__in=chunk).delete()
    OrganisationNeed.objects.bulk_create(
        [
            OrganisationNeed(organisation_id=a, competence_id=b, description="")
            for a, b in additions["needs"]
        ],
        batch_size=BATCH,
    )
    return [organisation.pk for organisation in new] + [
        current.pk for _r, current, _c in plan.updates
    ]


# The import ----------------------------------------------------------------


def import_directory(
    *,
    filename: str,
    content: bytes,
    status: str = "pending",
    dry_run: bool = False,
    max_rows: int = MAX_ROWS,
    too_many_rows_hint: str = "",
) -> ImportResult:
    """Import a directory file: all or nothing, upserting organisations by slug.

    ``status`` (``pending`` or ``published``) is the review state of created
    organisations; updated ones keep theirs. With ``dry_run``, or when any
    row has an error, nothing is written and the result tells what would be.
    A file of more than ``max_rows`` rows is refused whole, with ``too_many_rows_hint``
    (where to import it instead).
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
        result.rows = plan_import(records=records).outcomes
        return result
    try:
        with transaction.atomic():
            plan = plan_import(records=records)
            result.rows = plan.outcomes
            result.organisation_ids = _write(plan=plan, status=status)
            if result.organisation_ids:
                organisation_changed(organisation_ids=result.organisation_ids)
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


def export_row(organisation: Organisation) -> list[str]:
    """An organisation as a row of the spreadsheet (needs the export's prefetches)."""
    return [
        organisation.slug,
        organisation.name,
        organisation.kind.slug,
        organisation.pitch,
        organisation.description,
        organisation.website,
        organisation.email,
        organisation.phone,
        organisation.street,
        organisation.postcode,
        organisation.city,
        organisation.country.code or "",
        _slugs(organisation.territories.all()),
        SEPARATOR.join(_country_list(organisation.intervention_countries)),
        SEPARATOR.join(str(sdg.number) for sdg in sorted(organisation.sdgs.all(), key=_number)),
        _slugs(organisation.offers.all()),
        _slugs(need.competence for need in organisation.needs.all()),
        organisation.needs_description,
        _slugs(organisation.contributions_offered.all()),
        _slugs(organisation.contributions_sought.all()),
        SEPARATOR.join(str(code) for code in organisation.languages or []),
    ]


def _number(sdg: SDG) -> int:
    return sdg.number


def export_directory_csv(*, queryset: QuerySet, stream: TextIO) -> int:
    """Write ``queryset`` to ``stream`` as the directory CSV; returns the number of rows.

    The columns and their order are the contract's, so the file imports back
    with no change. Open ``stream`` with ``newline=""`` when it is a file.
    """
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    organisations = queryset.select_related("kind").prefetch_related(
        "territories",
        "sdgs",
        "offers",
        "needs__competence",
        "contributions_offered",
        "contributions_sought",
    )
    count = 0
    for organisation in organisations.iterator(chunk_size=CHUNK):
        writer.writerow([escape_formula(cell) for cell in export_row(organisation)])
        count += 1
    return count
